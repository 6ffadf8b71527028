/**
 * span_metrics connector (deprecated type `spanmetrics`; processors-spec §4.3): `calls` and
 * `duration` (explicit histogram) per series of service, span name, kind, status and configured
 * dimensions, grouped per resource. Emits every `metrics_flush_interval` and at `flush`.
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { AggregationTemporality, Metric, MetricsData } from '../telemetry/metrics';
import type { AnyValue, Attributes, Resource, Span } from '../telemetry/pdata';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from '../telemetry/pdata';
import { cloneAttributes } from '../ottl/ottlValue';
import { parseGoDurationMs } from '../ottl/goDuration';
import type { MetricsEmission, MetricsProducer } from './componentOutputs';
import type { ComponentOptions } from './componentOptions';
import { boolField, configObject, durationField, listField, objectField, stringField, stringListField } from './configReader';
import { attributesKey, histogramPoint, intPoint, msToNs, newHistogram, recordHistogram, ValueIds, type HistogramState } from './metricSeries';

const DEFAULT_BUCKETS_MS = [2, 4, 6, 8, 10, 50, 100, 200, 400, 800, 1000, 1400, 2000, 5000, 10000, 15000];
const DEFAULT_NAMESPACE = 'traces.span.metrics';
/** The preview has no collector instance; a fixed placeholder stands in for its UUID (§4.3 step 3). */
export const PREVIEW_COLLECTOR_INSTANCE_ID = '00000000-0000-4000-8000-000000000000';

interface Series {
  readonly attrs: Attributes;
  calls: number;
  readonly histogram: HistogramState;
  events: number;
}

interface ResourceGroup {
  readonly resource: Resource;
  readonly startNs: bigint;
  readonly series: Map<string, Series>;
  readonly events: Map<string, { attrs: Attributes; count: number }>;
}

