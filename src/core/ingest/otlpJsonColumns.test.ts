/**
 * The direct path (`createTraceIngester({ store })`: OTLP/JSON straight into the columns, JSON
 * Lines parsed a line at a time when safe) must build exactly the store the pdata path builds
 * (`onData: (d) => appendTracesData(store, d)`, every line cut into pieces): every column, the
 * string table in the same order, resources, scopes, extras, events, links, and the same
 * ingest result and issues. Checked on every corpus file, on generated traffic as one document
 * and as JSON Lines, and on inputs made to hit every fallback and rollback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIntoStore } from '../generate/generateTraces';
import { defaultScenario } from '../generate/scenarioPresets';
import type { AttributeColumns } from '../telemetry/attributeColumns';
import { encodeOtlpJson } from '../telemetry/encodeOtlpJson';
import { materialize, rowRange } from '../telemetry/materialize';
import { appendTracesData, createSpanStore, type SpanStore } from '../telemetry/spanStore';
import { createTraceIngester, type TraceIngestOptions, type TraceIngestResult } from './ingestTraces';

const DIR = join(__dirname, '../../../reference/corpus/traces');
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { files: { file: string; format: string }[] };
const enc = new TextEncoder();

type Opts = Omit<TraceIngestOptions, 'onData' | 'store'>;

function feed(bytes: Uint8Array, chunk: number, opts: Opts, target: { store: SpanStore } | { onData: TraceIngestOptions['onData'] }): TraceIngestResult {
  const ing = createTraceIngester({ ...opts, ...target });
  for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
  return ing.end();
}

function both(input: Uint8Array | string, chunk = 64 * 1024, opts: Opts = {}): { pdata: SpanStore; direct: SpanStore; pdataResult: TraceIngestResult; directResult: TraceIngestResult } {
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  const pdata = createSpanStore(4);
  const direct = createSpanStore(4);
  const pdataResult = feed(bytes, chunk, { ...opts, wholeLines: false }, { onData: (d) => appendTracesData(pdata, d) });
  const directResult = feed(bytes, chunk, opts, { store: direct });
  return { pdata, direct, pdataResult, directResult };
}

/** Both direct paths: spans read from their bytes (the default) and through `JSON.parse` (`spanBytes: false`). */
const DIRECT_PATHS: Opts[] = [{}, { spanBytes: false }];

function attrColumns(c: AttributeColumns): unknown {
  return {
    count: c.count,
    keys: Array.from(c.keys.subarray(0, c.count)),
    types: Array.from(c.types.subarray(0, c.count)),
    values: Array.from(c.values.subarray(0, c.count)),
    bigs: Array.from(c.bigs.subarray(0, c.bigCount)),
    doubles: Array.from(c.doubles.subarray(0, c.doubleCount)),
    complex: c.complex,
  };
}

/** Every part of a store as plain data, used parts of the columns only. */
function columns(s: SpanStore): Record<string, unknown> {
  const n = s.count;
  const used = (a: ArrayLike<number>, per = 1) => Array.from(a as Uint32Array).slice(0, n * per);
  const ev = s.events;
  const ln = s.links;
  return {
    count: n,
    traceIds: used(s.traceIds, 4),
    spanIds: used(s.spanIds, 2),
    parentIds: used(s.parentIds, 2),
    startHi: used(s.startHi),
    startLo: used(s.startLo),
    endHi: used(s.endHi),
    endLo: used(s.endLo),
    kinds: used(s.kinds),
    statuses: used(s.statuses),
    flags: used(s.flags),
    names: used(s.names),
    scopeOf: used(s.scopeOf),
    attrStart: used(s.attrStart),
    spanAttrs: attrColumns(s.spanAttrs),
    extras: [...s.extras],
    strings: s.strings.values,
    stringIds: [...s.strings.ids],
    stringChars: s.strings.chars,
    resources: s.resources,
    scopes: s.scopes,
    resourceIndex: [...s.resourceIndex],
    scopeIndex: [...s.scopeIndex],
    events: {
      count: ev.count,
      span: Array.from(ev.span.subarray(0, ev.count)),
      timeHi: Array.from(ev.timeHi.subarray(0, ev.count)),
      timeLo: Array.from(ev.timeLo.subarray(0, ev.count)),
      name: Array.from(ev.name.subarray(0, ev.count)),
      attrStart: Array.from(ev.attrStart.subarray(0, ev.count)),
      attrs: attrColumns(ev.attrs),
      dropped: [...ev.dropped],
    },
    links: {
      count: ln.count,
      span: Array.from(ln.span.subarray(0, ln.count)),
      traceIds: Array.from(ln.traceIds.subarray(0, ln.count * 4)),
      spanIds: Array.from(ln.spanIds.subarray(0, ln.count * 2)),
      traceState: Array.from(ln.traceState.subarray(0, ln.count)),
      flags: Array.from(ln.flags.subarray(0, ln.count)),
      attrStart: Array.from(ln.attrStart.subarray(0, ln.count)),
      attrs: attrColumns(ln.attrs),
      dropped: [...ln.dropped],
    },
  };
}

