/** Accessibility of the designer screen (issue #5 §7): axe-core finds no serious or critical violation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/studio';

test('axe: the designer screen has no serious or critical violations', async ({ studio, page }) => {
  await studio.open();
  await expect(studio.lane('traces')).toBeVisible();
  // Open the inspector too, so its form is checked.
  await studio.node('lane:traces:processors:batch').click();
  await expect(page.getByRole('region', { name: /Settings of processor batch/ })).toBeVisible();
  // Known, owned elsewhere: the bottom panel's tablist also holds the preview run bar (aria-required-children).
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});
