/**
 * Bad input on the canvas (issue #5): an edge from a node to itself, pipelines that reference
 * components nobody defined, a config of a thousand nodes. No crash, a clear message, and the
 * document unharmed (the studio fixture also fails the test on any console error).
 */
import { expect, test } from './fixtures/studio';

const SIMPLE = 'receivers:\n  otlp:\nprocessors:\n  batch:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [debug]\n';

test('an edge from a node to itself is refused, with the reason', async ({ studio, page }) => {
  await studio.open();
  await studio.setEditorText(SIMPLE);
  const batch = studio.node('lane:traces:processors:batch');
  await expect(batch).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  // From batch's output handle round to its own input handle, with the mouse.
  const from = (await batch.locator('.react-flow__handle.source').boundingBox())!;
  const to = (await batch.locator('.react-flow__handle.target').first().boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y - 60, { steps: 6 });
  await page.mouse.move(to.x - 20, to.y - 60, { steps: 6 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 6 });
  await expect(page.getByTestId('canvas-status')).toHaveText("A component can't be connected to itself.");
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  expect(await studio.editorText()).toBe(SIMPLE);
});

test('pipelines that reference undefined components: shown as missing, defined on request', async ({ studio, page }) => {
  await studio.open();
  const text = '# only the receiver is written\nreceivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch, ghost/2]\n      exporters: [nowhere]\n';
  await studio.setEditorText(text);
  // The canvas draws them anyway, marked, and says what is wrong.
  const nowhere = studio.node('lane:traces:exporters:nowhere');
  await expect(nowhere).toBeVisible();
  await expect(nowhere).toHaveClass(/is-undefined/);
  await expect(nowhere).toContainText('not defined');
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText('nowhere');
  const strip = page.getByRole('group', { name: 'Components used but not defined' });
  await expect(strip).toContainText('3 components are used in pipelines but not defined: processor batch, processor ghost/2, exporter nowhere');

  // One of them from its node menu (the keyboard path).
  await page.locator('.react-flow__node[data-id="lane:traces:processors:batch"]').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('menu', { name: 'Actions for processor batch' }).getByRole('menuitem', { name: 'Define processor batch' }).click();
  await expect.poll(() => studio.editorText()).toBe(text.replace('  otlp:\n', '  otlp:\nprocessors:\n  batch:\n'));
  await expect(strip).toContainText('2 components are used in pipelines but not defined: processor ghost/2, exporter nowhere');

  // The rest at once: one edit, one undo step.
  await strip.getByRole('button', { name: 'Define all 2' }).click();
  await expect(strip).toHaveCount(0);
  await expect(nowhere).not.toHaveClass(/is-undefined/);
  const defined = await studio.editorText();
  expect(defined.startsWith('# only the receiver is written\nreceivers:\n  otlp:\nprocessors:\n  batch:\n  ghost/2:\n')).toBe(true);
  expect(defined).toContain('exporters:\n  nowhere:\n');
  expect(defined.endsWith(text.slice(text.indexOf('service:')))).toBe(true);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => studio.editorText()).toBe(text.replace('  otlp:\n', '  otlp:\nprocessors:\n  batch:\n'));
  await expect(strip).toBeVisible();
});

test('a config of 1,000 nodes loads, the canvas stays usable and the page answers', async ({ studio, page }) => {
  test.setTimeout(120_000);
  await studio.open();
  const lanes = 250; // × (receiver, 2 processors, exporter) = 1,000 nodes on the canvas
  const lines = ['receivers:'];
  for (let i = 0; i < lanes; i++) lines.push(`  otlp/p${i}:`, '    protocols:', '      grpc:', `        endpoint: localhost:${10000 + i}`);
  lines.push('processors:', '  memory_limiter:', '    check_interval: 1s', '    limit_percentage: 80', '  batch:', 'exporters:');
  for (let i = 0; i < lanes; i++) lines.push(`  otlp_grpc/p${i}:`, `    endpoint: backend-${i}:4317`);
  lines.push('service:', '  pipelines:');
  for (let i = 0; i < lanes; i++) lines.push(`    traces/p${i}:`, `      receivers: [otlp/p${i}]`, '      processors: [memory_limiter, batch]', `      exporters: [otlp_grpc/p${i}]`);
  const text = `${lines.join('\n')}\n`;
  await studio.setEditorText(text);

  const first = studio.node('lane:traces/p0:processors:batch');
  await expect(first).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.react-flow__node-lane').length), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('group', { name: 'Components used but not defined' })).toHaveCount(0);

  // The page answers: the theme toggles at once.
  const before = await page.locator('html').getAttribute('data-theme');
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', before ?? '');

  // The canvas is usable: select a node, see its settings, walk on with the keyboard.
  await first.click();
  await expect(page.getByRole('region', { name: 'Settings of processor batch' })).toBeVisible();
  const receiver = page.locator('.react-flow__node[data-id="lane:traces/p0:receivers:otlp/p0"]');
  await receiver.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.react-flow__node[data-id="lane:traces/p1:receivers:otlp/p1"]')).toBeFocused();

  // And editable: removing batch from one pipeline changes exactly that list.
  await page.locator('.react-flow__node[data-id="lane:traces/p0:processors:batch"]').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('menu', { name: 'Actions for processor batch' }).getByRole('menuitem', { name: 'Remove from this pipeline' }).click();
  await expect.poll(() => studio.editorText()).toBe(text.replace('    traces/p0:\n      receivers: [otlp/p0]\n      processors: [memory_limiter, batch]\n', '    traces/p0:\n      receivers: [otlp/p0]\n      processors: [memory_limiter]\n'));
  await expect(first).toHaveCount(0);
  await expect(studio.node('lane:traces/p1:processors:batch')).toBeAttached();
});