/** Build a span metrics connector. */
export function createSpanMetricsConnector(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent & MetricsProducer {
  const gates = options.featureGates ?? {};
  const o = configObject(id, config);
  const namespace = o.namespace === undefined || o.namespace === null ? DEFAULT_NAMESPACE : stringField(id, o, 'namespace', DEFAULT_NAMESPACE);
  const legacyNames = gates['connector.spanmetrics.legacyMetricNames'] === true && namespace === DEFAULT_NAMESPACE;
  const name = (n: string): string => (namespace === '' || legacyNames ? n : `${namespace}.${n}`);
  const dims = listField(id, o, 'dimensions').map((raw) => {
    const d = configObject(id, raw);
    const n = stringField(id, d, 'name', '');
    if (n === '') throw new ComponentConfigError(id, 'dimensions: name must not be empty');
    return { name: n, default: d.default === undefined || d.default === null ? undefined : String(d.default) };
  });
  const exclude = new Set(stringListField(id, o, 'exclude_dimensions'));
  const histogramCfg = objectField(id, o, 'histogram') ?? {};
  const histogramDisabled = boolField(id, histogramCfg, 'disable', false);
  const defaultUnit = gates['connector.spanmetrics.useSecondAsDefaultMetricsUnit'] === true ? 's' : 'ms';
  const unit = stringField(id, histogramCfg, 'unit', defaultUnit);
  if (unit !== 'ms' && unit !== 's') throw new ComponentConfigError(id, `unknown Unit "${unit}"`);
  if (objectField(id, histogramCfg, 'exponential')) throw new ComponentConfigError(id, 'exponential histograms are not simulated in the preview; use histogram.explicit');
  const explicit = objectField(id, histogramCfg, 'explicit');
  const bucketsMs = explicit?.buckets === undefined ? DEFAULT_BUCKETS_MS : listField(id, explicit, 'buckets').map((b) => {
    const ms = typeof b === 'string' ? parseGoDurationMs(b) : typeof b === 'number' ? b / 1e6 : { error: 'bucket must be a duration' };
    if (typeof ms !== 'number') throw new ComponentConfigError(id, `histogram.explicit.buckets: ${ms.error}`);
    return ms;
  });
  const bounds = bucketsMs.map((ms) => (unit === 'ms' ? ms : ms / 1000));
  const temporalityName = stringField(id, o, 'aggregation_temporality', 'AGGREGATION_TEMPORALITY_CUMULATIVE');
  const temporality: AggregationTemporality =
    temporalityName === 'AGGREGATION_TEMPORALITY_DELTA' ? 1 : temporalityName === 'AGGREGATION_TEMPORALITY_CUMULATIVE' ? 2 : (() => {
      throw new ComponentConfigError(id, `invalid aggregation_temporality "${temporalityName}"`);
    })();
  const flushMs = durationField(id, o, 'metrics_flush_interval', 60_000);
  const keyAttributes = stringListField(id, o, 'resource_metrics_key_attributes');
  const eventsCfg = objectField(id, o, 'events') ?? {};
  const eventsEnabled = boolField(id, eventsCfg, 'enabled', false);
  const eventDims = listField(id, eventsCfg, 'dimensions').map((raw) => {
    const d = configObject(id, raw);
    return { name: stringField(id, d, 'name', ''), default: d.default === undefined || d.default === null ? undefined : String(d.default) };
  });
  if (eventsEnabled && eventDims.length === 0) throw new ComponentConfigError(id, 'no dimensions configured for events');
  const instanceId = gates['connector.spanmetrics.includeCollectorInstanceID'] ?? true;
  const excludeResource = (gates['connector.spanmetrics.excludeResourceMetrics'] ?? false) && !boolField(id, o, 'add_resource_attributes', false);

  const groups = new Map<string, ResourceGroup>();
  let lastFlush: number | undefined;
  // Series keys from value ids (§4.3 keys the series by its attribute set): exact as long as every
  // attribute name of a series is written once; a dimension that repeats a name overwrites an
  // earlier value in place, and those configs key by the whole map instead.
  const ids = new ValueIds();
  const fixedNames = ['service.name', 'span.name', 'span.kind', 'status.code', 'collector.instance.id'];
  const names = [...fixedNames, ...dims.map((d) => d.name)];
  const keyByIds = new Set(names).size === names.length;
  const kindIds = SPAN_KIND_NAMES.map((n) => ids.ofString(n));
  const statusIds = STATUS_CODE_NAMES.map((n) => ids.ofString(n));
  const withService = !exclude.has('service.name');
  const withInstance = instanceId && !exclude.has('collector.instance.id');
  const withName = !exclude.has('span.name');
  const withKind = !exclude.has('span.kind');
  const withStatus = !exclude.has('status.code');
  let out: MetricsEmission[] = [];

  const lookup = (key: string, primary: Attributes, secondary: Attributes, fallback: string | undefined): AnyValue | undefined =>
    primary.get(key) ?? secondary.get(key) ?? (fallback === undefined ? undefined : { kind: 'string', value: fallback });

  const emit = (nowMs: number): void => {
    lastFlush = nowMs;
    if (groups.size === 0) return;
    const timeNs = msToNs(nowMs);
    const data: MetricsData = { resourceMetrics: [] };
    for (const g of groups.values()) {
      const series = [...g.series.values()];
      const metrics: Metric[] = [
        { name: name('calls'), description: '', unit: '', data: { type: 'sum', aggregationTemporality: temporality, isMonotonic: true, dataPoints: series.map((s) => intPoint(s.attrs, s.calls, g.startNs, timeNs)) } },
      ];
      if (!histogramDisabled)
        metrics.push({
          name: name('duration'),
          description: '',
          unit,
          data: { type: 'histogram', aggregationTemporality: temporality, dataPoints: series.map((s) => histogramPoint(s.attrs, s.histogram, bounds, g.startNs, timeNs)) },
        });
      if (eventsEnabled && g.events.size > 0)
        metrics.push({
          name: name('events'),
          description: '',
          unit: '',
          data: { type: 'sum', aggregationTemporality: temporality, isMonotonic: true, dataPoints: [...g.events.values()].map((e) => intPoint(e.attrs, e.count, g.startNs, timeNs)) },
        });
      data.resourceMetrics.push({
        resource: { attributes: excludeResource ? new Map() : cloneAttributes(g.resource.attributes), droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeMetrics: [{ scope: { name: 'spanmetricsconnector', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', metrics }],
      });
    }
    out.push({ data, atMs: nowMs });
    if (temporality === 1) groups.clear(); // delta: values reset after each flush
  };

  const tick = (nowMs: number): void => {
    lastFlush ??= nowMs;
    while (flushMs > 0 && lastFlush + flushMs <= nowMs) emit(lastFlush + flushMs);
  };

  return {
    id,
    consume(data, nowMs) {
      tick(nowMs);
      for (const rs of data.resourceSpans) {
        const res = rs.resource.attributes;
        const service = res.get('service.name');
        if (service === undefined) continue; // resource without service.name: ignored (§4.3 step 1)
        const keySource = keyAttributes.length > 0 ? new Map(keyAttributes.flatMap((k) => (res.has(k) ? [[k, res.get(k) as AnyValue]] : []))) : res;
        const rKey = ids.mapKey(keySource);
        let g = groups.get(rKey);
        if (!g) {
          g = { resource: { attributes: cloneAttributes(res), droppedAttributesCount: 0 }, startNs: msToNs(nowMs), series: new Map(), events: new Map() };
          groups.set(rKey, g);
        }
        const serviceId = withService ? ids.of(service) : 0;
        const attributesOf = (span: Span): Attributes => {
          const attrs: Attributes = new Map();
          if (withService) attrs.set('service.name', service);
          if (withName) attrs.set('span.name', { kind: 'string', value: span.name });
          if (withKind) attrs.set('span.kind', { kind: 'string', value: SPAN_KIND_NAMES[span.kind] });
          if (withStatus) attrs.set('status.code', { kind: 'string', value: STATUS_CODE_NAMES[span.status.code] });
          if (withInstance) attrs.set('collector.instance.id', { kind: 'string', value: PREVIEW_COLLECTOR_INSTANCE_ID });
          for (const d of dims) {
            const v = lookup(d.name, span.attributes, res, d.default);
            if (v) attrs.set(d.name, v);
          }
          return attrs;
        };
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans) {
            let attrs: Attributes | undefined;
            let key: string;
            if (keyByIds) {
              // The attribute set below as value ids, in its order (the instance id never changes).
              key = `${serviceId},${withName ? ids.ofString(span.name) : 0},${withKind ? kindIds[span.kind] : 0},${withStatus ? statusIds[span.status.code] : 0}`;
              for (const d of dims) key += `,${ids.of(lookup(d.name, span.attributes, res, d.default))}`;
            } else key = attributesKey((attrs = attributesOf(span)));
            let s = g.series.get(key);
            if (!s) {
              s = { attrs: attrs ?? attributesOf(span), calls: 0, histogram: newHistogram(bounds), events: 0 };
              g.series.set(key, s);
            }
            s.calls += 1;
            const ns = span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0n;
            recordHistogram(s.histogram, bounds, unit === 'ms' ? Number(ns) / 1e6 : Number(ns) / 1e9);
            if (eventsEnabled)
              for (const ev of span.events) {
                // The span's attribute set is its series' (same key, same set).
                const ea = cloneAttributes(s.attrs);
                for (const d of eventDims) {
                  const v = lookup(d.name, ev.attributes, res, d.default);
                  if (v) ea.set(d.name, v);
                }
                const ek = attributesKey(ea);
                const e = g.events.get(ek) ?? { attrs: ea, count: 0 };
                e.count += 1;
                g.events.set(ek, e);
              }
          }
      }
      return { emitted: [] };
    },
    advance(nowMs) {
      tick(nowMs);
      return { emitted: [] };
    },
    flush(nowMs) {
      emit(nowMs); // the preview flushes once at the end (vectors: "single flush after all input")
      return { emitted: [] };
    },
    takeMetrics() {
      const r = out;
      out = [];
      return r;
    },
  };
}
