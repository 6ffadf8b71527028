/**
 * Runs trace payloads through the configured pipelines the way the Collector wires them
 * (config-semantics §7): each traces pipeline has its own processor instances in list order;
 * a pipeline's output fans out to its exporters and connectors (a copy per extra consumer,
 * since processors change data in place, processors-spec §0); traces→traces connectors feed the
 * pipelines that list them as receivers (routing by `port`); traces→metrics connectors emit data
 * points counted into the metrics pipelines they feed.
 *
 * Time is the data's own clock, passed in (engine-design "Time in the simulation"): before a
 * payload is delivered at `atMs`, every component's timers up to `atMs` fire (`advance`), so
 * batch timeouts and tail-sampling decision ticks happen where they would.
 *
 * Where the input enters: every traces pipeline with at least one non-connector receiver gets
 * each input payload once (the receivers are the door; which receiver the real traffic uses is
 * not known to the preview).
 */
import type { ConfigModel } from '../config/configModel';
import { findCatalogComponent, isSimulatedType } from './simulatedComponents';
import { buildGraph } from '../graph/buildGraph';
import type { GraphNode, PipelineGraph } from '../graph/pipelineGraph';
import { cloneTraces } from '../processors/cloneTraces';
import { isDebugLogSource, isMetricsProducer, type DebugLogEntry } from '../processors/componentOutputs';
import { processorFactories } from '../processors/processorFactories';
import { samplingFactories } from '../sampling/samplingFactories';
import { TailSamplingProcessor } from '../sampling/tailSamplingProcessor';
import { isRoot, spanEndNs, spanName, spanStartNs, type SpanReadCache, type SpanStore } from '../telemetry/spanStore';
import { isRowPayload, materializePayload, readOnlyPayload, sharedObjects, windowPayload, type RowPayload, type SharedObjects } from './rows/rowPayload';
import { rowStageFor, type RowResult, type RowStage } from './rows/rowStages';
import { RowView, type RowOverlay } from './rows/rowView';
import { dataPointCount } from '../telemetry/metrics';
import type { TracesData } from '../telemetry/pdata';
import { ComponentConfigError, type ConsumeResult, type TraceDecisionRecord, type TracesComponent } from './component';
import type { EdgeStats, ExporterOutput, NodeStats, PolicySummary, SimulationResult, TraceOutcome } from './simulationResult';
import { TraceMarks } from './traceMarks';

export interface InputBatch {
  /** Arrival time on the simulated clock, in milliseconds. */
  readonly atMs: number;
  readonly data: TracesData;
}

export interface RunOptions {
  readonly featureGates?: Readonly<Record<string, boolean>>;
  /** Component configs with `${...}` already resolved, by `kind:id`; defaults to the model's bodies. */
  readonly configs?: ReadonlyMap<string, unknown>;
  /** Keep a copy of what each exporter received (for `simulate --out`). Costs memory. */
  readonly keepExported?: boolean;
  /**
   * The store the input comes from: with it, a config whose every traces component has a
   * columnar form runs on rows (`feedRows`, decision 0014), with results identical to the
   * object path. `cache.traceOfRow` must cover every row fed.
   */
  readonly rows?: { readonly store: SpanStore; readonly cache: SpanReadCache; readonly traceCount: number };
}

/** One arrival window of store rows (`feedRows`). */
export interface InputRows {
  readonly atMs: number;
  readonly rows: Uint32Array | readonly number[];
}

type Payload = TracesData | RowPayload;

interface Stage {
  readonly node: GraphNode;
  readonly component: TracesComponent;
  /** The columnar form, when the run is on rows. */
  rows?: RowStage;
}

interface Lane {
  readonly pipelineId: string;
  readonly stages: Stage[];
  /** Node keys of the lane's exporters and the connectors it exports to. */
  readonly tails: string[];
  readonly fedByInput: boolean;
  /** Edge key from stage i-1 (or the lane's heads) into stage i; index = stages.length: into tails. */
  readonly edgeInto: Map<string, string[]>;
  // What each delivery needs of the wiring, worked out once (a run delivers thousands of windows).
  readonly receivers: readonly GraphNode[];
  /** The edge from a receiver into the lane's first stage (or its tails) that input is counted on. */
  readonly inputEdges: readonly string[];
  /** Per tail: this lane's edges into it. */
  readonly tailEdges: ReadonlyMap<string, readonly string[] | undefined>;
  /** Tails that get their own copy of a payload: every connector but the last. */
  readonly copyingTails: ReadonlySet<string>;
  /** Whether a connector is among the tails (it then shares the exporters' payload objects). */
  readonly hasConnectorTail: boolean;
  /** On rows: the lane after its last processor (what its exporters receive). */
  tailView?: RowView;
  /** On rows: resource and scope objects for the exporters that only read. */
  tailObjects?: SharedObjects;
}

