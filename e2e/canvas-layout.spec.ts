/**
 * Node positions (issue #5): a node the user moved stays where it was put, across a reload, until
 * Auto-layout; moving never touches the YAML. Positions are compared in canvas units — the offset
 * from an unmoved node divided by the zoom — because the view is fitted afresh after a reload.
 */
import type { Locator } from '@playwright/test';
import { NODE_WIDTH } from '../src/core/graph/layoutGraph';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test } from './fixtures/studio';

async function offset(node: Locator, reference: Locator): Promise<{ x: number; y: number }> {
  const a = (await node.boundingBox())!;
  const b = (await reference.boundingBox())!;
  const zoom = b.width / NODE_WIDTH;
  return { x: (a.x - b.x) / zoom, y: (a.y - b.y) / zoom };
}

function near(a: { x: number; y: number }, b: { x: number; y: number }, tolerance = 3): boolean {
  return Math.abs(a.x - b.x) <= tolerance && Math.abs(a.y - b.y) <= tolerance;
}

test('a node moved by mouse keeps its place after a reload, and Auto-layout puts it back', async ({ studio, page }) => {
  await studio.open();
  const moved = studio.node('lane:traces:exporters:debug');
  const reference = studio.node('lane:traces:receivers:otlp');
  await expect(moved).toBeVisible();
  const computed = await offset(moved, reference);

  const box = (await moved.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.move(box.x + 100, box.y + box.height / 2 + 120, { steps: 5 });
  await page.mouse.up();
  const dropped = await offset(moved, reference);
  expect(near(dropped, computed, 20)).toBe(false);
  // Moving is layout, not configuration.
  expect(await studio.editorText()).toBe(SAMPLE_CONFIG);

  await page.reload();
  await studio.waitForEditor();
  await expect(moved).toBeVisible();
  expect(near(await offset(moved, reference), dropped)).toBe(true);

  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByTestId('canvas-status')).toContainText('Auto-layout');
  await expect.poll(async () => near(await offset(moved, reference), computed)).toBe(true);

  // And the reset is kept too.
  await page.reload();
  await studio.waitForEditor();
  await expect(moved).toBeVisible();
  expect(near(await offset(moved, reference), computed)).toBe(true);
});
