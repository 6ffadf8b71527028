/**
 * The inspector (issue #5): a form from the component's JSON schema and the raw YAML of the
 * component, both writing into the document at exactly that key, one undo step per change, and
 * invalid values explained beside the field instead of written.
 */
import { SAMPLE_CONFIG } from '../src/core/samples/sampleConfig';
import { expect, test, type StudioPage } from './fixtures/studio';

async function inspect(studio: StudioPage, nodeKey: string, title: string) {
  await studio.node(nodeKey).click();
  const inspector = studio.page.getByRole('region', { name: `Settings of ${title}` });
  await expect(inspector).toBeVisible();
  return inspector;
}

test.describe('inspector: the form and the raw YAML write into the document', () => {
  test('a numeric field changes exactly its key, comments kept; undo takes it back in one step', async ({ studio, page }) => {
    await studio.open();
    const inspector = await inspect(studio, 'lane:traces:processors:batch', 'processor batch');
    const size = inspector.getByLabel('send_batch_size', { exact: true });
    await expect(size).toHaveValue('8192');
    await size.fill('4096');
    await size.press('Enter');
    await expect.poll(() => studio.editorText()).toBe(SAMPLE_CONFIG.replace('    send_batch_size: 8192\n', '    send_batch_size: 4096\n'));
    // The canvas follows the new text; the field shows the written value.
    await expect(size).toHaveValue('4096');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => studio.editorText()).toBe(SAMPLE_CONFIG);
    await expect(size).toHaveValue('8192');
  });

  test('an enum field is a select of the schema values and writes the chosen one', async ({ studio }) => {
    await studio.open();
    const inspector = await inspect(studio, 'lane:traces:exporters:debug', 'exporter debug');
    const verbosity = inspector.getByLabel('verbosity', { exact: true });
    await expect(verbosity).toHaveValue('basic');
    await expect(verbosity.locator('option')).toContainText(['basic', 'normal', 'detailed']);
    await verbosity.selectOption('detailed');
    await expect.poll(() => studio.editorText()).toBe(SAMPLE_CONFIG.replace('    verbosity: basic\n', '    verbosity: detailed\n'));
    // The validator's advice about this very setting is shown beside it.
    await expect(verbosity).toHaveAccessibleDescription(/prints every record in full/);
  });

  test('invalid values are explained beside the field and never written', async ({ studio, page }) => {
    await studio.open();
    const inspector = await inspect(studio, 'lane:traces:processors:batch', 'processor batch');

    const size = inspector.getByLabel('send_batch_size', { exact: true });
    await size.fill('lots');
    await size.press('Enter');
    await expect(size).toHaveAttribute('aria-invalid', 'true');
    await expect(size).toHaveAccessibleDescription(/"lots" is not a whole number/);
    await size.fill('-1');
    await size.press('Enter');
    await expect(size).toHaveAccessibleDescription(/'send_batch_size' cannot parse value as 'uint32': -1 overflows uint/);

    const timeout = inspector.getByLabel('timeout', { exact: true });
    await timeout.fill('-5s');
    await timeout.press('Enter');
    await expect(timeout).toHaveAccessibleDescription(/timeout must be greater or equal to 0/);
    // Announced to screen readers as it appears.
    await expect(inspector.getByRole('alert').filter({ hasText: 'timeout must be greater or equal to 0' })).toBeVisible();
    await timeout.fill('soon');
    await timeout.press('Enter');
    await expect(timeout).toHaveAccessibleDescription(/'timeout' time: invalid duration/);

    // Nothing of it reached the document, so the validator has nothing to report.
    expect(await studio.editorText()).toBe(SAMPLE_CONFIG);
    await expect(page.getByText('No problems found.')).toBeVisible();

    // A valid value then goes through and clears the message.
    await timeout.fill('2s');
    await timeout.press('Enter');
    await expect.poll(() => studio.editorText()).toBe(SAMPLE_CONFIG.replace('    timeout: 5s\n', '    timeout: 2s\n'));
    await expect(timeout).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('a problem typed in the editor shows beside its field', async ({ studio }) => {
    await studio.open();
    await studio.setEditorText(SAMPLE_CONFIG.replace('    timeout: 5s\n', '    timeout: -5s\n'));
    const inspector = await inspect(studio, 'lane:traces:processors:batch', 'processor batch');
    const timeout = inspector.getByLabel('timeout', { exact: true });
    await expect(timeout).toHaveValue('-5s');
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(timeout).toHaveAccessibleDescription(/timeout must be greater or equal to 0/);
  });

  test('the raw YAML of the component writes its body, and the form follows', async ({ studio, page }) => {
    await studio.open();
    const inspector = await inspect(studio, 'lane:traces:processors:batch', 'processor batch');
    const raw = inspector.getByLabel('YAML of batch');
    await expect(raw).toHaveValue('    send_batch_size: 8192\n    timeout: 5s\n');
    await raw.fill('send_batch_size: 1024 # smaller batches\ntimeout: 1s\n');
    await inspector.getByRole('button', { name: 'Apply YAML' }).click();
    const expected = SAMPLE_CONFIG.replace('    send_batch_size: 8192\n    timeout: 5s\n', '    send_batch_size: 1024 # smaller batches\n    timeout: 1s\n');
    await expect.poll(() => studio.editorText()).toBe(expected);
    await expect(inspector.getByLabel('send_batch_size', { exact: true })).toHaveValue('1024');
    await expect(inspector.getByLabel('timeout', { exact: true })).toHaveValue('1s');

    // YAML that does not parse is refused with the reason; the document stays as it was.
    await raw.fill('send_batch_size: [1024\n');
    await inspector.getByRole('button', { name: 'Apply YAML' }).click();
    await expect(page.getByTestId('canvas-status')).toContainText('The YAML for processor batch does not parse');
    expect(await studio.editorText()).toBe(expected);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => studio.editorText()).toBe(SAMPLE_CONFIG);
    await expect(inspector.getByLabel('send_batch_size', { exact: true })).toHaveValue('8192');
  });
});
