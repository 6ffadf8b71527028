/**
 * Spans of a columnar run seen through the changes of the stages they passed (decision 0014).
 *
 * In a columnar lane a payload is a list of store rows; nothing is copied. A stage that changes
 * span content (attributes: span attributes; probabilistic_sampler: the tracestate) records its
 * change as an overlay. `RowView` is the lane at one stage position: the store plus the overlays
 * of the stages before it. It answers reads exactly as the span objects of the object path would
 * at that point, and `RowSpan` / `RowAttributes` give conditions and sampling policies `Span`s to
 * read without building them: every field is read from the columns when it is first asked for.
 * `materializeSpan` builds the real object (for exporters that print or keep data).
 */
import { attributeValueAt, readAttributes } from '../../telemetry/attributeColumns';
import type { AnyValue, Attributes, Span, SpanEvent, SpanKind, SpanLink, StatusCode } from '../../telemetry/pdata';
import { readEvents } from '../../telemetry/eventColumns';
import { readLinks } from '../../telemetry/linkColumns';
import {
  attrEnd,
  parentSpanIdHex,
  readSpan,
  spanEndNs,
  spanIdHex,
  spanName,
  spanStartNs,
  traceIdHex,
  type SpanReadCache,
  type SpanStore,
} from '../../telemetry/spanStore';

/** What a content-changing stage tells the stages after it. */
export interface RowOverlay {
  /** The tracestate this stage gave `row`, or undefined when it left it alone. */
  traceStateOf?(row: number): string | undefined;
  /** Whether this stage may have written span attribute `key` of `row` (true = read the whole map). */
  mayWriteAttribute?(row: number, key: string): boolean;
  /** Whether this stage may write span attribute `key` of any row (asked once per key). */
  mayWriteKey?(key: string): boolean;
  /** Applies this stage's attribute changes to `attrs` (the map of `row` as it reached the stage). */
  applyAttributes?(row: number, attrs: Attributes): void;
}

export class RowView {
  private readonly traceStateLayers: RowOverlay[];
  private readonly attributeLayers: RowOverlay[];
  /** Rows of the store with a tracestate of their own (most have none: no lookup for them). */
  private storedTraceStates: Map<number, string> | undefined;
  /** Per key asked for: its string-table id and the stages that may write it (a small map instead of the whole table's). */
  private readonly keys = new Map<string, { readonly id: number; readonly writers: readonly RowOverlay[] }>();

  constructor(
    readonly store: SpanStore,
    readonly cache: SpanReadCache,
    overlays: readonly RowOverlay[],
  ) {
    this.traceStateLayers = overlays.filter((o) => o.traceStateOf !== undefined).reverse();
    this.attributeLayers = overlays.filter((o) => o.applyAttributes !== undefined);
  }

  traceId(row: number): string {
    const t = this.cache.traceOfRow[row]!;
    return (this.cache.traceHex[t] ??= traceIdHex(this.store, row));
  }

  traceState(row: number): string {
    for (const layer of this.traceStateLayers) {
      const s = layer.traceStateOf!(row);
      if (s !== undefined) return s;
    }
    let stored = this.storedTraceStates;
    if (stored === undefined) {
      stored = new Map();
      for (const [r, e] of this.store.extras) if (e.traceState) stored.set(r, e.traceState);
      this.storedTraceStates = stored;
    }
    return stored.size === 0 ? '' : (stored.get(row) ?? '');
  }

  /** Span attribute `key` of `row` as the stage sees it, or undefined; null = read the whole map. */
  attribute(row: number, key: string): AnyValue | undefined | null {
    const store = this.store;
    let known = this.keys.get(key);
    if (known === undefined) {
      const writers = this.attributeLayers.filter((layer) => layer.mayWriteKey?.(key) ?? true);
      this.keys.set(key, (known = { id: store.strings.ids.get(key) ?? -1, writers }));
    }
    // Whether a stage before this point may have changed attribute `key` of `row`.
    for (const layer of known.writers) if (layer.mayWriteAttribute!(row, key)) return null;
    const keyId = known.id;
    if (keyId < 0) return undefined;
    const cols = store.spanAttrs;
    // From the end: the last entry of a key is the one a map keeps.
    for (let i = attrEnd(store, row) - 1; i >= store.attrStart[row]!; i--) if (cols.keys[i] === keyId) return attributeValueAt(cols, store.strings, i, this.cache.stringValues);
    return undefined;
  }

  /** The whole attribute map of `row` as the stage sees it (a fresh map). */
  attributes(row: number): Attributes {
    const store = this.store;
    const attrs = readAttributes(store.spanAttrs, store.strings, store.attrStart[row]!, attrEnd(store, row), this.cache.stringValues);
    for (const layer of this.attributeLayers) layer.applyAttributes!(row, attrs);
    return attrs;
  }

  /** `row` as a pdata span object with every change so far (a fresh object). */
  materializeSpan(row: number): Span {
    const span = readSpan(this.store, row, this.traceId(row), this.cache.stringValues);
    for (const layer of this.attributeLayers) layer.applyAttributes!(row, span.attributes);
    for (const layer of this.traceStateLayers) {
      const s = layer.traceStateOf!(row);
      if (s !== undefined) {
        span.traceState = s;
        break;
      }
    }
    return span;
  }
}

/**
 * A span attribute map read from the columns on demand: `get` / `has` of one key look the key up
 * in the row's attributes; anything else (size, iteration, writes) first loads the whole map into
 * a real `Map` and goes on with it. It is `instanceof Map` (OTTL tests that) without being one,
 * so making one costs an object of three fields, not a hash table: sampling policies ask every
 * span of a trace for one key.
 */
