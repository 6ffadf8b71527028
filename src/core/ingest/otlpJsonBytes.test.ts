/**
 * Spans read straight from their bytes (`otlpJsonBytes`, through the column writer's
 * `spanBytes`) must leave the store exactly as `JSON.parse` + the writer's `span` would, or
 * not be taken at all: checked span by span on generated traffic (where every span must be
 * taken), on hand-made spans of every field kind, and on thousands of seeded mutations of them
 * (whitespace, escapes, odd numbers, nulls, repeated or unknown keys, broken JSON). Also: two
 * ingesters fed alternately (they share pooled scratch) each build what they build alone, and
 * a one-line document with a newline inside one span reports issues as the pdata path does.
 */
import { describe, expect, it } from 'vitest';
import { generateIntoStore } from '../generate/generateTraces';
import { defaultScenario } from '../generate/scenarioPresets';
import type { AttributeColumns } from '../telemetry/attributeColumns';
import { encodeOtlpJson } from '../telemetry/encodeOtlpJson';
import { materialize, rowRange } from '../telemetry/materialize';
import { appendTracesData, createSpanStore, markSpanStore, type SpanStore } from '../telemetry/spanStore';
import type { IngestIssue } from './ingestTypes';
import { createTraceIngester, type TraceIngestOptions } from './ingestTraces';
import { createOtlpColumnWriter, type OtlpColumnWriter } from './otlpJsonColumns';

const enc = new TextEncoder();
const dec = new TextDecoder();

function attrs(c: AttributeColumns): unknown {
  return [c.count, [...c.keys.subarray(0, c.count)], [...c.types.subarray(0, c.count)], [...c.values.subarray(0, c.count)], [...c.bigs.subarray(0, c.bigCount)], [...c.doubles.subarray(0, c.doubleCount)], c.complex];
}

/** Every used part of a store as plain data. */
function snapshot(s: SpanStore): unknown {
  const n = s.count;
  const rows = (a: ArrayLike<number>, per = 1) => Array.from(a).slice(0, n * per);
  const ev = s.events;
  const ln = s.links;
  return {
    n,
    ids: [rows(s.traceIds, 4), rows(s.spanIds, 2), rows(s.parentIds, 2)],
    times: [rows(s.startHi), rows(s.startLo), rows(s.endHi), rows(s.endLo)],
    small: [rows(s.kinds), rows(s.statuses), rows(s.flags), rows(s.names), rows(s.scopeOf), rows(s.attrStart)],
    spanAttrs: attrs(s.spanAttrs),
    extras: [...s.extras],
    strings: [...s.strings.values],
    stringIds: [...s.strings.ids],
    chars: s.strings.chars,
    resources: s.resources,
    scopes: s.scopes,
    events: [ev.count, [...ev.span.subarray(0, ev.count)], [...ev.timeHi.subarray(0, ev.count)], [...ev.timeLo.subarray(0, ev.count)], [...ev.name.subarray(0, ev.count)], [...ev.attrStart.subarray(0, ev.count)], attrs(ev.attrs), [...ev.dropped]],
    links: [ln.count, [...ln.span.subarray(0, ln.count)], [...ln.traceIds.subarray(0, ln.count * 4)], [...ln.spanIds.subarray(0, ln.count * 2)], [...ln.traceState.subarray(0, ln.count)], [...ln.flags.subarray(0, ln.count)], [...ln.attrStart.subarray(0, ln.count)], attrs(ln.attrs), [...ln.dropped]],
    // rows past the count stay zero (a row rolled back is cleared again)
    clean: [...s.traceIds.subarray(n * 4)].every((x) => x === 0) && [...s.names.subarray(n)].every((x) => x === 0),
  };
}

interface Pair {
  bytes: OtlpColumnWriter;
  parsed: OtlpColumnWriter;
  issues: [string, string, string][];
  parsedIssues: [string, string, string][];
  taken: number;
  offered: number;
}

