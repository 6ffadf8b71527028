/** Diagnostics → Monaco marker data. Pure, so the mapping is tested without a browser. */
import type { Diagnostic } from '../../core/diagnostics/diagnostic';

export interface MarkerLike {
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
  readonly source: string;
  readonly code: string;
}

/** At most `limit` markers, errors first: Monaco slows down with tens of thousands. */
export function toMarkers(diagnostics: readonly Diagnostic[], limit = 2000): MarkerLike[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return diagnostics
    .filter((d) => d.range !== null)
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .slice(0, limit)
    .map((d) => {
      const r = d.range!;
      const sameSpot = r.end.line === r.start.line && r.end.column <= r.start.column;
      return {
        severity: d.severity,
        message: d.origin === 'studio' ? `${d.message} (Pipeline Studio advice)` : d.message,
        startLineNumber: r.start.line,
        startColumn: r.start.column,
        endLineNumber: r.end.line,
        endColumn: sameSpot ? r.start.column + 1 : r.end.column,
        source: d.origin === 'studio' ? 'Pipeline Studio' : 'otelcol',
        code: d.code,
      };
    });
}

/** The smallest single edit turning `before` into `after`: common prefix and suffix kept. */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}
