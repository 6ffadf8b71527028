import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span, TracesData } from '../telemetry/pdata';
import { createTraceIngester, ingestTraces, type TraceIngestOptions, type TraceIngestResult } from './ingestTraces';

const CORPUS = join(__dirname, '../../../reference/corpus/traces');
const enc = new TextEncoder();

function feed(input: Uint8Array | string, chunk = 64 * 1024, opts: Partial<TraceIngestOptions> = {}): { result: TraceIngestResult; data: TracesData[]; spans: Span[] } {
  const bytes = typeof input === 'string' ? enc.encode(input) : input;
  const data: TracesData[] = [];
  const ing = createTraceIngester({ onData: (d) => data.push(d), ...opts });
  for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
  const result = ing.end();
  return { result, data, spans: data.flatMap((d) => d.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans))) };
}

function otlpSpan(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: 'op', kind: 2, startTimeUnixNano: '1544712660000000000', endTimeUnixNano: '1544712661000000000', ...over };
}

function tracesData(spans: Record<string, unknown>[], service = 'svc'): Record<string, unknown> {
  return { resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] }, scopeSpans: [{ scope: { name: 'lib' }, spans }] }] };
}

describe('OTLP JSON Lines', () => {
  it('reports a bad span with its line and reason and loads the other lines', () => {
    const lines = [tracesData([otlpSpan()]), tracesData([otlpSpan({ spanId: 'aaaaaaaaaaaaaaaa' })]), tracesData([otlpSpan({ traceId: '5b8efff798038103d269b633813fc6' }), otlpSpan({ spanId: 'bbbbbbbbbbbbbbbb' })])];
    const { result, spans } = feed(lines.map((l) => JSON.stringify(l)).join('\n') + '\n', 5);
    expect(result.format).toBe('otlp-json-lines');
    expect(result.spans).toBe(3);
    expect(spans.map((s) => s.spanId)).toEqual(['eee19b7ec3c1b174', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ severity: 'error', line: 3, message: 'line 3: resourceSpans[0].scopeSpans[0].spans[0]: traceId must be 32 hex digits (got 30)' });
  });

  it('reports a truncated or invalid line without swallowing the next one', () => {
    const good = JSON.stringify(tracesData([otlpSpan()]));
    const { result } = feed([good, good.slice(0, 60), 'not json at all', good].join('\n'), 3);
    expect(result.spans).toBe(2);
    expect(result.issues.map((i) => i.message)).toEqual([
      'line 2: the line ends inside a JSON value (truncated or invalid JSON)',
      expect.stringMatching(/^line 3: the value is not valid JSON/),
    ]);
  });
});

