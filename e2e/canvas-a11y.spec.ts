/**
 * Accessibility of the canvas's own controls (issue #5 §7) in the states the designer screen
 * check does not reach: the node menu in its connect mode, the strip offering to define missing
 * components, and inspector fields carrying validation messages. axe finds nothing serious.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/studio';

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
