/**
 * Conformance runner for `otelcol-trace-processor-vectors/1` files (reference/spec/
 * processor-vectors/README.md). Each vector runs through {@link processorFactories}, the same
 * factories the pipeline runner uses, and is compared by the README's rules: order of
 * resources/scopes/spans/events/links significant, attribute maps unordered, omitted = zero,
 * metric data points an unordered set keyed by their attributes.
 */
import { ComponentConfigError, type Emission, type TracesComponent } from '../simulation/component';
import type { MetricsData } from '../telemetry/metrics';
import type { AnyValue, Attributes, TracesData } from '../telemetry/pdata';
import { bytesToHex } from '../ottl/ottlValue';
import { isDebugLogSource, isMetricsProducer } from './componentOutputs';
import { processorFactories } from './processorFactories';
import { metricsFromVector, tracesFromVector } from './vectorPayload';

export const PROCESSOR_VECTOR_FORMAT = 'otelcol-trace-processor-vectors/1';

export interface VectorOutcome {
  readonly id: string;
  readonly passed: boolean;
  readonly message?: string;
}

type Obj = Record<string, unknown>;

/** Whether a parsed JSON document is a processor-vector file. */
export function detectProcessorVectorFile(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as Obj).format === PROCESSOR_VECTOR_FORMAT && Array.isArray((json as Obj).vectors);
}

function canonicalValue(v: AnyValue): unknown {
  switch (v.kind) {
    case 'int':
      return ['int', v.value.toString()];
    case 'double':
      return ['double', v.value];
    case 'bytes':
      return ['bytes', bytesToHex(v.value)];
    case 'array':
      return ['array', v.values.map(canonicalValue)];
    case 'kvlist':
      return ['kvlist', canonicalAttributes(v.values)];
    case 'empty':
      return ['empty'];
    default:
      return [v.kind, v.value];
  }
}

// Rule 2: attribute maps compare as unordered maps.
function canonicalAttributes(m: Attributes): unknown {
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonicalValue(v)]);
}

function canonicalTraces(d: TracesData): string {
  return JSON.stringify(
    d.resourceSpans.map((rs) => ({
      r: canonicalAttributes(rs.resource.attributes),
      rd: rs.resource.droppedAttributesCount,
      u: rs.schemaUrl,
      s: rs.scopeSpans.map((ss) => ({
        n: ss.scope.name,
        v: ss.scope.version,
        a: canonicalAttributes(ss.scope.attributes),
        d: ss.scope.droppedAttributesCount,
        u: ss.schemaUrl,
        sp: ss.spans.map((s) => ({
          ...s,
          startTimeUnixNano: s.startTimeUnixNano.toString(),
          endTimeUnixNano: s.endTimeUnixNano.toString(),
          attributes: canonicalAttributes(s.attributes),
          events: s.events.map((e) => ({ ...e, timeUnixNano: e.timeUnixNano.toString(), attributes: canonicalAttributes(e.attributes) })),
          links: s.links.map((l) => ({ ...l, attributes: canonicalAttributes(l.attributes) })),
        })),
      })),
    })),
  );
}

// Rule 4: data points within one metric are an unordered set keyed by their attributes;
// timestamps are not compared.
function canonicalMetrics(d: MetricsData): string {
  return JSON.stringify(
    d.resourceMetrics.map((rm) => ({
      r: canonicalAttributes(rm.resource.attributes),
      s: rm.scopeMetrics.map((sm) => ({
        n: sm.scope.name,
        v: sm.scope.version,
        m: sm.metrics.map((m) => {
          const points = m.data.dataPoints
            .map((p) => {
              const { startTimeUnixNano: _s, timeUnixNano: _t, attributes, ...rest } = p;
              const value = 'value' in rest ? { kind: rest.value.kind, value: String(rest.value.value) } : rest;
              return JSON.stringify({ a: canonicalAttributes(attributes), value });
            })
            .sort();
          const { dataPoints: _d, ...head } = m.data;
          return { name: m.name, description: m.description, unit: m.unit, head, points };
        }),
      })),
    })),
  );
}

function sameTraces(actual: TracesData, expected: unknown): string | undefined {
  const a = canonicalTraces(actual);
  const e = canonicalTraces(tracesFromVector(expected));
  return a === e ? undefined : `traces differ:\n  actual   ${a}\n  expected ${e}`;
}

function concatEmissions(list: readonly Emission[]): TracesData {
  return { resourceSpans: list.flatMap((e) => e.data.resourceSpans) };
}

function checkError(expected: unknown, actual: string | undefined): string | undefined {
  if (expected === null || expected === undefined) return actual === undefined ? undefined : `unexpected error: ${actual}`;
  if (actual === undefined) return `expected an error containing "${String(expected)}", got none`;
  return actual.includes(String(expected)) ? undefined : `error "${actual}" does not contain "${String(expected)}"`;
}

