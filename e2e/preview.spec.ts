import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test, type PreviewPage } from './fixtures/preview';

/** What `pipeline-studio simulate` reports for the sample with a seeded checkout scenario. */
function cliSummary(seed: number, traces: number): { sampledTraces: number; inputTraces: number; exportedSpans: number } {
  const dir = mkdtempSync(join(tmpdir(), 'preview-e2e-'));
  const file = join(dir, 'sample.yaml');
  writeFileSync(file, SAMPLE_CONFIG);
  const out = execFileSync(process.execPath, ['bin/pipeline-studio.mjs', 'simulate', file, '--seed', String(seed), '--traces-count', String(traces), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { summary: { sampledTraces: number; inputTraces: number; exportedSpans: number } }).summary;
}

async function shoot(preview: PreviewPage, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    const toggle = preview.page.getByRole('button', { name: theme === 'dark' ? 'Switch to dark theme' : 'Switch to light theme' });
    if (await toggle.isVisible()) await toggle.click();
    await preview.page.waitForTimeout(250);
    await preview.page.screenshot({ path: `e2e/screenshots/preview-${name}-${theme}.png` });
  }
}

test.describe('preview: traces through the pipeline', () => {
  test('opens with a preview of the sample: the canvas shows flow counts equal to the CLI defaults', async ({ preview }) => {
    const cli = cliSummary(1, 1000);
    await preview.open();
    await preview.waitForResult();
    expect(await preview.keptTraceCount()).toBe(cli.sampledTraces);
    await expect(preview.page.getByTestId('kept-traces')).toContainText(`of ${cli.inputTraces.toLocaleString('en-US')}`);
    // Overlay: the tail sampler's counters and a counted edge.
    await expect(preview.node('lane:traces:processors:tail_sampling').getByTestId('node-flow')).toBeVisible();
    await expect(preview.node('lane:traces:exporters:otlp_grpc').getByTestId('node-flow')).toContainText('sends');
    await expect(preview.node('lane:metrics:processors:batch').getByTestId('node-flow')).toContainText(/pts|not simulated/);
    await preview.openTab('Problems');
    await shoot(preview, 'canvas');
  });

  test('a seeded scenario gives the kept-trace count the CLI reports', async ({ preview }) => {
    const cli = cliSummary(7, 2000);
    await preview.open();
    await preview.waitForResult();
    await preview.setScenario({ seed: 7, traces: 2000 });
    await expect(preview.runStatus()).toContainText('seed 7', { timeout: 30_000 });
    await preview.waitForResult();
    expect(await preview.keptTraceCount()).toBe(cli.sampledTraces);
    await expect(preview.page.getByTestId('kept-traces')).toContainText('of 2,000');
    await expect(preview.page.getByRole('table', { name: 'Policies' })).toContainText('baseline');
    await expect(preview.page.locator('.pv-chart canvas').first()).toBeVisible();
    await preview.page.getByText('Kept share by status').scrollIntoViewIfNeeded();
    await shoot(preview, 'results');
  });

  test('an uploaded trace file: find its trace, open it, read the decision and why', async ({ preview, page }) => {
    await preview.open();
    await preview.waitForResult();
    await preview.uploadTraces('reference/corpus/traces/otel-proto__examples__trace.json');
    await expect(preview.runStatus()).toContainText('otel-proto__examples__trace.json', { timeout: 30_000 });
    await preview.waitForResult();
    await expect(page.getByRole('region', { name: 'Loaded traces' })).toContainText('otlp-json');
    await preview.openTab('Traces');
    await page.getByRole('searchbox', { name: 'Trace id' }).fill('5b8efff798038103d269b633813fc60c');
    await expect(preview.traceRows()).toHaveCount(1);
    await preview.traceRows().first().click();
    const view = preview.traceView();
    await expect(view.getByTestId('trace-decision')).toHaveText(/^(sampled|not sampled|dropped)$/);
    await expect(view.getByTestId('trace-reason')).toContainText(/tail_sampling|policy/);
    const verdicts = view.getByRole('list', { name: 'Policy verdicts' }).getByRole('listitem');
    await expect(verdicts).toHaveCount(3);
    await expect(verdicts.nth(1)).toContainText(/latency .*threshold 500 ms/);
    await expect(view.getByRole('tree', { name: 'Spans' }).getByRole('treeitem')).toHaveCount(1);
    await expect(view.getByRole('complementary', { name: 'Span details' })).toContainText('Resource');
  });

  test('the trace view of a generated trace, the list filtered by decision', async ({ preview, page }) => {
    await preview.open();
    await preview.waitForResult();
    await preview.openTab('Traces');
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('sampled');
    await expect(page.getByTestId('trace-count')).toContainText(`${cliSummary(1, 1000).sampledTraces} of 1,000`);
    await page.getByRole('button', { name: 'Spans' }).click();
    await preview.traceRows().first().click();
    await expect(preview.traceView().getByTestId('trace-decision')).toHaveText('sampled');
    await expect(preview.traceView().getByTestId('trace-reason')).toContainText('Sampled by');
    await shoot(preview, 'trace');
  });

  test('a config that does not validate keeps the last result, stale, and says why', async ({ preview }) => {
    await preview.open();
    await preview.waitForResult();
    const kept = (await preview.keptTraceCount()).toLocaleString('en-US');
    await preview.setEditorText(SAMPLE_CONFIG.replace('exporters: [otlp_grpc, debug]', 'exporters: [otlp_grpc, nowhere]'));
    await expect(preview.runStatus()).toContainText(/Cannot run|stale/, { timeout: 15_000 });
    await preview.openTab('Results');
    await expect(preview.page.getByTestId('preview-notice')).toContainText('would not start');
    await expect(preview.page.getByTestId('preview-notice')).toContainText('nowhere');
    await expect(preview.page.getByTestId('kept-trace-count')).toHaveText(kept);
    await expect(preview.runStatus()).toContainText('Cannot run: config has errors · result is stale');
    // Fixed again: the preview reruns by itself and the result is fresh.
    await preview.setEditorText(SAMPLE_CONFIG);
    await preview.waitForResult();
    await expect(preview.page.getByTestId('preview-notice')).toHaveCount(0);
  });
});
