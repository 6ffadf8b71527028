/**
 * Preview runs (style.md #5: runs → simulationStore): which traces the engine holds, the
 * arrival settings, the newest result and whether it still matches the config. The store talks
 * to the engine only through its client; it reruns ~600 ms after each config edit that has no
 * blocking errors, keeps the last result (marked stale) when a config cannot run or a run
 * fails, and remembers two results to compare against: the one before the last edits, and a
 * baseline the user kept (a saved variant, rerun on new data before the current config).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TraceDetail } from '../core/simulation/preview/traceDetail';
import type { TraceTable } from '../core/simulation/traceTable';
import type { RunOutcome, SimulationClient } from '../engine/simulationClient';
import type { DataSource, DatasetInfo, LoadProgress, RunProgress, RunSummary } from '../core/simulation/preview/previewTypes';
import type { DocumentStore } from './documentStore';

export interface ScenarioChoice {
  readonly presetId: string;
  readonly seed: number;
  readonly traceCount: number;
  /** null: the preset's own rate. */
  readonly tracesPerSecond: number | null;
  readonly errorRateScale: number;
}

export interface ArrivalChoice {
  readonly exportDelayMs: number;
  readonly speed: number;
}

/** The config a run would use, and what blocks it (error diagnostics). */
export interface RunConfig {
  readonly text: string;
  readonly env: Readonly<Record<string, string>>;
  readonly blocking: readonly string[];
}

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'blocked' | 'failed' | 'cancelled';

export interface RunSnapshot {
  /** The engine's name for the run (trace requests name it: a row is explained by its own run). */
  readonly runId: number;
  readonly result: RunSummary;
  readonly table: TraceTable;
  readonly text: string;
  readonly elapsedMs: number;
  /** Increments with every new result. */
  readonly seq: number;
}

/** A config the user kept to compare against (Compare: "saved variant"), with its run over the current data. */
export interface Baseline {
  readonly text: string;
  readonly env: Readonly<Record<string, string>>;
  readonly label: string;
  /** Its result over the loaded traces; null until it has run on them (new data, new arrival settings). */
  readonly snapshot: RunSnapshot | null;
  /** Why it could not run on the current data, if it could not. */
  readonly error: string | null;
}

/** What Compare holds the current result against. */
export type CompareTarget = 'previous' | 'baseline';

export interface SimulationState {
  readonly scenario: ScenarioChoice;
  readonly source: 'scenario' | 'files' | 'sample';
  readonly dataset: DatasetInfo | null;
  readonly loading: { readonly label: string; readonly progress: LoadProgress | null } | null;
  readonly loadError: string | null;
  readonly arrival: ArrivalChoice;
  readonly config: RunConfig | null;
  readonly status: RunStatus;
  /**
   * The run in progress, throttled (~4 updates a second, none that would show the same). `partial`
   * is the newest partial summary the engine sent (it keeps it between the steps that carry none).
   */
  readonly progress: RunProgress | null;
  /** Why the preview cannot run, or what went wrong. */
  readonly message: string | null;
  readonly current: RunSnapshot | null;
  /** True when `current` no longer describes the config and data (blocked, failed, cancelled). */
  readonly stale: boolean;
  /** The result before the last config edits, over the same data (for Compare). */
  readonly previous: RunSnapshot | null;
  readonly baseline: Baseline | null;
  readonly compareWith: CompareTarget;
  readonly selectedRow: number | null;
  readonly trace: TraceDetail | null;
  readonly traceLoading: boolean;
  setScenario(change: Partial<ScenarioChoice>): void;
  loadFiles(files: readonly { name: string; blob: Blob }[]): Promise<void>;
  loadSample(name: string, url: string): Promise<void>;
  useScenario(): Promise<void>;
  setArrival(change: Partial<ArrivalChoice>): void;
  configChanged(config: RunConfig, options?: { immediate?: boolean }): void;
  runNow(): Promise<void>;
  cancel(): void;
  selectTrace(row: number | null): void;
  /** Keeps the current config as the baseline Compare holds later edits against. */
  keepAsBaseline(label?: string): void;
  clearBaseline(): void;
  setCompareWith(target: CompareTarget): void;
}

