/** Accessibility of the preview's tabs (Data, Results, Traces with a trace open, Compare): axe finds no serious or critical violation. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test } from './fixtures/preview';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('section[aria-label="Problems and results"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('axe: every preview tab, in both themes, has no serious or critical violations', async ({ preview, page }) => {
  test.setTimeout(120_000);
  await preview.open();
  await preview.waitForResult();
  // Something to compare: one edit.
  await preview.setEditorText(SAMPLE_CONFIG.replace('threshold_ms: 500', 'threshold_ms: 100'));
  await preview.openTab('Results');
  await expect(page.getByRole('button', { name: 'Open Compare' })).toBeVisible();
  await expect(preview.runStatus()).toContainText('Preview of', { timeout: 30_000 });
  await preview.waitForResult();
  for (const theme of ['light', 'dark'] as const) {
    const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
    if (await toggle.isVisible()) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await preview.openTab('Data');
    expect(await seriousViolations(page), `Data, ${theme}`).toEqual([]);
    await preview.openTab('Results');
    await expect(page.locator('canvas').first()).toBeVisible();
    expect(await seriousViolations(page), `Results, ${theme}`).toEqual([]);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await expect(page.getByRole('list', { name: 'Traces whose decision changed' })).toBeVisible();
    expect(await seriousViolations(page), `Compare, ${theme}`).toEqual([]);
    await page.getByRole('list', { name: 'Traces whose decision changed' }).getByRole('button').first().click();
    await expect(preview.traceView().getByTestId('trace-decision')).toBeVisible();
    expect(await seriousViolations(page), `Traces with the trace view, ${theme}`).toEqual([]);
  }
});

test('axe: stale results (the config stopped validating), edge counts and a switched-off severity filter stay readable, in both themes', async ({ preview, page }) => {
  test.setTimeout(90_000);
  await preview.open();
  await preview.waitForResult();
  await preview.setEditorText(SAMPLE_CONFIG.replace('exporters: [otlp_grpc, debug]', 'exporters: [otlp_grpc, nowhere]'));
  await expect(preview.runStatus()).toContainText('result is stale', { timeout: 15_000 });
  await preview.openTab('Results');
  await expect(page.locator('.pv-results.is-stale')).toBeVisible();
  await expect(page.locator('.edge-flow-label.is-stale').first()).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    const toggle = page.getByRole('button', { name: `Switch to ${theme} theme` });
    if (await toggle.isVisible()) await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await preview.openTab('Results');
    const results = await new AxeBuilder({ page }).include('section[aria-label="Problems and results"]').include('.edge-flow-label.is-stale').withRules(['color-contrast']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), `stale, ${theme}`).toEqual([]);
    // The severity filters, one switched off: still readable.
    await preview.openTab('Problems');
    const filter = page.getByRole('group', { name: 'Filter problems by severity' }).getByRole('button').first();
    if ((await filter.getAttribute('aria-pressed')) === 'true') await filter.click();
    await expect(filter).toHaveAttribute('aria-pressed', 'false');
    const filters = await new AxeBuilder({ page }).include('.problems__filters').withRules(['color-contrast']).analyze();
    expect(filters.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`), `filters, ${theme}`).toEqual([]);
  }
});
