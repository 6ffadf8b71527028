/**
 * Where the preview's flow-count labels go: on (or right beside) their edge, never over node
 * text, lane titles, node badges or another label. Pure geometry in flow coordinates.
 *
 * Each edge is drawn as React Flow's smooth-step path from the source's right-middle to the
 * target's left-middle; this follows it as an orthogonal polyline. Candidate boxes slide along the
 * path — centred on it, anchored at either end of the box, and lifted just above or below it or
 * clear of the node row — and the first box that touches the path and overlaps nothing wins,
 * preferring boxes near the middle of the path and on the line itself. When every candidate
 * overlaps something (a crowded layout), the one with the least overlapped area is used.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelRequest {
  readonly id: string;
  readonly source: Rect;
  readonly target: Rect;
  readonly width: number;
  readonly height: number;
}

/** Centre of a label, in flow coordinates. */
export interface LabelSpot {
  readonly x: number;
  readonly y: number;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** React Flow's smooth-step offset: how far the path runs out of a handle before it turns. */
const STEP_OFFSET = 20;
const SAMPLE = 6;
const CELL = 160;

/** The edge as an orthogonal polyline (the corners React Flow rounds are kept square). */
export function edgePolyline(source: Rect, target: Rect): Point[] {
  const s = { x: source.x + source.width, y: source.y + source.height / 2 };
  const t = { x: target.x, y: target.y + target.height / 2 };
  if (t.x >= s.x + 2 * STEP_OFFSET || (t.x > s.x && s.y === t.y)) {
    const mid = (s.x + t.x) / 2;
    return s.y === t.y ? [s, t] : [s, { x: mid, y: s.y }, { x: mid, y: t.y }, t];
  }
  // Backward (or too close): out to the right, across between the rows, in from the left.
  const midY = (s.y + t.y) / 2;
  return [s, { x: s.x + STEP_OFFSET, y: s.y }, { x: s.x + STEP_OFFSET, y: midY }, { x: t.x - STEP_OFFSET, y: midY }, { x: t.x - STEP_OFFSET, y: t.y }, t];
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Obstacles bucketed by grid cell, so a thousand-node canvas stays cheap. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();

  add(rect: Rect): void {
    for (const key of this.keys(rect)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(rect);
      else this.cells.set(key, [rect]);
    }
  }

  overlap(rect: Rect): number {
    const seen = new Set<Rect>();
    let area = 0;
    for (const key of this.keys(rect)) {
      for (const other of this.cells.get(key) ?? []) {
        if (seen.has(other)) continue;
        seen.add(other);
        area += overlapArea(rect, other);
      }
    }
    return area;
  }

  private *keys(rect: Rect): Generator<string> {
    for (let cx = Math.floor(rect.x / CELL); cx <= Math.floor((rect.x + rect.width) / CELL); cx++) {
      for (let cy = Math.floor(rect.y / CELL); cy <= Math.floor((rect.y + rect.height) / CELL); cy++) yield `${cx},${cy}`;
    }
  }
}

interface Candidate {
  readonly box: Rect;
  /** Lower is better: distance from the middle of the path plus a penalty for leaving the line. */
  readonly cost: number;
}

function* candidates(path: readonly Point[], width: number, height: number, rowHeight: number): Generator<Candidate> {
  const lengths = path.slice(1).map((p, i) => Math.abs(p.x - path[i]!.x) + Math.abs(p.y - path[i]!.y));
  const total = lengths.reduce((a, b) => a + b, 0);
  let walked = 0;
  for (let i = 0; i < lengths.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const length = lengths[i]!;
    const horizontal = a.y === b.y;
    const steps = Math.max(1, Math.ceil(length / SAMPLE));
    for (let k = 0; k <= steps; k++) {
      const f = k / steps;
      const p = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      const fromMiddle = Math.abs(walked + length * f - total / 2);
      if (horizontal) {
        // Centred on the point, or with its left/right end there; on the line, just off it, clear of the row.
        const lifts = [
          [0, 0],
          [-(height / 2 + 2), 12],
          [height / 2 + 2, 12],
          [-(rowHeight / 2 + height / 2 + 2), 40],
          [rowHeight / 2 + height / 2 + 2, 40],
        ] as const;
        for (const [dy, penalty] of lifts) {
          for (const [dx, slide] of [
            [0, 0],
            [width / 2, 4],
            [-width / 2, 4],
          ] as const) {
            yield { box: { x: p.x - width / 2 + dx, y: p.y - height / 2 + dy, width, height }, cost: fromMiddle + penalty + slide };
          }
        }
      } else {
        for (const [dx, penalty] of [
          [0, 0],
          [-(width / 2 + 3), 12],
          [width / 2 + 3, 12],
        ] as const) {
          yield { box: { x: p.x - width / 2 + dx, y: p.y - height / 2, width, height }, cost: fromMiddle + penalty };
        }
      }
    }
    walked += length;
  }
}

/**
 * Places each label in turn (earlier requests win the better spots); `obstacles` are the boxes of
 * text and badges that must stay readable.
 */
export function placeEdgeLabels(requests: readonly LabelRequest[], obstacles: readonly Rect[]): Map<string, LabelSpot> {
  const index = new RectIndex();
  for (const o of obstacles) index.add(o);
  const spots = new Map<string, LabelSpot>();
  for (const r of requests) {
    const path = edgePolyline(r.source, r.target);
    // Cheapest first: the first box that overlaps nothing is the answer.
    const sorted = [...candidates(path, r.width, r.height, Math.max(r.source.height, r.target.height))].sort((a, b) => a.cost - b.cost);
    let best: { box: Rect; overlap: number } | null = null;
    for (const c of sorted) {
      const overlap = index.overlap(c.box);
      if (!best || overlap < best.overlap) best = { box: c.box, overlap };
      if (overlap === 0) break;
    }
    if (!best) continue;
    index.add(best.box);
    spots.set(r.id, { x: best.box.x + best.box.width / 2, y: best.box.y + best.box.height / 2 });
  }
  return spots;
}
