/**
 * Canvas editing (issue #5), by mouse: palette → canvas drops, drawn edges, processor reordering,
 * refusals with reasons, one history shared with the editor, screenshots in both themes.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type StudioPage } from './fixtures/studio';

const BUILT = readFileSync(new URL('./scenarios/built-by-mouse.yaml', import.meta.url), 'utf8');
const THIRTY = readFileSync(new URL('./scenarios/thirty-components.yaml', import.meta.url), 'utf8');

class CanvasEditor {
  constructor(
    readonly page: Page,
    readonly studio: StudioPage,
  ) {}

  status() {
    return this.page.getByTestId('canvas-status');
  }

  /** A palette entry (searched for, so its group is open). */
  async paletteItem(kind: string, type: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Search components' }).fill(type);
    const item = this.page.getByTestId(`palette-${kind}-${type}`);
    await expect(item).toBeVisible();
    return item;
  }

  /** Drags a palette entry onto a target, at a position relative to the target's top-left. */
  async drop(kind: string, type: string, target: Locator, position?: { x: number; y: number }): Promise<void> {
    const item = await this.paletteItem(kind, type);
    await item.dragTo(target, { force: true, ...(position ? { targetPosition: position } : {}) });
  }

  /** Drops onto empty canvas, under the lanes. */
  async dropOnEmpty(kind: string, type: string): Promise<void> {
    const pane = this.page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    await this.drop(kind, type, pane, { x: box.width * 0.45, y: box.height - 90 });
  }

  async newPipeline(signal: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Signal of the new pipeline' }).selectOption(signal);
    await this.page.getByRole('button', { name: 'New pipeline' }).click();
  }

  /** Draws an edge from a node's output handle to another node's input handle, with the mouse. */
  async drawEdge(fromKey: string, toKey: string, release = true): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit View' }).click();
    await expect(this.studio.node(toKey)).toBeVisible();
    await this.page.waitForTimeout(400); // let autosave and layout settle
    const from = (await this.studio.node(fromKey).locator('.react-flow__handle.source').boundingBox())!;
    const to = (await this.studio.node(toKey).locator('.react-flow__handle.target').first().boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2 - 30, to.y + to.height / 2, { steps: 8 });
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 4 });
    if (release) await this.page.mouse.up();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }

  async redo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Redo' }).click();
  }
}

async function errorCount(studio: StudioPage): Promise<number> {
  return (await studio.markers()).filter((m) => m.severity === 8).length;
}

