/**
 * OTTL comparisons (processors-spec §1.5, pkg/ottl compare.go). Values of different kinds are
 * "not equal": `!=` is true and every other operator is false.
 */
import type { CompareOp } from './ast';
import { anyValueJson } from './valueText';
import { OpaqueList, OttlDuration, OttlTime, PSlice, toAnyValue, type OttlValue } from './ottlValue';

/** Three-way comparison, or `undefined` when the two values are not ordered against each other. */
function order(a: OttlValue, b: OttlValue): number | undefined {
  const num = (x: OttlValue): number | bigint | undefined => (typeof x === 'bigint' || typeof x === 'number' ? x : undefined);
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na < nb ? -1 : na > nb ? 1 : 0;
    const fa = Number(na);
    const fb = Number(nb); // int vs float: compared as float64
    return fa < fb ? -1 : fa > fb ? 1 : fa === fb ? 0 : undefined;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
    return a.length - b.length;
  }
  if (a instanceof OttlTime && b instanceof OttlTime) return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0;
  if (a instanceof OttlDuration && b instanceof OttlDuration) return a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0;
  return undefined;
}

function deepEqual(a: OttlValue, b: OttlValue): boolean {
  if (a === null || b === null) return a === b;
  const structured = (x: OttlValue): boolean => x instanceof Map || x instanceof PSlice || Array.isArray(x);
  if (structured(a) && structured(b)) {
    try {
      return anyValueJson(toAnyValue(a)) === anyValueJson(toAnyValue(b));
    } catch {
      return false; // values that cannot become pdata values (times) are never deeply equal
    }
  }
  if (a instanceof OpaqueList || b instanceof OpaqueList) return a === b;
  return false;
}

/** Evaluate `a op b`. */
export function compareValues(a: OttlValue, op: CompareOp, b: OttlValue): boolean {
  const o = order(a, b);
  if (o === undefined) {
    const eq = deepEqual(a, b);
    if (op === '==') return eq;
    if (op === '!=') return !eq;
    return false;
  }
  switch (op) {
    case '==':
      return o === 0;
    case '!=':
      return o !== 0;
    case '<':
      return o < 0;
    case '<=':
      return o <= 0;
    case '>':
      return o > 0;
    case '>=':
      return o >= 0;
  }
}