/**
 * The pdata path and both direct paths on `input`; asserts they agree and returns the result
 * of the default direct path for further checks.
 */
function expectSame(input: Uint8Array | string, chunk?: number, opts?: Opts): { store: SpanStore; result: TraceIngestResult } {
  let first: { store: SpanStore; result: TraceIngestResult } | null = null;
  for (const path of DIRECT_PATHS) {
    const r = both(input, chunk, { ...opts, ...path });
    expect(r.directResult).toEqual(r.pdataResult);
    const a = columns(r.direct);
    const b = columns(r.pdata);
    for (const k of Object.keys(b)) expect([k, a[k]]).toEqual([k, b[k]]);
    // rows beyond the count stay zero (a rolled-back row is cleared again)
    expect(Array.from(r.direct.traceIds.subarray(r.direct.count * 4)).every((x) => x === 0)).toBe(true);
    expect(Array.from(r.direct.names.subarray(r.direct.count)).every((x) => x === 0)).toBe(true);
    first ??= { store: r.direct, result: r.directResult };
  }
  return first!;
}

function generated(spans: number): { doc: string; lines: string } {
  const store = createSpanStore(spans + 64);
  generateIntoStore(store, defaultScenario(), { seed: 7, traceCount: Math.ceil(spans / 10) });
  const n = Math.min(store.count, spans);
  const doc = JSON.stringify(encodeOtlpJson(materialize(store, rowRange(0, n))));
  const lines: string[] = [];
  for (let s = 0; s < n; s += 250) lines.push(JSON.stringify(encodeOtlpJson(materialize(store, rowRange(s, Math.min(n, s + 250))))));
  return { doc, lines: `${lines.join('\n')}\n` };
}

describe('direct OTLP/JSON ingest equals the pdata path', () => {
  let corpusSpans = 0;
  for (const f of manifest.files) {
    it(`on ${f.file}`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, f.file)));
      const big = expectSame(bytes, 64 * 1024, { fileName: f.file });
      expectSame(bytes, 7, { fileName: f.file });
      corpusSpans += big.store.count;
    });
  }
  it('compared real data on the corpus (not vacuously)', () => {
    expect(corpusSpans).toBeGreaterThan(1000);
  });

  const gen = generated(3000);
  it('on generated traffic as one document, in several chunkings, elements whole or in batches', () => {
    for (const chunk of [1 << 20, 4096, 333]) {
      for (const batchElementBytes of [undefined, 1]) {
        const { store, result } = expectSame(gen.doc, chunk, { batchElementBytes });
        expect(result.format).toBe('otlp-json');
        expect(store.count).toBeGreaterThan(2500);
        expect(store.events.count + store.links.count).toBeGreaterThan(0);
      }
    }
  });

  it('on generated traffic as JSON Lines, in several chunkings', () => {
    for (const chunk of [1 << 20, 5000, 97]) {
      const { store, result } = expectSame(gen.lines, chunk);
      expect(result.format).toBe('otlp-json-lines');
      expect(store.count).toBeGreaterThan(2500);
    }
    expectSame(gen.lines, 4096, { fileName: 'x.jsonl' });
    // lines larger than hugePieceBytes are cut, their elements parsed span by span
    expectSame(gen.lines, 4096, { hugePieceBytes: 20_000 });
  });

  it('on a pretty-printed document and on a huge element parsed span by span', () => {
    const pretty = JSON.stringify(JSON.parse(gen.doc), null, 2);
    expectSame(pretty, 8192);
    expectSame(pretty, 8192, { batchElementBytes: 1 });
    const { result } = expectSame(pretty, 8192, { hugePieceBytes: 10_000 });
    expect(result.errorCount).toBe(0);
  });
});

