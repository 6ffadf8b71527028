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
import { attributeValueAt } from '../../telemetry/attributeColumns';
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
import { readAttributes } from '../../telemetry/attributeColumns';

/** What a content-changing stage tells the stages after it. */
export interface RowOverlay {
  /** The tracestate this stage gave `row`, or undefined when it left it alone. */
  traceStateOf?(row: number): string | undefined;
  /** Whether this stage may have written span attribute `key` of `row` (true = read the whole map). */
  mayWriteAttribute?(row: number, key: string): boolean;
  /** Applies this stage's attribute changes to `attrs` (the map of `row` as it reached the stage). */
  applyAttributes?(row: number, attrs: Attributes): void;
}

export class RowView {
  private readonly traceStateLayers: RowOverlay[];
  private readonly attributeLayers: RowOverlay[];

  constructor(
    readonly store: SpanStore,
    readonly cache: SpanReadCache,
    overlays: readonly RowOverlay[],
  ) {
    this.traceStateLayers = overlays.filter((o) => o.traceStateOf !== undefined).reverse();
    this.attributeLayers = overlays.filter((o) => o.applyAttributes !== undefined);
  }

  /** A view with `overlay` added after this view's overlays. */
  static extend(view: RowView, overlays: readonly RowOverlay[]): RowView {
    return new RowView(view.store, view.cache, overlays);
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
    return this.store.extras.get(row)?.traceState ?? '';
  }

  /** Whether a stage before this point may have changed attribute `key` of `row`. */
  private rewritten(row: number, key: string): boolean {
    for (const layer of this.attributeLayers) if (layer.mayWriteAttribute!(row, key)) return true;
    return false;
  }

  /** Span attribute `key` of `row` as the stage sees it, or undefined; null = read the whole map. */
  attribute(row: number, key: string): AnyValue | undefined | null {
    if (this.rewritten(row, key)) return null;
    const store = this.store;
    const keyId = store.strings.ids.get(key);
    if (keyId === undefined) return undefined;
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
 * in the row's attributes; anything else (size, iteration, writes) first loads the whole map.
 */
export class RowAttributes extends Map<string, AnyValue> {
  private loaded = false;

  constructor(
    private readonly view: RowView,
    private row: number,
  ) {
    super();
  }

  /** Points this map at another row (for a reader that is done with the previous one). */
  retarget(row: number): void {
    if (this.loaded) {
      super.clear();
      this.loaded = false;
    }
    this.row = row;
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const [k, v] of this.view.attributes(this.row)) super.set(k, v);
  }

  override get(key: string): AnyValue | undefined {
    if (!this.loaded) {
      const v = this.view.attribute(this.row, key);
      if (v !== null) return v;
      this.load();
    }
    return super.get(key);
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  override get size(): number {
    this.load();
    return super.size;
  }

  override set(key: string, value: AnyValue): this {
    this.load();
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    this.load();
    return super.delete(key);
  }

  override clear(): void {
    this.loaded = true;
    super.clear();
  }

  override forEach(fn: (value: AnyValue, key: string, map: Map<string, AnyValue>) => void, thisArg?: unknown): void {
    this.load();
    super.forEach(fn, thisArg);
  }

  override entries(): MapIterator<[string, AnyValue]> {
    this.load();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.load();
    return super.keys();
  }

  override values(): MapIterator<AnyValue> {
    this.load();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, AnyValue]> {
    this.load();
    return super[Symbol.iterator]();
  }
}

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
    return (this.attrs ??= new RowAttributes(this.view, this.row));
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
    return (this.statusValue ??= { code: this.view.store.statuses[this.row]! as StatusCode, message: this.view.store.extras.get(this.row)?.statusMessage ?? '' });
  }
}