function pair(): Pair {
  const mk = () => {
    const w = createOtlpColumnWriter(createSpanStore(4));
    w.beginResource({ attributes: new Map([['service.name', { kind: 'string', value: 'svc' }]]), droppedAttributesCount: 0 }, '');
    w.beginScope({ name: 'lib', version: '1', attributes: new Map(), droppedAttributesCount: 0 }, '');
    return w;
  };
  return { bytes: mk(), parsed: mk(), issues: [], parsedIssues: [], taken: 0, offered: 0 };
}

/**
 * One span text both ways: read from bytes (falling back to `span` when not taken) and parsed.
 * A text `JSON.parse` rejects must not be taken, and must leave the store as it was.
 */
function offer(p: Pair, text: string, k: number): void {
  const b = enc.encode(`  ${text} `);
  let json: unknown;
  let valid = true;
  try {
    // parsed from the bytes, as the ingester does (a lone surrogate in `text` is encoded as U+FFFD)
    json = JSON.parse(dec.decode(b));
  } catch {
    valid = false;
  }
  p.offered++;
  const store = p.bytes.store;
  const before = valid ? '' : `${JSON.stringify(markSpanStore(store))} ${store.extras.size}`;
  const took = p.bytes.spanBytes(b, 2, b.length - 1);
  if (!valid) {
    expect([text, took]).toEqual([text, false]);
    expect(`${JSON.stringify(markSpanStore(store))} ${store.extras.size}`).toBe(before);
    expect(store.traceIds[store.count * 4]).toBe(0);
    return;
  }
  if (took) p.taken++;
  else p.bytes.span(json, 'ss', k, (severity, where, message) => p.issues.push([severity, where, message]));
  p.parsed.span(json, 'ss', k, (severity, where, message) => p.parsedIssues.push([severity, where, message]));
}

function expectPairSame(p: Pair): void {
  expect(p.issues).toEqual(p.parsedIssues);
  expect(snapshot(p.bytes.store)).toEqual(snapshot(p.parsed.store));
}

function generatedSpans(n: number): string[] {
  const store = createSpanStore(n + 64);
  generateIntoStore(store, defaultScenario(), { seed: 11, traceCount: Math.ceil(n / 10) });
  const doc = encodeOtlpJson(materialize(store, rowRange(0, Math.min(n, store.count)))) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] };
  return doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => JSON.stringify(s))));
}

const TRACE = '5b8efff798038103d269b633813fc60c';