describe('OTLP JSON normalisation', () => {
  it('accepts snake_case keys, base64 ids, enum names, int64 as numbers and strings', () => {
    const doc = {
      resource_spans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { string_value: 'snake' } }] },
          scope_spans: [
            {
              scope: { name: 'lib', version: '2' },
              spans: [
                {
                  trace_id: 'W47/95gDgQPSabYzgT/GDA==',
                  span_id: '7uGbfsPBsXQ=',
                  parent_span_id: '',
                  name: 'op',
                  kind: 'SPAN_KIND_CLIENT',
                  start_time_unix_nano: 1544712660000000000,
                  end_time_unix_nano: '1544712661000000001',
                  attributes: [
                    { key: 'i', value: { int_value: 42 } },
                    { key: 'big', value: { intValue: '-9223372036854775808' } },
                    { key: 'd', value: { double_value: 1.5 } },
                    { key: 'b', value: { bool_value: true } },
                    { key: 'arr', value: { array_value: { values: [{ stringValue: 'x' }] } } },
                    { key: 'bytes', value: { bytes_value: 'AQI=' } },
                  ],
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                  events: [{ time_unix_nano: '1544712660500000000', name: 'e', attributes: [] }],
                  links: [{ trace_id: '5b8efff798038103d269b633813fc60c', span_id: 'eee19b7ec3c1b174' }],
                },
              ],
            },
          ],
        },
      ],
    };
    const { result, spans, data } = feed(JSON.stringify(doc, null, 2), 11);
    expect(result.issues).toEqual([]);
    expect(data[0]!.resourceSpans[0]!.resource.attributes.get('service.name')).toEqual({ kind: 'string', value: 'snake' });
    const s = spans[0]!;
    expect(s.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(s.spanId).toBe('eee19b7ec3c1b174');
    expect(s.kind).toBe(3);
    expect(s.startTimeUnixNano).toBe(1544712660000000000n);
    expect(s.endTimeUnixNano).toBe(1544712661000000001n);
    expect(s.attributes.get('i')).toEqual({ kind: 'int', value: 42n });
    expect(s.attributes.get('big')).toEqual({ kind: 'int', value: -(1n << 63n) });
    expect(s.attributes.get('d')).toEqual({ kind: 'double', value: 1.5 });
    expect(s.attributes.get('arr')).toEqual({ kind: 'array', values: [{ kind: 'string', value: 'x' }] });
    expect(s.attributes.get('bytes')).toEqual({ kind: 'bytes', value: new Uint8Array([1, 2]) });
    expect(s.status).toEqual({ code: 2, message: 'boom' });
    expect(s.events[0]!.timeUnixNano).toBe(1544712660500000000n);
    expect(s.links[0]!.spanId).toBe('eee19b7ec3c1b174');
  });

  it('names the record when a timestamp overflows 64 bits or an id has the wrong length', () => {
    const doc = tracesData([otlpSpan({ startTimeUnixNano: '18446744073709551616' }), otlpSpan({ spanId: 'abc' }), otlpSpan({ spanId: '1111111111111111' })]);
    const { result } = feed(JSON.stringify(doc, null, 1));
    expect(result.spans).toBe(1);
    expect(result.issues.map((i) => i.message)).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[0] (byte 24): startTimeUnixNano overflows 64 bits (got 18446744073709551616)',
      'resourceSpans[0].scopeSpans[0].spans[1] (byte 24): spanId must be 16 hex digits (got 3)',
    ]);
  });

  it('reports a truncated document and keeps the resource spans before the cut', () => {
    const doc = JSON.stringify({ resourceSpans: [tracesData([otlpSpan()]).resourceSpans, tracesData([otlpSpan()]).resourceSpans].flat() }, null, 2);
    const cut = doc.slice(0, Math.floor(doc.length * 0.8));
    const { result } = feed(cut, 13);
    expect(result.spans).toBe(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.message).toMatch(/^truncated: the input ends inside an element cut at byte \d+ \(truncated file\?\)$/);
  });

  it('parses a huge resourceSpans element span by span with the same result', () => {
    const spans = Array.from({ length: 50 }, (_, i) => otlpSpan({ spanId: (i + 1).toString(16).padStart(16, '0'), name: `s${i}` }));
    const doc = { resourceSpans: [{ scopeSpans: [{ scope: { name: 'a' }, spans: spans.slice(0, 30) }, { scope: { name: 'b' }, spans: [] }, { scope: { name: 'c' }, spans: spans.slice(30) }], resource: { attributes: [{ key: 'service.name', value: { stringValue: 'late-resource' } }] }, schemaUrl: 'https://x' }] };
    const text = JSON.stringify(doc, null, 2);
    const whole = feed(text, 64);
    const piecewise = feed(text, 64, { hugePieceBytes: 256 });
    expect(piecewise.result.spans).toBe(50);
    expect(piecewise.spans).toEqual(whole.spans);
    expect(piecewise.data.every((d) => d.resourceSpans[0]!.schemaUrl === 'https://x' && d.resourceSpans[0]!.resource.attributes.has('service.name'))).toBe(true);
    expect(piecewise.data.length).toBeGreaterThan(1);
  });

  it('reports progress in bytes and spans, ending with the totals', () => {
    const text = [1, 2, 3].map(() => JSON.stringify(tracesData([otlpSpan(), otlpSpan({ spanId: '1111111111111111' })]))).join('\n');
    const seen: { bytes: number; spans: number }[] = [];
    const { result } = feed(text, 16, { onProgress: (p) => seen.push(p), progressEveryBytes: 100 });
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes);
    expect(seen[seen.length - 1]).toMatchObject({ bytes: enc.encode(text).length, spans: 6 });
    expect(result.spans).toBe(6);
  });

  it('consumes an async iterable of chunks', async () => {
    async function* chunks() {
      yield enc.encode(JSON.stringify(tracesData([otlpSpan()])).slice(0, 10));
      yield enc.encode(JSON.stringify(tracesData([otlpSpan()])).slice(10));
    }
    const out: TracesData[] = [];
    const result = await ingestTraces(chunks(), { onData: (d) => out.push(d) });
    expect(result).toMatchObject({ ok: true, format: 'otlp-json', spans: 1 });
  });
});

