/**
 * Compare (issue #7): two configs on the same traces — the current one against the text before
 * the last edits, or against a kept baseline — and the way from a changed decision to the trace
 * itself, by mouse and by keyboard. Expected numbers come from `pipeline-studio simulate`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test, type PreviewPage } from './fixtures/preview';

interface CliRun {
  readonly summary: { sampledTraces: number; inputTraces: number; exportedSpans: number };
  readonly traces: readonly { traceId: string; decision: string }[];
}

function cli(config: string, seed = 1, traces = 1000): CliRun {
  const dir = mkdtempSync(join(tmpdir(), 'preview-compare-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, config);
  const out = execFileSync(process.execPath, ['bin/pipeline-studio.mjs', 'simulate', file, '--seed', String(seed), '--traces-count', String(traces), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as CliRun;
}

/** Trace ids whose decision differs between two CLI runs over the same traces. */
function changedIds(before: CliRun, after: CliRun): string[] {
  const was = new Map(before.traces.map((t) => [t.traceId, t.decision]));
  return after.traces.filter((t) => was.has(t.traceId) && was.get(t.traceId) !== t.decision).map((t) => t.traceId);
}

const count = (n: number) => n.toLocaleString('en-US');
const LOWER_THRESHOLD = SAMPLE_CONFIG.replace('threshold_ms: 500', 'threshold_ms: 100');

function compareTab(page: Page) {
  return page.getByRole('tab', { name: 'Compare' });
}

async function editAndWait(preview: PreviewPage, text: string, keptAfter: number): Promise<void> {
  await preview.setEditorText(text);
  await preview.openTab('Results');
  await expect(preview.page.getByTestId('kept-trace-count')).toHaveText(count(keptAfter), { timeout: 30_000 });
  await preview.waitForResult();
}

