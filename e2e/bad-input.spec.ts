import { expect, test } from './fixtures/studio';

test.describe('bad input gets a clear message and never freezes the page', () => {
  test('an empty file shows an empty canvas with a hint', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText('');
    await expect(page.getByRole('note')).toContainText('No pipelines yet');
  });

  test('a list at the top level is reported at line 1', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText('- receivers\n- exporters\n');
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('the config must be a mapping of sections');
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('line 1:1');
  });

  test('a 5 MB config is analysed off the main thread; the page stays responsive', async ({ studio, page }) => {
    await studio.open();
    // Built in the page beforehand, so the harness's own file transfer is not what we time.
    const size = await page.evaluate(() => {
      const parts = ['receivers:\n'];
      let bytes = 0;
      for (let i = 0; bytes < 5_000_000; i++) {
        const block = `  otlp/r${i}:\n    protocols:\n      grpc:\n        endpoint: localhost:${1000 + (i % 60000)}\n`;
        parts.push(block);
        bytes += block.length;
      }
      parts.push('exporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp/r0, otlp/r1]\n      exporters: [debug]\n');
      const file = new File(parts, 'huge.yaml', { type: 'application/yaml' });
      (window as unknown as { __file: File }).__file = file;
      return file.size;
    });
    expect(size).toBeGreaterThan(5_000_000);
    // Opened like a user would: Import, pick a file.
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=file][aria-label="Import YAML file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add((window as unknown as { __file: File }).__file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // The parse runs in the worker; the page keeps answering (its longest task is measured by
    // `npm run bench`, not asserted here).
    await expect(page.getByRole('status').filter({ hasText: 'Opened huge.yaml' })).toBeVisible();
    const toggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ });
    const before = await page.locator('html').getAttribute('data-theme');
    await toggle.click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', before ?? '');
    await expect(studio.node('lane:traces:receivers:otlp/r1')).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('the full Collector validation is skipped');
    expect(await studio.editorText()).toHaveLength(size);
  });
});