describe('wrong formats', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /the file is empty/],
    ['a Collector YAML config', 'receivers:\n  otlp:\n    protocols:\n      grpc:\n', /looks like YAML/],
    ['a CSV file', 'trace_id,span_id,name\n1,2,a\n3,4,b\n', /looks like CSV/],
    ['an OTLP metrics file', JSON.stringify({ resourceMetrics: [{ scopeMetrics: [] }] }), /OTLP metrics file \(resourceMetrics\), not traces/],
    ['an OTLP logs file', JSON.stringify({ resource_logs: [] }), /OTLP logs file/],
    ['other JSON', JSON.stringify({ name: 'x', version: 1 }), /JSON but not trace data: a JSON object with keys "name", "version"/],
    ['gzip data', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0]), /gzip-compressed/],
    ['random binary', new Uint8Array([0xff, 0x00, 0x13, 0x37, 0x00, 0x01]), /binary data but not an OTLP protobuf/],
  ];
  for (const [what, input, message] of cases) {
    it(`says what ${what} looks like`, () => {
      const { result } = feed(input);
      expect(result.ok).toBe(false);
      expect(result.spans).toBe(0);
      expect(result.fatal).toMatch(message);
    });
  }
});

describe('OTLP protobuf', () => {
  const pb = new Uint8Array(readFileSync(join(CORPUS, 'otlp2parquet__testdata__traces.pb')));
  const jsonl = new Uint8Array(readFileSync(join(CORPUS, 'otlp2parquet__testdata__traces.jsonl')));

  it('decodes the same spans as the JSON Lines export of the same data', () => {
    const fromPb = feed(pb, 7);
    const fromJson = feed(jsonl, 4096);
    expect(fromPb.result.format).toBe('otlp-protobuf');
    expect(fromPb.spans.map((s) => [s.traceId, s.spanId, s.parentSpanId, s.name, s.kind, s.startTimeUnixNano, s.endTimeUnixNano])).toEqual(
      fromJson.spans.map((s) => [s.traceId, s.spanId, s.parentSpanId, s.name, s.kind, s.startTimeUnixNano, s.endTimeUnixNano]),
    );
    expect(fromPb.spans.map((s) => s.attributes)).toEqual(fromJson.spans.map((s) => s.attributes));
  });

  it('reports a truncated protobuf file and keeps the complete records', () => {
    const { result } = feed(pb.subarray(0, pb.length - 40), 100);
    expect(result.spans).toBeGreaterThan(0);
    expect(result.spans).toBeLessThan(19);
    expect(result.issues.at(-1)!.message).toMatch(/^truncated: resourceSpans\[\d+\] at byte \d+ declares \d+ bytes but the input ends after \d+$/);
  });
});