test.describe('preview: compare two configs on the same traces', () => {
  test('after an edit, Compare shows the change in kept share and volume; a changed trace opens in the trace view', async ({ preview, page }) => {
    const before = cli(SAMPLE_CONFIG);
    const after = cli(LOWER_THRESHOLD);
    const changed = changedIds(before, after);
    expect(changed.length).toBeGreaterThan(0);
    await preview.open();
    await preview.waitForResult();
    await editAndWait(preview, LOWER_THRESHOLD, after.summary.sampledTraces);

    // The Compare action in Results leads to the Compare tab.
    await page.getByRole('button', { name: 'Open Compare' }).click();
    await expect(compareTab(page)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('compare-kept')).toContainText(`${count(before.summary.sampledTraces)} → ${count(after.summary.sampledTraces)} of 1,000`);
    await expect(page.getByTestId('compare-volume')).toContainText(`${count(before.summary.exportedSpans)} → ${count(after.summary.exportedSpans)}`);
    await expect(page.getByRole('heading', { name: `${count(changed.length)} traces changed decision` })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Traces sampled per policy, compared' })).toContainText('slow');

    // A changed trace: the Traces tab opens on it, the list showing the changed traces only.
    const first = page.getByRole('list', { name: 'Traces whose decision changed' }).getByRole('button').first();
    const id = (await first.getAttribute('title'))!;
    expect(changed).toContain(id);
    await first.click();
    await expect(preview.tab('Traces')).toHaveAttribute('aria-selected', 'true');
    const view = preview.traceView();
    await expect(view.getByTestId('trace-id')).toHaveText(id);
    const was = before.traces.find((t) => t.traceId === id)!.decision.replace('_', ' ');
    const now = after.traces.find((t) => t.traceId === id)!.decision.replace('_', ' ');
    await expect(view.getByTestId('trace-decision')).toHaveText(now);
    await expect(view.getByTestId('trace-changed')).toContainText(`${was} with the config before the last edits, ${now} now`);
    await expect(page.getByRole('checkbox', { name: /Decision changed/ })).toBeChecked();
    await expect(page.getByTestId('trace-count')).toHaveText(`${count(changed.length)} of 1,000 traces`);
    await expect(preview.traceRows().filter({ hasText: id.slice(0, 8) })).toHaveAttribute('aria-selected', 'true');

    // "Show all in the trace list" from Compare, then unticking shows every trace again.
    await compareTab(page).click();
    await page.getByRole('button', { name: /in the trace list/ }).click();
    await expect(page.getByTestId('trace-count')).toHaveText(`${count(changed.length)} of 1,000 traces`);
    await page.getByRole('checkbox', { name: /Decision changed/ }).uncheck();
    await expect(page.getByTestId('trace-count')).toHaveText('1,000 of 1,000 traces');
  });

  test('by keyboard: tabs with the arrow keys, Enter on a changed trace focuses its trace view, Escape returns to the list', async ({ preview, page }) => {
    const after = cli(LOWER_THRESHOLD);
    await preview.open();
    await preview.waitForResult();
    await editAndWait(preview, LOWER_THRESHOLD, after.summary.sampledTraces);

    await preview.tab('Results').focus();
    await page.keyboard.press('End');
    await expect(compareTab(page)).toHaveAttribute('aria-selected', 'true');
    await expect(compareTab(page)).toBeFocused();
    const first = page.getByRole('list', { name: 'Traces whose decision changed' }).getByRole('button').first();
    await expect(first).toBeVisible();
    const id = (await first.getAttribute('title'))!;
    // Tab through the panel to the first changed trace, as a keyboard user would.
    for (let i = 0; i < 20 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(preview.tab('Traces')).toHaveAttribute('aria-selected', 'true');
    const view = preview.traceView();
    await expect(view).toBeFocused();
    await expect(view.getByTestId('trace-id')).toHaveText(id);
    await expect(view.getByTestId('trace-changed')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(view).toHaveCount(0);
    const row = preview.traceRows().filter({ hasText: id.slice(0, 8) });
    await expect(row).toBeFocused();
    // Arrow keys walk the list; Enter opens the trace under focus.
    await page.keyboard.press('ArrowDown');
    await expect(row).not.toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(view.getByTestId('trace-id')).toHaveText(id);
  });

  test('a kept baseline: later edits compare against it, and it reruns on new data', async ({ preview, page }) => {
    const thirty = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 30');
    const ninety = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 90');
    const [base, c30, c90] = [cli(SAMPLE_CONFIG), cli(thirty), cli(ninety)];
    await preview.open();
    await preview.waitForResult();
    await compareTab(page).click();
    await expect(page.getByText(/Nothing to compare yet/)).toBeVisible();
    await page.getByRole('button', { name: 'Keep current config as baseline' }).click();
    await expect(page.getByRole('combobox', { name: 'Compare the current config with', exact: true })).toHaveValue('baseline');

    await editAndWait(preview, thirty, c30.summary.sampledTraces);
    await editAndWait(preview, ninety, c90.summary.sampledTraces);
    await compareTab(page).click();
    const kept = page.getByTestId('compare-kept');
    await expect(kept).toContainText(`${count(base.summary.sampledTraces)} → ${count(c90.summary.sampledTraces)} of 1,000`);
    await expect(page.getByRole('heading', { name: `${count(changedIds(base, c90).length)} traces changed decision` })).toBeVisible();

    // The other target: the text before the last edit (30%).
    await page.getByRole('combobox', { name: 'Compare the current config with', exact: true }).selectOption('previous');
    await expect(kept).toContainText(`${count(c30.summary.sampledTraces)} → ${count(c90.summary.sampledTraces)} of 1,000`);

    // New traces: the baseline runs over them too, so both sides describe the same data.
    await page.getByRole('combobox', { name: 'Compare the current config with', exact: true }).selectOption('baseline');
    await preview.setScenario({ seed: 7 });
    await expect(preview.runStatus()).toContainText('seed 7', { timeout: 30_000 });
    await compareTab(page).click();
    await expect(kept).toContainText(`${count(cli(SAMPLE_CONFIG, 7).summary.sampledTraces)} → ${count(cli(ninety, 7).summary.sampledTraces)} of 1,000`, { timeout: 30_000 });
  });
});
