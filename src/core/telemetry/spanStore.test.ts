import { describe, expect, it } from 'vitest';
import { generateIntoStore } from '../generate/generateTraces';
import { defaultScenario } from '../generate/scenarioPresets';
import { materialize, rowRange } from './materialize';
import { emptySpan, type AnyValue, type Attributes, type Span, type TracesData } from './pdata';
import { appendTracesData, bytesRetained, createSpanStore, serviceNameOf, spanDurationNs, spanStartNs, trimSpanStore } from './spanStore';

function attrs(entries: [string, AnyValue][]): Attributes {
  return new Map(entries);
}

function span(over: Partial<Span>): Span {
  return { ...emptySpan(), traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', ...over };
}

function payload(service: string, spans: Span[], scope = 'lib'): TracesData {
  return {
    resourceSpans: [
      {
        resource: { attributes: attrs([['service.name', { kind: 'string', value: service }]]), droppedAttributesCount: 0 },
        schemaUrl: 'https://opentelemetry.io/schemas/1.26.0',
        scopeSpans: [{ scope: { name: scope, version: '1.0', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans }],
      },
    ],
  };
}

const RICH: Span = span({
  parentSpanId: '00f067aa0ba902b7',
  traceState: 'rojo=00f067aa0ba902b7',
  flags: 0x80000301,
  name: 'GET /checkout',
  kind: 2,
  startTimeUnixNano: (1n << 63n) + 123_456_789n,
  endTimeUnixNano: (1n << 63n) + 1_123_456_790n,
  attributes: attrs([
    ['s', { kind: 'string', value: 'héllo' }],
    ['b', { kind: 'bool', value: true }],
    ['i32', { kind: 'int', value: -5n }],
    ['imax', { kind: 'int', value: (1n << 63n) - 1n }],
    ['imin', { kind: 'int', value: -(1n << 63n) }],
    ['d', { kind: 'double', value: -0.5 }],
    ['bytes', { kind: 'bytes', value: new Uint8Array([0, 255, 7]) }],
    ['arr', { kind: 'array', values: [{ kind: 'int', value: 1n }, { kind: 'string', value: 'x' }] }],
    ['kv', { kind: 'kvlist', values: attrs([['inner', { kind: 'bool', value: false }]]) }],
    ['e', { kind: 'empty' }],
  ]),
  droppedAttributesCount: 3,
  events: [
    { timeUnixNano: 1_700_000_000_500_000_000n, name: 'exception', attributes: attrs([['exception.type', { kind: 'string', value: 'Boom' }]]), droppedAttributesCount: 1 },
    { timeUnixNano: 1_700_000_000_600_000_000n, name: 'retry', attributes: new Map(), droppedAttributesCount: 0 },
  ],
  droppedEventsCount: 2,
  links: [{ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceState: 'a=b', flags: 1, attributes: attrs([['k', { kind: 'int', value: 7n }]]), droppedAttributesCount: 4 }],
  droppedLinksCount: 5,
  status: { code: 2, message: 'card declined' },
});

describe('spanStore', () => {
  it('round-trips every pdata field exactly, including int64 extremes and timestamps above 2^63', () => {
    const store = createSpanStore(1);
    const data = payload('payment', [RICH, span({ spanId: '1111111111111111', name: 'child', parentSpanId: 'b7ad6b7169203331' })]);
    appendTracesData(store, data);
    expect(materialize(store, [0, 1])).toEqual(data);
    expect(spanStartNs(store, 0)).toBe((1n << 63n) + 123_456_789n);
    expect(spanDurationNs(store, 0)).toBe(1_000_000_001);
  });

  it('keeps rows intact while growing far past the initial capacity', () => {
    const store = createSpanStore(1);
    const spans: Span[] = [];
    for (let i = 0; i < 3000; i++) {
      spans.push(span({ spanId: (i + 1).toString(16).padStart(16, '0'), name: `op-${i % 7}`, startTimeUnixNano: BigInt(i), endTimeUnixNano: BigInt(i * 2), attributes: attrs([['n', { kind: 'int', value: BigInt(i) }]]), events: i % 100 === 0 ? RICH.events : [] }));
    }
    const data = payload('svc', spans);
    appendTracesData(store, data);
    expect(materialize(store, rowRange(0, store.count))).toEqual(data);
  });

  it('stores an identical resource once, however many payloads bring it', () => {
    const store = createSpanStore();
    appendTracesData(store, payload('a', [span({ name: 'x' })]));
    appendTracesData(store, payload('b', [span({ name: 'y' })]));
    appendTracesData(store, payload('a', [span({ name: 'z' })]));
    expect(store.resources).toHaveLength(2);
    expect(store.scopes).toHaveLength(2);
    expect(serviceNameOf(store, 2)).toBe('a');
  });

  it('materializes chosen rows grouped by resource and scope in order of first appearance', () => {
    const store = createSpanStore();
    appendTracesData(store, payload('a', [span({ name: 'a1' })]));
    appendTracesData(store, payload('b', [span({ name: 'b1' })]));
    appendTracesData(store, payload('a', [span({ name: 'a2' })], 'other-lib'));
    appendTracesData(store, payload('a', [span({ name: 'a3' })]));
    const out = materialize(store, [1, 3, 2, 0]);
    const shape = out.resourceSpans.map((rs) => [rs.resource.attributes.get('service.name'), rs.scopeSpans.map((ss) => [ss.scope.name, ss.spans.map((s) => s.name)])]);
    expect(shape).toEqual([
      [{ kind: 'string', value: 'b' }, [['lib', ['b1']]]],
      [{ kind: 'string', value: 'a' }, [['lib', ['a3', 'a1']], ['other-lib', ['a2']]]],
    ]);
  });

  it('returns copies, so changing materialized data leaves the store alone', () => {
    const store = createSpanStore();
    appendTracesData(store, payload('a', [span({ name: 'a1' })]));
    const first = materialize(store, [0]);
    first.resourceSpans[0]!.resource.attributes.set('service.name', { kind: 'string', value: 'changed' });
    first.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes.set('x', { kind: 'bool', value: true });
    expect(materialize(store, [0]).resourceSpans[0]!.resource.attributes.get('service.name')).toEqual({ kind: 'string', value: 'a' });
    expect(materialize(store, [0]).resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes.size).toBe(0);
  });

  it('retains at most 150 bytes per span for 100k generated checkout spans', () => {
    const store = createSpanStore();
    generateIntoStore(store, defaultScenario(), { seed: 42, traceCount: 10_500 });
    expect(store.count).toBeGreaterThan(100_000);
    expect(bytesRetained(store) / store.count).toBeLessThanOrEqual(150);
  });

  it('shrinks to fit without changing the data', () => {
    const store = createSpanStore();
    generateIntoStore(store, defaultScenario(), { seed: 3, traceCount: 300 });
    const before = materialize(store, rowRange(0, store.count));
    const bytes = bytesRetained(store);
    trimSpanStore(store);
    expect(bytesRetained(store)).toBeLessThan(bytes);
    expect(materialize(store, rowRange(0, store.count))).toEqual(before);
  });
});
