/**
 * A hand-written protobuf wire decoder for the OTLP trace messages
 * (opentelemetry/proto/trace/v1/trace.proto, common/v1, resource/v1). Reflection or generated
 * decoders that compile code with `new Function` cannot run under the app's CSP (no
 * 'unsafe-eval'); these few messages are simple enough to read directly, and it keeps the
 * bundle free of a protobuf runtime.
 *
 * `ExportTraceServiceRequest` and `TracesData` share their wire form (field 1: repeated
 * ResourceSpans), so both are read by the same top-level splitter, which buffers one
 * ResourceSpans at a time (engine-design.md "Ingest": decode resource spans one at a time).
 */
import { emptySpan, type AnyValue, type Attributes, type InstrumentationScope, type ResourceSpans, type ScopeSpans, type Span, type SpanEvent, type SpanKind, type SpanLink, type StatusCode } from '../telemetry/pdata';
import { bytesToHex, isZeroId } from './idCodec';
import type { IssueSink } from './ingestTypes';

const WT_VARINT = 0;
const WT_I64 = 1;
const WT_LEN = 2;
const WT_I32 = 5;
const WT_NAMES = ['varint', 'fixed64', 'length-delimited', 'start-group', 'end-group', 'fixed32'];

class WireError extends Error {}

const utf8 = new TextDecoder('utf-8');

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }
  varint(): number {
    // values up to 2^53 are exact; larger (only int64 attributes) use varint64
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError('message ends inside a varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    throw new WireError('varint longer than 10 bytes');
  }
  varint64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new WireError('message ends inside a varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw new WireError('varint longer than 10 bytes');
  }
  fixed32(): number {
    if (this.pos + 4 > this.end) throw new WireError('message ends inside a fixed32');
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }
  fixed64(): bigint {
    const lo = this.fixed32();
    const hi = this.fixed32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  double(): number {
    if (this.pos + 8 > this.end) throw new WireError('message ends inside a double');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }
  len(): [number, number] {
    const n = this.varint();
    const start = this.pos;
    if (start + n > this.end) throw new WireError(`a field declares ${n} bytes but only ${this.end - start} remain`);
    this.pos = start + n;
    return [start, start + n];
  }
  string(): string {
    const [s, e] = this.len();
    return utf8.decode(this.buf.subarray(s, e));
  }
  bytes(): Uint8Array {
    const [s, e] = this.len();
    return this.buf.slice(s, e);
  }
  sub(): Reader {
    const [s, e] = this.len();
    return new Reader(this.buf, s, e);
  }
  skip(wt: number): void {
    if (wt === WT_VARINT) this.varint64();
    else if (wt === WT_I64) this.fixed64();
    else if (wt === WT_LEN) this.len();
    else if (wt === WT_I32) this.fixed32();
    else throw new WireError(`unsupported wire type ${wt}`);
  }
}

function expect(msg: string, field: number, wt: number, want: number): void {
  if (wt !== want) throw new WireError(`${msg} field ${field} has wire type ${WT_NAMES[wt] ?? wt}, expected ${WT_NAMES[want]} (not an OTLP trace message?)`);
}

function anyValue(r: Reader, depth: number): AnyValue {
  if (depth > 32) throw new WireError('AnyValue nested too deeply');
  let v: AnyValue = { kind: 'empty' };
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    switch (f) {
      case 1:
        expect('AnyValue', f, wt, WT_LEN);
        v = { kind: 'string', value: r.string() };
        break;
      case 2:
        expect('AnyValue', f, wt, WT_VARINT);
        v = { kind: 'bool', value: r.varint() !== 0 };
        break;
      case 3:
        expect('AnyValue', f, wt, WT_VARINT);
        v = { kind: 'int', value: BigInt.asIntN(64, r.varint64()) };
        break;
      case 4:
        expect('AnyValue', f, wt, WT_I64);
        v = { kind: 'double', value: r.double() };
        break;
      case 5: {
        expect('AnyValue', f, wt, WT_LEN);
        const sub = r.sub();
        const values: AnyValue[] = [];
        while (sub.pos < sub.end) {
          const t = sub.varint();
          if (t >>> 3 === 1 && (t & 7) === WT_LEN) values.push(anyValue(sub.sub(), depth + 1));
          else sub.skip(t & 7);
        }
        v = { kind: 'array', values };
        break;
      }
      case 6: {
        expect('AnyValue', f, wt, WT_LEN);
        const sub = r.sub();
        const values: Attributes = new Map();
        while (sub.pos < sub.end) {
          const t = sub.varint();
          if (t >>> 3 === 1 && (t & 7) === WT_LEN) keyValue(sub.sub(), values, depth + 1);
          else sub.skip(t & 7);
        }
        v = { kind: 'kvlist', values };
        break;
      }
      case 7:
        expect('AnyValue', f, wt, WT_LEN);
        v = { kind: 'bytes', value: r.bytes() };
        break;
      default:
        r.skip(wt);
    }
  }
  return v;
}

