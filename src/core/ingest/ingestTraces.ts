/**
 * Streaming trace ingest with format auto-detection (engine-design.md "Ingest"). Input arrives
 * as byte chunks, never as one string: JSON is cut into pieces by `jsonScanner` and parsed one
 * piece at a time, protobuf is split into ResourceSpans records. Every piece is normalised to
 * pdata and handed to `onData`, then dropped, so memory stays flat in the size of the input.
 * Given a `store` instead, OTLP/JSON pieces are appended straight into its columns without
 * building pdata (`otlpJsonColumns`, issue #6, decision 0013), their spans read from the bytes
 * while the element is scanned when they have the common shape (`otlpJsonBytes`, decision
 * 0016); the store ends up exactly as `onData: (d) => appendTracesData(store, d)` would leave
 * it, only faster. Other formats still go through pdata.
 *
 * A record that cannot be read is reported as an issue with its line (JSON Lines) or byte
 * offset and skipped; the rest loads. Input that is not trace data at all ends the load with
 * `fatal` saying what the file looks like.
 */
import type { TracesData } from '../telemetry/pdata';
import { spanCount } from '../telemetry/pdata';
import { appendTracesData, createSpanStoreMark, markSpanStore, rollbackSpanStore, type SpanStore } from '../telemetry/spanStore';
import type { IngestIssue, IngestProgress, IssueSink, TraceFormat } from './ingestTypes';
import { isJaegerTrace, jaegerTraceToPdata } from './jaegerJson';
import { createJsonScanner, spanRunsOf, type JsonPiece, type JsonRest, type JsonScanner, type OtlpLayout, type OtlpRun, type SpanRun } from './jsonScanner';
import { resourceSpansFromJson, spanFromJson } from './otlpJson';
import { createOtlpColumnWriter, type OtlpColumnWriter } from './otlpJsonColumns';
import { createProtobufSplitter, decodeResourceSpans, type ProtobufSplitter } from './otlpProtobuf';
import { SNIFF_BYTES, sniffFormat } from './sniffFormat';
import { isZipkinSpan, isZipkinV1, zipkinSpansToPdata } from './zipkinJson';
import { OPEN_OBJ } from './jsonBytes';

export interface TraceIngestOptions {
  /** Receives each decoded payload; the objects may be dropped once it returns. Not called when `store` is given. */
  readonly onData?: (data: TracesData) => void;
  /**
   * Appends every span to this store: the fast path, OTLP/JSON goes straight into the columns.
   * The store ends up exactly as with `onData: (d) => appendTracesData(store, d)`. One of
   * `store` and `onData` is required.
   */
  readonly store?: SpanStore;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** File name, as a hint only (".jsonl" → JSON Lines, ".pb" → protobuf). */
  readonly fileName?: string;
  /** Issues kept in the result (all are counted). Default 200. */
  readonly maxIssues?: number;
  /** A `resourceSpans` element larger than this is parsed span by span. Default 32 MiB. */
  readonly hugePieceBytes?: number;
  /**
   * With `store`: a `resourceSpans` element at least this large (and not huge) is parsed as
   * its skeleton plus its spans one by one or in batches (`batchedOtlpElement`), which spares
   * the garbage collector; same result. Default 0 (every element) when spans are read from
   * bytes (`spanBytes`), else 256 KiB.
   */
  readonly batchElementBytes?: number;
  /**
   * With `store`: read the spans of those elements straight from their bytes when they have
   * the common shape (`otlpJsonBytes`), else parse them. Same result either way. Default true.
   */
  readonly spanBytes?: boolean;
  /** Minimum input bytes between progress reports. Default 1 MiB. */
  readonly progressEveryBytes?: number;
  /**
   * JSON Lines: parse a line whole when that is certain to give what cutting it into
   * `resourceSpans` elements gives (see `wholeLine`), skipping the byte scan. Default true;
   * not done when spans are read from bytes (`store` and `spanBytes`), which is faster.
   */
  readonly wholeLines?: boolean;
}

