/** Timing helpers for `npm run bench`: medians of warm runs, reported as ratios to a baseline run alongside. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `fn` `warmup` times, then `runs` timed times (with GC between when available); returns the median ms. */
export function time(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export interface Row {
  readonly name: string;
  readonly ratio: number;
  readonly goal: number | null;
  readonly baseline: string;
  readonly detail?: string;
}

export function printRows(title: string, rows: Row[]): void {
  console.log(`\n## ${title}\n`);
  console.log('| measurement | ratio | goal | baseline (same run) | note |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const verdict = r.goal === null ? '' : r.ratio <= r.goal ? ' ✓' : ' ✗';
    console.log(`| ${r.name} | ${r.ratio.toFixed(2)}×${verdict} | ${r.goal === null ? '—' : `≤ ${r.goal}×`} | ${r.baseline} | ${r.detail ?? ''} |`);
  }
}

/**
 * Medians of `fns` run interleaved (a, b, c, a, b, c, …), so a machine whose load changes during
 * the run slows every one of them alike and the ratios stay meaningful.
 */
export function timeInterleaved(fns: readonly (() => unknown)[], runs = 9, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      gc?.();
      const start = performance.now();
      fn();
      samples[k]!.push(performance.now() - start);
    });
  }
  return samples.map(median);
}
