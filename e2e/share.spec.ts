import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { encodeOtelbinFragment } from '../src/core/share/otelbinFragment';
import { encodeShareFragment } from '../src/core/share/shareLink';
import { expect, expectNothingGuarded, guardPage, StudioPage, test, type Guard } from './fixtures/studio';

const SHARED = SAMPLE_CONFIG.replace('decision_wait: 10s', 'decision_wait: 7s').replace('    logs:\n', '    logs/app:\n');
const HELM_CONFIG = 'reference/corpus/configs/helm-charts__charts__opentelemetry-collector__ci__config-override-values__doc-0-config.yaml';

/** A second browser: a fresh context with the same guards as the fixture (no external requests, console errors or CSP violations). */
async function freshBrowser(browser: Browser): Promise<{ context: BrowserContext; page: Page; guard: Guard; check(): void }> {
  const context = await browser.newContext({ baseURL: `http://localhost:${process.env.PW_PORT ?? 4173}`, viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const guard = await guardPage(context, page);
  return {
    context,
    page,
    guard,
    check: () => expectNothingGuarded(guard),
  };
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog).toBeVisible();
  const url = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  await expect(dialog.getByTestId('share-length')).toContainText(`${url.length.toLocaleString('en-US')} characters`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return url;
}

async function importFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import YAML' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Choose YAML files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
}

test.describe('share links', () => {
  test('a share link opens the same design in a fresh browser, as an unsaved shared design', async ({ studio, page, browser }) => {
    test.setTimeout(120_000);
    await studio.open();
    await studio.setEditorText(SHARED);
    await page.getByRole('combobox', { name: 'Collector distribution' }).selectOption('k8s');
    // The preview's state travels too: a seed and a selected trace.
    const previewShown = (await page.getByRole('tab', { name: 'Traces' }).count()) > 0;
    let traceId: string | null = null;
    if (previewShown) {
      await page.getByRole('tab', { name: 'Data' }).click();
      await page.getByLabel('Seed').fill('42');
      await page.getByRole('tab', { name: 'Traces' }).click();
      const row = page.getByTestId('trace-row').nth(2);
      await expect(row).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('Preview of Checkout scenario, seed 42')).toBeVisible({ timeout: 30_000 });
      await page.getByTestId('trace-row').nth(2).click();
      await expect(page.getByTestId('trace-row').nth(2)).toHaveAttribute('aria-selected', 'true');
      // The id of the row the link carries, read once it is selected (the list may still have been settling before the click).
      traceId = await page.locator('[data-testid="trace-row"][aria-selected="true"] .pv-col-id').textContent();
    }
    const url = await shareLink(page);
    expect(url).toMatch(new RegExp(`^http://localhost:${process.env.PW_PORT ?? 4173}/#s2\\.`));
    // The sender's own tab is not turned into a shared design by sharing.
    await expect(page.getByTestId('shared-banner')).toHaveCount(0);
    let kept: string | null = null;
    if (previewShown) {
      await page.getByRole('tab', { name: 'Results' }).click();
      kept = await page.getByTestId('kept-trace-count').textContent();
    }

    const other = await freshBrowser(browser);
    const studio2 = new StudioPage(other.page);
    await studio2.open(url);
    expect(await studio2.editorText()).toBe(SHARED);
    await expect(other.page.getByRole('combobox', { name: 'Collector distribution' })).toHaveValue('k8s');
    await expect(other.page.getByTestId('shared-banner')).toContainText('not saved in this browser');
    await expect(studio2.lane('logs/app')).toBeVisible();
    // The preview's counts, when the preview is on screen, match the sender's.
    if (kept !== null) {
      await other.page.getByRole('tab', { name: 'Results' }).click();
      await expect(other.page.getByTestId('kept-trace-count')).toHaveText(kept, { timeout: 30_000 });
    }
    if (traceId) {
      await other.page.getByRole('tab', { name: 'Traces' }).click();
      await expect(other.page.locator('[data-testid="trace-row"][aria-selected="true"]')).toContainText(traceId, { timeout: 30_000 });
    }
    other.check();
    await other.context.close();
  });

  for (const [label, fragment] of [
    ['corrupt', '#s2.AAAA-not-deflate'],
    ['truncated', `#${encodeShareFragment({ config: SHARED, distribution: 'contrib', env: {} }).slice(0, 80)}`],
    ['from a future version', `#s9.${'A'.repeat(40)}`],
    ['oversized', `#s2.${'A'.repeat(210_000)}`],
    ['holding markup', '#s2.<img src=x onerror="window.__pwned=1">'],
  ] as const) {
    test(`a ${label} link shows a clear message; the app opens normally and saved designs are untouched`, async ({ studio, page }) => {
      await studio.open();
      await studio.setEditorText(SHARED);
      await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
      await page.goto('about:blank');
      await studio.open(`/${fragment}`);
      const notice = page.getByTestId('link-notice');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('This share link could not be opened.');
      await expect(notice).toContainText('your saved designs are untouched');
      // The last saved design opened instead, and the app works.
      expect(await studio.editorText()).toBe(SHARED);
      await expect(studio.lane('logs/app')).toBeVisible();
      await expect(page.getByTestId('shared-banner')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('header img, .banners img').count()).toBe(0);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    });
  }

  test('an OTelBin link (#config=…) opens, with a note that it came from OTelBin', async ({ studio, page }) => {
    const config = 'receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n';
    await studio.open(`/#${encodeOtelbinFragment({ config, distro: 'otelcol-contrib', distroVersion: 'v0.110.0' })}`);
    expect(await studio.editorText()).toBe(config);
    await expect(page.getByTestId('link-notice')).toContainText('Opened a link from OTelBin.');
    await expect(page.getByTestId('link-notice')).toContainText('v0.110.0');
    await expect(page.getByTestId('shared-banner')).toContainText('OTelBin');
    await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Design from OTelBin');
    await expect(studio.lane('traces')).toBeVisible();
  });
});