test.describe('canvas editing, by mouse', () => {
  test('builds otlp → memory_limiter → batch → debug from an empty design, undoes it all and redoes it', async ({ studio, page }) => {
    const canvas = new CanvasEditor(page, studio);
    await studio.open();
    await studio.setEditorText('');
    await expect(page.getByRole('note').filter({ hasText: 'No pipelines yet' })).toBeVisible();

    await canvas.newPipeline('traces');
    const lane = studio.lane('traces');
    await expect(lane).toBeVisible();
    await canvas.drop('receiver', 'otlp', lane);
    await expect(studio.node('lane:traces:receivers:otlp')).toBeVisible();
    await canvas.drop('processor', 'memory_limiter', lane);
    await expect(studio.node('lane:traces:processors:memory_limiter')).toBeVisible();
    // Right of memory_limiter: appended after it.
    const box = (await lane.boundingBox())!;
    await canvas.drop('processor', 'batch', lane, { x: box.width - 12, y: box.height / 2 });
    await expect(studio.node('lane:traces:processors:batch')).toBeVisible();
    // Dropped on nothing: defined only, and the status says so.
    await canvas.dropOnEmpty('exporter', 'debug');
    await expect(canvas.status()).toContainText('not in any pipeline');
    await expect(studio.node('unplaced:exporter:debug')).toBeVisible();
    // Connect batch → debug: debug joins the pipeline's exporters.
    await canvas.drawEdge('lane:traces:processors:batch', 'unplaced:exporter:debug');
    await expect(studio.node('lane:traces:exporters:debug')).toBeVisible();

    await expect.poll(() => studio.editorText()).toBe(BUILT);
    // It validates: no errors in the problems panel or the editor markers.
    await expect(page.getByRole('tab', { name: /^Problems/ })).not.toContainText('error');
    await expect.poll(() => errorCount(studio)).toBe(0);

    // One history: six canvas actions = six undo steps back to the empty text.
    for (let i = 0; i < 6; i++) await canvas.undo();
    await expect.poll(() => studio.editorText()).toBe('');
    for (let i = 0; i < 6; i++) await canvas.redo();
    await expect.poll(() => studio.editorText()).toBe(BUILT);
  });

  test('dragging a processor along its lane reorders the list, comments kept, as one undo step', async ({ studio, page }) => {
    const canvas = new CanvasEditor(page, studio);
    await studio.open();
    const text = [
      'receivers:',
      '  otlp:',
      '    protocols:',
      '      grpc:',
      'processors:',
      '  memory_limiter:',
      '    check_interval: 1s',
      '    limit_percentage: 80',
      '  batch:',
      'exporters:',
      '  debug:',
      'service:',
      '  pipelines:',
      '    traces:',
      '      receivers: [otlp]',
      '      processors:',
      '        # guard memory first',
      '        - memory_limiter',
      '        - batch # then batch',
      '      exporters: [debug]',
      '',
    ].join('\n');
    await studio.setEditorText(text);
    const first = studio.node('lane:traces:processors:memory_limiter');
    const second = studio.node('lane:traces:processors:batch');
    await expect(second).toBeVisible();
    await expect(first).toBeVisible();
    await page.waitForTimeout(300);
    const a = (await first.boundingBox())!;
    const b = (await second.boundingBox())!;
    await page.mouse.move(a.x + 60, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, a.y + a.height / 2, { steps: 6 });
    await page.mouse.move(b.x + b.width - 10, a.y + a.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => studio.editorText()).toContain('        - batch # then batch\n        # guard memory first\n        - memory_limiter\n');
    await expect(canvas.status()).toContainText('Moved memory_limiter');
    await canvas.undo();
    await expect.poll(() => studio.editorText()).toBe(text);
  });

  test('refuses the prometheus exporter in a traces pipeline, and says why', async ({ studio, page }) => {
    const canvas = new CanvasEditor(page, studio);
    await studio.open();
    await studio.setEditorText('receivers:\n  otlp:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n');
    await expect(studio.node('lane:traces:receivers:otlp')).toBeVisible();
    // Dropped on the traces lane: defined, not added, with the reason.
    await canvas.drop('exporter', 'prometheus', studio.lane('traces'));
    await expect(canvas.status()).toContainText('The prometheus exporter does not support traces; it supports metrics.');
    await expect(studio.node('unplaced:exporter:prometheus')).toBeVisible();
    const before = await studio.editorText();
    // Drawing the edge is refused while dragging, with the same reason.
    await canvas.drawEdge('lane:traces:receivers:otlp', 'unplaced:exporter:prometheus');
    await expect(canvas.status()).toHaveText('The prometheus exporter does not support traces; it supports metrics.');
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    expect(await studio.editorText()).toBe(before);
    // An edge that is already there is refused too, and says so (a node to itself: canvas-bad-input.spec.ts).
    await canvas.drawEdge('lane:traces:receivers:otlp', 'lane:traces:exporters:debug');
    await expect(canvas.status()).toContainText('otlp and debug are already connected in pipeline traces');
    expect(await studio.editorText()).toBe(before);
  });

  test('while the YAML is broken, canvas edits are refused with a reason', async ({ studio, page }) => {
    const canvas = new CanvasEditor(page, studio);
    await studio.open();
    await studio.setEditorText('service:\n  pipelines:\n    traces:\n      receivers: [otlp\n');
    await expect(studio.canvas()).toHaveClass(/canvas--stale/);
    await canvas.newPipeline('logs');
    await expect(canvas.status()).toContainText('The YAML does not parse');
  });

  test('node menu: remove from pipeline keeps the definition, keyboard path via Delete', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText('receivers:\n  otlp:\nprocessors:\n  batch:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      processors: [batch]\n      exporters: [debug]\n');
    // The sample's traces lane has a batch node too: wait until the canvas shows the new text.
    await expect(page.locator('.react-flow__node[data-id="lane:traces:processors:memory_limiter"]')).toHaveCount(0);
    const node = studio.node('lane:traces:processors:batch');
    await expect(node).toBeVisible();
    await page.locator('.react-flow__node[data-id="lane:traces:processors:batch"]').focus();
    await page.keyboard.press('Delete');
    const menu = page.getByRole('menu', { name: 'Actions for processor batch' });
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Remove from this pipeline' }).click();
    await expect.poll(() => studio.editorText()).toContain('      processors: []\n');
    expect(await studio.editorText()).toContain('processors:\n  batch:\n');
    await expect(studio.node('unplaced:processor:batch')).toBeVisible();
  });

  test('screenshots of the designer with thirty components, both themes', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(THIRTY);
    await expect(studio.lane('traces')).toBeVisible();
    await page.getByRole('button', { name: 'Fit View' }).click();
    for (const theme of ['light', 'dark'] as const) {
      const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
      if ((await toggle.count()) > 0) await toggle.click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `e2e/screenshots/designer-canvas-${theme}.png` });
    }
    expect(await errorCount(studio)).toBe(0);
  });
});