function runOne(v: Obj): string | undefined {
  const component = (v.component ?? {}) as Obj;
  const type = String(component.type);
  const factory = processorFactories[type];
  if (!factory) return `no factory for component type "${type}"`;
  if (typeof component.deprecated_type === 'string' && !processorFactories[component.deprecated_type])
    return `no factory for the deprecated type "${component.deprecated_type}"`;
  const expect = (v.expect ?? {}) as Obj;
  const featureGates = (v.featureGates ?? {}) as Record<string, boolean>;
  let c: TracesComponent;
  try {
    c = factory(type, v.config ?? {}, { featureGates });
  } catch (e) {
    if (!(e instanceof ComponentConfigError)) throw e;
    if (typeof expect.configError === 'string')
      return e.message.includes(expect.configError) ? undefined : `config error "${e.message}" does not contain "${expect.configError}"`;
    return `unexpected config error: ${e.message}`;
  }
  if (typeof expect.configError === 'string') return `expected config error "${expect.configError}", the component started`;

  if ('batches' in expect) {
    const inputs = Array.isArray(v.inputs) ? v.inputs : [v.input];
    const got: Emission[] = [];
    for (const input of inputs) got.push(...c.consume(tracesFromVector(input), 0).emitted.map((e) => ({ ...e, trigger: e.trigger ?? 'size' })));
    got.push(...c.advance(1e15).emitted, ...c.flush(1e15).emitted);
    const batches = Array.isArray(expect.batches) ? expect.batches : [];
    if (got.length !== batches.length) return `expected ${batches.length} batches, got ${got.length}`;
    for (let i = 0; i < batches.length; i++) {
      const diff = sameTraces((got[i] as Emission).data, batches[i]);
      if (diff) return `batch ${i}: ${diff}`;
      const trigger = Array.isArray(expect.trigger) ? expect.trigger[i] : undefined;
      if (trigger !== undefined && got[i]?.trigger !== trigger) return `batch ${i}: trigger ${String(got[i]?.trigger)}, expected ${String(trigger)}`;
    }
    return undefined;
  }

  const result = c.consume(tracesFromVector(v.input), 0);
  const errDiff = checkError(expect.error, result.error);
  if (errDiff) return errDiff;

  if ('routes' in expect) {
    const routes = (expect.routes ?? {}) as Obj;
    const byPort = new Map<string, Emission[]>();
    for (const e of result.emitted) {
      const port = e.port ?? '';
      byPort.set(port, [...(byPort.get(port) ?? []), e]);
    }
    for (const port of byPort.keys()) if (!(port in routes) || routes[port] === null) return `pipeline "${port}" received data, expected nothing`;
    for (const [port, want] of Object.entries(routes)) {
      if (want === null) continue;
      const got = byPort.get(port);
      if (!got) return `pipeline "${port}" received nothing`;
      const diff = sameTraces(concatEmissions(got), want);
      if (diff) return `pipeline "${port}": ${diff}`;
    }
    return undefined;
  }

  if ('metrics' in expect) {
    if (!isMetricsProducer(c)) return `component "${type}" does not produce metrics`;
    c.flush(0);
    const emitted = c.takeMetrics();
    const last = emitted[emitted.length - 1];
    if (!last) return 'no metrics emitted';
    const a = canonicalMetrics(last.data);
    const e = canonicalMetrics(metricsFromVector(expect.metrics));
    return a === e ? undefined : `metrics differ:\n  actual   ${a}\n  expected ${e}`;
  }

  if ('text' in expect) {
    if (!isDebugLogSource(c)) return `component "${type}" writes no debug logs`;
    const [log] = c.takeLogs();
    if (!log) return 'nothing logged';
    const summary = (expect.summary ?? {}) as Obj;
    if (log.summary.resourceSpans !== summary['resource spans'] || log.summary.spans !== summary.spans)
      return `summary ${JSON.stringify(log.summary)} differs from ${JSON.stringify(summary)}`;
    return log.text === expect.text ? undefined : `text differs:\n${JSON.stringify(log.text)}\nexpected\n${JSON.stringify(expect.text)}`;
  }

  if ('traces' in expect) {
    if (expect.traces === null) return result.emitted.length === 0 ? undefined : `expected nothing forwarded, got ${result.emitted.length} payload(s)`;
    const [first, ...more] = result.emitted;
    if (!first || more.length > 0) return `expected one forwarded payload, got ${result.emitted.length}`;
    return sameTraces(first.data, expect.traces);
  }
  return `vector has no expectation the runner understands (keys: ${Object.keys(expect).join(', ')})`;
}

/** Run every vector of a file; a malformed file yields one failed outcome. */
export function runProcessorVectorFile(json: unknown): VectorOutcome[] {
  if (!detectProcessorVectorFile(json)) return [{ id: '(file)', passed: false, message: `not a ${PROCESSOR_VECTOR_FORMAT} file` }];
  return ((json as Obj).vectors as unknown[]).map((raw, i) => {
    const v = (raw ?? {}) as Obj;
    const id = typeof v.id === 'string' ? v.id : `#${i}`;
    try {
      const message = runOne(v);
      return message === undefined ? { id, passed: true } : { id, passed: false, message };
    } catch (e) {
      return { id, passed: false, message: `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
  });
}
