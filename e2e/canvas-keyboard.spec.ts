/**
 * Every canvas action by keyboard alone (issue #5): find a component in the palette and add it,
 * connect it through the node menu, open its settings, move it, delete it — no mouse anywhere,
 * the YAML changed only by the actions that change configuration.
 */
import type { Locator, Page } from '@playwright/test';
import { NODE_WIDTH } from '../src/core/graph/layoutGraph';
import { expect, test } from './fixtures/studio';

const START = [
  'receivers:',
  '  otlp:',
  '    protocols:',
  '      grpc:',
  'processors:',
  '  batch: # defaults',
  'exporters:',
  '  otlp_grpc:',
  '    endpoint: collector:4317',
  'service:',
  '  pipelines:',
  '    traces:',
  '      receivers: [otlp]',
  '      processors: [batch]',
  '      exporters: [otlp_grpc]',
  '',
].join('\n');

/** Tabs forward until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Presses ↓ in an open menu until `item` has the focus. */
async function arrowTo(page: Page, item: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await item.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('ArrowDown');
  }
  await expect(item).toBeFocused();
}

async function flowOffset(node: Locator, reference: Locator): Promise<{ x: number; y: number }> {
  const a = (await node.boundingBox())!;
  const b = (await reference.boundingBox())!;
  const zoom = b.width / NODE_WIDTH;
  return { x: Math.round((a.x - b.x) / zoom), y: Math.round((a.y - b.y) / zoom) };
}

test('keyboard only: add debug from the palette, connect it from the node menu, inspect, move and delete it', async ({ studio, page }) => {
  await studio.open();
  await studio.setEditorText(START);
  await expect(studio.node('lane:traces:processors:batch')).toBeVisible();
  await page.locator('body').focus();

  // Palette: focus the search, type, Enter opens the first match's choices.
  const search = page.getByRole('searchbox', { name: 'Search components' });
  await tabTo(page, search);
  await page.keyboard.type('debug');
  await expect(page.getByTestId('palette-exporter-debug')).toBeVisible();
  await page.keyboard.press('Enter');
  const choices = page.getByRole('group', { name: 'Add debug to' });
  await expect(choices.getByRole('button', { name: 'Add to traces' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(choices.getByRole('button', { name: 'Just define it' })).toBeFocused();
  await page.keyboard.press('Enter');

  // The new node is on the canvas, not in a pipeline yet, and has the focus.
  const unplaced = page.locator('.react-flow__node[data-id="unplaced:exporter:debug"]');
  await expect(unplaced).toBeFocused();
  await expect.poll(() => studio.editorText()).toContain('exporters:\n  otlp_grpc:\n    endpoint: collector:4317\n  debug:\n');

  // Connect from its menu: the context-menu key, "Connect to…", the batch → debug edge.
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Actions for exporter debug' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await arrowTo(page, menu.getByRole('menuitem', { name: 'Connect to…' }));
  await page.keyboard.press('Enter');
  const edge = menu.getByRole('menuitem', { name: 'batch → debug (traces)' });
  await expect(edge).toBeVisible();
  // Only edges that can exist are offered: data never flows out of an exporter.
  await expect(menu.getByRole('menuitem', { name: /^debug → / })).toHaveCount(0);
  await arrowTo(page, edge);
  await page.keyboard.press('Enter');
  await expect.poll(() => studio.editorText()).toContain('      exporters: [otlp_grpc, debug]\n');
  const inLane = page.locator('.react-flow__node[data-id="lane:traces:exporters:debug"]');
  await expect(inLane).toBeFocused();

  // Select: Enter opens its settings.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Settings of exporter debug' })).toBeVisible();
  await expect(inLane).toBeFocused();

  // Move: Shift+arrow keys, one grid step (24) each; the YAML does not change.
  const reference = studio.node('lane:traces:receivers:otlp');
  const text = await studio.editorText();
  const before = await flowOffset(inLane, reference);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('canvas-status')).toContainText('Moved debug right');
  await expect.poll(() => flowOffset(inLane, reference)).toEqual({ x: before.x + 24, y: before.y + 48 });
  expect(await studio.editorText()).toBe(text);
  await expect(inLane).toBeFocused();

  // Arrow keys alone walk to the nearest node in that direction.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.react-flow__node[data-id="lane:traces:exporters:otlp_grpc"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(inLane).toBeFocused();

  // Delete: Delete opens the menu; "Delete everywhere" removes the definition and the reference.
  await page.keyboard.press('Delete');
  const actions = page.getByRole('menu', { name: 'Actions for exporter debug' });
  await expect(actions.getByRole('menuitem').first()).toBeFocused();
  await arrowTo(page, actions.getByRole('menuitem', { name: 'Delete everywhere' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => studio.editorText()).toBe(START);
  await expect(studio.node('lane:traces:exporters:debug')).toHaveCount(0);
  // The focus stays on the canvas, on the lane the node was in.
  await expect(page.locator('.react-flow__node[data-id="lanebox:traces"]')).toBeFocused();

  // Undo with the keyboard too: Ctrl+Z on the canvas brings debug back in one step.
  await page.keyboard.press('Control+z');
  await expect.poll(() => studio.editorText()).toContain('      exporters: [otlp_grpc, debug]\n');
});

test('keyboard: a processor moves along its lane with Alt+arrows, Shift+arrows explain why it does not slide', async ({ studio, page }) => {
  await studio.open();
  await studio.setEditorText(START.replace('      processors: [batch]', '      processors: [memory_limiter, batch]').replace('  batch: # defaults\n', '  memory_limiter:\n    check_interval: 1s\n    limit_percentage: 80\n  batch: # defaults\n'));
  // The sample's traces lane has a batch node too: wait until the canvas shows the new text
  // (its tail_sampling is gone), or the keys would go to a node about to be redrawn.
  await expect(page.locator('.react-flow__node[data-id="lane:traces:processors:tail_sampling"]')).toHaveCount(0);
  const batch = page.locator('.react-flow__node[data-id="lane:traces:processors:batch"]');
  await expect(batch).toBeVisible();
  await batch.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(page.getByTestId('canvas-status')).toContainText('Alt+← and Alt+→ move batch earlier or later');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => studio.editorText()).toContain('      processors: [batch, memory_limiter]\n');
});
