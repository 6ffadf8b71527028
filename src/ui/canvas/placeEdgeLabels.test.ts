import { describe, expect, it } from 'vitest';
import { edgePolyline, placeEdgeLabels, type Rect } from './placeEdgeLabels';

const node = (x: number, y: number): Rect => ({ x, y, width: 184, height: 52 });
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const boxOf = (spot: { x: number; y: number }, width: number, height: number): Rect => ({ x: spot.x - width / 2, y: spot.y - height / 2, width, height });

describe('placeEdgeLabels', () => {
  it('puts a label on the line when the gap between the nodes is wide enough', () => {
    const a = node(0, 0);
    const b = node(400, 0);
    const spot = placeEdgeLabels([{ id: 'e', source: a, target: b, width: 150, height: 14 }], [a, b]).get('e')!;
    expect(spot).toEqual({ x: 292, y: 26 });
  });

  it('moves it off the nodes when the gap is narrower than the label, close to the edge', () => {
    const a = node(0, 0);
    const b = node(228, 0); // the layout's 44px column gap
    const spot = placeEdgeLabels([{ id: 'e', source: a, target: b, width: 150, height: 14 }], [a, b]).get('e')!;
    const box = boxOf(spot, 150, 14);
    expect(overlaps(box, a) || overlaps(box, b)).toBe(false);
    // Just above or below the row, over the gap.
    expect(box.y + box.height <= 0 || box.y >= 52).toBe(true);
    expect(box.x < 228 && box.x + box.width > 184).toBe(true);
  });

  it('keeps labels of a fan-out apart from each other and from every node', () => {
    const batch = node(0, 0);
    const up = node(228, 0);
    const down = node(228, 66);
    const nodes = [batch, up, down];
    const spots = placeEdgeLabels(
      [
        { id: 'up', source: batch, target: up, width: 140, height: 14 },
        { id: 'down', source: batch, target: down, width: 140, height: 14 },
      ],
      nodes,
    );
    const boxes = [boxOf(spots.get('up')!, 140, 14), boxOf(spots.get('down')!, 140, 14)];
    for (const box of boxes) for (const n of nodes) expect(overlaps(box, n)).toBe(false);
    expect(overlaps(boxes[0]!, boxes[1]!)).toBe(false);
  });

  it('follows a backward edge (into a connector drawn further left) around its corners', () => {
    const path = edgePolyline(node(400, 0), node(0, 200));
    expect(path[0]).toEqual({ x: 584, y: 26 });
    expect(path[path.length - 1]).toEqual({ x: 0, y: 226 });
    expect(path.every((p, i) => i === 0 || p.x === path[i - 1]!.x || p.y === path[i - 1]!.y)).toBe(true);
  });
});