test.describe('export and import', () => {
  test('export as an OpenTelemetryCollector resource, import it back: the same config', async ({ studio, page }) => {
    await studio.open();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByTestId('export-verdict')).toContainText('Valid for contrib');
    await dialog.getByText('OpenTelemetryCollector', { exact: true }).click();
    const file = dialog.getByTestId('export-file-otel-collector-collector.yaml');
    await expect(file).toContainText('kind: OpenTelemetryCollector');
    await expect(file).toContainText('apiVersion: opentelemetry.io/v1beta1');
    const resource = (await file.textContent()) ?? '';
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    expect((await download).suggestedFilename()).toBe('otel-collector-collector.yaml');
    await page.keyboard.press('Escape');

    await studio.setEditorText('receivers: {}\n');
    await importFiles(page, [{ name: 'collector.yaml', text: resource }]);
    const importDialog = page.getByRole('dialog', { name: 'Import YAML' });
    await expect(importDialog).toContainText('OpenTelemetryCollector v1beta1');
    await expect(importDialog).toContainText('spec.config holds a Collector config');
    await importDialog.getByRole('button', { name: 'Open in the editor' }).click();
    await expect(importDialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Imported collector.yaml' })).toBeVisible();
    expect(parse(await studio.editorText())).toEqual(parse(SAMPLE_CONFIG));
  });

  test('an invalid config warns before export; exporting is still possible after confirming', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(SAMPLE_CONFIG.replace('exporters: [otlp_grpc, debug]', 'exporters: [otlp_grpc, nowhere]').replace(/endpoint: [^\n]*:4317/, 'endpoint: ${env:OTLP_GRPC_ENDPOINT}'));
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByTestId('export-verdict')).toContainText('Not valid for contrib');
    await dialog.getByText('docker compose', { exact: true }).click();
    await expect(dialog.getByTestId('export-file-compose.yaml')).toBeVisible();
    await expect(dialog.getByTestId('export-file-otelcol-config.yaml')).toContainText('${env:');
    await dialog.getByRole('button', { name: 'Download' }).first().click();
    const confirm = dialog.getByRole('alertdialog', { name: 'Export an invalid config?' });
    await expect(confirm).toBeVisible();
    const download = page.waitForEvent('download');
    await confirm.getByRole('button', { name: 'Export anyway' }).click();
    expect((await download).suggestedFilename()).toBe('compose.yaml');
  });

  test('Helm values over the chart defaults: the merged config and its explanation', async ({ studio, page }) => {
    await studio.open();
    // The corpus file is the `config:` of a values file (nulls remove chart defaults).
    const config = readFileSync(HELM_CONFIG, 'utf8');
    await importFiles(page, [{ name: 'config-override.yaml', text: config }]);
    const dialog = page.getByRole('dialog', { name: 'Import YAML' });
    await expect(dialog).toContainText('Collector config');
    await dialog.getByRole('checkbox', { name: /config: of Helm values/ }).check();
    await expect(dialog.getByRole('heading', { name: "Merged over the opentelemetry-collector chart's default config" })).toBeVisible();
    await expect(dialog.getByTestId('import-explanation')).toContainText("Merged over the chart's default config: added");
    await expect(dialog.getByTestId('import-explanation')).toContainText('Removed by null in your values');

    // The same as a whole values file is recognised as Helm values without the checkbox.
    await dialog.getByRole('button', { name: 'Remove config-override.yaml' }).click();
    const values = `mode: daemonset\nconfig:\n${config.replace(/^(?=.)/gm, '  ')}`;
    await dialog.getByLabel('Choose YAML files').setInputFiles({ name: 'values.yaml', mimeType: 'application/yaml', buffer: Buffer.from(values) });
    await expect(dialog).toContainText('Helm values for the opentelemetry-collector chart (mode: daemonset)');
    await expect(dialog.getByTestId('import-explanation')).toContainText('Removed by null in your values: receivers::jaeger');
    await dialog.getByRole('button', { name: 'Open in the editor' }).click();
    const text = await studio.editorText();
    expect(text).toContain('# The config the opentelemetry-collector Helm chart renders from these values');
    expect(parse(text).receivers.jaeger).toBeUndefined();
    expect(parse(text).service.pipelines.metrics.receivers).toEqual(['prometheus', 'hostmetrics']);
  });

  test('several files merge in order like repeated --config flags, with a summary', async ({ studio, page }) => {
    await studio.open();
    const base = 'receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n';
    const over = 'exporters:\n  nop:\nservice:\n  pipelines:\n    traces:\n      exporters: [nop]\n';
    await importFiles(page, [
      { name: 'base.yaml', text: base },
      { name: 'override.yaml', text: over },
    ]);
    const dialog = page.getByRole('dialog', { name: 'Import YAML' });
    await expect(dialog.getByTestId('import-explanation')).toContainText('Merged 2 files in order (base.yaml, override.yaml)');
    await expect(dialog.getByTestId('import-explanation')).toContainText('override.yaml replaced service::pipelines::traces::exporters (lists are replaced, not concatenated)');
    await dialog.getByRole('button', { name: 'Open in the editor' }).click();
    expect(parse(await studio.editorText()).service.pipelines.traces.exporters).toEqual(['nop']);
  });

  test('a file that is not YAML gets a clear message and the document is untouched', async ({ studio, page }) => {
    await studio.open();
    await importFiles(page, [{ name: 'notes.yaml', text: 'receivers: [unclosed\n  : : :\n' }]);
    const dialog = page.getByRole('dialog', { name: 'Import YAML' });
    await expect(dialog.getByTestId('import-error')).toContainText('notes.yaml cannot be opened. This is not valid YAML');
    await expect(dialog.getByTestId('import-error')).toContainText('The document is unchanged.');
    await expect(dialog.getByRole('button', { name: 'Open in the editor' })).toBeDisabled();
    await page.keyboard.press('Escape');
    expect(await studio.editorText()).toBe(SAMPLE_CONFIG);
  });

  test('a YAML file dropped anywhere on the window opens in the Import dialog', async ({ studio, page }) => {
    await studio.open();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: agent\ndata:\n  relay: |\n    receivers:\n      otlp:\n    exporters:\n      debug:\n    service:\n      pipelines:\n        traces:\n          receivers: [otlp]\n          exporters: [debug]\n'], 'agent-configmap.yml'));
      document.querySelector('.canvas')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    const dialog = page.getByRole('dialog', { name: 'Import YAML' });
    await expect(dialog).toContainText('Kubernetes ConfigMap "agent": key "relay" holds a Collector config');
    await dialog.getByRole('button', { name: 'Open in the editor' }).click();
    expect(await studio.editorText()).toContain('receivers:\n  otlp:\n');
  });

  test('templates: opening one replaces the sample; own changes are asked about first', async ({ studio, page }) => {
    await studio.open();
    await page.getByRole('button', { name: 'Templates' }).click();
    const dialog = page.getByRole('dialog', { name: 'Templates' });
    await expect(dialog.getByRole('listitem').filter({ has: page.getByRole('heading') })).toHaveCount(12);
    await dialog.getByRole('button', { name: 'Open template: Host metrics' }).click();
    await expect(dialog).toBeHidden();
    expect(await studio.editorText()).toContain('host_metrics:');

    await studio.setEditorText(`${await studio.editorText()}# my change\n`);
    await page.getByRole('button', { name: 'Templates' }).click();
    await dialog.getByRole('button', { name: 'Open template: PII redaction' }).click();
    const ask = dialog.getByRole('alertdialog', { name: 'Replace the current design?' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Open as a new design' }).click();
    await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('PII redaction');
    await page.getByRole('button', { name: 'Designs' }).click();
    await expect(page.getByRole('dialog', { name: 'Designs' }).getByTestId('design-row')).toHaveCount(2);
  });
});

/** Escape on the open dialog itself (a key pressed elsewhere may not reach it yet), then it is gone. */
async function closeDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test.describe('dialog screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`share, export, import and templates dialogs, ${theme} theme`, async ({ studio, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await studio.open();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/share-dialog-${theme}.png` });
      await closeDialog(page);

      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('dialog', { name: 'Export' }).getByText('docker compose', { exact: true }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/export-dialog-${theme}.png` });
      await closeDialog(page);

      const values = `mode: daemonset\nconfig:\n${readFileSync(HELM_CONFIG, 'utf8').replace(/^(?=.)/gm, '  ')}`;
      await importFiles(page, [{ name: 'values.yaml', text: values }]);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/import-dialog-${theme}.png` });
      await closeDialog(page);

      await page.getByRole('button', { name: 'Templates' }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/templates-dialog-${theme}.png` });
      await closeDialog(page);
    });
  }
});