function keyValue(r: Reader, into: Attributes, depth = 0): void {
  let key = '';
  let value: AnyValue = { kind: 'empty' };
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    if (f === 1) {
      expect('KeyValue', f, wt, WT_LEN);
      key = r.string();
    } else if (f === 2) {
      expect('KeyValue', f, wt, WT_LEN);
      value = anyValue(r.sub(), depth);
    } else r.skip(wt);
  }
  into.set(key, value);
}

function id(r: Reader, bytes: 8 | 16, name: string): string {
  const b = r.bytes();
  if (b.length === 0) return '';
  if (b.length !== bytes) throw new WireError(`${name} must be ${bytes} bytes (got ${b.length})`);
  return bytesToHex(b);
}

function event(r: Reader): SpanEvent {
  const e: SpanEvent = { timeUnixNano: 0n, name: '', attributes: new Map(), droppedAttributesCount: 0 };
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    if (f === 1) {
      expect('Span.Event', f, wt, WT_I64);
      e.timeUnixNano = r.fixed64();
    } else if (f === 2) {
      expect('Span.Event', f, wt, WT_LEN);
      e.name = r.string();
    } else if (f === 3) {
      expect('Span.Event', f, wt, WT_LEN);
      keyValue(r.sub(), e.attributes);
    } else if (f === 4) {
      expect('Span.Event', f, wt, WT_VARINT);
      e.droppedAttributesCount = r.varint();
    } else r.skip(wt);
  }
  return e;
}

function link(r: Reader): SpanLink {
  const l: SpanLink = { traceId: '', spanId: '', traceState: '', flags: 0, attributes: new Map(), droppedAttributesCount: 0 };
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    if (f === 1) {
      expect('Span.Link', f, wt, WT_LEN);
      l.traceId = id(r, 16, 'links.traceId');
    } else if (f === 2) {
      expect('Span.Link', f, wt, WT_LEN);
      l.spanId = id(r, 8, 'links.spanId');
    } else if (f === 3) {
      expect('Span.Link', f, wt, WT_LEN);
      l.traceState = r.string();
    } else if (f === 4) {
      expect('Span.Link', f, wt, WT_LEN);
      keyValue(r.sub(), l.attributes);
    } else if (f === 5) {
      expect('Span.Link', f, wt, WT_VARINT);
      l.droppedAttributesCount = r.varint();
    } else if (f === 6) {
      expect('Span.Link', f, wt, WT_I32);
      l.flags = r.fixed32();
    } else r.skip(wt);
  }
  return l;
}