/** Spans with every field the reader takes, and some it does not. */
const HAND: Record<string, unknown>[] = [
  {
    traceId: TRACE,
    spanId: 'eee19b7ec3c1b174',
    parentSpanId: 'eee19b7ec3c1b173',
    traceState: 'k=v',
    flags: 0x80000301,
    name: 'all fields',
    kind: 3,
    startTimeUnixNano: '1544712660000000000',
    endTimeUnixNano: '1544712661000000001',
    attributes: [
      { key: 's', value: { stringValue: 'x' } },
      { key: 'b', value: { boolValue: true } },
      { key: 'f', value: { boolValue: false } },
      { key: 'i', value: { intValue: '42' } },
      { key: 'n', value: { intValue: -7 } },
      { key: 'd', value: { doubleValue: 1.5e-3 } },
      { value: { stringValue: 'value first' }, key: 'vf' },
      { key: 'é', value: { stringValue: '日本語 🎉' } },
      { key: 'empty', value: { stringValue: '' } },
    ],
    droppedAttributesCount: 2,
    events: [
      { timeUnixNano: '1544712660500000000', name: 'e1', attributes: [{ key: 'ea', value: { stringValue: 'ev' } }], droppedAttributesCount: 1 },
      {},
      { name: 'no time' },
    ],
    droppedEventsCount: 3,
    links: [
      { traceId: TRACE, spanId: 'eee19b7ec3c1b170', traceState: 'x=y', flags: 1, attributes: [{ key: 'la', value: { intValue: '5' } }], droppedAttributesCount: 4 },
      { spanId: 'eee19b7ec3c1b171', traceId: TRACE.toUpperCase() },
    ],
    droppedLinksCount: 5,
    status: { code: 2, message: 'boom' },
  },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b175' },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b176', parentSpanId: '', name: '', status: {}, attributes: [], events: [], links: [], startTimeUnixNano: '0', endTimeUnixNano: '18446744073709551615' },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b177', parentSpanId: '0000000000000000', kind: 0, flags: 0, status: { message: 'only a message' }, startTimeUnixNano: '5', endTimeUnixNano: '00000000000000000001' },
  { spanId: 'eee19b7ec3c1b178', name: 'keys in another order', traceId: TRACE, kind: 1, attributes: [{ key: 'k', value: { stringValue: 'v' } }] },
  // not taken: the JSON.parse path reports or normalises these
  { traceId: TRACE, spanId: 'eee19b7ec3c1b179', attributes: [{ key: 'a', value: { stringValue: '1' } }, { key: 'a', value: { stringValue: '2' } }] },
  { trace_id: TRACE, span_id: 'eee19b7ec3c1b17a' },
  { traceId: 'W47/95gDgQPSabYzgT/GDA==', spanId: 'eee19b7ec3c1b17b' },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b17c', kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR' } },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b17d', startTimeUnixNano: 1544712660000000000, flags: '7' },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b17e', attributes: [{ key: 'arr', value: { arrayValue: { values: [{ intValue: '1' }] } } }, { key: 'big', value: { intValue: '9223372036854775807' } }] },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b17f', name: 'esc\n"aped"', attributes: [{ key: 'k', value: { stringValue: 'tab\there' } }] },
  { traceId: TRACE, spanId: '0000000000000000' },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b180', unknown: 1 },
  { traceId: TRACE, spanId: 'eee19b7ec3c1b181', parentSpanId: null, kind: 9 },
];

/** A seeded xorshift generator in [0, 1). */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const CHARS = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\t', '0', '9', '-', '+', '.', 'e', 'E', 'a', 'F', 'x', '\u0001', '\u007f', 'é', 'n', 't'];
const VALUES: unknown[] = [null, true, false, 0, -0, 1, 2, 5, 6, 1.5, -1, 4294967295, 4294967296, 2147483648, -2147483649, 1e21, '', '0', '7', '-3', '1e3', ' 5', '18446744073709551616', 'abc', 'W47/95gDgQPSabYzgT/GDA==', TRACE, TRACE.toUpperCase(), 'eee19b7ec3c1b174', '0000000000000000', [], {}, [1], { a: 1 }, 'x"y', 'a\\b', '日本'];

/** One random edit of a span: to its text (often breaking it) or to its value (keeping it JSON). */
function mutate(span: Record<string, unknown>, r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const text = JSON.stringify(span);
  const at = Math.floor(r() * text.length);
  switch (Math.floor(r() * 8)) {
    case 0:
      return text.slice(0, at) + pick([' ', '\n', '\t', '\r', '  ']) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + pick(CHARS) + text.slice(at + 1);
    case 3:
      return text.slice(0, at) + pick(CHARS) + text.slice(at);
    case 4: {
      const keys = Object.keys(span);
      const o = { ...span, [pick([...keys, 'status', 'kind', 'flags', 'name', 'parentSpanId', 'traceState', 'droppedLinksCount', 'startTimeUnixNano'])]: pick(VALUES) };
      return JSON.stringify(o);
    }
    case 5: {
      // a value inside an attribute, an event or a link
      const o = JSON.parse(text) as Record<string, unknown>;
      const list = (o.attributes ?? o.events ?? o.links) as Record<string, unknown>[] | undefined;
      if (Array.isArray(list) && list.length > 0) {
        const item = list[Math.floor(r() * list.length)]!;
        if (item.value && typeof item.value === 'object') (item.value as Record<string, unknown>)[pick(['stringValue', 'intValue', 'boolValue', 'doubleValue', 'bytesValue'])] = pick(VALUES);
        else item[pick(['key', 'value', 'name', 'timeUnixNano', 'traceId', 'spanId', 'flags', 'droppedAttributesCount'])] = pick(VALUES);
      } else o.attributes = [{ key: pick(['a', 'b', '']), value: { [pick(['stringValue', 'intValue', 'boolValue', 'doubleValue'])]: pick(VALUES) } }];
      return JSON.stringify(o);
    }
    case 6:
      // pretty-printed, keys reordered
      return JSON.stringify(Object.fromEntries(Object.entries(span).reverse()), null, pick([0, 1, 2, '\t']));
    default:
      // a key repeated (the last one wins in JSON.parse)
      return `${text.slice(0, -1)},${JSON.stringify(pick(Object.keys(span)))}:${JSON.stringify(pick(VALUES))}}`;
  }
}

