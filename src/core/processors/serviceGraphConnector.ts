/**
 * service_graph connector (deprecated type `servicegraph`; processors-spec §4.5): pairs CLIENT/
 * PRODUCER spans with the SERVER/CONSUMER spans whose parent they are, and counts requests and
 * latencies (seconds) per client → server edge. Unpaired edges expire after `store.ttl`, becoming
 * virtual-node edges (gate `connector.servicegraph.virtualNode`, on).
 */
import type { TracesComponent } from '../simulation/component';
import type { Metric, MetricsData } from '../telemetry/metrics';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { parseGoDurationMs } from '../ottl/goDuration';
import { anyValueAsString } from '../ottl/valueText';
import type { MetricsEmission, MetricsProducer } from './componentOutputs';
import type { ComponentOptions } from './componentOptions';
import { ComponentConfigError } from '../simulation/component';
import { boolField, configObject, durationField, listField, numberField, objectField, stringField, stringListField } from './configReader';
import { ValueIds, histogramPoint, intPoint, msToNs, newHistogram, recordHistogram, type HistogramState } from './metricSeries';

const DEFAULT_BUCKETS_S = [0.002, 0.004, 0.006, 0.008, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1, 1.4, 2, 5, 10, 15];

interface Edge {
  readonly createdMs: number;
  clientService?: string;
  serverService?: string;
  clientLatency: number;
  serverLatency: number;
  failed: boolean;
  connectionType: string;
  hasParent: boolean;
  readonly dims: Map<string, string>;
  peer?: string;
}

interface EdgeSeries {
  readonly attrs: Attributes;
  total: number;
  failed: number;
  readonly server: HistogramState;
  readonly client: HistogramState;
}

