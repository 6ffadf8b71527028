/**
 * Rows of the trace waterfall: depth-first by parent, children by start time. A span whose
 * parent is not in the trace (a partial upload, a dropped parent) starts a root of its own,
 * as Jaeger's and Zipkin's viewers show orphans.
 */

export interface WaterfallSpan {
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly startMs: number;
  readonly durationMs: number;
}

export interface WaterfallRow {
  /** Index into the input spans. */
  readonly span: number;
  readonly depth: number;
  /** Left edge and width as fractions of the trace's span of time (0..1). */
  readonly left: number;
  readonly width: number;
  readonly hasChildren: boolean;
}

/** Lays out `spans` as waterfall rows (iterative: a 10,000-deep chain does not overflow the stack). */
export function waterfallLayout(spans: readonly WaterfallSpan[]): WaterfallRow[] {
  const byId = new Map<string, number>();
  spans.forEach((s, i) => {
    if (s.spanId && !byId.has(s.spanId)) byId.set(s.spanId, i);
  });
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  spans.forEach((s, i) => {
    const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
    if (parent === undefined || parent === i) roots.push(i);
    else {
      const list = children.get(parent);
      if (list) list.push(i);
      else children.set(parent, [i]);
    }
  });
  const byStart = (a: number, b: number) => spans[a]!.startMs - spans[b]!.startMs || a - b;
  roots.sort(byStart);
  for (const list of children.values()) list.sort(byStart);
  let min = Infinity;
  let max = -Infinity;
  for (const s of spans) {
    min = Math.min(min, s.startMs);
    max = Math.max(max, s.startMs + s.durationMs);
  }
  const total = max > min ? max - min : 1;
  const rows: WaterfallRow[] = [];
  const visited = new Uint8Array(spans.length);
  const stack: [number, number][] = [];
  const push = (list: readonly number[], depth: number) => {
    for (let k = list.length - 1; k >= 0; k--) stack.push([list[k]!, depth]);
  };
  const emit = (start: number[]) => {
    push(start, 0);
    while (stack.length) {
      const [i, depth] = stack.pop()!;
      if (visited[i]) continue; // a parent cycle in hostile input
      visited[i] = 1;
      const s = spans[i]!;
      const kids = children.get(i) ?? [];
      rows.push({ span: i, depth, left: (s.startMs - min) / total, width: Math.max(0, s.durationMs) / total, hasChildren: kids.length > 0 });
      push(kids, depth + 1);
    }
  };
  emit(roots);
  // Spans only reachable through a cycle: show them flat rather than lose them.
  const rest = spans.map((_, i) => i).filter((i) => !visited[i]);
  if (rest.length) emit(rest.sort(byStart));
  return rows;
}
