/**
 * The columnar run (decision 0014) must give exactly what the object path gives: the same
 * SimulationResult (every node, edge, exporter, policy summary, trace outcome, verdict detail,
 * issue and debug text) and the same exported data. Each case runs one store through both paths
 * and compares them whole; it also checks the columnar path was really taken (or, for configs
 * without a columnar form, really not).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parseConfig';
import { SAMPLE_CONFIG } from '../../samples/sampleConfig';
import { generateIntoStore } from '../../generate/generateTraces';
import { defaultScenario, findScenarioPreset } from '../../generate/scenarioPresets';
import { createTraceIngester } from '../../ingest/ingestTraces';
import { createSpanStore, type SpanStore } from '../../telemetry/spanStore';
import { simulateStoreSync, type SimulateOptions } from '../simulateStore';

const HEAD = `receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
  otlp_grpc/backend:
    endpoint: backend:4317
`;

function config(processors: string, pipelines: string): string {
  return `${HEAD}processors:\n${processors}\nservice:\n  pipelines:\n${pipelines}`;
}

const lane = (name: string, processors: string[], exporters = ['otlp_grpc/backend', 'debug']) =>
  `    ${name}:\n      receivers: [otlp]\n      processors: [${processors.join(', ')}]\n      exporters: [${exporters.join(', ')}]\n`;

const TAIL_POLICIES = `    policies:
      - name: errors
        type: status_code
        status_code: {status_codes: [ERROR]}
      - name: slow
        type: latency
        latency: {threshold_ms: 400}
      - name: payment
        type: string_attribute
        string_attribute: {key: service.name, values: [payment]}
      - name: env
        type: string_attribute
        string_attribute: {key: deployment.environment.name, values: [prod.*], enabled_regex_matching: true}
      - name: big
        type: span_count
        span_count: {min_spans: 12}
      - name: rest
        type: probabilistic
        probabilistic: {sampling_percentage: 10}
      - name: checkout-and-slow
        type: and
        and:
          and_sub_policy:
            - name: svc
              type: string_attribute
              string_attribute: {key: service.name, values: [checkout, api-gateway]}
            - name: lat
              type: latency
              latency: {threshold_ms: 200}
      - name: ottl
        type: ottl_condition
        ottl_condition:
          span: ['attributes["http.response.status_code"] >= 500']
      - name: state
        type: trace_state
        trace_state: {key: ot, values: ["th:8"]}
      - name: budget
        type: rate_limiting
        rate_limiting: {spans_per_second: 300}
`;

const PROCESSORS = `  filter/health:
    error_mode: ignore
    traces:
      span:
        - attributes["url.path"] == "/healthz"
        - name == "GET /metrics" and kind == SPAN_KIND_SERVER
        - Len(attributes) > 40 or not IsMap(attributes)
        - attributes["deployment.environment.name"] == "staging"
      resource:
        - resource.attributes["service.name"] == "no-such-service"
  filter/legacy:
    spans:
      exclude:
        match_type: regexp
        span_names: ["^SELECT.*"]
  attributes/env:
    actions:
      - key: deployment.environment.name
        value: production
        action: upsert
      - key: http.request.method
        action: delete
  attributes/hash:
    include:
      match_type: strict
      services: [payment]
    actions:
      - pattern: ^db\\.
        action: hash
      - key: tenant
        value: acme
        action: insert
  probabilistic_sampler:
    sampling_percentage: 50
  probabilistic_sampler/prop:
    mode: proportional
    sampling_percentage: 60
  probabilistic_sampler/eq:
    mode: equalizing
    sampling_percentage: 80
  batch:
  batch/small:
    send_batch_size: 50
    send_batch_max_size: 70
    timeout: 300ms
  batch/now:
    timeout: 0s
  memory_limiter:
    check_interval: 1s
    limit_mib: 512
  tail_sampling:
    decision_wait: 10s
    num_traces: 200000
${TAIL_POLICIES}  tail_sampling/tight:
    decision_wait: 2s
    num_traces: 150
    decision_cache: {sampled_cache_size: 500, non_sampled_cache_size: 500}
${TAIL_POLICIES}  tail_sampling/bad:
    policies:
      - name: nope
        type: no_such_policy
  k8sattributes:
`;

function generated(preset: string, seed: number, traces: number): SpanStore {
  const store = createSpanStore(traces * 12);
  const settings = findScenarioPreset(preset)?.settings ?? defaultScenario();
  generateIntoStore(store, settings, { seed, traceCount: traces });
  return store;
}

function corpus(file: string): SpanStore {
  const store = createSpanStore(1024);
  const ingester = createTraceIngester({ store });
  ingester.write(readFileSync(join(__dirname, '../../../../reference/corpus/traces', file)));
  ingester.end();
  return store;
}

function both(text: string, store: SpanStore, options: SimulateOptions = {}) {
  const model = parseConfig(text);
  const rows = simulateStoreSync(model, store, 0, store.count, options);
  const objects = simulateStoreSync(model, store, 0, store.count, { ...options, objectPath: true });
  return { rows, objects };
}

const CASES: { name: string; processors: string[]; lanes?: string; columnar: boolean }[] = [
  { name: 'the bench pipeline', processors: ['filter/health', 'attributes/env', 'probabilistic_sampler', 'tail_sampling'], columnar: true },
  { name: 'tail sampling alone', processors: ['tail_sampling'], columnar: true },
  { name: 'the usual memory_limiter → tail_sampling → batch', processors: ['memory_limiter', 'tail_sampling', 'batch'], columnar: true },
  { name: 'batches split by size and sent by their timer, before and after the samplers', processors: ['batch/small', 'filter/health', 'probabilistic_sampler', 'tail_sampling/tight', 'batch/now', 'batch/small'], columnar: true },
  { name: 'caches, eviction and late spans', processors: ['memory_limiter', 'tail_sampling/tight'], columnar: true },
  { name: 'include/exclude, hashing by pattern, legacy filter', processors: ['filter/legacy', 'attributes/hash', 'attributes/env', 'probabilistic_sampler/prop', 'tail_sampling'], columnar: true },
  { name: 'two samplers in a row', processors: ['probabilistic_sampler/eq', 'probabilistic_sampler/prop', 'tail_sampling'], columnar: true },
  { name: 'samplers after the tail', processors: ['tail_sampling', 'attributes/env', 'probabilistic_sampler'], columnar: true },
  { name: 'a policy that fails to start and a component not simulated', processors: ['k8sattributes', 'tail_sampling/bad'], columnar: true },
  {
    name: 'two lanes fed by the same input, one exporter shared',
    processors: [],
    lanes: lane('traces', ['attributes/env', 'tail_sampling']) + lane('traces/raw', ['filter/health'], ['otlp_grpc/backend']),
    columnar: true,
  },
  { name: 'span events change spans: the object path', processors: [], lanes: lane('traces', ['transform']), columnar: false },
];

const TRANSFORM = `  transform:
    trace_statements:
      - set(span.attributes["seen"], true)
`;

const CONNECTORS = `connectors:
  span_metrics:
    dimensions:
      - name: http.request.method
      - name: deployment.environment.name
  count:
    spans:
      slow.spans:
        conditions: ['end_time_unix_nano - start_time_unix_nano > 300000000']
  service_graph:
    dimensions: [deployment.environment.name]
  forward:
`;

const METRICS = `    metrics:
      receivers: [span_metrics, count, service_graph]
      exporters: [otlp_grpc/backend]
`;

describe('columnar run = object path', () => {
  it('with span_metrics, count and service_graph fed from the lanes (the shape of the sample)', () => {
    const text = config(PROCESSORS, lane('traces', ['memory_limiter', 'attributes/env', 'tail_sampling', 'batch']) + lane('traces/metrics', ['memory_limiter', 'attributes/env'], ['span_metrics', 'count', 'service_graph']) + METRICS) + CONNECTORS;
    const { rows, objects } = both(text, generated('checkout', 5, 2000));
    expect(rows.onRows).toBe(true);
    expect(rows.result.summary.metricPoints).toBeGreaterThan(0);
    expect(rows.result).toEqual(objects.result);
  });

  it('the sample config the app opens with', () => {
    const { rows, objects } = both(SAMPLE_CONFIG, generated('checkout', 1, 1000));
    expect(rows.onRows).toBe(true);
    expect(rows.result.summary.sampledTraces).toBeGreaterThan(0);
    expect(rows.result).toEqual(objects.result);
  });

  it('a connector that feeds a traces pipeline takes the object path', () => {
    const text = config(PROCESSORS, lane('traces', ['tail_sampling'], ['forward']) + '    traces/after:\n      receivers: [forward]\n      exporters: [debug]\n') + CONNECTORS;
    const { rows, objects } = both(text, generated('checkout', 5, 300));
    expect(rows.onRows).toBe(false);
    expect(rows.result).toEqual(objects.result);
  });

  for (const c of CASES) {
    it(`${c.name} (generated checkout traffic)`, () => {
      const text = config(PROCESSORS + TRANSFORM, c.lanes ?? lane('traces', c.processors));
      const { rows, objects } = both(text, generated('checkout', 7, 3000));
      expect(rows.onRows).toBe(c.columnar);
      expect(objects.onRows).toBe(false);
      expect(rows.result.summary.inputSpans).toBeGreaterThan(20_000);
      expect(rows.result).toEqual(objects.result);
    });
  }

  it('every preset scenario through the bench pipeline', () => {
    const text = config(PROCESSORS, lane('traces', ['filter/health', 'attributes/env', 'probabilistic_sampler/prop', 'tail_sampling']));
    for (const preset of ['high-cardinality', 'error-storm', 'slow-tail', 'fan-out']) {
      const { rows, objects } = both(text, generated(preset, 3, 800));
      expect(rows.onRows).toBe(true);
      expect(rows.result, preset).toEqual(objects.result);
      expect(rows.result.summary.sampledTraces, preset).toBeGreaterThan(0);
    }
  });

  it('the debug exporter prints the same text at detailed verbosity', () => {
    const text = config(PROCESSORS, lane('traces', ['attributes/env', 'probabilistic_sampler/prop', 'tail_sampling/tight'])).replace('  debug:\n', '  debug:\n    verbosity: detailed\n');
    const { rows, objects } = both(text, generated('checkout', 11, 400));
    expect(rows.onRows).toBe(true);
    expect(rows.result.debugOutput.length).toBeGreaterThan(0);
    expect(rows.result.debugOutput).toEqual(objects.result.debugOutput);
    expect(rows.result).toEqual(objects.result);
  });

  it('keeping exported data takes the object path', () => {
    const text = config(PROCESSORS, lane('traces', ['tail_sampling']));
    const { rows } = both(text, generated('checkout', 1, 200), { keepExported: true });
    expect(rows.onRows).toBe(false);
  });

  it('corpus files in every format give the same results', () => {
    const files = [
      'contrib__pkg__translator__zipkin__zipkinv1__testdata__zipkin_v1_multiple_batches.json',
      'contrib__receiver__zipkinreceiver__testdata__sample1.json',
      'grafana-alloy__internal__component__otelcol__receiver__otlp__testdata__payload.json',
      'grafana-alloy__internal__static__traces__servicegraphprocessor__testdata__trace-sample.json',
      'jaeger-ui__packages__jaeger-ui__src__components__TracePage__TraceTimelineViewer__genaiTestTrace.json',
      'jaeger-ui__packages__jaeger-ui__src__utils__fixtures__oltp2jaeger-multi-out.json',
    ];
    const text = config(PROCESSORS, lane('traces', ['filter/health', 'attributes/hash', 'attributes/env', 'probabilistic_sampler/eq', 'tail_sampling']));
    for (const file of files) {
      const store = corpus(file);
      expect(store.count, file).toBeGreaterThan(0);
      const { rows, objects } = both(text, store, { exportDelayMs: 0 });
      expect(rows.onRows, file).toBe(true);
      expect(rows.result, file).toEqual(objects.result);
    }
  });
});