interface TraceAcc {
  readonly traceId: string;
  /** The primary tail sampler's latest decision record of the trace. */
  record: TraceDecisionRecord | undefined;
  spans: number;
  /** Earliest start and latest end (on the object path; on rows the run keeps the rows holding them). */
  start: bigint;
  end: bigint;
  rootService: string;
  rootName: string;
  hasError: boolean;
  lastSeen: string;
  exportedSpans: number;
  exportedAt: string | null;
}

const NO_RESULT: ConsumeResult = { emitted: [] };

/** Connectors that turn spans into metrics and never change them: a columnar run hands them read-only views. */
const METRICS_ONLY_CONNECTORS: ReadonlySet<string> = new Set(['span_metrics', 'spanmetrics', 'count', 'service_graph', 'servicegraph']);

function serviceOf(attrs: Map<string, { kind: string; value?: unknown }>): string {
  const v = attrs.get('service.name');
  return v && v.kind === 'string' ? String(v.value) : '';
}

/** Creates a run over a config model; feed payloads in arrival order, then `finish`. */
export function createPipelineRun(model: ConfigModel, options: RunOptions = {}) {
  const graph: PipelineGraph = buildGraph(model);
  const issues: SimulationResult['issues'][number][] = [];
  const definitions = new Map(model.components.map((c) => [`${c.kind}:${c.id}`, c]));
  const configOf = (kind: string, id: string) => (options.configs ? options.configs.get(`${kind}:${id}`) : definitions.get(`${kind}:${id}`)?.config) ?? null;

  const stats = new Map<string, NodeStats>();
  const tracesIn = new Map<string, TraceMarks>();
  const tracesOut = new Map<string, TraceMarks>();
  const edgeStats = new Map<string, EdgeStats>();
  const edgeTraces = new Map<string, TraceMarks>();
  const exporters = new Map<string, ExporterOutput>();
  const exporterTraces = new Map<string, TraceMarks>();
  /** Trace ordinals in order of first sight (input first; an id a processor invents gets one too). */
  const traceOrdinals = new Map<string, number>();
  const accByOrdinal: (TraceAcc | undefined)[] = [];
  const ordinalOf = (traceId: string): number => {
    let ordinal = traceOrdinals.get(traceId);
    if (ordinal === undefined) {
      ordinal = traceOrdinals.size;
      traceOrdinals.set(traceId, ordinal);
    }
    return ordinal;
  };
  const exported = new Map<string, TracesData[]>();
  /** Every input trace, in order of first sight. */
  const traces: TraceAcc[] = [];
  /** The last debug exporter entries (their text is rendered when a result shows it). */
  const debugEntries: { exporterId: string; entry: DebugLogEntry }[] = [];

  const nodeStats = (node: GraphNode, simulated: boolean): NodeStats => {
    let s = stats.get(node.key);
    if (!s) {
      s = { key: node.key, componentId: node.componentId, kind: node.kind, pipelineId: node.pipelineId, spansIn: 0, spansOut: 0, tracesIn: 0, tracesOut: 0, metricPoints: 0, simulated, notes: [], errors: [] };
      stats.set(node.key, s);
      tracesIn.set(node.key, new TraceMarks());
      tracesOut.set(node.key, new TraceMarks());
    }
    return s;
  };

  const build = (node: GraphNode): TracesComponent => {
    const type = node.type;
    const factory = processorFactories[type] ?? samplingFactories[type];
    const config = configOf(node.kind, node.componentId);
    if (!factory || !isSimulatedType(node.kind, type)) {
      const s = nodeStats(node, false);
      const entry = findCatalogComponent(node.kind, type);
      s.notes.push(`${node.componentId} is not simulated: data passes through unchanged${entry ? '' : ' (unknown component type)'}`);
      return passThrough(node.componentId);
    }
    try {
      const component = factory(node.componentId, config, { ...(options.featureGates ? { featureGates: options.featureGates } : {}) });
      nodeStats(node, true);
      return component;
    } catch (error) {
      const message = error instanceof ComponentConfigError || error instanceof Error ? error.message : String(error);
      const s = nodeStats(node, false);
      s.errors.push(message);
      issues.push({ componentId: node.componentId, severity: 'error', message: `${node.componentId}: ${message}` });
      return blackHole(node.componentId);
    }
  };

  // Lanes and their processor chains: one processor instance per pipeline, as the Collector builds them.
  const nodesByKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const connectorIds = new Set(model.components.filter((c) => c.kind === 'connector').map((c) => c.id as string));
  const lanes: Lane[] = [];
  const laneById = new Map<string, Lane>();
  for (const pipeline of model.pipelines) {
    if (pipeline.signal !== 'traces') continue;
    const laneNodes = graph.nodes.filter((n) => n.pipelineId === pipeline.id);
    const stages = laneNodes.filter((n) => n.role === 'processors').sort((a, b) => a.index - b.index).map((node) => ({ node, component: build(node) }));
    const tails = graph.edges.filter((e) => e.pipelineId === pipeline.id && e.kind === 'flow' && (nodesByKey.get(e.target)?.role === 'exporters' || nodesByKey.get(e.target)?.kind === 'connector')).map((e) => e.target);
    const uniqueTails = [...new Set(tails)];
    const edgeInto = new Map<string, string[]>();
    for (const edge of graph.edges) {
      if (edge.pipelineId !== pipeline.id || edge.kind !== 'flow') continue;
      const list = edgeInto.get(edge.target) ?? [];
      list.push(edge.key);
      edgeInto.set(edge.target, list);
    }
    const fedByInput = pipeline.receivers.some((r) => r.id !== null && !connectorIds.has(r.id));
    const receivers = laneNodes.filter((n) => n.role === 'receivers');
    for (const n of receivers) nodeStats(n, true);
    const first = stages[0]?.node.key;
    const headEdges = (first ? edgeInto.get(first) : uniqueTails.flatMap((t) => edgeInto.get(t) ?? [])) ?? [];
    const inputEdges = headEdges.filter((k) => receivers.some((r) => k.includes(`${r.key}->`))).slice(0, 1);
    const tailEdges = new Map(uniqueTails.map((t) => [t, edgeInto.get(t)?.filter((k) => k.startsWith(`${pipeline.id}:`))]));
    // Connectors may feed processors that change data in place: each but the last consumer gets a copy.
    const connectorTails = uniqueTails.filter((t) => nodesByKey.get(t)?.kind === 'connector');
    const copyingTails = new Set(connectorTails.slice(0, -1));
    const lane: Lane = { pipelineId: pipeline.id, stages, tails: uniqueTails, fedByInput, edgeInto, receivers, inputEdges, tailEdges, copyingTails, hasConnectorTail: connectorTails.length > 0 };
    lanes.push(lane);
    laneById.set(pipeline.id, lane);
  }

  const fedLanes = lanes.filter((l) => l.fedByInput);

  // Connectors: one instance per connector id (traces→traces and traces→metrics are separate in
  // the Collector, but a connector here is used from traces pipelines only).
  const connectors = new Map<string, { node: GraphNode; component: TracesComponent; targets: string[]; metricTargets: string[] }>();
  for (const node of graph.nodes) {
    if (node.kind !== 'connector') continue;
    const targets = model.pipelines.filter((p) => p.receivers.some((r) => r.id === node.componentId));
    connectors.set(node.key, {
      node,
      component: build(node),
      targets: targets.filter((p) => p.signal === 'traces').map((p) => p.id),
      metricTargets: targets.filter((p) => p.signal === 'metrics').map((p) => p.id),
    });
  }

  // Exporters: shared instances across pipelines (one per exporter id), as the Collector shares them.
  const exporterComponents = new Map<string, TracesComponent | null>();
  const exporterFor = (node: GraphNode): TracesComponent | null => {
    if (!exporterComponents.has(node.componentId)) {
      const factory = processorFactories[node.type];
      let component: TracesComponent | null = null;
      if (factory && node.type === 'debug') {
        try {
          component = factory(node.componentId, configOf('exporter', node.componentId));
        } catch (error) {
          issues.push({ componentId: node.componentId, severity: 'error', message: `${node.componentId}: ${error instanceof Error ? error.message : String(error)}` });
        }
      }
      exporterComponents.set(node.componentId, component);
    }
    return exporterComponents.get(node.componentId) ?? null;
  };

  // A columnar run (decision 0014) when the store is given, every traces processor has a
  // columnar form, every connector only reads spans into metrics (no traces pipeline after it)
  // and no exporter copy is kept; else the object path.
  const rowSource = options.rows;
  const readingConnectors = [...connectors.values()].every((c) => METRICS_ONLY_CONNECTORS.has(c.node.type) && c.targets.length === 0);
  let onRows = rowSource !== undefined && !options.keepExported && readingConnectors;
  if (rowSource && onRows) {
    const forms: RowStage[][] = [];
    for (const lane of lanes) {
      const list: RowStage[] = [];
      for (const stage of lane.stages) {
        const simulated = stats.get(stage.node.key)?.simulated ?? false;
        const form = rowStageFor(stage.node.type, configOf('processor', stage.node.componentId), stage.component, simulated, options.featureGates ? { featureGates: options.featureGates } : {});
        if (typeof form === 'string') {
          onRows = false;
          break;
        }
        list.push(form);
      }
      if (!onRows) break;
      forms.push(list);
    }
    if (onRows) {
      // Resource and scope objects for every reader of the run (conditions, policies, exporters): built once each.
      const objects = sharedObjects(rowSource.store);
      lanes.forEach((lane, l) => {
        const overlays: RowOverlay[] = [];
        lane.stages.forEach((stage, i) => {
          const form = forms[l]![i]!;
          form.attach(new RowView(rowSource.store, rowSource.cache, overlays.slice()), objects);
          if (form.overlay) overlays.push(form.overlay);
          stage.rows = form;
        });
        lane.tailView = new RowView(rowSource.store, rowSource.cache, overlays);
        lane.tailObjects = objects;
      });
    }
  }
  /** On rows: the hex trace id of a row (one string per trace, the cache's). */
  const idView = onRows && rowSource ? new RowView(rowSource.store, rowSource.cache, []) : undefined;
  /** On rows: the run ordinal of each trace of the store (-1 until first seen). */
  const ordinalOfTrace = onRows && rowSource ? new Int32Array(rowSource.traceCount).fill(-1) : new Int32Array(0);

  /** The trace ordinal of every span of a payload, in order: one walk of the payload however many counters read it. */
  const idsOf = (data: Payload): number[] => {
    if (isRowPayload(data)) {
      const traceOfRow = rowSource!.cache.traceOfRow;
      let n = 0;
      for (const g of data.groups) n += g.rows.length;
      const ids = new Array<number>(n);
      let i = 0;
      for (const g of data.groups) for (const row of g.rows) ids[i++] = ordinalOfTrace[traceOfRow[row]!]!;
      return ids;
    }
    const ids: number[] = [];
    let previous = '';
    let ordinal = -1;
    for (const rs of data.resourceSpans) {
      for (const ss of rs.scopeSpans) {
        for (const span of ss.spans) {
          if (span.traceId !== previous) {
            previous = span.traceId;
            ordinal = ordinalOf(previous);
          }
          ids.push(ordinal);
        }
      }
    }
    return ids;
  };

  /** Adds one payload (its spans' trace ordinals) to the edges it flows along. */
  const recordEdge = (keys: readonly string[] | undefined, ids: readonly number[]) => {
    if (!keys || keys.length === 0) return;
    for (const key of keys) {
      let e = edgeStats.get(key);
      let marks = edgeTraces.get(key);
      if (!e || !marks) {
        e = { key, spans: 0, traces: 0, metricPoints: 0 };
        edgeStats.set(key, e);
        edgeTraces.set(key, (marks = new TraceMarks()));
      }
      e.spans += ids.length;
      marks.addAll(ids);
      e.traces = marks.size;
    }
  };

  const recordIn = (key: string, ids: readonly number[]): void => {
    const s = stats.get(key);
    const marks = tracesIn.get(key);
    let previous = -1;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      if (t === previous) continue;
      previous = t;
      marks?.add(t);
      const acc = accByOrdinal[t];
      if (acc) acc.lastSeen = key;
    }
    if (s && marks) {
      s.spansIn += ids.length;
      s.tracesIn = marks.size;
    }
  };

  const recordOut = (key: string, ids: readonly number[]) => {
    const s = stats.get(key);
    const marks = tracesOut.get(key);
    if (s && marks) {
      marks.addAll(ids);
      s.spansOut += ids.length;
      s.tracesOut = marks.size;
    }
  };

  const noteIssues = (componentId: string, result: Pick<ConsumeResult, 'issues' | 'error'>) => {
    for (const issue of result.issues ?? []) issues.push({ componentId, severity: issue.severity, message: issue.message });
    if (result.error) issues.push({ componentId, severity: 'warning', message: `${componentId}: ${result.error}` });
  };

  /**
   * Delivers `data` into stage `i` of a lane (i = stages.length: the lane's exporters and
   * connectors); `ids` are its spans' trace ids (idsOf), taken once per payload.
   */
  const deliver = (lane: Lane, i: number, data: Payload, ids: readonly number[], nowMs: number): void => {
    if (i < lane.stages.length) {
      const stage = lane.stages[i]!;
      recordIn(stage.node.key, ids);
      const result = stage.rows && isRowPayload(data) ? stage.rows.consume(data, nowMs) : stage.component.consume(data as TracesData, nowMs);
      noteIssues(stage.node.componentId, result);
      forward(lane, i, result, nowMs);
      return;
    }
    // Exporters only read what they get; a connector may feed processors that change data in
    // place, so each connector but the last consumer gets its own copy.
    lane.tails.forEach((tail) => {
      const copy = lane.copyingTails.has(tail) && !isRowPayload(data) ? cloneTraces(data) : data;
      recordEdge(lane.tailEdges.get(tail), ids);
      const node = nodesByKey.get(tail)!;
      // On rows, a connector only reads (span_metrics, count, service_graph): it gets a read-only view.
      if (node.kind === 'connector') toConnector(tail, isRowPayload(copy) ? readOnlyPayload(lane.tailView!, copy, lane.tailObjects) : copy, ids, nowMs);
      else toExporter(lane, node, copy, ids, nowMs);
    });
  };

  const forward = (lane: Lane, i: number, result: ConsumeResult | RowResult, nowMs: number) => {
    const stage = lane.stages[i]!;
    for (const emission of result.emitted) {
      const data = 'payload' in emission ? emission.payload : emission.data;
      const ids = idsOf(data);
      recordOut(stage.node.key, ids);
      const next = i + 1 < lane.stages.length ? lane.stages[i + 1]!.node.key : null;
      if (next) recordEdge(lane.edgeInto.get(next), ids);
      deliver(lane, i + 1, data, ids, emission.atMs ?? nowMs);
    }
  };

  const toExporter = (lane: Lane, node: GraphNode, payload: Payload, ids: readonly number[], nowMs: number) => {
    nodeStats(node, true);
    recordIn(node.key, ids);
    let out = exporters.get(node.componentId);
    let marks = exporterTraces.get(node.componentId);
    if (!out || !marks) {
      out = { exporterId: node.componentId, spans: 0, traces: 0, metricPoints: 0 };
      exporters.set(node.componentId, out);
      exporterTraces.set(node.componentId, (marks = new TraceMarks()));
    }
    out.spans += ids.length;
    marks.addAll(ids);
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      const acc = accByOrdinal[t];
      if (acc && (acc.exportedAt === null || acc.exportedAt === node.componentId)) {
        acc.exportedAt = node.componentId;
        acc.exportedSpans++;
      }
    }
    out.traces = marks.size;
    const data = () => (isRowPayload(payload) ? materializePayload(lane.tailView!, payload) : payload);
    if (options.keepExported) {
      const list = exported.get(node.componentId) ?? [];
      list.push(cloneTraces(data()));
      exported.set(node.componentId, list);
    }
    const component = exporterFor(node);
    if (component) {
      // The debug exporter only reads (and prints) what it gets; at basic verbosity it only counts.
      const counts = isDebugLogSource(component) ? component.consumeCounts : undefined;
      if (isRowPayload(payload)) {
        if (counts) counts(payload.groups.length, ids.length, nowMs);
        else noteIssues(node.componentId, component.consume(readOnlyPayload(lane.tailView!, payload, lane.tailObjects), nowMs));
      } else noteIssues(node.componentId, component.consume(payload, nowMs));
      collectDebug(node.componentId, component, !isRowPayload(payload) && lane.hasConnectorTail);
    }
  };

  /**
   * Takes a debug exporter's new entries. `settle`: render their text now, because the payload
   * they show may still change (on the object path a connector after the exporter may hand the
   * same objects to processors that change them in place).
   */
  const collectDebug = (exporterId: string, component: TracesComponent, settle = true) => {
    if (!isDebugLogSource(component)) return;
    for (const entry of component.takeLogs()) {
      if (settle) void entry.text;
      debugEntries.push({ exporterId, entry });
      if (debugEntries.length > 200) debugEntries.shift();
    }
  };

  const toConnector = (key: string, data: TracesData, ids: readonly number[], nowMs: number) => {
    const connector = connectors.get(key);
    if (!connector) return;
    recordIn(key, ids);
    const result = connector.component.consume(data, nowMs);
    noteIssues(connector.node.componentId, result);
    connectorOutput(connector, result, nowMs);
  };

  const connectorOutput = (connector: NonNullable<ReturnType<typeof connectors.get>>, result: ConsumeResult, nowMs: number) => {
    for (const emission of result.emitted) {
      const targets = emission.port !== undefined ? connector.targets.filter((t) => t === emission.port) : connector.targets;
      targets.forEach((pipelineId, index) => {
        const lane = laneById.get(pipelineId);
        if (!lane) return;
        const copy = index === targets.length - 1 ? emission.data : cloneTraces(emission.data);
        const ids = idsOf(copy);
        recordOut(connector.node.key, ids);
        const firstKey = lane.stages[0]?.node.key ?? lane.tails[0];
        if (firstKey) recordEdge(lane.edgeInto.get(firstKey)?.filter((k) => k.includes(`${connector.node.key}->`)), ids);
        deliver(lane, 0, copy, ids, emission.atMs ?? nowMs);
      });
    }
    if (isMetricsProducer(connector.component)) {
      for (const emission of connector.component.takeMetrics()) {
        const points = dataPointCount(emission.data);
        const s = stats.get(connector.node.key);
        if (s) s.metricPoints += points;
        for (const pipelineId of connector.metricTargets) countMetrics(connector.node.key, pipelineId, points);
      }
    }
  };

  /** Metrics pipelines are not simulated point by point: their processors pass the points through. */
  const countMetrics = (fromKey: string, pipelineId: string, points: number) => {
    for (const edge of graph.edges) {
      if (edge.pipelineId !== pipelineId || edge.kind !== 'flow') continue;
      let e = edgeStats.get(edge.key);
      if (!e) {
        e = { key: edge.key, spans: 0, traces: 0, metricPoints: 0 };
        edgeStats.set(edge.key, e);
        edgeTraces.set(edge.key, new TraceMarks());
      }
      if (edge.source === fromKey || nodesByKey.get(edge.source)?.role === 'processors') e.metricPoints += points;
    }
    for (const node of graph.nodes) {
      if (node.pipelineId !== pipelineId || node.role === 'receivers') continue;
      const s = nodeStats(node, node.role !== 'processors');
      s.metricPoints += points;
      if (node.role === 'processors' && s.notes.length === 0) s.notes.push(`${node.componentId}: metrics are counted, not processed, in the preview`);
      if (node.role === 'exporters') {
        let out = exporters.get(node.componentId);
        if (!out) {
          out = { exporterId: node.componentId, spans: 0, traces: 0, metricPoints: 0 };
          exporters.set(node.componentId, out);
          exporterTraces.set(node.componentId, new TraceMarks());
        }
        out.metricPoints += points;
      }
    }
  };

  // Timers fire lane by lane in pipeline order, then connectors; a connector's output is delivered at once.
  const advanceAll = (nowMs: number, finalFlush: boolean) => {
    for (const lane of lanes) {
      lane.stages.forEach((stage, i) => {
        const driver = stage.rows ?? stage.component;
        const result = finalFlush ? driver.flush(nowMs) : driver.advance(nowMs);
        noteIssues(stage.node.componentId, result);
        forward(lane, i, result, nowMs);
      });
    }
    for (const connector of connectors.values()) {
      const result = finalFlush ? connector.component.flush(nowMs) : connector.component.advance(nowMs);
      noteIssues(connector.node.componentId, result);
      connectorOutput(connector, result, nowMs);
    }
    for (const [id, component] of exporterComponents) if (component) collectDebug(id, component);
  };

  let lastMs = -Infinity;
  let inputSpans = 0;

  function feed(batch: InputBatch): void {
    const at = Math.max(batch.atMs, lastMs);
    if (at > lastMs) advanceAll(at, false);
    lastMs = at;
    let lastTrace = '';
    for (const rs of batch.data.resourceSpans) {
      const service = serviceOf(rs.resource.attributes as Map<string, { kind: string; value?: unknown }>);
      let acc: TraceAcc | undefined;
      for (const ss of rs.scopeSpans) for (const span of ss.spans) {
        inputSpans++;
        // Consecutive spans of one trace share the accumulator (no lookup per span).
        if (acc === undefined || lastTrace !== span.traceId) acc = accByOrdinal[ordinalOf(span.traceId)];
        lastTrace = span.traceId;
        if (!acc) {
          acc = newTraceAcc(span.traceId, span.startTimeUnixNano, span.endTimeUnixNano);
          traces.push(acc);
          accByOrdinal[ordinalOf(span.traceId)] = acc;
        }
        acc.spans++;
        if (span.startTimeUnixNano < acc.start) acc.start = span.startTimeUnixNano;
        if (span.endTimeUnixNano > acc.end) acc.end = span.endTimeUnixNano;
        if (span.parentSpanId === '' || acc.rootName === '') {
          acc.rootName = span.name;
          acc.rootService = service;
        }
        if (span.status.code === 2) acc.hasError = true;
      }
    }
    deliverInput(batch.data, at);
  }

  /** Hands one input payload to every lane fed by the receivers (a copy each but the last, on the object path). */
  function deliverInput(data: Payload, at: number): void {
    let rowIds: number[] | undefined;
    fedLanes.forEach((lane, index) => {
      const copy = index === fedLanes.length - 1 || isRowPayload(data) ? data : cloneTraces(data);
      const ids = isRowPayload(copy) ? (rowIds ??= idsOf(copy)) : idsOf(copy);
      for (const node of lane.receivers) {
        recordIn(node.key, ids);
        recordOut(node.key, ids);
      }
      recordEdge(lane.inputEdges, ids);
      deliver(lane, 0, copy, ids, at);
    });
  }

  /** Per trace ordinal on rows: the rows holding the earliest start and the latest end so far. */
  const minStartRow: number[] = [];
  const maxEndRow: number[] = [];

  /** `feed` for a columnar run: the same accounting, read from the columns. */
  function feedRows(batch: InputRows): void {
    const source = rowSource!;
    const store = source.store;
    const traceOfRow = source.cache.traceOfRow;
    const at = Math.max(batch.atMs, lastMs);
    if (at > lastMs) advanceAll(at, false);
    lastMs = at;
    const payload = windowPayload(store, batch.rows);
    const { startHi, startLo, endHi, endLo, statuses } = store;
    for (const g of payload.groups) {
      const service = store.resources[g.resource]!.serviceName;
      for (const row of g.rows) {
        inputSpans++;
        const t = traceOfRow[row]!;
        let ordinal = ordinalOfTrace[t]!;
        // First sight: the next ordinal (on rows, nothing else hands out ordinals).
        if (ordinal < 0) ordinalOfTrace[t] = ordinal = accByOrdinal.length;
        let acc = accByOrdinal[ordinal];
        if (!acc) {
          // start and end stay 0 on rows: they are read from minStartRow / maxEndRow when a result needs them.
          acc = newTraceAcc(idView!.traceId(row), 0n, 0n);
          traces.push(acc);
          accByOrdinal[ordinal] = acc;
          minStartRow[ordinal] = row;
          maxEndRow[ordinal] = row;
        }
        acc.spans++;
        const m = minStartRow[ordinal]!;
        if (startHi[row]! < startHi[m]! || (startHi[row] === startHi[m] && startLo[row]! < startLo[m]!)) minStartRow[ordinal] = row;
        const x = maxEndRow[ordinal]!;
        if (endHi[row]! > endHi[x]! || (endHi[row] === endHi[x] && endLo[row]! > endLo[x]!)) maxEndRow[ordinal] = row;
        if (isRoot(store, row) || acc.rootName === '') {
          acc.rootName = spanName(store, row);
          acc.rootService = service;
        }
        if (statuses[row] === 2) acc.hasError = true;
      }
    }
    deliverInput(payload, at);
  }

  const policySummaries = new Map<string, { counted: number; byPolicy: Map<string, PolicySummary> }>();
  /** How many of the primary sampler's records are on their traces' accumulators. */
  let indexedRecords = 0;

  interface SamplerRecords {
    readonly samplerId: string;
    readonly records: readonly TraceDecisionRecord[];
    /** On rows: the store trace index of each record. */
    readonly traces?: readonly number[];
  }

  function decisionRecords(): SamplerRecords[] {
    const out: SamplerRecords[] = [];
    for (const lane of lanes)
      for (const stage of lane.stages) {
        if (stage.rows?.decisions) out.push({ samplerId: stage.node.key, records: stage.rows.decisions(), traces: stage.rows.decisionTraces!() });
        else if (!stage.rows && stage.component instanceof TailSamplingProcessor) out.push({ samplerId: stage.node.key, records: stage.component.decisions() });
      }
    return out;
  }

  function result(includeTraces = true): SimulationResult {
    for (const [key, set] of tracesIn) {
      const s = stats.get(key);
      if (s) s.tracesIn = set.size;
    }
    const samplers = decisionRecords();
    const primary = samplers[0];
    // Decision records only ever get appended (and their verdicts never change), so putting them
    // on their traces and the per-policy counts take in the new ones only: a partial result every
    // few steps costs a walk of the traces, not a rebuild over every decision so far. A later
    // record of a trace (decided again after an eviction) replaces the earlier one.
    if (primary) {
      const { records, traces: keys } = primary;
      for (let i = indexedRecords; i < records.length; i++) {
        const ordinal = keys ? ordinalOfTrace[keys[i]!]! : traceOrdinals.get(records[i]!.traceId);
        const acc = ordinal === undefined || ordinal < 0 ? undefined : accByOrdinal[ordinal];
        if (acc) acc.record = records[i]!;
      }
      indexedRecords = records.length;
    }
    for (const sampler of samplers) {
      let summary = policySummaries.get(sampler.samplerId);
      if (!summary) policySummaries.set(sampler.samplerId, (summary = { counted: 0, byPolicy: new Map() }));
      const records = sampler.records;
      for (let r = summary.counted; r < records.length; r++) {
        const record = records[r]!;
        let sampledBy = 0;
        for (const verdict of record.policies) if (verdict.verdict === 'Sampled') sampledBy++;
        for (const verdict of record.policies) {
          let p = summary.byPolicy.get(verdict.policy);
          if (!p) summary.byPolicy.set(verdict.policy, (p = { samplerId: sampler.samplerId, policy: verdict.policy, matched: 0, decidedAlone: 0 }));
          if (verdict.verdict === 'Sampled') {
            p.matched++;
            if (sampledBy === 1) p.decidedAlone++;
          }
        }
      }
      summary.counted = records.length;
    }
    const policies: PolicySummary[] = [];
    for (const sampler of samplers) for (const p of policySummaries.get(sampler.samplerId)!.byPolicy.values()) policies.push({ ...p });
    const outcomes: TraceOutcome[] = [];
    let sampled = 0;
    let notSampled = 0;
    let dropped = 0;
    let late = 0;
    let evicted = 0;
    for (let ordinal = 0; ordinal < traces.length; ordinal++) {
      const acc = traces[ordinal]!;
      const record = acc.record;
      if (!includeTraces) {
        const decision = record ? record.decision : acc.exportedAt !== null ? 'sampled' : 'not_sampled';
        if (decision === 'sampled') sampled++;
        else if (decision === 'dropped') dropped++;
        else notSampled++;
        late += record?.lateSpans ?? 0;
        if (record?.evicted) evicted++;
        continue;
      }
      const exportedAny = acc.exportedAt !== null;
      let decision: TraceOutcome['decision'];
      let decidedBy: string | null;
      if (record) {
        decision = record.decision;
        decidedBy = primary!.samplerId;
      } else {
        decision = exportedAny ? 'sampled' : 'not_sampled';
        decidedBy = exportedAny ? null : acc.lastSeen || null;
      }
      if (decision === 'sampled') sampled++;
      else if (decision === 'dropped') dropped++;
      else notSampled++;
      late += record?.lateSpans ?? 0;
      if (record?.evicted) evicted++;
      outcomes.push({
        traceId: acc.traceId,
        decision,
        decidedBy,
        policies: record?.policies ?? [],
        rootService: acc.rootService,
        rootName: acc.rootName,
        spanCount: acc.spans,
        // On rows a trace's ordinal is its place in `traces`.
        durationMs: Number(onRows ? spanEndNs(rowSource!.store, maxEndRow[ordinal]!) - spanStartNs(rowSource!.store, minStartRow[ordinal]!) : acc.end - acc.start) / 1e6,
        hasError: acc.hasError,
        exportedSpans: acc.exportedSpans,
        lateSpans: record?.lateSpans ?? 0,
        evicted: record?.evicted ?? false,
      });
    }
    const exporterList = [...exporters.values()];
    // Metrics pipelines are counted, not processed; their nodes say so in their notes.
    const tracesLanes = new Set(lanes.map((l) => l.pipelineId));
    const notSimulated = [...stats.values()].filter((s) => !s.simulated && s.errors.length === 0 && (s.pipelineId === null || tracesLanes.has(s.pipelineId))).map((s) => s.componentId);
    return {
      summary: {
        inputSpans,
        inputTraces: traces.length,
        exportedSpans: exporterList.reduce((n, e) => Math.max(n, e.spans), 0),
        exportedTraces: includeTraces ? outcomes.filter((o) => o.exportedSpans > 0).length : traces.filter((t) => t.exportedSpans > 0).length,
        sampledTraces: sampled,
        notSampledTraces: notSampled,
        droppedTraces: dropped,
        metricPoints: [...stats.values()].filter((s) => s.kind === 'connector').reduce((n, s) => n + s.metricPoints, 0),
        lateSpans: late,
        evictedTraces: evicted,
        notSimulated: [...new Set(notSimulated)],
      },
      nodes: [...stats.values()],
      edges: [...edgeStats.values()],
      exporters: exporterList,
      policies,
      traces: outcomes,
      issues,
      debugOutput: debugEntries.map(({ exporterId, entry }) => ({ exporterId, text: entry.text ?? `Traces {"resource spans": ${entry.summary.resourceSpans}, "spans": ${entry.summary.spans}}` })),
      decisionRecords: primary?.records ?? [],
    };
  }

  return {
    graph,
    feed,
    /** True when the run takes rows (`feedRows`) rather than payloads (`feed`). */
    onRows,
    feedRows,
    /** Ends the input: fires every remaining timer and flushes what components still hold. */
    finish(atMs?: number): SimulationResult {
      const end = atMs ?? (Number.isFinite(lastMs) ? lastMs : 0);
      // Move the clock past any decision_wait or batch timeout still pending, then flush.
      advanceAll(end + 3_600_000, false);
      advanceAll(end + 3_600_000, true);
      return result();
    },
    /** A result so far (without the per-trace list), for progress display while a long run is going. */
    partial: () => result(false),
    exported: () => exported,
  };
}

function newTraceAcc(traceId: string, start: bigint, end: bigint): TraceAcc {
  return { traceId, record: undefined, spans: 0, start, end, rootService: '', rootName: '', hasError: false, lastSeen: '', exportedSpans: 0, exportedAt: null };
}

function passThrough(id: string): TracesComponent {
  return {
    id,
    consume: (data) => ({ emitted: [{ data }] }),
    advance: () => NO_RESULT,
    flush: () => NO_RESULT,
  };
}

/** A component whose config the Collector would reject: nothing passes (the run reports why). */
function blackHole(id: string): TracesComponent {
  return { id, consume: () => NO_RESULT, advance: () => NO_RESULT, flush: () => NO_RESULT };
}