describe('spans read from their bytes', () => {
  it('take every span of generated traffic and store exactly what JSON.parse + the writer store', () => {
    const p = pair();
    const spans = generatedSpans(3000);
    spans.forEach((t, k) => offer(p, t, k));
    expect(p.taken).toBe(spans.length);
    expectPairSame(p);
    expect(p.bytes.store.events.count + p.bytes.store.links.count).toBeGreaterThan(0);
  });

  it('agree on spans of every field kind, taken or not', () => {
    const p = pair();
    HAND.forEach((s, k) => offer(p, JSON.stringify(s), k));
    HAND.forEach((s, k) => offer(p, JSON.stringify(s, null, 2), k));
    expect(p.taken).toBe(10);
    expectPairSame(p);
  });

  it('agree on thousands of mutated spans (or refuse them)', () => {
    // BYTES_FUZZ=n BYTES_FUZZ_SEED=s run more of them
    const r = random(Number(process.env.BYTES_FUZZ_SEED ?? 20260704));
    const templates = [...HAND, ...generatedSpans(200).map((t) => JSON.parse(t) as Record<string, unknown>)];
    const p = pair();
    const n = Number(process.env.BYTES_FUZZ ?? 6000);
    for (let k = 0; k < n; k++) offer(p, mutate(templates[k % templates.length]!, r), k);
    expectPairSame(p);
    // not vacuous: many were taken, many refused
    expect(p.taken).toBeGreaterThan(1500);
    expect(p.taken).toBeLessThan(p.offered - 1000);
  });
});

