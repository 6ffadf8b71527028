import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test } from './fixtures/studio';

test.describe('designer: YAML and canvas stay in sync', () => {
  test('opens on the sample pipeline, as YAML and as a graph', async ({ studio, page }) => {
    await studio.open();
    expect(await studio.editorText()).toBe(SAMPLE_CONFIG);
    for (const lane of ['traces', 'traces/metrics', 'metrics', 'logs']) await expect(studio.lane(lane)).toBeVisible();
    await expect(studio.node('lane:traces:processors:tail_sampling')).toContainText('tail_sampling');
    await expect(studio.node('connector:span_metrics')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Collector distribution' })).toHaveValue('contrib');
  });

  test('typing in the editor changes the canvas', async ({ studio, page }) => {
    await studio.open();
    await expect(studio.node('lane:logs:exporters:debug')).toHaveCount(0);
    // Type into the logs pipeline's exporters list, as a user would.
    const text = await studio.editorText();
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => l.includes('exporters: [otlp_grpc]') && lines.slice(0, i).some((x) => x.includes('    logs:'))) + 1;
    await studio.moveCursor(line, lines[line - 1]!.indexOf(']') + 1);
    await page.keyboard.insertText(', debug');
    await expect(studio.node('lane:logs:exporters:debug')).toBeVisible();
    expect(await studio.editorText()).toContain('exporters: [otlp_grpc, debug]');
  });

  test('clicking a node moves the cursor to its definition', async ({ studio }) => {
    await studio.open();
    await studio.node('lane:traces:processors:tail_sampling').click();
    const line = SAMPLE_CONFIG.split('\n').findIndex((l) => l.startsWith('  tail_sampling:')) + 1;
    await expect.poll(async () => (await studio.cursor()).lineNumber).toBe(line);
  });

  test('moving the cursor into a component highlights it on the canvas', async ({ studio }) => {
    await studio.open();
    const line = SAMPLE_CONFIG.split('\n').findIndex((l) => l.includes('decision_wait')) + 1;
    await studio.moveCursor(line, 5);
    await expect(studio.node('lane:traces:processors:tail_sampling')).toHaveClass(/is-highlighted/);
    await expect(studio.node('lane:traces:processors:batch')).not.toHaveClass(/is-highlighted/);
  });

  test('broken YAML keeps the last graph, dims it and shows the error at its line', async ({ studio, page }) => {
    await studio.open();
    const broken = SAMPLE_CONFIG.replace('      exporters: [otlp_grpc, debug]', '      exporters: [otlp_grpc, debug');
    const line = broken.split('\n').findIndex((l) => l.includes('exporters: [otlp_grpc, debug')) + 1;
    await studio.setEditorText(broken);
    await expect(page.getByRole('status').filter({ hasText: 'The YAML does not parse' })).toBeVisible();
    await expect(studio.canvas()).toHaveClass(/canvas--stale/);
    await expect(studio.node('lane:traces:processors:tail_sampling')).toBeVisible();
    await expect.poll(async () => (await studio.markers()).some((m) => m.severity === 8 && m.startLineNumber >= line)).toBe(true);
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('yaml:');
    await studio.setEditorText(SAMPLE_CONFIG);
    await expect(studio.canvas()).not.toHaveClass(/canvas--stale/);
  });

  test('a component named like markup is shown as text, never rendered', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText('receivers:\n  "otlp/<img src=x onerror=alert(1)>":\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: ["otlp/<img src=x onerror=alert(1)>"]\n      exporters: [debug]\n');
    await expect(page.getByText('otlp/<img src=x onerror=alert(1)>').first()).toBeVisible();
    expect(await page.locator('.react-flow img').count()).toBe(0);
  });
});

test.describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`main screen, ${theme} theme`, async ({ studio, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await studio.open();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.waitForTimeout(500);
      await page.screenshot({ path: `e2e/screenshots/designer-${theme}.png` });
    });
  }
});