function span(r: Reader): Span {
  const s = emptySpan();

  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    switch (f) {
      case 1:
        expect('Span', f, wt, WT_LEN);
        s.traceId = id(r, 16, 'traceId');
        break;
      case 2:
        expect('Span', f, wt, WT_LEN);
        s.spanId = id(r, 8, 'spanId');
        break;
      case 3:
        expect('Span', f, wt, WT_LEN);
        s.traceState = r.string();
        break;
      case 4:
        expect('Span', f, wt, WT_LEN);
        s.parentSpanId = id(r, 8, 'parentSpanId');
        break;
      case 5:
        expect('Span', f, wt, WT_LEN);
        s.name = r.string();
        break;
      case 6: {
        expect('Span', f, wt, WT_VARINT);
        const k = r.varint();
        if (k > 5) throw new WireError(`kind must be 0-5 (got ${k})`);
        s.kind = k as SpanKind;
        break;
      }
      case 7:
        expect('Span', f, wt, WT_I64);
        s.startTimeUnixNano = r.fixed64();
        break;
      case 8:
        expect('Span', f, wt, WT_I64);
        s.endTimeUnixNano = r.fixed64();
        break;
      case 9:
        expect('Span', f, wt, WT_LEN);
        keyValue(r.sub(), s.attributes);
        break;
      case 10:
        expect('Span', f, wt, WT_VARINT);
        s.droppedAttributesCount = r.varint();
        break;
      case 11:
        expect('Span', f, wt, WT_LEN);
        s.events.push(event(r.sub()));
        break;
      case 12:
        expect('Span', f, wt, WT_VARINT);
        s.droppedEventsCount = r.varint();
        break;
      case 13:
        expect('Span', f, wt, WT_LEN);
        s.links.push(link(r.sub()));
        break;
      case 14:
        expect('Span', f, wt, WT_VARINT);
        s.droppedLinksCount = r.varint();
        break;
      case 15: {
        expect('Span', f, wt, WT_LEN);
        const st = r.sub();
        while (st.pos < st.end) {
          const t = st.varint();
          if (t >>> 3 === 2 && (t & 7) === WT_LEN) s.status.message = st.string();
          else if (t >>> 3 === 3 && (t & 7) === WT_VARINT) {
            const c = st.varint();
            if (c > 2) throw new WireError(`status.code must be 0-2 (got ${c})`);
            s.status.code = c as StatusCode;
          } else st.skip(t & 7);
        }
        break;
      }
      case 16:
        expect('Span', f, wt, WT_I32);
        s.flags = r.fixed32();
        break;
      default:
        r.skip(wt);
    }
  }
  if (!s.traceId || isZeroId(s.traceId)) throw new WireError('traceId is missing or all zeros');
  if (!s.spanId || isZeroId(s.spanId)) throw new WireError('spanId is missing or all zeros');
  if (isZeroId(s.parentSpanId)) s.parentSpanId = '';
  return s;
}

function scope(r: Reader): InstrumentationScope {
  const sc: InstrumentationScope = { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 };
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    if (f === 1) {
      expect('InstrumentationScope', f, wt, WT_LEN);
      sc.name = r.string();
    } else if (f === 2) {
      expect('InstrumentationScope', f, wt, WT_LEN);
      sc.version = r.string();
    } else if (f === 3) {
      expect('InstrumentationScope', f, wt, WT_LEN);
      keyValue(r.sub(), sc.attributes);
    } else if (f === 4) {
      expect('InstrumentationScope', f, wt, WT_VARINT);
      sc.droppedAttributesCount = r.varint();
    } else r.skip(wt);
  }
  return sc;
}

