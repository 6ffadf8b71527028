import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { encodeShareFragment } from '../src/core/share/shareLink';
import { expect, test } from './fixtures/studio';

const EDITED = SAMPLE_CONFIG.replace('decision_wait: 10s', 'decision_wait: 3s');
const OTHER = 'receivers:\n  otlp:\n    protocols:\n      http:\nexporters:\n  debug:\nservice:\n  pipelines:\n    logs:\n      receivers: [otlp]\n      exporters: [debug]\n';

test.describe('designs: nothing lost', () => {
  test('an edit survives a reload', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(EDITED);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await page.reload();
    await studio.waitForEditor();
    expect(await studio.editorText()).toBe(EDITED);
  });

  test('an edit made just before the tab goes away is written on page hide', async ({ studio, page }) => {
    await studio.open();
    await studio.setEditorText(EDITED);
    // No waiting for the 300 ms autosave: the pagehide flush writes it.
    await page.reload();
    await studio.waitForEditor();
    expect(await studio.editorText()).toBe(EDITED);
  });

  test('create two designs and switch between them', async ({ studio, page }) => {
    await studio.open();
    const name = page.getByRole('textbox', { name: 'Design name' });
    await name.fill('Gateway');
    await name.press('Enter');
    await studio.setEditorText(EDITED);

    await page.getByRole('button', { name: 'Designs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Designs' });
    await dialog.getByRole('button', { name: 'New design' }).click();
    await expect(dialog).toBeHidden();
    await expect(name).toHaveValue('Untitled design');
    await studio.setEditorText(OTHER);
    await name.fill('Logs agent');
    await name.press('Enter');

    await page.getByRole('button', { name: 'Designs' }).click();
    await expect(dialog.getByTestId('design-row')).toHaveCount(2);
    await dialog.getByRole('button', { name: 'Open Gateway' }).click();
    await expect(name).toHaveValue('Gateway');
    await expect.poll(() => studio.editorText()).toBe(EDITED);
    await expect(studio.lane('traces')).toBeVisible();

    await page.getByRole('button', { name: 'Designs' }).click();
    await dialog.getByRole('button', { name: 'Open Logs agent' }).click();
    await expect(name).toHaveValue('Logs agent');
    await expect.poll(() => studio.editorText()).toBe(OTHER);

    // Rename, duplicate and delete from the manager; a reload reopens the last design.
    await page.getByRole('button', { name: 'Designs' }).click();
    await dialog.getByRole('button', { name: 'Duplicate Gateway' }).click();
    await expect(dialog.getByTestId('design-row')).toHaveCount(3);
    await dialog.getByRole('button', { name: 'Rename Gateway (copy)' }).click();
    await dialog.getByRole('textbox', { name: 'New name for Gateway (copy)' }).fill('Gateway v2');
    await dialog.getByRole('textbox', { name: 'New name for Gateway (copy)' }).press('Enter');
    await expect(dialog.getByText('Gateway v2', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete Gateway v2' }).click();
    await dialog.getByRole('group', { name: 'Delete Gateway v2?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(dialog.getByTestId('design-row')).toHaveCount(2);
    await expect(dialog.getByRole('button', { name: 'Delete Logs agent' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Designs' })).toBeFocused();

    await page.reload();
    await studio.waitForEditor();
    await expect(name).toHaveValue('Logs agent');
    expect(await studio.editorText()).toBe(OTHER);
  });

  test('a tab opened from a share link never overwrites the saved design', async ({ studio, page, context }) => {
    await studio.open();
    await studio.setEditorText(EDITED);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

    const shared = await context.newPage();
    await shared.goto(`/#${encodeShareFragment({ config: OTHER, distribution: 'contrib', env: {} })}`);
    await expect(shared.getByTestId('shared-banner')).toBeVisible();
    await expect(shared.getByTestId('save-status')).toHaveText('Not saved yet');
    await shared.close();

    // The first tab's design, and what a reload opens, are unchanged.
    await page.reload();
    await studio.waitForEditor();
    expect(await studio.editorText()).toBe(EDITED);

    // Saving the shared design makes it a new saved design; the first stays.
    await page.goto('about:blank');
    await studio.open(`/#${encodeShareFragment({ config: OTHER, distribution: 'contrib', env: {} })}`);
    await page.getByTestId('shared-banner').getByRole('button', { name: 'Save as a new design' }).click();
    await expect(page.getByTestId('shared-banner')).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
    await page.getByRole('button', { name: 'Designs' }).click();
    await expect(page.getByRole('dialog', { name: 'Designs' }).getByTestId('design-row')).toHaveCount(2);
  });

  test('a design named like markup is shown as text', async ({ studio, page }) => {
    await studio.open();
    const name = page.getByRole('textbox', { name: 'Design name' });
    await name.fill('<img src=x onerror=alert(1)>');
    await name.press('Enter');
    await page.getByRole('button', { name: 'Designs' }).click();
    await expect(page.getByRole('dialog', { name: 'Designs' }).getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
    expect(await page.locator('dialog img, header img').count()).toBe(0);
  });

  test('when storage is full, a banner says so and the design stays in memory and exportable', async ({ studio, page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await studio.open();
    await studio.setEditorText(EDITED);
    const banner = page.getByTestId('storage-banner');
    await expect(banner).toContainText('Changes are not being saved.');
    await expect(banner).toContainText('full');
    await expect(page.getByTestId('save-status')).toHaveText('Not saved: kept in this tab only');
    expect(await studio.editorText()).toBe(EDITED);
    await banner.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect(dialog.getByTestId('export-file-config.yaml')).toContainText('decision_wait: 3s');
  });
});

test.describe('designs screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`designs dialog and banner, ${theme} theme`, async ({ studio, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await studio.open(`/#${encodeShareFragment({ config: OTHER, distribution: 'contrib', env: {} })}`);
      await page.getByRole('button', { name: 'Designs' }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: `e2e/screenshots/designs-dialog-${theme}.png` });
    });
  }
});
