/**
 * Bad input to the preview (issue #7): a file that is not traces, a config the Collector would
 * reject at start-up although it validates, and — in preview.spec.ts — a config that does not
 * validate. Each says what is wrong, keeps the design as it is, and the next run works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test } from './fixtures/preview';

function cliKept(config: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'preview-bad-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, config);
  const out = execFileSync(process.execPath, ['bin/pipeline-studio.mjs', 'simulate', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { summary: { sampledTraces: number } }).summary.sampledTraces;
}

/** The sample's latency policy replaced by a regex policy whose pattern RE2 (the Collector's regex engine) refuses. */
function withRegexPolicy(pattern: string): string {
  const out = SAMPLE_CONFIG.replace(
    /- name: slow\n(\s+)type: latency\n\s+latency:\n\s+threshold_ms: 500/,
    (_m, indent: string) => `- name: slow\n${indent}type: string_attribute\n${indent}string_attribute:\n${indent}  key: http.route\n${indent}  values: ["${pattern}"]\n${indent}  enabled_regex_matching: true`,
  );
  expect(out).not.toBe(SAMPLE_CONFIG);
  return out;
}

test.describe('preview: bad input', () => {
  test('a file that is not trace data: says what it looks like, keeps the previous traces and result', async ({ preview, page }) => {
    await preview.open();
    await preview.waitForResult();
    const kept = await preview.keptTraceCount();
    await preview.uploadTraces('e2e/scenarios/built-by-mouse.yaml');
    await expect(page.getByRole('alert').filter({ hasText: 'built-by-mouse.yaml' })).toContainText('looks like YAML');
    await expect(page.getByRole('alert').filter({ hasText: 'built-by-mouse.yaml' })).toContainText('The previous traces (Checkout scenario, seed 1) are kept.');
    await expect(page.getByRole('region', { name: 'Loaded traces' })).toContainText('Checkout scenario, seed 1');
    await expect(preview.runStatus()).toContainText('Preview of Checkout scenario, seed 1');
    expect(await preview.keptTraceCount()).toBe(kept);
    // The engine holds those traces again: an edit reruns over the same 1,000.
    const fifty = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 50');
    await preview.setEditorText(fifty);
    await expect(page.getByTestId('kept-trace-count')).toHaveText(cliKept(fifty).toLocaleString('en-US'), { timeout: 30_000 });
    await expect(page.getByTestId('kept-traces')).toContainText('of 1,000');
  });

  test('a policy the engine rejects at start-up: the failure is shown, the YAML stays as written, and the fixed config runs', async ({ preview, page }) => {
    await preview.open();
    await preview.waitForResult();
    // Valid for the validator (a string), refused when the sampler is built: RE2 has no lookahead.
    const rejected = withRegexPolicy('(?=checkout)');
    await preview.setEditorText(rejected);
    await expect(preview.runStatus()).toContainText('a component failed to start', { timeout: 30_000 });
    await preview.openTab('Results');
    const issues = page.getByTestId('run-issues');
    await expect(issues).toContainText('the Collector would not start with this config');
    await expect(issues).toContainText('tail_sampling: failed to create policy evaluator for "slow": error parsing regexp');
    const badge = preview.node('lane:traces:processors:tail_sampling').getByTestId('node-flow');
    await expect(badge).toHaveText('failed to start');
    await expect(badge).toHaveAttribute('title', /error parsing regexp/);
    // The design is untouched: no edit was made on the user's behalf.
    expect(await preview.editorText()).toBe(rejected);
    await preview.openTab('Problems');
    await expect(preview.tab('Problems')).not.toContainText('error');

    // Fixed (a pattern RE2 accepts): the next run works.
    const fixed = withRegexPolicy('^/api/checkout$');
    await preview.setEditorText(fixed);
    await preview.openTab('Results');
    await expect(page.getByTestId('kept-trace-count')).toHaveText(cliKept(fixed).toLocaleString('en-US'), { timeout: 30_000 });
    await expect(issues).toHaveCount(0);
    await expect(preview.runStatus()).not.toContainText('failed');
    await expect(badge).not.toHaveText('failed to start');
  });
});
