/**
 * Span links in side columns, appended with their span so `span` ascends (see eventColumns).
 */
import { appendAttributes, attributeColumnBytes, createAttributeColumns, readAttributes, trimAttributeColumns, type AttributeColumns } from './attributeColumns';
import { lowerBound } from './eventColumns';
import { growTo, nextCapacity, shrinkTo } from './growable';
import { hexToWords, wordsToHex } from './idWords';
import type { SpanLink } from './pdata';
import { internString, stringAt, type StringTable } from './stringTable';

export interface LinkColumns {
  count: number;
  span: Uint32Array;
  /** 4 words per link. */
  traceIds: Uint32Array;
  /** 2 words per link. */
  spanIds: Uint32Array;
  traceState: Uint32Array;
  flags: Uint32Array;
  attrStart: Uint32Array;
  attrs: AttributeColumns;
  dropped: Map<number, number>;
}

/** Empty link columns. */
export function createLinkColumns(): LinkColumns {
  return {
    count: 0,
    span: new Uint32Array(0),
    traceIds: new Uint32Array(0),
    spanIds: new Uint32Array(0),
    traceState: new Uint32Array(0),
    flags: new Uint32Array(0),
    attrStart: new Uint32Array(0),
    attrs: createAttributeColumns(0),
    dropped: new Map(),
  };
}

/** Reserves one link row for span `row`; the caller fills the id words. Returns its index. */
export function pushLink(cols: LinkColumns, row: number, traceStateId: number, flags: number): number {
  const i = cols.count;
  const n = i + 1;
  if (n > cols.span.length) {
    const cap = nextCapacity(cols.span.length, n);
    cols.span = growTo(cols.span, cap);
    cols.traceIds = growTo(cols.traceIds, cap * 4);
    cols.spanIds = growTo(cols.spanIds, cap * 2);
    cols.traceState = growTo(cols.traceState, cap);
    cols.flags = growTo(cols.flags, cap);
    cols.attrStart = growTo(cols.attrStart, cap);
  }
  cols.span[i] = row;
  cols.traceState[i] = traceStateId;
  cols.flags[i] = flags >>> 0;
  cols.attrStart[i] = cols.attrs.count;
  cols.count = n;
  return i;
}

/** Appends a pdata link for span `row`. */
export function appendLink(cols: LinkColumns, strings: StringTable, row: number, l: SpanLink): void {
  const i = pushLink(cols, row, internString(strings, l.traceState), l.flags);
  hexToWords(l.traceId, cols.traceIds, i * 4, 4);
  hexToWords(l.spanId, cols.spanIds, i * 2, 2);
  appendAttributes(cols.attrs, strings, l.attributes);
  if (l.droppedAttributesCount) cols.dropped.set(i, l.droppedAttributesCount);
}

/** The links of span `row`, rebuilt as pdata. */
export function readLinks(cols: LinkColumns, strings: StringTable, row: number): SpanLink[] {
  const out: SpanLink[] = [];
  for (let i = lowerBound(cols.span, cols.count, row); i < cols.count && cols.span[i] === row; i++) {
    const end = i + 1 < cols.count ? cols.attrStart[i + 1]! : cols.attrs.count;
    out.push({
      traceId: wordsToHex(cols.traceIds, i * 4, 4),
      spanId: wordsToHex(cols.spanIds, i * 2, 2),
      traceState: stringAt(strings, cols.traceState[i]!),
      flags: cols.flags[i]!,
      attributes: readAttributes(cols.attrs, strings, cols.attrStart[i]!, end),
      droppedAttributesCount: cols.dropped.get(i) ?? 0,
    });
  }
  return out;
}

/** Shrinks every buffer to its used length. */
export function trimLinkColumns(cols: LinkColumns): void {
  cols.span = shrinkTo(cols.span, cols.count);
  cols.traceIds = shrinkTo(cols.traceIds, cols.count * 4);
  cols.spanIds = shrinkTo(cols.spanIds, cols.count * 2);
  cols.traceState = shrinkTo(cols.traceState, cols.count);
  cols.flags = shrinkTo(cols.flags, cols.count);
  cols.attrStart = shrinkTo(cols.attrStart, cols.count);
  trimAttributeColumns(cols.attrs);
}

/** Bytes held by the link buffers. */
export function linkColumnBytes(cols: LinkColumns): number {
  return (
    cols.span.byteLength + cols.traceIds.byteLength + cols.spanIds.byteLength + cols.traceState.byteLength + cols.flags.byteLength + cols.attrStart.byteLength + attributeColumnBytes(cols.attrs) + cols.dropped.size * 32
  );
}
