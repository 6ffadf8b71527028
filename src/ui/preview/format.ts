/** Number formatting for the preview (text only). */

const counts = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counts.format(n);
}

/** Compact counts for canvas labels: 950, 9.7k, 1.2M. */
export function formatCompact(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p >= 10 || p === 0 ? p.toFixed(1) : p.toFixed(2)}%`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export const DECISION_LABELS: Record<string, string> = { sampled: 'sampled', not_sampled: 'not sampled', dropped: 'dropped' };

/** `lane:traces:processors:tail_sampling` → `tail_sampling` (the engine names deciders by graph node key). */
export function componentOf(key: string | null): string {
  return key ? key.slice(key.lastIndexOf(':') + 1) : '';
}

/** A tail-sampling verdict in words, e.g. `NotSampled` → `not sampled`. */
export const VERDICT_LABELS: Record<string, string> = {
  Sampled: 'sampled',
  NotSampled: 'not sampled',
  Dropped: 'dropped',
  Error: 'error',
  InvertSampled: 'sampled (inverted)',
  InvertNotSampled: 'not sampled (inverted)',
};