describe('Jaeger and Zipkin', () => {
  it('maps Jaeger references, typed tags, logs and process tags to OTLP', () => {
    const trace = {
      traceID: 'abc',
      spans: [
        { traceID: 'abc', spanID: '1', operationName: 'root', references: [], startTime: 1000, duration: 50, tags: [{ key: 'span.kind', type: 'string', value: 'server' }, { key: 'n', type: 'int64', value: '9223372036854775807' }], logs: [{ timestamp: 1010, fields: [{ key: 'event', type: 'string', value: 'hit' }, { key: 'x', type: 'float64', value: 1.5 }] }], processID: 'p1' },
        { traceID: 'abc', spanID: '2', operationName: 'child', references: [{ refType: 'FOLLOWS_FROM', traceID: 'abc', spanID: '9' }, { refType: 'CHILD_OF', traceID: 'abc', spanID: '1' }], startTime: 1005, duration: 10, tags: [{ key: 'error', type: 'bool', value: true }], logs: [], processID: 'p1' },
      ],
      processes: { p1: { serviceName: 'frontend', tags: [{ key: 'host.name', type: 'string', value: 'h1' }] } },
    };
    const { result, data, spans } = feed(JSON.stringify({ data: [trace] }), 9);
    expect(result).toMatchObject({ format: 'jaeger-json', spans: 2, errorCount: 0 });
    expect([...data[0]!.resourceSpans[0]!.resource.attributes.keys()]).toEqual(['service.name', 'host.name']);
    const [root, child] = spans;
    expect(root!.traceId).toBe('00000000000000000000000000000abc');
    expect(root!.kind).toBe(2);
    expect(root!.startTimeUnixNano).toBe(1_000_000n);
    expect(root!.endTimeUnixNano).toBe(1_050_000n);
    expect(root!.attributes.get('n')).toEqual({ kind: 'int', value: (1n << 63n) - 1n });
    expect(root!.events[0]).toMatchObject({ name: 'hit', timeUnixNano: 1_010_000n });
    expect(child!.parentSpanId).toBe('0000000000000001');
    expect(child!.links).toHaveLength(1);
    expect(child!.links[0]!.attributes.get('opentracing.ref_type')).toEqual({ kind: 'string', value: 'follows_from' });
    expect(child!.status.code).toBe(2);
  });

  it('maps Zipkin v2 endpoints, kinds, annotations and error tags', () => {
    const zipkin = [{ traceId: '463ac35c9f6413ad', id: 'a2fb4a1d1a96d312', parentId: '0020000000000001', kind: 'CLIENT', name: 'get', timestamp: 1472470996199000, duration: 207000, localEndpoint: { serviceName: 'frontend', ipv4: '10.0.0.1' }, remoteEndpoint: { serviceName: 'backend', port: 8080 }, annotations: [{ timestamp: 1472470996238000, value: 'foo' }], tags: { 'http.path': '/api', error: 'timeout' } }];
    const { result, data, spans } = feed(JSON.stringify(zipkin));
    expect(result.format).toBe('zipkin-v2-json');
    expect(data[0]!.resourceSpans[0]!.resource.attributes.get('service.name')).toEqual({ kind: 'string', value: 'frontend' });
    const s = spans[0]!;
    expect(s).toMatchObject({ traceId: '0000000000000000463ac35c9f6413ad', kind: 3, startTimeUnixNano: 1472470996199000000n, endTimeUnixNano: 1472470996406000000n, status: { code: 2, message: 'timeout' } });
    expect(s.attributes.get('peer.service')).toEqual({ kind: 'string', value: 'backend' });
    expect(s.events[0]!.name).toBe('foo');
  });

  it('derives Zipkin v1 kind, timing and service from core annotations', () => {
    const v1 = [{ traceId: '0ed2e63cbe71f5a8', id: 'f9ebb6e64880612a', parentId: '0ed2e63cbe71f5a8', name: 'checkStock', annotations: [{ timestamp: 10, value: 'sr', endpoint: { serviceName: 'service2' } }, { timestamp: 15, value: 'custom' }, { timestamp: 30, value: 'ss', endpoint: { serviceName: 'service2' } }], binaryAnnotations: [{ key: 'http.url', value: 'http://x' }] }];
    const { result, data, spans } = feed(JSON.stringify(v1));
    expect(result.format).toBe('zipkin-v1-json');
    expect(data[0]!.resourceSpans[0]!.resource.attributes.get('service.name')).toEqual({ kind: 'string', value: 'service2' });
    expect(spans[0]).toMatchObject({ kind: 2, startTimeUnixNano: 10_000n, endTimeUnixNano: 30_000n });
    expect(spans[0]!.events.map((e) => e.name)).toEqual(['custom']);
    expect(spans[0]!.attributes.get('http.url')).toEqual({ kind: 'string', value: 'http://x' });
  });
});
