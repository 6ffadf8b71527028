import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test } from './fixtures/studio';

test.describe('validation like the Collector, in the app', () => {
  test('a typed error shows a marker and a Problems entry; its quick fix makes the config valid', async ({ studio, page }) => {
    await studio.open();
    const problems = page.getByRole('list', { name: 'Problems' });
    // Reference a processor that is not defined, as a user typing would.
    const lines = SAMPLE_CONFIG.split('\n');
    const line = lines.findIndex((l) => l.includes('processors: [memory_limiter, batch]')) + 1;
    await studio.moveCursor(line, lines[line - 1]!.indexOf(']') + 1);
    await page.keyboard.insertText(', batch/extra');
    const message = 'references processor "batch/extra" which is not configured';
    await expect(problems).toContainText(message);
    await expect.poll(async () => (await studio.markers()).some((m) => m.message.includes(message) && m.startLineNumber === line && m.severity === 8)).toBe(true);
    await expect(studio.node('lane:metrics:processors:batch/extra')).toContainText('not defined');

    const row = problems.getByRole('listitem').filter({ hasText: message });
    await row.getByRole('button', { name: /Define/ }).first().click();
    await expect(page.getByText(message)).toHaveCount(0);
    expect(await studio.editorText()).toMatch(/\n {2}batch\/extra:/);
    await expect(page.getByRole('button', { name: /^0 errors$/ })).toBeVisible();
  });

  test('switching the distribution to core flags the contrib-only components', async ({ studio, page }) => {
    await studio.open();
    await expect(page.getByRole('button', { name: /^0 errors$/ })).toBeVisible();
    await page.getByRole('combobox', { name: 'Collector distribution' }).selectOption('core');
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems).toContainText('unknown type: "tail_sampling"');
    await expect(problems).toContainText('unknown type: "span_metrics"');
    await expect(studio.node('lane:traces:processors:tail_sampling').locator('.badge--error')).toBeVisible();
    await page.getByRole('combobox', { name: 'Collector distribution' }).selectOption('contrib');
    await expect(page.getByText('unknown type:')).toHaveCount(0);
  });

  test('a deprecated alias gets a warning and a rename fix', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(SAMPLE_CONFIG.replaceAll('otlp_grpc', 'otlp'));
    const problems = page.getByRole('list', { name: 'Problems' });
    await expect(problems).toContainText('alias is deprecated');
    const row = problems.getByRole('listitem').filter({ hasText: 'alias is deprecated' }).first();
    await row.getByRole('button', { name: /Rename/ }).click();
    await expect(page.getByText('alias is deprecated')).toHaveCount(0);
    expect(await studio.editorText()).toContain('exporters: [otlp_grpc, debug]');
  });

  test('the environment panel lists variables and feeds sample values to validation', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(SAMPLE_CONFIG.replace('check_interval: 1s', 'check_interval: ${env:CHECK_INTERVAL}'));
    const input = page.getByRole('textbox', { name: 'Sample value for CHECK_INTERVAL' });
    await expect(input).toBeVisible();
    await input.fill('soon');
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('check_interval');
    await input.fill('2s');
    await expect(page.getByRole('button', { name: /^0 errors$/ })).toBeVisible();
    expect(await studio.editorText()).toContain('${env:CHECK_INTERVAL}');
  });
});

test('the editor completes component settings from the same schemas the validator uses', async ({ studio, page }) => {
  await studio.open();
  const lines = SAMPLE_CONFIG.split('\n');
  const line = lines.findIndex((l) => l.includes('send_batch_size: 8192')) + 1;
  await studio.moveCursor(line, 1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('send_batch_max');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('send_batch_max_size', { timeout: 15_000 });
});
