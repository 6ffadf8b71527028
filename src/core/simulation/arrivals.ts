/**
 * When each span reaches the Collector (engine-design "Time in the simulation"): a span arrives
 * when it ends plus an export delay (SDK batching, agent hops). Uploaded data replays on its own
 * timestamps, compressed or stretched by `speed`. Spans are grouped into windows of arrival time
 * with a counting sort over the store's columns — O(n), no span objects.
 */
import type { SpanStore } from '../telemetry/spanStore';

export interface ArrivalOptions {
  /** Added to every span's end time (ms). Default 1,000. */
  readonly exportDelayMs?: number;
  /** Replay speed: 2 = twice as fast as recorded. Default 1. */
  readonly speed?: number;
  /** Width of one delivery window (ms). Default 100. */
  readonly windowMs?: number;
}

export interface ArrivalWindow {
  readonly atMs: number;
  readonly rows: Uint32Array;
}

const TWO32 = 4294967296;

/** Arrival windows in time order; `rows` of one window keep store order. */
export function arrivalWindows(store: SpanStore, rowStart: number, rowEnd: number, options: ArrivalOptions = {}): ArrivalWindow[] {
  const delay = options.exportDelayMs ?? 1000;
  const speed = options.speed && options.speed > 0 ? options.speed : 1;
  const windowMs = Math.max(1, options.windowMs ?? 100);
  const n = rowEnd - rowStart;
  if (n <= 0) return [];
  // End times in ms since the earliest end, as doubles (exact enough for windows of 100 ms).
  const endMs = new Float64Array(n);
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const r = rowStart + i;
    const ms = (store.endHi[r]! * TWO32 + store.endLo[r]!) / 1e6;
    endMs[i] = ms;
    if (ms < min) min = ms;
  }
  let maxBucket = 0;
  const bucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.floor((endMs[i]! - min) / speed / windowMs);
    bucket[i] = b;
    if (b > maxBucket) maxBucket = b;
  }
  if (maxBucket < 4 * n + 1024) return denseWindows(bucket, maxBucket, rowStart, min, windowMs, speed, delay);
  // A run spread over years would need billions of empty windows: cap them (one per distinct bucket).
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(bucket[i]!, (counts.get(bucket[i]!) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => a - b);
  const offsets = new Map<number, number>();
  let acc = 0;
  for (const b of order) {
    offsets.set(b, acc);
    acc += counts.get(b)!;
  }
  const sorted = new Uint32Array(n);
  const cursor = new Map(offsets);
  for (let i = 0; i < n; i++) {
    const b = bucket[i]!;
    const at = cursor.get(b)!;
    sorted[at] = rowStart + i;
    cursor.set(b, at + 1);
  }
  return order.map((b) => {
    const start = offsets.get(b)!;
    return { atMs: min + (b + 1) * windowMs * speed + delay, rows: sorted.subarray(start, start + counts.get(b)!) };
  });
}

/** The same windows by a counting sort over an array of buckets (when there are not many more buckets than rows). */
function denseWindows(bucket: Uint32Array, maxBucket: number, rowStart: number, min: number, windowMs: number, speed: number, delay: number): ArrivalWindow[] {
  const n = bucket.length;
  const start = new Uint32Array(maxBucket + 2);
  for (let i = 0; i < n; i++) start[bucket[i]! + 1]!++;
  for (let b = 1; b < start.length; b++) start[b]! += start[b - 1]!;
  const cursor = start.slice(0, maxBucket + 1);
  const sorted = new Uint32Array(n);
  for (let i = 0; i < n; i++) sorted[cursor[bucket[i]!]!++] = rowStart + i;
  const out: ArrivalWindow[] = [];
  for (let b = 0; b <= maxBucket; b++) {
    if (start[b + 1] === start[b]) continue;
    out.push({ atMs: min + (b + 1) * windowMs * speed + delay, rows: sorted.subarray(start[b]!, start[b + 1]!) });
  }
  return out;
}