export type SimulationStore = StoreApi<SimulationState>;

export interface SimulationStoreOptions {
  readonly client: SimulationClient;
  readonly scenario?: Partial<ScenarioChoice>;
  /** Quiet time after an edit before rerunning (issue #7: ~600 ms). */
  readonly debounceMs?: number;
  /** Least time between two progress updates of the state (default 250 ms; 0: every one). */
  readonly progressIntervalMs?: number;
  /** Load the default scenario at creation (the app does; some tests do it themselves). */
  readonly autoLoad?: boolean;
}

/** The CLI's defaults: `pipeline-studio simulate CONFIG` = checkout, seed 1, 1,000 traces. */
export const DEFAULT_SCENARIO: ScenarioChoice = { presetId: 'checkout', seed: 1, traceCount: 1000, tracesPerSecond: null, errorRateScale: 1 };
export const DEFAULT_ARRIVAL: ArrivalChoice = { exportDelayMs: 1000, speed: 1 };
/** Above this config size the preview does not rerun by itself. */
export const AUTO_RUN_MAX_CHARS = 1_000_000;
/** Generated traces the panel allows (keeps a run within a few seconds). */
export const MAX_TRACES = 100_000;

export function createSimulationStore(options: SimulationStoreOptions): SimulationStore {
  const { client } = options;
  const debounceMs = options.debounceMs ?? 600;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scenarioTimer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let loadSeq = 0;
  const progressIntervalMs = options.progressIntervalMs ?? 250;

  const store = createStore<SimulationState>()((set, get) => ({
    scenario: { ...DEFAULT_SCENARIO, ...options.scenario },
    source: 'scenario',
    dataset: null,
    loading: null,
    loadError: null,
    arrival: DEFAULT_ARRIVAL,
    config: null,
    status: 'idle',
    progress: null,
    message: null,
    current: null,
    stale: false,
    previous: null,
    baseline: null,
    compareWith: 'previous',
    selectedRow: null,
    trace: null,
    traceLoading: false,
    setScenario(change) {
      set({ scenario: clampScenario({ ...get().scenario, ...change }), source: 'scenario' });
      if (scenarioTimer !== undefined) clearTimeout(scenarioTimer);
      scenarioTimer = setTimeout(() => {
        scenarioTimer = undefined;
        void get().useScenario();
      }, 400);
    },
    async useScenario() {
      const s = get().scenario;
      set({ source: 'scenario' });
      await load('scenario', `${s.presetId} scenario`, {
        kind: 'scenario',
        presetId: s.presetId,
        seed: s.seed,
        traceCount: s.traceCount,
        ...(s.tracesPerSecond !== null ? { tracesPerSecond: s.tracesPerSecond } : {}),
        ...(s.errorRateScale !== 1 ? { errorRateScale: s.errorRateScale } : {}),
      });
    },
    async loadFiles(files) {
      if (files.length === 0) return;
      const label = files.length === 1 ? files[0]!.name : `${files.length} files`;
      await load('files', label, { kind: 'files', files });
    },
    async loadSample(name, url) {
      await load('sample', name, { kind: 'sample', name, url });
    },
    setArrival(change) {
      // The baseline ran with the old arrival settings: it reruns with the next run.
      set({ arrival: { ...get().arrival, ...change }, ...invalidatedBaseline() });
      schedule(debounceMs);
    },
    configChanged(config, opts) {
      set({ config });
      if (config.blocking.length > 0) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        if (get().status === 'running' || get().status === 'waiting') client.cancel();
        set({ status: 'blocked', message: blockedMessage(config.blocking), progress: null, stale: get().current !== null });
        return;
      }
      if (get().status === 'blocked') set({ status: 'idle', message: null });
      // A huge config (thousands of pipelines) would keep the engine busy for a long time after
      // every keystroke: rerun only on demand.
      if (config.text.length > AUTO_RUN_MAX_CHARS) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        set({ status: 'idle', message: 'This config is over 1 MB: the preview reruns only when you press Run.', stale: get().current !== null });
        return;
      }
      schedule(opts?.immediate ? 0 : debounceMs);
    },
    runNow() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      return run();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const { status, loading } = get();
      if (status !== 'running' && status !== 'waiting' && !loading) return;
      client.cancel();
      set({ status: status === 'running' || status === 'waiting' ? 'cancelled' : get().status, progress: null, loading: null, traceLoading: false, message: loading ? 'Loading cancelled; the previous traces are kept.' : 'Run cancelled.', stale: get().current !== null });
    },
    selectTrace(row) {
      set({ selectedRow: row, trace: null, traceLoading: row !== null });
      if (row !== null) void fetchTrace(row);
    },
    keepAsBaseline(label) {
      const { config, current, stale } = get();
      if (!config) return;
      const fresh = current !== null && !stale && current.text === config.text;
      set({
        baseline: { text: config.text, env: config.env, label: label ?? `kept at ${timeOfDay()}`, snapshot: fresh ? current : null, error: null },
        compareWith: 'baseline',
      });
      if (!fresh) schedule(0);
    },
    clearBaseline() {
      set({ baseline: null, compareWith: 'previous' });
    },
    setCompareWith(target) {
      set({ compareWith: target === 'baseline' && !get().baseline ? 'previous' : target });
    },
  }));

  function set(partial: Partial<SimulationState>): void {
    store.setState(partial);
  }

  /**
   * Progress messages arrive every engine step (dozens a second); each state change re-renders and
   * repaints what shows it. Updates go through at most every `progressIntervalMs` (the newest one
   * is applied when the interval ends) and are skipped when nothing shown would change.
   */
  function throttled<P>(apply: (p: P) => void, same: (a: P, b: P) => boolean) {
    let last = -Infinity;
    let shown: P | null = null;
    let pending: P | null = null;
    let wait: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      wait = undefined;
      const p = pending;
      pending = null;
      if (p === null || (shown !== null && same(shown, p))) return;
      last = performance.now();
      shown = p;
      apply(p);
    };
    return {
      push(p: P) {
        pending = p;
        if (wait !== undefined) return;
        const due = last + progressIntervalMs - performance.now();
        if (due <= 0) flush();
        else wait = setTimeout(flush, due);
      },
      stop() {
        if (wait !== undefined) clearTimeout(wait);
        wait = undefined;
        pending = null;
      },
    };
  }

  function loadProgress() {
    return throttled<LoadProgress>(
      (p) => {
        const loading = store.getState().loading;
        if (loading) set({ loading: { ...loading, progress: p } });
      },
      (a, b) => a.spans === b.spans && a.done === b.done,
    );
  }

  async function load(kind: SimulationState['source'], label: string, source: DataSource): Promise<void> {
    const id = ++loadSeq;
    const before = store.getState();
    set({ loading: { label, progress: null }, loadError: null, source: kind });
    const progress = loadProgress();
    try {
      const dataset = await client.load(source, (p) => progress.push(p));
      progress.stop();
      if (id !== loadSeq) return;
      if (!dataset) return set({ loading: null, source: before.source });
      if (dataset.spans === 0 && before.dataset) {
        // Nothing readable (a wrong file kind, an empty file): the engine kept its traces, so the
        // result shown still describes them; a config edited during the load runs now.
        set({ loading: null, source: before.source, loadError: emptyLoadMessage(label, dataset, before.dataset.label) });
        if (before.current?.text !== store.getState().config?.text) await run();
        return;
      }
      // A new dataset: the comparisons and the trace view refer to the old one.
      set({ dataset, loading: null, previous: null, selectedRow: null, trace: null, ...invalidatedBaseline() });
      if (dataset.spans === 0) {
        set({ loadError: emptyLoadMessage(label, dataset, null) });
        return;
      }
      await run();
    } catch (error) {
      progress.stop();
      if (id !== loadSeq) return;
      set({ loading: null, loadError: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The baseline without its result (it must run again over new data or arrival settings). */
  function invalidatedBaseline(): Partial<SimulationState> {
    const b = store.getState().baseline;
    return b ? { baseline: { ...b, snapshot: null, error: null } } : {};
  }

  function schedule(delay: number): void {
    if (timer !== undefined) clearTimeout(timer);
    const { config } = store.getState();
    if (!config || config.blocking.length > 0) return;
    set({ status: 'waiting' });
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delay);
  }

  async function run(): Promise<void> {
    const s = store.getState();
    const config = s.config;
    if (!config) return;
    if (config.blocking.length > 0) return set({ status: 'blocked', message: blockedMessage(config.blocking), stale: s.current !== null });
    // Runs once the data is loaded (starting now would cancel the load: one job at a time).
    if (!s.dataset || s.loading) return;
    const runId = ++seq;
    set({ status: 'running', progress: null, message: null });
    let partial: RunProgress['partial'];
    const progress = throttled<RunProgress>(
      (p) => {
        if (runId === seq) set({ progress: p });
      },
      (a, b) => a.partial === b.partial && a.spansTotal === b.spansTotal && a.spansDone === b.spansDone,
    );
    const onProgress = (p: RunProgress) => {
      if (runId !== seq) return progress.stop();
      partial = p.partial ?? partial;
      progress.push(partial && !p.partial ? { ...p, partial } : p);
    };
    // A kept baseline that has not run on these traces runs first, so the engine's last run
    // (which the trace view reads) is the current config's.
    const baseline = s.baseline;
    if (baseline && baseline.snapshot === null && baseline.text !== config.text) {
      try {
        const b = await client.run({ text: baseline.text, env: baseline.env, exportDelayMs: s.arrival.exportDelayMs, speed: s.arrival.speed }, onProgress);
        progress.stop();
        partial = undefined;
        if (runId !== seq || !b) return;
        if (store.getState().baseline === baseline) {
          set({ baseline: { ...baseline, snapshot: { runId: b.runId, result: b.result, table: b.table, text: baseline.text, elapsedMs: b.elapsedMs, seq: runId }, error: null } });
        }
      } catch (error) {
        progress.stop();
        if (runId !== seq) return;
        if (store.getState().baseline === baseline) set({ baseline: { ...baseline, error: error instanceof Error ? error.message : String(error) } });
      }
    }
    let outcome: RunOutcome | null;
    try {
      outcome = await client.run({ text: config.text, env: config.env, exportDelayMs: s.arrival.exportDelayMs, speed: s.arrival.speed }, onProgress);
    } catch (error) {
      progress.stop();
      if (runId !== seq) return;
      return set({ status: 'failed', progress: null, message: `The preview run failed: ${error instanceof Error ? error.message : String(error)}`, stale: store.getState().current !== null, traceLoading: false });
    }
    progress.stop();
    if (runId !== seq || !outcome) return; // superseded or cancelled
    const before = store.getState();
    const current: RunSnapshot = { runId: outcome.runId, result: outcome.result, table: outcome.table, text: config.text, elapsedMs: outcome.elapsedMs, seq: runId };
    const previous = before.current && before.current.text !== config.text ? before.current : before.previous;
    set({ current, previous, status: 'done', progress: null, message: null, stale: false });
    const kept = store.getState().baseline;
    if (kept && kept.snapshot === null && kept.text === config.text) set({ baseline: { ...kept, snapshot: current, error: null } });
    // Keep the trace view on the same trace when it still exists.
    if (before.selectedRow !== null && before.current) {
      const row = findRow(outcome.table, before.current.table, before.selectedRow);
      set({ selectedRow: row });
      if (row !== null) void fetchTrace(row);
      else set({ trace: null, traceLoading: false });
    }
  }

  async function fetchTrace(row: number): Promise<void> {
    // The row is of `current`'s table: ask its run (not whichever run the engine finished last).
    const shown = store.getState().current;
    if (!shown) return set({ trace: null, traceLoading: false });
    try {
      const detail = await client.trace(shown.runId, row);
      if (store.getState().selectedRow !== row) return;
      set({ trace: detail, traceLoading: false });
    } catch {
      if (store.getState().selectedRow === row) set({ trace: null, traceLoading: false });
    }
  }

  if (options.autoLoad !== false) void store.getState().useScenario();
  return store;
}

function clampScenario(s: ScenarioChoice): ScenarioChoice {
  const int = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : lo);
  return {
    presetId: s.presetId,
    seed: int(s.seed, 0, 0xffffffff),
    traceCount: int(s.traceCount, 1, MAX_TRACES),
    tracesPerSecond: s.tracesPerSecond === null || !Number.isFinite(s.tracesPerSecond) ? null : Math.min(100_000, Math.max(0.1, s.tracesPerSecond)),
    errorRateScale: Number.isFinite(s.errorRateScale) ? Math.min(50, Math.max(0, s.errorRateScale)) : 1,
  };
}

function timeOfDay(): string {
  const d = new Date();
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Why a load gave no spans (each file's own reason when it has one), and what is shown instead. */
function emptyLoadMessage(label: string, dataset: DatasetInfo, kept: string | null): string {
  const reasons = dataset.files.filter((f) => f.fatal).map((f) => `${f.name}: ${f.fatal}`);
  const why = reasons.length > 0 ? reasons.join('; ') : `No spans could be read from ${label}`;
  return `${why}. ${kept ? `The previous traces (${kept}) are kept.` : 'Choose trace files (OTLP JSON or protobuf, JSON Lines, Jaeger, Zipkin) or a generated scenario.'}`;
}

function blockedMessage(blocking: readonly string[]): string {
  const more = blocking.length > 1 ? ` (and ${blocking.length - 1} more error${blocking.length > 2 ? 's' : ''})` : '';
  return `The Collector would not start with this config: ${blocking[0]}${more}. Showing the last result.`;
}

/** Row of `next` with the trace id of `prevRow` in `prev`, or null. */
function findRow(next: TraceTable, prev: TraceTable, prevRow: number): number | null {
  if (prevRow >= prev.count) return null;
  const w = prev.traceIdWords;
  const o = prevRow * 4;
  const n = next.traceIdWords;
  for (let t = 0; t < next.count; t++) {
    const p = t * 4;
    if (n[p] === w[o] && n[p + 1] === w[o + 1] && n[p + 2] === w[o + 2] && n[p + 3] === w[o + 3]) return t;
  }
  return null;
}

/**
 * Feeds the document's analyses to the preview: each analysis with its text, env and error
 * diagnostics. The first one runs at once (the app opens with a preview); later ones after the
 * debounce.
 */
export function followDocument(simulation: SimulationStore, document: DocumentStore): () => void {
  let seen = 0;
  const push = () => {
    const d = document.getState();
    if (!d.analysis || d.analysisVersion === seen) return;
    const first = seen === 0;
    seen = d.analysisVersion;
    const blocking = d.analysis.broken
      ? [d.analysis.diagnostics.find((x) => x.severity === 'error')?.message ?? 'the YAML does not parse']
      : d.analysis.diagnostics.filter((x) => x.severity === 'error').map((x) => x.message);
    simulation.getState().configChanged({ text: d.text, env: d.env, blocking }, { immediate: first });
  };
  push();
  return document.subscribe(push);
}