export interface TraceIngestResult {
  /** False when the input was not trace data (see `fatal`). */
  readonly ok: boolean;
  readonly format: TraceFormat | null;
  readonly spans: number;
  readonly bytes: number;
  /** The first `maxIssues` issues, in input order. */
  readonly issues: readonly IngestIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly fatal?: string;
}

/** Push interface: `write` chunks in order, then `end` once. */
export interface TraceIngester {
  write(chunk: Uint8Array): void;
  end(): TraceIngestResult;
}

const CUT_KEYS = new Set(['resourceSpans', 'resource_spans', 'data']);
const WRONG_SIGNAL: Record<string, string> = {
  resourceMetrics: 'this is an OTLP metrics file (resourceMetrics), not traces',
  resource_metrics: 'this is an OTLP metrics file (resource_metrics), not traces',
  resourceLogs: 'this is an OTLP logs file (resourceLogs), not traces',
  resource_logs: 'this is an OTLP logs file (resource_logs), not traces',
  resourceProfiles: 'this is an OTLP profiles file (resourceProfiles), not traces',
  resource_profiles: 'this is an OTLP profiles file (resource_profiles), not traces',
};
const ZIPKIN_BATCH = 512;
const HUGE_BATCH = 1000;
/** Spans per batch, in bytes of JSON (see `batchedOtlpElement`). */
const BATCH_BYTES = 64 * 1024;
const NOT_BATCHABLE = new Error('not batchable');
/** Spans in a row the byte reader did not take, after which the rest of the run is parsed in batches. */
const BYTE_MISSES = 8;
const utf8 = new TextEncoder();
const RESOURCE_SPANS_KEY = utf8.encode('"resourceSpans"');
const RESOURCE_SPANS_SNAKE_KEY = utf8.encode('"resource_spans"');
const SCOPE_KEYS = ['scopeSpans', 'scope_spans', 'instrumentationLibrarySpans', 'instrumentation_library_spans'];
const SCOPE_KEY_BYTES = SCOPE_KEYS.map((k) => utf8.encode(`"${k}"`));
const SPANS_KEY = utf8.encode('"spans"');

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function startsWithBytes(b: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at < 0 || at + prefix.length > b.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * The span runs of an element when parsing its skeleton and its spans apart gives exactly
 * what parsing it whole gives: one array directly under the element, under a literal scope
 * key; runs under a literal "spans" key in that array's scopes, one per scope; spans in a
 * run separated by nothing but one comma (so no other element sits between them), and no
 * scope with a second array in it. Whatever else could differ (a repeated key overriding an
 * array, non-object elements around the spans) shows in the parsed skeleton and is checked
 * there.
 */
function batchable(b: Uint8Array, layout: OtlpLayout): { runs: OtlpRun[]; scopeKey: string } | null {
  if (layout.arrays !== 1) return null;
  const k = SCOPE_KEY_BYTES.findIndex((key) => startsWithBytes(b, layout.arrayKeyAt, key));
  if (k < 0) return null;
  // a scope with two arrays in it (a repeated or escaped "spans" key?) is parsed whole
  const seen = new Set<number>();
  for (const r of layout.runs) {
    if (seen.has(r.scope)) return null;
    seen.add(r.scope);
  }
  const runs = layout.runs.filter((r) => r.starts.length > 0 && startsWithBytes(b, r.keyAt, SPANS_KEY));
  if (runs.length === 0) return null;
  for (const r of runs) for (let i = 1; i < r.starts.length; i++) if (!oneComma(b, r.ends[i - 1]!, r.starts[i]!)) return null;
  return { runs, scopeKey: SCOPE_KEYS[k]! };
}

/** True when b[from, to) is one comma, with whitespace around it or not. */
function oneComma(b: Uint8Array, from: number, to: number): boolean {
  let commas = 0;
  for (let at = from; at < to; at++) {
    const c = b[at]!;
    if (c === 0x2c) commas++;
    else if (!isWs(c)) return false;
  }
  return commas === 1;
}

/** The element with each run's spans cut out (each spans array left empty). */
function skeletonBytes(b: Uint8Array, runs: readonly OtlpRun[]): Uint8Array {
  const sorted = [...runs].sort((x, y) => x.starts[0]! - y.starts[0]!);
  let total = b.length;
  for (const r of sorted) total -= r.ends[r.ends.length - 1]! - r.starts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  let o = 0;
  for (const r of sorted) {
    out.set(b.subarray(at, r.starts[0]!), o);
    o += r.starts[0]! - at;
    at = r.ends[r.ends.length - 1]!;
  }
  out.set(b.subarray(at), o);
  return out;
}

/** Creates a push-style ingester (see module comment). */
export function createTraceIngester(options: TraceIngestOptions): TraceIngester {
  const maxIssues = options.maxIssues ?? 200;
  const hugePieceBytes = options.hugePieceBytes ?? 32 * 1024 * 1024;
  const progressEvery = options.progressEveryBytes ?? 1024 * 1024;
  const spanBytes = options.spanBytes !== false;
  // with spans read from their bytes (and staged while the element is scanned), every element is batched
  const batchElementBytes = options.batchElementBytes ?? (spanBytes ? 0 : 256 * 1024);
  const byteMisses = spanBytes ? BYTE_MISSES : 0;
  const decoder = new TextDecoder('utf-8');
  const store = options.store;
  const onData = options.onData;
  if (!store && !onData) throw new Error('createTraceIngester needs onData or store');
  const writer: OtlpColumnWriter | null = store ? createOtlpColumnWriter(store) : null;
  const elementMark = createSpanStoreMark();

  let bytes = 0;
  let spans = 0;
  let lastProgress = 0;
  let format: TraceFormat | null = null;
  let fatal: string | undefined;
  const issues: IngestIssue[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let head: Uint8Array[] | null = [];
  let headBytes = 0;
  let scanner: JsonScanner | null = null;
  let splitter: ProtobufSplitter | null = null;
  let pendingZipkin: { record: unknown; where: string; line: number; offset: number }[] = [];

  function issue(severity: 'error' | 'warning', message: string, offset?: number, line?: number): void {
    if (severity === 'error') errorCount++;
    else warningCount++;
    if (issues.length < maxIssues) issues.push({ severity, message, ...(offset !== undefined ? { offset } : {}), ...(line !== undefined ? { line } : {}) });
  }

  function lineMode(): boolean {
    return scanner?.lineMode ?? false;
  }

  /** Issue sink for a record at `offset`/`line`: "line 3: <where>: <msg>" or "<where> (byte 123): <msg>". */
  function sinkAt(offset: number | (() => number), line: number): IssueSink {
    return (severity, where, message) => {
      const at = typeof offset === 'number' ? offset : offset();
      if (lineMode()) issue(severity, `line ${line}: ${where ? `${where}: ` : ''}${message}`, at, line);
      else issue(severity, `${where ? `${where} ` : ''}(byte ${at}): ${message}`, at);
    };
  }

  function emit(data: TracesData): void {
    const n = spanCount(data);
    if (n === 0) return;
    spans += n;
    if (store) appendTracesData(store, data);
    else onData!(data);
  }

  function setFormat(f: TraceFormat): void {
    if (!format) format = f;
  }

  function progress(force: boolean): void {
    if (!options.onProgress) return;
    if (!force && bytes - lastProgress < progressEvery) return;
    lastProgress = bytes;
    options.onProgress({ bytes, spans, issues: errorCount + warningCount });
  }

  function fail(message: string): void {
    if (!fatal) fatal = message;
  }

  function parse(b: Uint8Array, offset: number, line: number, what: string): unknown {
    try {
      return JSON.parse(decoder.decode(b));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      sinkAt(offset, line)('error', '', `${what} is not valid JSON (${reason})`);
      return undefined;
    }
  }

  function otlpElement(raw: unknown, where: string, offset: number | (() => number), line: number): void {
    setFormat('otlp-json');
    if (writer) {
      spans += writer.resourceSpans(raw, where, sinkAt(offset, line));
      return;
    }
    const rs = resourceSpansFromJson(raw, where, sinkAt(offset, line));
    if (rs) emit({ resourceSpans: [rs] });
  }

  /**
   * A whole JSON Lines line, parsed at once instead of cut into pieces (no byte scan). Taken
   * only when that gives exactly what cutting would: one literal `"resourceSpans"` (or
   * `"resource_spans"`) key, first and only, every element an object, no backslash in the
   * line (so no escaped duplicate key can hide), and the line no larger than `hugePieceBytes`.
   * Elements keep their piece offsets (found by scanning the line only when an issue needs
   * one). Anything else is scanned.
   */
  function wholeLine(b: Uint8Array, offset: number, line: number, _top: number, decoded: string | null): boolean {
    // a line too large to parse whole is cut (and its huge elements parsed span by span)
    if (fatal || b.length > hugePieceBytes) return false;
    let k = 0;
    while (b[k] !== OPEN_OBJ) k++;
    k++;
    while (k < b.length && (b[k] === 0x20 || b[k] === 0x09 || b[k] === 0x0d)) k++;
    const key = startsWithBytes(b, k, RESOURCE_SPANS_KEY) ? 'resourceSpans' : startsWithBytes(b, k, RESOURCE_SPANS_SNAKE_KEY) ? 'resource_spans' : null;
    if (key === null) return false;
    const text = decoded ?? decoder.decode(b);
    if (text.indexOf('\\') >= 0 || text.indexOf(`"${key}"`, k + key.length + 2) >= 0) return false;
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      return false;
    }
    const rs = (o as Record<string, unknown>)[key];
    if (!Array.isArray(rs)) return false;
    for (const other in o as Record<string, unknown>) if (other !== key) return false;
    for (const el of rs) if (typeof el !== 'object' || el === null || Array.isArray(el)) return false;
    let offsets: number[] | null = null;
    const pieceOffset = (i: number) => () => {
      if (!offsets) {
        const found: number[] = [];
        const s = createJsonScanner({ onPiece: (p) => found.push(offset + p.offset), onRest() {}, onTruncated() {} }, { cutKeys: new Set([key]), lineMode: true });
        s.write(b);
        s.end();
        offsets = found;
      }
      return offsets[i] ?? offset;
    };
    setFormat('otlp-json');
    for (let i = 0; i < rs.length; i++) {
      otlpElement(rs[i], `${key}[${i}]`, pieceOffset(i), line);
      progress(false);
    }
    // what the rest of the line ({"resourceSpans":[]}) would do
    flushZipkin();
    progress(false);
    return true;
  }

  /** A `resourceSpans` element too large to parse whole: parse its header, then span by span. */
  function hugeOtlpElement(p: JsonPiece, spanRuns: readonly SpanRun[], where: string): void {
    setFormat('otlp-json');
    const sink = sinkAt(p.offset, p.line);
    // Skeleton: the element with each spans array emptied.
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const run of spanRuns) {
      if (run.starts.length === 0) continue;
      parts.push(p.bytes.subarray(at, run.starts[0]!));
      at = run.ends[run.ends.length - 1]!;
    }
    parts.push(p.bytes.subarray(at));
    let total = 0;
    for (const x of parts) total += x.length;
    const skel = new Uint8Array(total);
    let o = 0;
    for (const x of parts) {
      skel.set(x, o);
      o += x.length;
    }
    const skeleton = parse(skel, p.offset, p.line, where) as Record<string, unknown> | undefined;
    if (!skeleton || typeof skeleton !== 'object') return;
    const scopes = (skeleton.scopeSpans ?? skeleton.scope_spans ?? skeleton.instrumentationLibrarySpans ?? []) as unknown[];
    for (const run of spanRuns) {
      const scopeRaw = scopes[run.scopeIndex];
      const header = resourceSpansFromJson({ ...skeleton, scopeSpans: [scopeRaw], scope_spans: undefined }, where, sink);
      if (!header || header.scopeSpans.length === 0) continue;
      const scope = header.scopeSpans[0]!;
      if (writer) {
        // the same spans, straight into the store (resource and scope interned with the first kept span)
        writer.beginResource(header.resource, header.schemaUrl);
        writer.beginScope(scope.scope, scope.schemaUrl);
        const scopeWhere = `${where}.scopeSpans[${run.scopeIndex}]`;
        for (let k = 0; k < run.starts.length; k++) {
          const raw = parse(p.bytes.subarray(run.starts[k]!, run.ends[k]!), p.offset + run.starts[k]!, p.line, `${scopeWhere}.spans[${k}]`);
          if (raw !== undefined && writer.span(raw, scopeWhere, k, sink)) spans++;
        }
        continue;
      }
      for (let k0 = 0; k0 < run.starts.length; k0 += HUGE_BATCH) {
        const batch = [];
        for (let k = k0; k < Math.min(run.starts.length, k0 + HUGE_BATCH); k++) {
          const spWhere = `${where}.scopeSpans[${run.scopeIndex}].spans[${k}]`;
          const raw = parse(p.bytes.subarray(run.starts[k]!, run.ends[k]!), p.offset + run.starts[k]!, p.line, spWhere);
          if (raw === undefined) continue;
          const sp = spanFromJson(raw, spWhere, sink);
          if (sp) batch.push(sp);
        }
        emit({ resourceSpans: [{ resource: header.resource, schemaUrl: header.schemaUrl, scopeSpans: [{ scope: scope.scope, schemaUrl: scope.schemaUrl, spans: batch }] }] });
      }
    }
  }

  /**
   * A `resourceSpans` element parsed as its skeleton (span arrays emptied), its spans then
   * written one by one from what the byte reader staged while the element was scanned, or read
   * from the element's bytes now, or else parsed (alone, or after BYTE_MISSES spans in a row
   * the reader did not take, in batches of about BATCH_BYTES, so no parse tree outlives the
   * young generation). Taken only when it gives exactly what parsing the element whole gives
   * (see `batchable`); if a part does not parse, everything it appended is rolled back and the
   * element is parsed whole (which then reports it as invalid JSON). Returns false when it did
   * not take the element.
   */
  function batchedOtlpElement(p: JsonPiece, layout: OtlpLayout, where: string): boolean {
    const plan = batchable(p.bytes, layout);
    if (!plan) return false;
    const skeleton = tryParse(skeletonBytes(p.bytes, plan.runs));
    if (!isRecord(skeleton)) return false;
    // the array the writer reads (as resourceSpansFromJson picks it) must be the one the runs were found in
    const scopes = (skeleton.scopeSpans !== undefined ? skeleton.scopeSpans : skeleton.scope_spans) ?? skeleton.instrumentationLibrarySpans ?? skeleton.instrumentation_library_spans;
    if (!Array.isArray(scopes) || skeleton[plan.scopeKey] !== scopes) return false;
    // scope ordinals (among container elements) → indexes in the array
    const runOf = new Map<number, OtlpRun>();
    let ordinal = -1;
    const byOrdinal = new Map(plan.runs.map((r) => [r.scope, r]));
    for (let j = 0; j < scopes.length; j++) {
      const el = scopes[j];
      if (typeof el !== 'object' || el === null) continue;
      const r = byOrdinal.get(++ordinal);
      if (!r) continue;
      const spansArr = (el as Record<string, unknown>).spans;
      if (Array.isArray(el) || !Array.isArray(spansArr) || spansArr.length !== 0) return false;
      runOf.set(j, r);
    }
    if (runOf.size !== plan.runs.length) return false;
    const issues: [severity: 'error' | 'warning', where: string, message: string][] = [];
    const mark = markSpanStore(writer!.store, elementMark);
    let kept: number;
    try {
      kept = writer!.resourceSpans(skeleton, where, (severity, w, message) => issues.push([severity, w, message]), (j, ss, visit, visitBytes) => {
        const r = runOf.get(j);
        if (!r) {
          const own = ss.spans;
          if (Array.isArray(own)) for (let k = 0; k < own.length; k++) visit(own[k], k);
          return;
        }
        const { starts, ends } = r;
        let misses = 0;
        for (let k0 = 0; k0 < starts.length; ) {
          // a span read straight from its bytes; else parsed alone, or after a run of spans
          // the byte reader does not take (another producer's shape), in batches
          if (misses < byteMisses && visitBytes(p.bytes, starts[k0]!, ends[k0]!)) {
            misses = 0;
            k0++;
            continue;
          }
          let k1 = k0 + 1;
          if (++misses >= byteMisses) while (k1 < starts.length && ends[k1]! - starts[k0]! <= BATCH_BYTES) k1++;
          const batch = tryParse(p.bytes.subarray(starts[k0]!, ends[k1 - 1]!), true);
          if (!Array.isArray(batch) || batch.length !== k1 - k0) throw NOT_BATCHABLE;
          for (let k = k0; k < k1; k++) visit(batch[k - k0], k);
          k0 = k1;
        }
      });
    } catch (e) {
      if (e !== NOT_BATCHABLE) throw e;
      rollbackSpanStore(writer!.store, mark);
      return false;
    }
    setFormat('otlp-json');
    spans += kept;
    const sink = sinkAt(p.offset, p.line);
    for (const [severity, w, message] of issues) sink(severity, w, message);
    return true;
  }

  /** JSON.parse of `b` (as an array's elements when `list`), or undefined when it is not JSON. */
  function tryParse(b: Uint8Array, list = false): unknown {
    try {
      const text = decoder.decode(b);
      return JSON.parse(list ? `[${text}]` : text);
    } catch {
      return undefined;
    }
  }

  function flushZipkin(): void {
    if (pendingZipkin.length === 0) return;
    const batch = pendingZipkin;
    pendingZipkin = [];
    const records = batch.map((b) => b.record);
    const data = zipkinSpansToPdata(records, (i) => batch[i]!.where, (severity, where, message) => {
      const b = batch.find((x) => x.where === where) ?? batch[0]!;
      sinkAt(b.offset, b.line)(severity, where, message);
    });
    emit(data);
  }

  function arrayElement(raw: unknown, where: string, offset: number, line: number): void {
    if (isZipkinSpan(raw)) {
      setFormat(isZipkinV1(raw as Record<string, unknown>) ? 'zipkin-v1-json' : 'zipkin-v2-json');
      pendingZipkin.push({ record: raw, where, offset, line });
      if (pendingZipkin.length >= ZIPKIN_BATCH) flushZipkin();
      return;
    }
    if (Array.isArray(raw)) {
      raw.forEach((x, i) => arrayElement(x, `${where}[${i}]`, offset, line));
      return;
    }
    if (raw && typeof raw === 'object' && ('resourceSpans' in raw || 'resource_spans' in raw)) {
      topObject(raw as Record<string, unknown>, `${where}.`, offset, line);
      return;
    }
    if (isJaegerTrace(raw)) {
      setFormat('jaeger-json');
      emit(jaegerTraceToPdata(raw, where, sinkAt(offset, line)));
      return;
    }
    sinkAt(offset, line)('error', where, 'not a span or trace (expected a Zipkin span, a Jaeger trace or an OTLP TracesData)');
  }

  function describeKeys(o: Record<string, unknown>): string {
    const keys = Object.keys(o).slice(0, 6).map((k) => JSON.stringify(k));
    return keys.length ? `a JSON object with keys ${keys.join(', ')}` : 'an empty JSON object';
  }

  /** A parsed top-level object (or what is left of it after cutting). Returns false if unrecognised. */
  function topObject(o: Record<string, unknown>, where: string, offset: number, line: number): boolean {
    const rs = o.resourceSpans ?? o.resource_spans;
    if (Array.isArray(rs)) {
      setFormat('otlp-json');
      rs.forEach((el, i) => otlpElement(el, `${where}resourceSpans[${i}]`, offset, line));
      return true;
    }
    if (Array.isArray(o.data)) {
      setFormat('jaeger-json');
      o.data.forEach((t, i) => emit(jaegerTraceToPdata(t, `${where}data[${i}]`, sinkAt(offset, line))));
      return true;
    }
    if (isJaegerTrace(o)) {
      setFormat('jaeger-json');
      emit(jaegerTraceToPdata(o, where.replace(/\.$/, ''), sinkAt(offset, line)));
      return true;
    }
    if (isZipkinSpan(o)) {
      arrayElement(o, where.replace(/\.$/, ''), offset, line);
      return true;
    }
    // Jaeger's api_v3 wraps an OTLP TracesData in {"result": …}
    const inner = o.result;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) return topObject(inner as Record<string, unknown>, `${where}result.`, offset, line);
    return false;
  }

  function onPiece(p: JsonPiece): void {
    if (fatal) return;
    if (p.key === 'resourceSpans' || p.key === 'resource_spans') {
      const where = `${p.key}[${p.index}]`;
      try {
        const runs = p.bytes.length > hugePieceBytes ? spanRunsOf(p) : [];
        if (runs.length > 0) hugeOtlpElement(p, runs, where);
        else if (!(writer && p.layout && p.bytes.length >= batchElementBytes && batchedOtlpElement(p, p.layout, where))) {
          const raw = parse(p.bytes, p.offset, p.line, where);
          if (raw !== undefined) otlpElement(raw, where, p.offset, p.line);
        }
      } finally {
        writer?.clearStaged();
      }
    } else if (p.key === 'data') {
      setFormat('jaeger-json');
      const where = `data[${p.index}]`;
      const raw = parse(p.bytes, p.offset, p.line, where);
      if (raw !== undefined) emit(jaegerTraceToPdata(raw, where, sinkAt(p.offset, p.line)));
    } else {
      const where = p.nested ? `[${p.outer}][${p.index}]` : `[${p.index}]`;
      const raw = parse(p.bytes, p.offset, p.line, `element ${where}`);
      if (raw !== undefined) arrayElement(raw, where, p.offset, p.line);
    }
    progress(false);
  }

  function onRest(r: JsonRest): void {
    if (fatal) return;
    flushZipkin();
    if (r.bytes.length === 0) return;
    const raw = parse(r.bytes, r.offset, r.line, r.cut ? 'the rest of the value' : 'the value');
    if (raw === undefined) return;
    if (Array.isArray(raw)) {
      raw.forEach((x, i) => arrayElement(x, `[+${i}]`, r.offset, r.line));
      flushZipkin();
    } else if (raw && typeof raw === 'object') {
      const o = raw as Record<string, unknown>;
      if (!topObject(o, '', r.offset, r.line) && r.cut === 0) {
        const msg = `this is JSON but not trace data: ${describeKeys(o)} (expected OTLP "resourceSpans", Jaeger "data"/"spans" or a Zipkin span list)`;
        if (r.top === 0 && spans === 0) fail(msg);
        else sinkAt(r.offset, r.line)('error', '', msg);
      }
    } else {
      const msg = `this is JSON but not trace data: a top-level ${raw === null ? 'null' : typeof raw}`;
      if (r.top === 0 && spans === 0) fail(msg);
      else sinkAt(r.offset, r.line)('error', '', msg);
    }
    progress(false);
  }

  function startJson(lineHint: boolean): void {
    scanner = createJsonScanner(
      {
        onPiece,
        onRest,
        onTopKey(key, top) {
          const wrong = WRONG_SIGNAL[key];
          if (wrong && top === 0) fail(wrong);
        },
        // (a line is scanned instead when its spans are read from bytes, which is faster)
        ...(options.wholeLines === false || (writer && spanBytes) ? {} : { onLine: wholeLine }),
        // spans read while the element is scanned, committed by `batchedOtlpElement` (not in
        // an element that will be parsed span by span)
        ...(writer && spanBytes
          ? {
              onSpan: (chunk: Uint8Array, i: number, n: number, base: number, piece: number, noNewline: boolean) =>
                fatal || i + base > hugePieceBytes ? -1 : writer.stageSpan(chunk, i, n, base, piece, noNewline),
            }
          : {}),
        onTruncated(message, offset, line) {
          flushZipkin();
          if (lineMode()) issue('error', `line ${line}: ${message}`, offset, line);
          else issue('error', `truncated: ${message}`, offset);
        },
      },
      { cutKeys: CUT_KEYS, lineMode: lineHint ? true : 'auto', layouts: writer !== null },
    );
  }

  function startProtobuf(): void {
    setFormat('otlp-protobuf');
    let loadedAny = false;
    splitter = createProtobufSplitter(
      (rec) => {
        if (fatal) return;
        const where = `resourceSpans[${rec.index}]`;
        let firstError: string | null = null;
        const sink: IssueSink = (severity, w, message) => {
          firstError ??= message;
          issue(severity, `${w} (byte ${rec.offset}): ${message}`, rec.offset);
        };
        const rs = decodeResourceSpans(rec.bytes, 0, rec.bytes.length, where, sink);
        if (rs) {
          loadedAny = true;
          emit({ resourceSpans: [rs] });
        } else if (!loadedAny && rec.index === 0 && firstError && /wire type/.test(firstError)) {
          fail(`this is protobuf but not OTLP traces (an OTLP metrics or logs export?): ${firstError}`);
        }
        progress(false);
      },
      (message) => {
        if (spans === 0) fail(message);
        else issue('error', message);
      },
    );
  }

  function route(chunk: Uint8Array): void {
    if (scanner) scanner.write(chunk);
    else if (splitter) splitter.write(chunk);
  }

  function decide(): void {
    const chunks = head!;
    head = null;
    const all = new Uint8Array(headBytes);
    let o = 0;
    for (const c of chunks) {
      all.set(c, o);
      o += c.length;
    }
    const sniffed = sniffFormat(all.subarray(0, SNIFF_BYTES), options.fileName ?? '');
    if (sniffed.kind === 'unknown') {
      fail(sniffed.message);
      return;
    }
    if (sniffed.kind === 'json') startJson(sniffed.lineHint);
    else startProtobuf();
    for (const c of chunks) {
      if (fatal) break;
      route(c);
    }
  }

  return {
    write(chunk) {
      if (fatal || chunk.length === 0) return;
      bytes += chunk.length;
      if (head) {
        // copy: the caller may reuse its buffer
        head.push(chunk.slice());
        headBytes += chunk.length;
        if (headBytes >= SNIFF_BYTES) decide();
      } else route(chunk);
      progress(false);
    },
    end() {
      if (head && !fatal) decide();
      if (!fatal) {
        if (scanner) {
          scanner.end();
          flushZipkin();
          if (format === 'otlp-json' && scanner.lineMode && scanner.topCount > 1) format = 'otlp-json-lines';
        } else if (splitter) {
          const err = splitter.end();
          if (err) issue('error', err);
        }
      }
      // an element cut short by the end of the input leaves its staged spans: let the stage go
      writer?.clearStaged();
      progress(true);
      return { ok: fatal === undefined, format, spans, bytes, issues, errorCount, warningCount, ...(fatal !== undefined ? { fatal } : {}) };
    },
  };
}

/** Ingests a whole byte stream (e.g. `file.stream()` or a Node read stream) through `createTraceIngester`. */
export async function ingestTraces(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: TraceIngestOptions): Promise<TraceIngestResult> {
  const ingester = createTraceIngester(options);
  for await (const chunk of source) ingester.write(chunk);
  return ingester.end();
}
