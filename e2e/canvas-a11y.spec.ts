/**
 * Accessibility of the canvas's own controls (issue #5 §7) in the states the designer screen
 * check does not reach: the node menu in its connect mode, the strip offering to define missing
 * components, inspector fields carrying validation messages, and nodes drawn as light bodies when
 * zoomed out past reading (src/ui/canvas/levelOfDetail.ts). axe finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/studio';

const THIRTY = readFileSync(new URL('./scenarios/thirty-components.yaml', import.meta.url), 'utf8');

test('axe: node menu, missing-components strip and inspector messages', async ({ studio, page }) => {
  // axe over the canvas and inspector takes a while on a loaded 2-core machine.
  test.setTimeout(120_000);
  await studio.open();
  await studio.setEditorText('receivers:\n  otlp:\nprocessors:\n  batch:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [debug, nowhere]\n');
  await expect(page.getByRole('group', { name: 'Components used but not defined' })).toBeVisible();

  await studio.node('lane:traces:processors:batch').click();
  const inspector = page.getByRole('region', { name: 'Settings of processor batch' });
  await inspector.getByLabel('timeout', { exact: true }).fill('-1s');
  await inspector.getByLabel('timeout', { exact: true }).press('Enter');
  await expect(inspector.getByRole('alert')).toBeVisible();

  await page.locator('.react-flow__node[data-id="lane:traces:receivers:otlp"]').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for receiver otlp' });
  await menu.getByRole('menuitem', { name: 'Connect to…' }).click();
  await expect(menu.getByRole('menuitem').first()).toBeVisible();

  // The palette is covered by the whole-screen check in a11y.spec.ts.
  const results = await new AxeBuilder({ page }).include('.canvas').include('.inspector').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test('zoomed out past reading, nodes keep their names and test ids; zoomed back in, their text returns', async ({ studio, page }) => {
  test.setTimeout(120_000);
  await studio.open();
  await studio.setEditorText(THIRTY);
  const batch = studio.node('lane:traces:processors:batch');
  await expect(batch).toBeVisible();
  await page.getByRole('button', { name: 'Fit View' }).click();
  // Thirty components fit at zoom ≈ 0.43: full nodes, text and all.
  await expect(batch).toContainText('batch');
  await expect(batch).not.toHaveClass(/is-light/);
  const components = page.locator('.react-flow__node-component');
  const count = await components.count();

  // Three steps out (÷1.2 each): ≈ 0.25, under the 0.35 where node text would be under 4 px.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(batch).toHaveClass(/is-light/);
  await expect(batch).not.toContainText('batch');
  await expect(components).toHaveCount(count);
  await expect(page.getByRole('group', { name: 'processor batch in pipeline traces', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'receiver otlp/edge in pipeline traces', exact: true })).toBeVisible();
  // axe over the light nodes themselves (the lane headers do not change with the zoom).
  const results = await new AxeBuilder({ page }).include('.react-flow__node-component').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(batch).not.toHaveClass(/is-light/);
  await expect(batch).toContainText('batch');
  await expect(batch).toContainText('processor');
});