export interface RowAttributes extends Map<string, AnyValue> {
  /** Points this map at another row (for a reader that is done with the previous one). */
  retarget(row: number): void;
}

interface RowAttributesState {
  view: RowView;
  row: number;
  loaded: Map<string, AnyValue> | undefined;
}

function loaded(self: RowAttributesState): Map<string, AnyValue> {
  return (self.loaded ??= self.view.attributes(self.row));
}

const rowAttributesPrototype: object = Object.create(Map.prototype, {
  get: {
    value(this: RowAttributesState, key: string): AnyValue | undefined {
      if (this.loaded === undefined) {
        const v = this.view.attribute(this.row, key);
        if (v !== null) return v;
      }
      return loaded(this).get(key);
    },
  },
  has: {
    value(this: RowAttributes, key: string): boolean {
      return this.get(key) !== undefined;
    },
  },
  size: {
    get(this: RowAttributesState): number {
      return loaded(this).size;
    },
  },
  set: {
    value(this: RowAttributesState, key: string, value: AnyValue) {
      loaded(this).set(key, value);
      return this;
    },
  },
  delete: { value: (function (this: RowAttributesState, key: string) { return loaded(this).delete(key); }) },
  clear: {
    value(this: RowAttributesState): void {
      this.loaded = new Map();
    },
  },
  forEach: {
    value(this: RowAttributesState & Map<string, AnyValue>, fn: (value: AnyValue, key: string, map: Map<string, AnyValue>) => void, thisArg?: unknown): void {
      for (const [k, v] of loaded(this)) fn.call(thisArg, v, k, this);
    },
  },
  entries: { value: (function (this: RowAttributesState) { return loaded(this).entries(); }) },
  keys: { value: (function (this: RowAttributesState) { return loaded(this).keys(); }) },
  values: { value: (function (this: RowAttributesState) { return loaded(this).values(); }) },
  [Symbol.iterator]: { value: (function (this: RowAttributesState) { return loaded(this)[Symbol.iterator](); }) },
  retarget: {
    value(this: RowAttributesState, row: number): void {
      this.row = row;
      this.loaded = undefined;
    },
  },
});

export function rowAttributes(view: RowView, row: number): RowAttributes {
  const state: RowAttributesState = Object.create(rowAttributesPrototype) as RowAttributesState;
  state.view = view;
  state.row = row;
  state.loaded = undefined;
  return state as unknown as RowAttributes;
}

const PLAIN_STATUS: readonly { code: StatusCode; message: string }[] = [0, 1, 2].map((code) => Object.freeze({ code: code as StatusCode, message: '' }));

/**
 * A read-only `Span` over one row of a view: what filter conditions and sampling policies read,
 * without building the span. Every field equals the field of `view.materializeSpan(row)`.
 */
export class RowSpan implements Span {
  private attrs: RowAttributes | undefined;
  private statusValue: { code: StatusCode; message: string } | undefined;

  constructor(
    readonly view: RowView,
    private row: number,
  ) {}

  /**
   * Points this span at another row, for a reader that keeps nothing of the previous span between
   * rows (a filter condition, an include/exclude predicate): one object for a whole payload.
   */
  retarget(row: number): this {
    this.row = row;
    this.attrs?.retarget(row);
    this.statusValue = undefined;
    return this;
  }

  get traceId(): string {
    return this.view.traceId(this.row);
  }
  get spanId(): string {
    return spanIdHex(this.view.store, this.row);
  }
  get parentSpanId(): string {
    return parentSpanIdHex(this.view.store, this.row);
  }
  get traceState(): string {
    return this.view.traceState(this.row);
  }
  get flags(): number {
    const store = this.view.store;
    return (store.flags[this.row]! | ((store.extras.get(this.row)?.flagsHigh ?? 0) << 16)) >>> 0;
  }
  get name(): string {
    return spanName(this.view.store, this.row);
  }
  get kind(): SpanKind {
    return this.view.store.kinds[this.row]! as SpanKind;
  }
  get startTimeUnixNano(): bigint {
    return spanStartNs(this.view.store, this.row);
  }
  get endTimeUnixNano(): bigint {
    return spanEndNs(this.view.store, this.row);
  }
  get attributes(): Attributes {
    return (this.attrs ??= rowAttributes(this.view, this.row));
  }
  get droppedAttributesCount(): number {
    return this.view.store.extras.get(this.row)?.droppedAttributesCount ?? 0;
  }
  get events(): SpanEvent[] {
    const store = this.view.store;
    return readEvents(store.events, store.strings, this.row);
  }
  get droppedEventsCount(): number {
    return this.view.store.extras.get(this.row)?.droppedEventsCount ?? 0;
  }
  get links(): SpanLink[] {
    const store = this.view.store;
    return readLinks(store.links, store.strings, this.row);
  }
  get droppedLinksCount(): number {
    return this.view.store.extras.get(this.row)?.droppedLinksCount ?? 0;
  }
  get status(): { code: StatusCode; message: string } {
    if (this.statusValue !== undefined) return this.statusValue;
    const code = this.view.store.statuses[this.row]! as StatusCode;
    const message = this.view.store.extras.get(this.row)?.statusMessage ?? '';
    // A RowSpan is only read: spans without a message share one status object per code.
    return (this.statusValue = message === '' ? PLAIN_STATUS[code]! : { code, message });
  }
}