const TRACE = '5b8efff798038103d269b633813fc60c';

function sp(over: Record<string, unknown> = {}, i = 1): Record<string, unknown> {
  return { traceId: TRACE, spanId: i.toString(16).padStart(16, '0'), name: `op${i % 3}`, kind: 2, startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712661000000000', attributes: [{ key: 'k', value: { stringValue: `v${i}` } }], ...over };
}

function doc(spans: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ scope: { name: 'lib' }, spans }], ...extra }] };
}

describe('direct OTLP/JSON ingest on unusual input', () => {
  const cases: [string, unknown][] = [
    [
      'every value kind, both spellings',
      doc([
        sp({
          attributes: [
            { key: 's', value: { stringValue: 'x' } },
            { key: 's2', value: { string_value: 'y' } },
            { key: 'snull', value: { stringValue: null } },
            { key: 'b', value: { boolValue: true } },
            { key: 'b2', value: { bool_value: 'true' } },
            { key: 'i', value: { intValue: '42' } },
            { key: 'ineg', value: { intValue: '-7' } },
            { key: 'i0', value: { intValue: '-0' } },
            { key: 'inum', value: { int_value: 12 } },
            { key: 'ibig', value: { intValue: '9223372036854775807' } },
            { key: 'imin', value: { intValue: -2147483648 } },
            { key: 'ispace', value: { intValue: ' 5 ' } },
            { key: 'iexp', value: { intValue: '1e3' } },
            { key: 'd', value: { doubleValue: 1.5 } },
            { key: 'dnan', value: { doubleValue: 'NaN' } },
            { key: 'dstr', value: { double_value: '2.5' } },
            { key: 'bytes', value: { bytesValue: 'AQID' } },
            { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 1 }] } } },
            { key: 'kv', value: { kvlistValue: { values: [{ key: 'x', value: { boolValue: false } }] } } },
            { key: 'empty', value: {} },
            { key: 'none' },
            { key: 'notobj', value: 'str' },
            'not a key value',
            { key: 3, value: { stringValue: 'numeric key' } },
          ],
        }),
      ]),
    ],
    ['a repeated attribute key (first position, last value)', doc([sp({ attributes: [{ key: 'a', value: { stringValue: 'first' } }, { key: 'b', value: { intValue: 1 } }, { key: 'a', value: { stringValue: 'last' } }] }), sp({}, 2)])],
    ['many attributes with a repeat far apart', doc([sp({ attributes: Array.from({ length: 40 }, (_, i) => ({ key: `k${i % 39}`, value: { stringValue: `v${i}` } })) })])],
    ['snake_case keys, base64 and uppercase ids, enum names, numbers as times', {
      resource_spans: [{ resource: { attributes: [{ key: 'service.name', value: { string_value: 'snake' } }], dropped_attributes_count: 2 }, schema_url: 'https://s', scope_spans: [{ scope: { name: 'lib', version: '1', attributes: [{ key: 'sa', value: { stringValue: 'x' } }] }, schema_url: 'https://sc', spans: [
        { trace_id: 'W47/95gDgQPSabYzgT/GDA==', span_id: '7uGbfsPBsXQ=', parent_span_id: 'AAAAAAAAAAA=', name: 'a', kind: 'SPAN_KIND_CLIENT', start_time_unix_nano: 1544712660000000000, end_time_unix_nano: '1544712661000000001', trace_state: 'k=v', dropped_attributes_count: 1, dropped_events_count: '2', dropped_links_count: 3, status: { code: 'STATUS_CODE_ERROR', message: 'boom' } },
        { traceId: TRACE.toUpperCase(), spanId: 'EEE19B7EC3C1B174', parentSpanId: '0000000000000000', flags: 0x80000301, startTimeUnixNano: 123, endTimeUnixNano: '00000000000000000001544712661000000000', kind: 0, status: { code: 1 } },
        { traceId: TRACE, spanId: 'eee19b7ec3c1b175', startTimeUnixNano: '18446744073709551615', endTimeUnixNano: ' 5', kind: null, flags: '7', status: 'not an object' },
        { traceId: TRACE, spanId: 'eee19b7ec3c1b176', startTimeUnixNano: '1.5e18', endTimeUnixNano: 2 ** 53 + 2 },
      ] }] }],
    }],
    ['events and links, good and bad', doc([
      sp({ events: [{ timeUnixNano: '1544712660500000000', name: 'e', attributes: [{ key: 'ea', value: { stringValue: 'ev' } }], droppedAttributesCount: 1 }, 'not an event'], links: [{ traceId: TRACE, spanId: 'eee19b7ec3c1b174', traceState: 'x=y', flags: 1, attributes: [{ key: 'la', value: { intValue: '5' } }] }] }, 1),
      sp({ events: [{ timeUnixNano: 'soon', name: 'late' }] }, 2),
      sp({ links: [{ traceId: TRACE, spanId: '0000000000000000' }] }, 3),
      sp({}, 4),
    ])],
    ['invalid spans before, between and after kept ones (rolled back)', doc([
      sp({ traceId: 'zzz', attributes: [{ key: 'only-in-bad', value: { stringValue: 'never interned' } }] }, 1),
      sp({ name: 'bad-late', attributes: [{ key: 'bad-key', value: { stringValue: 'bad-val' } }, { key: 'x', value: { intValue: 'nope' } }] }, 2),
      sp({}, 3),
      sp({ name: 'bad-status', attributes: [{ key: 'bad-key2', value: { doubleValue: 'x' } }] }, 4),
      sp({ name: 'bad-status2', status: { code: 7 } }, 5),
      sp({ droppedAttributesCount: -1 }, 6),
      sp({ droppedEventsCount: 'x' }, 7),
      sp({ droppedLinksCount: 1.5 }, 8),
      sp({ spanId: '0000000000000000' }, 9),
      sp({ traceId: '' }, 10),
      sp({ kind: 9 }, 11),
      sp({ flags: -1 }, 12),
      sp({ startTimeUnixNano: '18446744073709551616' }, 13),
      sp({ endTimeUnixNano: '-1' }, 14),
      sp({ parentSpanId: 'xyz' }, 15),
      'not a span',
      sp({}, 16),
      sp({ attributes: [{ key: 'deep', value: JSON.parse('{"arrayValue":{"values":[' + '{"arrayValue":{"values":['.repeat(40) + ']}}'.repeat(40) + ']}}') }] }, 17),
    ])],
    ['a resource whose every span is invalid, then a valid one with the same resource', {
      resourceSpans: [
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ scope: { name: 'a' }, spans: [sp({ traceId: 'bad' })] }, { scope: { name: 'b' }, spans: [] }] },
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] }, scopeSpans: [{ scope: { name: 'empty-first' }, spans: [] }, { scope: { name: 'bad-first' }, spans: [sp({ kind: 'X' }), sp({}, 2)] }, { scope: { name: 'empty-after' } }] },
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'other' } }], droppedAttributesCount: 'x' }, scopeSpans: [{ scope: { name: 'a' }, spans: [sp({}, 3)] }] },
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'other' } }] }, scopeSpans: ['not a scope', { scope: { name: 'a', droppedAttributesCount: -2 }, spans: [sp({}, 4)] }, { instrumentationLibrary: { name: 'old' }, spans: [sp({}, 5)] }] },
        'not an element',
        { resource: { attributes: [{ key: 'service.name', value: { intValue: 3 } }] }, instrumentationLibrarySpans: [{ instrumentationLibrary: { name: 'ils' }, spans: [sp({}, 6)] }] },
      ],
    }],
  ];
  for (const [what, value] of cases) {
    it(`agrees on ${what}`, () => {
      const text = JSON.stringify(value);
      const one = expectSame(text);
      expectSame(`${text}\n${text}\n`, 13);
      expectSame(JSON.stringify(value, null, 1), 5, { hugePieceBytes: 64 });
      expectSame(text, 11, { batchElementBytes: 1 });
      expectSame(JSON.stringify(value, null, 1), 3, { batchElementBytes: 1 });
      expect(one.result.spans).toBe(one.store.count);
    });
  }

  it('reports the same lines and offsets when a JSON Lines line is parsed whole', () => {
    const good = JSON.stringify(doc([sp({}, 1), sp({}, 2)]));
    const bad = JSON.stringify({ resourceSpans: [doc([sp({}, 3)]).resourceSpans, doc([sp({ traceId: 'abc' }, 4), sp({}, 5)]).resourceSpans].flat() });
    const text = [good, '', bad, `  ${bad}\r`, 'not json', good.slice(0, 40), `{"resourceSpans":[],"x":1}`, `{"resourceSpans":[{"a":1}],"resourceSpans":[]}`, `{"resourceSpans":[1,{}]}`, `{"resource_spans":[{"scope_spans":[{"spans":[{"trace_id":"x"}]}]}]}`, good].join('\n');
    const second = bad.indexOf('{"resource":', bad.indexOf('{"resource":') + 1);
    for (const chunk of [1 << 16, 17]) {
      const { result } = expectSame(text, chunk);
      expect(result.spans).toBe(8);
      expect(result.issues.filter((i) => /traceId/.test(i.message)).map((i) => [i.line, i.offset])).toEqual([
        [3, text.indexOf(bad) + second],
        [4, text.indexOf(`  ${bad}`) + 2 + second],
        [10, text.indexOf('{"resource_spans"') + '{"resource_spans":['.length],
      ]);
    }
  });

  it('parses an element in batches only when that is the same as parsing it whole', () => {
    const spans = Array.from({ length: 30 }, (_, i) => sp({}, i + 1));
    const el = (scopeSpans: string) => `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"scopeSpans":${scopeSpans}}]}`;
    const list = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join(',');
    const variants = [
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}]},{"scope":{"name":"b"},"spans":[${list(spans.slice(3, 9))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}],"spans":[]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}],"sp\u0061ns":[${list(spans.slice(0, 2))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}],"spans":null}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans.slice(0, 5))},7,${list(spans.slice(5))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[1,${list(spans)}]}]`),
      el(`[3,null,{"scope":{"name":"a"},"spans":[${list(spans)}]},[],{"spans":[${list(spans.slice(0, 3))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}]}],"scopeSpans":[{"spans":[${list(spans.slice(0, 1))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}]}],"scope\u0053pans":5`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans)}]}],"scopeSpans":5`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans.slice(0, 20))},{"traceId":"x" "oops"},${list(spans.slice(20))}]}]`),
      el(`[{"scope":{"name":"a"},"spans":[${list(spans.slice(0, 20))}, ${list([sp({ traceId: 'bad' })])} ,\n${list(spans.slice(20))}]}]`),
      `{"resourceSpans":[{"scopeSpans":[{"scope":{"name":"late"},"spans":[${list(spans)}]}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late"}}]}}]}`,
      `{"resource_spans":[{"resource":{},"scope_spans":[{"scope":{"name":"s"},"spans":[${list(spans)}]}]}]}`,
      `{"resourceSpans":[{"instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old"},"spans":[${list(spans)}]}]}]}`,
    ];
    for (const text of variants) for (const chunk of [1 << 16, 101]) expectSame(text, chunk, { batchElementBytes: 1 });
  });

  it('finds lines and keeps text right when characters of several bytes cross chunk edges', () => {
    const words = ['héllo', 'wörld', '日本語', '🎉 party', 'plain', '\u00e9\u0301', 'ascii only'];
    const lines = words.map((w, i) => JSON.stringify(doc([sp({ name: w, attributes: [{ key: `k${w}`, value: { stringValue: w.repeat(i + 1) } }] }, i + 1), sp({ traceId: i % 2 ? 'bad' : TRACE }, i + 20)])));
    const text = `${lines.join('\n')}\n${lines.slice(0, 3).join('\r\n')}`;
    for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 16]) {
      const { result } = expectSame(text, chunk);
      expect(result.format).toBe('otlp-json-lines');
      expect(result.spans).toBe(16);
    }
    expectSame(`\ufeff${text}`, 4, { fileName: 'x.jsonl' });
  });

  it('rolled back a bad span without leaving its strings behind', () => {
    const { store, result } = expectSame(JSON.stringify(cases[5]![1]));
    expect(result.errorCount).toBeGreaterThan(10);
    expect(store.count).toBe(2);
    for (const s of ['only-in-bad', 'never interned', 'bad-late', 'bad-key', 'bad-val', 'bad-status', 'bad-key2']) expect(store.strings.ids.has(s)).toBe(false);
  });
});