function scopeSpans(r: Reader, where: string, onIssue: IssueSink): ScopeSpans {
  const ss: ScopeSpans = { scope: { name: '', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [] };
  let k = 0;
  while (r.pos < r.end) {
    const tag = r.varint();
    const f = Math.floor(tag / 8);
    const wt = tag & 7;
    if (f === 1) {
      expect('ScopeSpans', f, wt, WT_LEN);
      ss.scope = scope(r.sub());
    } else if (f === 2) {
      expect('ScopeSpans', f, wt, WT_LEN);
      const sub = r.sub();
      try {
        ss.spans.push(span(sub));
      } catch (e) {
        if (!(e instanceof WireError)) throw e;
        onIssue('error', `${where}.spans[${k}]`, e.message);
      }
      k++;
    } else if (f === 3) {
      expect('ScopeSpans', f, wt, WT_LEN);
      ss.schemaUrl = r.string();
    } else r.skip(wt);
  }
  return ss;
}

/**
 * Decodes one `ResourceSpans` message from `buf[start, end)`. A span that cannot be decoded is
 * reported and skipped; a broken resource or scope header drops the record with one issue.
 */
export function decodeResourceSpans(buf: Uint8Array, start: number, end: number, where: string, onIssue: IssueSink): ResourceSpans | null {
  const out: ResourceSpans = { resource: { attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] };
  const r = new Reader(buf, start, end);
  try {
    let j = 0;
    while (r.pos < r.end) {
      const tag = r.varint();
      const f = Math.floor(tag / 8);
      const wt = tag & 7;
      if (f === 1) {
        expect('ResourceSpans', f, wt, WT_LEN);
        const res = r.sub();
        while (res.pos < res.end) {
          const t = res.varint();
          if (t >>> 3 === 1) {
            expect('Resource', 1, t & 7, WT_LEN);
            keyValue(res.sub(), out.resource.attributes);
          } else if (t >>> 3 === 2) {
            expect('Resource', 2, t & 7, WT_VARINT);
            out.resource.droppedAttributesCount = res.varint();
          } else res.skip(t & 7);
        }
      } else if (f === 2) {
        expect('ResourceSpans', f, wt, WT_LEN);
        out.scopeSpans.push(scopeSpans(r.sub(), `${where}.scopeSpans[${j++}]`, onIssue));
      } else if (f === 3) {
        expect('ResourceSpans', f, wt, WT_LEN);
        out.schemaUrl = r.string();
      } else r.skip(wt);
    }
  } catch (e) {
    if (!(e instanceof WireError)) throw e;
    onIssue('error', where, e.message);
    return null;
  }
  return out;
}

export interface ProtobufRecord {
  readonly bytes: Uint8Array;
  /** Absolute offset of the record's payload (after tag and length). */
  readonly offset: number;
  readonly index: number;
}

export interface ProtobufSplitter {
  write(chunk: Uint8Array): void;
  /** Returns an error message when the input ended inside a record. */
  end(): string | null;
}

/**
 * Splits a stream of `ExportTraceServiceRequest`/`TracesData` bytes into its field-1 records
 * (one ResourceSpans each), buffering one record at a time. Other top-level fields are skipped.
 */
export function createProtobufSplitter(onRecord: (r: ProtobufRecord) => void, onError: (message: string, offset: number) => void): ProtobufSplitter {
  const TAG = 0;
  const LEN = 1;
  const PAYLOAD = 2;
  const SKIP_VARINT = 3;
  let state = TAG;
  let acc = 0; // varint being read
  let mul = 1;
  let varintBytes = 0;
  let field = 0;
  let need = 0;
  let filled = 0;
  let buf = new Uint8Array(0);
  let pos = 0; // absolute offset of the next byte
  let headerStart = 0;
  let recordStart = 0;
  let index = 0;
  let failed = false;

  function fail(message: string): void {
    failed = true;
    onError(message, headerStart);
  }

  function startPayload(n: number, keep: boolean): void {
    need = n;
    filled = 0;
    recordStart = pos;
    buf = keep ? new Uint8Array(n) : new Uint8Array(0);
    state = PAYLOAD;
    if (n === 0) endPayload(keep);
  }

  function endPayload(keep: boolean): void {
    if (keep) onRecord({ bytes: buf, offset: recordStart, index: index++ });
    buf = new Uint8Array(0);
    state = TAG;
  }

  return {
    write(chunk) {
      let i = 0;
      const n = chunk.length;
      while (i < n && !failed) {
        if (state === PAYLOAD) {
          const take = Math.min(need - filled, n - i);
          const keep = field === 1;
          if (keep) buf.set(chunk.subarray(i, i + take), filled);
          filled += take;
          i += take;
          pos += take;
          if (filled === need) endPayload(keep);
          continue;
        }
        const b = chunk[i++]!;
        pos++;
        if (state === TAG && varintBytes === 0) headerStart = pos - 1;
        acc += (b & 0x7f) * mul;
        mul *= 128;
        varintBytes++;
        if (b >= 0x80) {
          if (varintBytes >= 10) fail(`not an OTLP protobuf message: invalid varint at byte ${headerStart}`);
          continue;
        }
        const value = acc;
        acc = 0;
        mul = 1;
        varintBytes = 0;
        if (state === TAG) {
          field = Math.floor(value / 8);
          const wt = value % 8;
          if (field === 0) fail(`not an OTLP protobuf message: field number 0 at byte ${headerStart}`);
          else if (wt === WT_LEN) state = LEN;
          else if (wt === WT_VARINT) state = SKIP_VARINT;
          else if (wt === WT_I64 || wt === WT_I32) {
            field = -1;
            startPayload(wt === WT_I64 ? 8 : 4, false);
          } else fail(`not an OTLP protobuf message: wire type ${wt} at byte ${headerStart}`);
        } else if (state === LEN) {
          if (value > 0x7fffffff) fail(`resourceSpans[${index}] at byte ${headerStart} declares ${value} bytes, more than one message may hold`);
          else startPayload(value, field === 1);
        } else {
          state = TAG; // skipped a varint field
        }
      }
    },
    end() {
      if (failed) return null;
      if (state === PAYLOAD) return `truncated: resourceSpans[${index}] at byte ${headerStart} declares ${need} bytes but the input ends after ${filled}`;
      if (state !== TAG || varintBytes > 0) return `truncated: the input ends inside a field header at byte ${headerStart}`;
      return null;
    },
  };
}