describe('ingest with spans read from their bytes', () => {
  function run(text: string, chunk: number, opts: Omit<TraceIngestOptions, 'store' | 'onData'>, store = createSpanStore(4)) {
    const ing = createTraceIngester({ ...opts, store });
    const bytes = enc.encode(text);
    for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
    return { store, result: ing.end() };
  }

  it('builds the same stores when two ingesters are fed alternately (they share pooled scratch)', () => {
    const spans = generatedSpans(1500).map((t) => JSON.parse(t) as unknown);
    const doc = (from: number, to: number) => JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 's' }, spans: spans.slice(from, to) }] }] });
    const a = doc(0, 800);
    const b = doc(700, 1500);
    const alone = [run(a, 4096, {}), run(b, 4096, {})];
    const stores = [createSpanStore(4), createSpanStore(4)];
    const ings = stores.map((store) => createTraceIngester({ store }));
    const texts = [enc.encode(a), enc.encode(b)];
    for (let i = 0; i < Math.max(a.length, b.length); i += 4096) for (let k = 0; k < 2; k++) ings[k]!.write(texts[k]!.subarray(i, i + 4096));
    const results = ings.map((x) => x.end());
    for (let k = 0; k < 2; k++) {
      expect(results[k]).toEqual(alone[k]!.result);
      expect(snapshot(stores[k]!)).toEqual(snapshot(alone[k]!.store));
    }
  });

  it('reports issues as the pdata path does when a one-line document has a newline inside a span', () => {
    const good = (i: number) => ({ traceId: TRACE, spanId: (i + 1).toString(16).padStart(16, '0'), name: `op${i}` });
    const spanTexts = Array.from({ length: 12 }, (_, i) => JSON.stringify(good(i)));
    spanTexts[4] = spanTexts[4]!.replace(',"name"', ',\n"name"');
    spanTexts[8] = JSON.stringify({ ...good(8), traceId: 'bad' });
    const text = `{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{"name":"s"},"spans":[${spanTexts.join(',')}]}]}]}`;
    for (const chunk of [1 << 16, 64, 7]) {
      const direct = run(text, chunk, {});
      const pdata = createSpanStore(4);
      const ing = createTraceIngester({ onData: (d) => appendTracesData(pdata, d), wholeLines: false });
      const bytes = enc.encode(text);
      for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
      const expected = ing.end();
      expect(direct.result).toEqual(expected);
      expect(expected.issues.map((i: IngestIssue) => i.message)).toEqual([expect.stringMatching(/^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[8\] \(byte \d+\): traceId/)]);
      expect(snapshot(direct.store)).toEqual(snapshot(pdata));
    }
  });

  it('agrees with the pdata path on documents and JSON Lines of mutated spans, in several chunkings', () => {
    const r = random(Number(process.env.BYTES_FUZZ_SEED ?? 7));
    const templates = [...HAND, ...generatedSpans(300).map((t) => JSON.parse(t) as Record<string, unknown>)];
    const n = Number(process.env.BYTES_FUZZ_DOCS ?? 40);
    for (let d = 0; d < n; d++) {
      const spans = Array.from({ length: 20 }, (_, k) => (r() < 0.15 ? mutate(templates[(d * 20 + k) % templates.length]!, r) : JSON.stringify(templates[(d * 20 + k) % templates.length])));
      const element = (from: number, to: number) => `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"s${d % 3}"}}]},"scopeSpans":[{"scope":{"name":"a"},"spans":[${spans.slice(from, to).join(',')}]},{"scope":{"name":"b"},"spans":[${spans.slice(to).join(',')}]}]}`;
      const doc = `{"resourceSpans":[${element(0, 8)},${element(8, 14)}]}`;
      const lines = `{"resourceSpans":[${element(0, 8)}]}\n{"resourceSpans":[${element(8, 14)}]}\n`;
      for (const [text, chunk] of [[doc, 1 << 16], [doc, 97], [lines, 1 << 16], [lines, 61]] as const) {
        const direct = run(text, chunk, {});
        const pdata = createSpanStore(4);
        const ing = createTraceIngester({ onData: (x) => appendTracesData(pdata, x), wholeLines: false });
        const bytes = enc.encode(text);
        for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
        expect(direct.result).toEqual(ing.end());
        expect(snapshot(direct.store)).toEqual(snapshot(pdata));
      }
    }
  });

  it('leaves the store untouched by a span it does not take', () => {
    const w = createOtlpColumnWriter(createSpanStore(4));
    w.beginResource({ attributes: new Map(), droppedAttributesCount: 0 }, '');
    w.beginScope({ name: 'lib', version: '', attributes: new Map(), droppedAttributesCount: 0 }, '');
    const before = JSON.stringify(markSpanStore(w.store));
    const b = enc.encode(JSON.stringify({ traceId: TRACE, spanId: 'eee19b7ec3c1b174', name: 'n', attributes: [{ key: 'a', value: { stringValue: 'x' } }, { key: 'a', value: { stringValue: 'y' } }] }));
    expect(w.spanBytes(b, 0, b.length)).toBe(false);
    expect(JSON.stringify(markSpanStore(w.store))).toBe(before);
    expect(w.store.resources.length).toBe(0);
  });
});
