/**
 * Span events in side columns (engine-design.md "Storage": events/links beside the span rows).
 * Events are appended with their span, so `span` ascends and a span's events are found by
 * binary search.
 */
import { appendAttributes, attributeColumnBytes, createAttributeColumns, readAttributes, trimAttributeColumns, type AttributeColumns } from './attributeColumns';
import { growTo, nextCapacity, shrinkTo } from './growable';
import { nanosFromHalves, nanosHi, nanosLo } from './nanos';
import type { SpanEvent } from './pdata';
import { internString, stringAt, type StringTable } from './stringTable';

export interface EventColumns {
  count: number;
  span: Uint32Array;
  timeHi: Uint32Array;
  timeLo: Uint32Array;
  name: Uint32Array;
  attrStart: Uint32Array;
  attrs: AttributeColumns;
  /** droppedAttributesCount by event index, only when non-zero. */
  dropped: Map<number, number>;
}

/** Empty event columns. */
export function createEventColumns(): EventColumns {
  return {
    count: 0,
    span: new Uint32Array(0),
    timeHi: new Uint32Array(0),
    timeLo: new Uint32Array(0),
    name: new Uint32Array(0),
    attrStart: new Uint32Array(0),
    attrs: createAttributeColumns(0),
    dropped: new Map(),
  };
}

/** Reserves one event row for span `row` and returns its index (attributes start empty). */
export function pushEvent(cols: EventColumns, row: number, hi: number, lo: number, nameId: number): number {
  const i = cols.count;
  const n = i + 1;
  if (n > cols.span.length) {
    const cap = nextCapacity(cols.span.length, n);
    cols.span = growTo(cols.span, cap);
    cols.timeHi = growTo(cols.timeHi, cap);
    cols.timeLo = growTo(cols.timeLo, cap);
    cols.name = growTo(cols.name, cap);
    cols.attrStart = growTo(cols.attrStart, cap);
  }
  cols.span[i] = row;
  cols.timeHi[i] = hi;
  cols.timeLo[i] = lo;
  cols.name[i] = nameId;
  cols.attrStart[i] = cols.attrs.count;
  cols.count = n;
  return i;
}

/** Appends a pdata event for span `row`. */
export function appendEvent(cols: EventColumns, strings: StringTable, row: number, e: SpanEvent): void {
  const i = pushEvent(cols, row, nanosHi(e.timeUnixNano), nanosLo(e.timeUnixNano), internString(strings, e.name));
  appendAttributes(cols.attrs, strings, e.attributes);
  if (e.droppedAttributesCount) cols.dropped.set(i, e.droppedAttributesCount);
}

/** First index in `span[0..count)` whose value is >= row. */
export function lowerBound(span: Uint32Array, count: number, row: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (span[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The events of span `row`, rebuilt as pdata. */
export function readEvents(cols: EventColumns, strings: StringTable, row: number): SpanEvent[] {
  const out: SpanEvent[] = [];
  for (let i = lowerBound(cols.span, cols.count, row); i < cols.count && cols.span[i] === row; i++) {
    const end = i + 1 < cols.count ? cols.attrStart[i + 1]! : cols.attrs.count;
    out.push({
      timeUnixNano: nanosFromHalves(cols.timeHi[i]!, cols.timeLo[i]!),
      name: stringAt(strings, cols.name[i]!),
      attributes: readAttributes(cols.attrs, strings, cols.attrStart[i]!, end),
      droppedAttributesCount: cols.dropped.get(i) ?? 0,
    });
  }
  return out;
}

/** Shrinks every buffer to its used length. */
export function trimEventColumns(cols: EventColumns): void {
  cols.span = shrinkTo(cols.span, cols.count);
  cols.timeHi = shrinkTo(cols.timeHi, cols.count);
  cols.timeLo = shrinkTo(cols.timeLo, cols.count);
  cols.name = shrinkTo(cols.name, cols.count);
  cols.attrStart = shrinkTo(cols.attrStart, cols.count);
  trimAttributeColumns(cols.attrs);
}

/** Bytes held by the event buffers. */
export function eventColumnBytes(cols: EventColumns): number {
  return cols.span.byteLength * 5 + attributeColumnBytes(cols.attrs) + cols.dropped.size * 32;
}