/** Build a service graph connector. */
export function createServiceGraphConnector(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent & MetricsProducer {
  const gates = options.featureGates ?? {};
  const o = configObject(id, config);
  const secondsUnit = !(gates['connector.servicegraph.legacyLatencyUnitMs'] ?? false);
  const virtualNodes = gates['connector.servicegraph.virtualNode'] ?? true;
  const rawBuckets = listField(id, o, 'latency_histogram_buckets');
  const bucketsS =
    rawBuckets.length === 0
      ? DEFAULT_BUCKETS_S
      : rawBuckets.map((b) => {
          const ms = typeof b === 'string' ? parseGoDurationMs(b) : typeof b === 'number' ? b / 1e6 : { error: 'bucket must be a duration' };
          if (typeof ms !== 'number') throw new ComponentConfigError(id, `latency_histogram_buckets: ${ms.error}`);
          return ms / 1000;
        });
  const bounds = secondsUnit ? bucketsS : bucketsS.map((s) => s * 1000);
  const dimensions = stringListField(id, o, 'dimensions');
  const store = objectField(id, o, 'store') ?? {};
  const ttlMs = durationField(id, store, 'ttl', 2000);
  const maxItems = numberField(id, store, 'max_items', 1000);
  const peerAttributes = o.virtual_node_peer_attributes === undefined ? ['peer.service', 'db.name', 'db.system'] : stringListField(id, o, 'virtual_node_peer_attributes');
  const extraLabel = boolField(id, o, 'virtual_node_extra_label', false);
  const flushMs = durationField(id, o, 'metrics_flush_interval', 0);
  const dbAttribute = stringField(id, o, 'database_name_attribute', 'db.name');

  const edges = new Map<string, Edge>();
  const series = new Map<string, EdgeSeries>();
  let startNs: bigint | undefined;
  let lastFlush: number | undefined;
  let out: MetricsEmission[] = [];
  // Series keys from value ids, not JSON per item (metricSeries.ts).
  const ids = new ValueIds();

  const complete = (e: Edge, virtual = false): void => {
    const attrs: Attributes = new Map<string, AnyValue>([
      ['client', { kind: 'string', value: e.clientService ?? '' }],
      ['server', { kind: 'string', value: e.serverService ?? '' }],
      ['connection_type', { kind: 'string', value: e.connectionType }],
      ['failed', { kind: 'bool', value: e.failed }],
    ]);
    for (const [k, v] of e.dims) attrs.set(k, { kind: 'string', value: v });
    if (extraLabel && virtual) attrs.set('virtual_node', { kind: 'string', value: e.clientService === 'user' ? 'client' : 'server' });
    const key = ids.mapKey(attrs);
    const s = series.get(key) ?? { attrs, total: 0, failed: 0, server: newHistogram(bounds), client: newHistogram(bounds) };
    series.set(key, s);
    s.total += 1;
    if (e.failed) s.failed += 1;
    const scale = secondsUnit ? 1 : 1000;
    recordHistogram(s.server, bounds, e.serverLatency * scale);
    recordHistogram(s.client, bounds, e.clientLatency * scale);
  };

  const expire = (nowMs: number, all: boolean): void => {
    for (const [key, e] of edges) {
      if (!all && nowMs - e.createdMs < ttlMs) continue;
      edges.delete(key);
      if (!virtualNodes) continue;
      if (e.serverService !== undefined && e.clientService === undefined && !e.hasParent) {
        e.clientService = 'user';
        e.connectionType = 'virtual_node';
        complete(e, true);
      } else if (e.clientService !== undefined && e.serverService === undefined && e.peer !== undefined) {
        e.serverService = e.peer;
        e.connectionType = 'virtual_node';
        complete(e, true);
      }
    }
  };

  const emit = (nowMs: number): void => {
    lastFlush = nowMs;
    if (series.size === 0) return;
    const timeNs = msToNs(nowMs);
    const start = startNs ?? timeNs;
    const all = [...series.values()];
    const failed = all.filter((s) => s.failed > 0);
    const unit = secondsUnit ? 's' : 'ms';
    const metrics: Metric[] = [
      { name: 'traces_service_graph_request_total', description: '', unit: '', data: { type: 'sum', aggregationTemporality: 2, isMonotonic: true, dataPoints: all.map((s) => intPoint(s.attrs, s.total, start, timeNs)) } },
    ];
    if (failed.length > 0)
      metrics.push({ name: 'traces_service_graph_request_failed_total', description: '', unit: '', data: { type: 'sum', aggregationTemporality: 2, isMonotonic: true, dataPoints: failed.map((s) => intPoint(s.attrs, s.failed, start, timeNs)) } });
    const legacyNames = gates['connector.servicegraph.legacyLatencyMetricNames'] ?? false;
    if (legacyNames)
      metrics.push({ name: 'traces_service_graph_request_duration', description: '', unit, data: { type: 'histogram', aggregationTemporality: 2, dataPoints: all.map((s) => histogramPoint(s.attrs, s.server, bounds, start, timeNs)) } });
    else
      metrics.push(
        { name: 'traces_service_graph_request_server', description: '', unit, data: { type: 'histogram', aggregationTemporality: 2, dataPoints: all.map((s) => histogramPoint(s.attrs, s.server, bounds, start, timeNs)) } },
        { name: 'traces_service_graph_request_client', description: '', unit, data: { type: 'histogram', aggregationTemporality: 2, dataPoints: all.map((s) => histogramPoint(s.attrs, s.client, bounds, start, timeNs)) } },
      );
    const data: MetricsData = {
      resourceMetrics: [
        {
          resource: { attributes: new Map(), droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeMetrics: [{ scope: { name: 'traces_service_graph', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', metrics }],
        },
      ],
    };
    out.push({ data, atMs: nowMs });
  };

  const tick = (nowMs: number): void => {
    expire(nowMs, false);
    lastFlush ??= nowMs;
    while (flushMs > 0 && lastFlush + flushMs <= nowMs) emit(lastFlush + flushMs);
  };

  return {
    id,
    consume(data, nowMs) {
      tick(nowMs);
      startNs ??= msToNs(nowMs);
      for (const rs of data.resourceSpans) {
        const svc = rs.resource.attributes.get('service.name');
        if (svc === undefined) continue;
        const service = anyValueAsString(svc);
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans) {
            const isClient = span.kind === 3 || span.kind === 4;
            const isServer = span.kind === 2 || span.kind === 5;
            if (!isClient && !isServer) continue;
            const key = `${span.traceId}-${isClient ? span.spanId : span.parentSpanId}`;
            let e = edges.get(key);
            if (!e) {
              if (edges.size >= maxItems) continue; // store full: the span is dropped
              e = { createdMs: nowMs, clientLatency: 0, serverLatency: 0, failed: false, connectionType: '', hasParent: true, dims: new Map() };
              edges.set(key, e);
            }
            const ns = span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0n;
            const latency = Number(ns) / 1e9;
            e.failed ||= span.status.code === 2;
            const prefix = isClient ? 'client_' : 'server_';
            for (const d of dimensions) {
              const v = rs.resource.attributes.get(d) ?? span.attributes.get(d);
              if (v) e.dims.set(prefix + d, anyValueAsString(v));
            }
            if (isClient) {
              e.clientService = service;
              e.clientLatency = latency;
              if (span.kind === 4) e.connectionType = 'messaging_system';
              for (const p of peerAttributes) {
                const v = span.attributes.get(p);
                if (v && e.peer === undefined) e.peer = anyValueAsString(v);
              }
              const db = span.attributes.get(dbAttribute) ?? rs.resource.attributes.get(dbAttribute);
              if (db) {
                e.serverService = anyValueAsString(db);
                e.connectionType = 'database';
                e.serverLatency = latency;
              }
            } else {
              e.serverService = service;
              e.serverLatency = latency;
              e.hasParent = span.parentSpanId !== '';
              if (span.kind === 5) e.connectionType = 'messaging_system';
            }
            if (e.clientService !== undefined && e.serverService !== undefined) {
              edges.delete(key);
              complete(e);
            }
          }
      }
      if (flushMs === 0) emit(nowMs); // metrics_flush_interval 0: flush after every payload
      return { emitted: [] };
    },
    advance(nowMs) {
      tick(nowMs);
      return { emitted: [] };
    },
    flush(nowMs) {
      expire(nowMs, true); // end of input: pending edges expire now
      emit(nowMs);
      return { emitted: [] };
    },
    takeMetrics() {
      const r = out;
      out = [];
      return r;
    },
  };
}
