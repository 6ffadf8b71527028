import { describe, expect, it } from 'vitest';
import { tracesOf, type TestSpan } from '../simulation/testTraces';
import type { NumberDataPoint } from '../telemetry/metrics';
import { anyValueJson } from '../ottl/valueText';
import { createSpanMetricsConnector } from './spanMetricsConnector';

/** The `calls` data points of one flush, as "attribute=value, …" → count. */
function calls(config: unknown, spans: readonly TestSpan[]): Map<string, number> {
  const connector = createSpanMetricsConnector('span_metrics', config);
  connector.consume(tracesOf(spans), 1000);
  connector.flush(2000);
  const out = new Map<string, number>();
  for (const emission of connector.takeMetrics())
    for (const rm of emission.data.resourceMetrics)
      for (const sm of rm.scopeMetrics)
        for (const metric of sm.metrics) {
          if (!metric.name.endsWith('calls') || metric.data.type !== 'sum') continue;
          for (const p of metric.data.dataPoints as NumberDataPoint[]) {
            const text = [...p.attributes].filter(([k]) => k !== 'collector.instance.id').map(([k, v]) => `${k}=${v.kind}:${anyValueJson(v)}`).join(', ');
            out.set(text, (out.get(text) ?? 0) + Number(p.value.value));
          }
        }
  return out;
}

const span = (n: number, attributes: TestSpan['attributes'], extra: Partial<TestSpan> = {}): TestSpan => ({ traceId: String(n), spanId: String(n), startMs: 0, durationMs: 5, attributes, ...extra });

describe('span_metrics connector: one series per attribute set (processors-spec §4.3)', () => {
  it('tells values apart by kind and content, and an absent dimension from a present one', () => {
    const got = calls(
      { dimensions: [{ name: 'http.route' }, { name: 'http.status_code' }, { name: 'tier', default: 'free' }] },
      [
        span(1, { 'http.route': '/a', 'http.status_code': 200 }),
        span(2, { 'http.route': '/a', 'http.status_code': 200 }),
        span(3, { 'http.route': '/a', 'http.status_code': '200' }),
        span(4, { 'http.route': '/a' }),
        span(5, { 'http.route': '/a', tier: 'gold' }),
        span(6, { 'http.route': '/a', tier: 'free' }),
        span(7, { 'http.route': '/b', 'http.status_code': 200 }, { error: true }),
        span(8, { 'http.route': '/a', 'http.status_code': 200 }, { service: 'other' }),
      ],
    );
    const base = 'service.name=string:"svc", span.name=string:"op", span.kind=string:"SPAN_KIND_SERVER"';
    expect(got).toEqual(
      new Map([
        [`${base}, status.code=string:"STATUS_CODE_UNSET", http.route=string:"/a", http.status_code=int:200, tier=string:"free"`, 2],
        [`${base}, status.code=string:"STATUS_CODE_UNSET", http.route=string:"/a", http.status_code=string:"200", tier=string:"free"`, 1],
        [`${base}, status.code=string:"STATUS_CODE_UNSET", http.route=string:"/a", tier=string:"free"`, 2],
        [`${base}, status.code=string:"STATUS_CODE_UNSET", http.route=string:"/a", tier=string:"gold"`, 1],
        [`${base}, status.code=string:"STATUS_CODE_ERROR", http.route=string:"/b", http.status_code=int:200, tier=string:"free"`, 1],
        [`service.name=string:"other", span.name=string:"op", span.kind=string:"SPAN_KIND_SERVER", status.code=string:"STATUS_CODE_UNSET", http.route=string:"/a", http.status_code=int:200, tier=string:"free"`, 1],
      ]),
    );
  });

  it('a dimension named like a built-in attribute overwrites it, so spans of two services can share a series', () => {
    const got = calls({ dimensions: [{ name: 'service.name' }] }, [span(1, { 'service.name': 'edge' }, { service: 'a' }), span(2, { 'service.name': 'edge' }, { service: 'b' }), span(3, {}, { service: 'b' })]);
    const rest = 'span.name=string:"op", span.kind=string:"SPAN_KIND_SERVER", status.code=string:"STATUS_CODE_UNSET"';
    // Resources differ, so each keeps its own resource metrics; the series attributes are what matter.
    expect([...got].sort()).toEqual(
      [
        [`service.name=string:"b", ${rest}`, 1],
        [`service.name=string:"edge", ${rest}`, 2],
      ].sort(),
    );
  });
});
