/**
 * The preview's flow counts on the canvas edges (issue #5 with the preview): every label sits on
 * its own edge, or just clear of the row of nodes the edge runs along, and covers no node (nodes
 * are drawn over labels, so a covered label is unreadable too), no lane title and no other label.
 */
import { expect, test } from './fixtures/preview';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const grow = (b: Box, by: number): Box => ({ x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by });

test('flow-count labels sit on their edges and cover no node text', async ({ preview, page }) => {
  await preview.open();
  await preview.waitForResult();
  const labels = page.locator('.edge-flow-label');
  await expect(labels.first()).toBeVisible();
  await expect(labels.first()).toContainText(/spans|pts/);
  const shapes = await page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      labels: [...document.querySelectorAll('.edge-flow-label')].map((el) => ({ id: el.getAttribute('data-testid')!.slice('edge-flow-'.length), text: el.textContent, box: box(el) })),
      edges: Object.fromEntries([...document.querySelectorAll('.react-flow__edge')].map((el) => [el.getAttribute('data-id'), box(el.querySelector('path')!)])),
      nodes: [...document.querySelectorAll('.react-flow__node-component')].map((el) => ({ id: el.getAttribute('data-id'), box: box(el) })),
      titles: [...document.querySelectorAll('.lane-node__header > *')].map((el) => ({ text: el.textContent, box: box(el) })),
      badges: [...document.querySelectorAll('[data-testid="node-flow"]')].map((el) => ({ text: el.textContent, box: box(el) })),
    };
  });
  // The sample's scenario sends traces: every edge of the traces, traces/metrics and metrics lanes is counted.
  expect(shapes.labels.length).toBe(11);
  for (const label of shapes.labels) {
    const edge = shapes.edges[label.id];
    expect(edge, `edge of ${label.id}`).toBeTruthy();
    // On the edge, or just clear of the row of nodes it runs along: within half a node plus a label of the path.
    const reach = shapes.nodes[0]!.box.height / 2 + label.box.height + 4;
    expect(overlap(label.box, grow(edge!, reach)), `${label.text} near ${label.id}`).toBe(true);
    for (const node of shapes.nodes) expect(overlap(label.box, node.box), `${label.text} (${label.id}) over node ${node.id}`).toBe(false);
    for (const badge of shapes.badges) expect(overlap(label.box, badge.box), `${label.text} (${label.id}) over node counter ${badge.text}`).toBe(false);
    for (const title of shapes.titles) expect(overlap(label.box, title.box), `${label.text} (${label.id}) over lane title ${title.text}`).toBe(false);
    for (const other of shapes.labels) if (other !== label) expect(overlap(label.box, other.box), `${label.text} (${label.id}) over ${other.text} (${other.id})`).toBe(false);
  }
});
