/**
 * Exporting the canvas as a picture (issue #5), through the toolbar, under the production CSP:
 * the studio fixture fails the test on any CSP violation or console error.
 */
import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures/studio';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

test.describe('canvas export', () => {
  test('Export SVG downloads a well-formed SVG holding every node label', async ({ studio, page }) => {
    await studio.open();
    await expect(studio.node('lane:traces:processors:tail_sampling')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('pipeline.svg');
    const svg = (await saved(download)).toString('utf8');
    // Parsed the way an image viewer would: as XML, in the browser.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, texts: [...doc.querySelectorAll('text')].map((t) => t.textContent) };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    for (const label of ['otlp', 'memory_limiter', 'tail_sampling', 'batch', 'otlp_grpc', 'debug', 'span_metrics', 'health_check']) expect(parsed.texts).toContain(label);
    for (const lane of ['traces', 'traces/metrics', 'metrics', 'logs']) expect(parsed.texts).toContain(lane);
  });

  test('Export PNG downloads a real PNG image of the canvas', async ({ studio, page }) => {
    await studio.open();
    await expect(studio.node('lane:traces:processors:tail_sampling')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('pipeline.png');
    const png = await saved(download);
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: width and height of a picture big enough for four lanes, drawn at 2x.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(600);
    expect(png.length).toBeGreaterThan(20_000);
    // It decodes as an image with those dimensions (not just a header).
    const decoded = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      return { width: bitmap.width, height: bitmap.height };
    }, [...png]);
    expect(decoded).toEqual({ width, height });
  });
});
