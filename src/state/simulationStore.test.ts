import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/parseConfig';
import { findScenarioPreset } from '../core/generate/scenarioPresets';
import { generateIntoStore } from '../core/generate/generateTraces';
import { SAMPLE_CONFIG } from '../core/samples/sampleConfig';
import { simulateStoreSync } from '../core/simulation/simulateStore';
import { traceIdAt } from '../core/simulation/traceTable';
import { createSpanStore } from '../core/telemetry/spanStore';
import { createInlineSimulationClient } from '../engine/inlineSimulationClient';
import { createSimulationStore, type SimulationState, type SimulationStore } from './simulationStore';

const ok = (text = SAMPLE_CONFIG) => ({ text, env: {}, blocking: [] });

function until(store: SimulationStore, test: (s: SimulationState) => boolean, timeoutMs = 20_000): Promise<SimulationState> {
  return new Promise((resolve, reject) => {
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out; status ${store.getState().status}, message ${store.getState().message}`));
    }, timeoutMs);
    const unsubscribe = store.subscribe((s) => {
      if (!test(s)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(s);
    });
  });
}

/** A yield the test can hold: the run stops at its next checkpoint until `release`. */
function gate() {
  let held = false;
  let failNext = false;
  let waiting: (() => void)[] = [];
  return {
    hold: () => (held = true),
    release: () => {
      held = false;
      const w = waiting;
      waiting = [];
      w.forEach((f) => f());
    },
    failOnce: () => (failNext = true),
    yieldNow: () =>
      new Promise<void>((resolve, reject) => {
        if (failNext) {
          failNext = false;
          return reject(new Error('engine exploded'));
        }
        if (held) waiting.push(resolve);
        else setImmediate(resolve);
      }),
  };
}

function cliNumbers(text: string, seed = 1, traceCount = 1000) {
  const store = createSpanStore();
  generateIntoStore(store, findScenarioPreset('checkout')!.settings, { seed, traceCount });
  return simulateStoreSync(parseConfig(text), store, 0, store.count).result;
}

describe('simulationStore with the inline client', () => {
  it('loads the default scenario and runs the sample: the same numbers as the CLI', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const s = await until(sim, (x) => x.status === 'done');
    const cli = cliNumbers(SAMPLE_CONFIG);
    expect(s.dataset?.traces).toBe(1000);
    expect(s.current?.result.summary.sampledTraces).toBe(cli.summary.sampledTraces);
    expect(s.current?.result.summary.exportedSpans).toBe(cli.summary.exportedSpans);
    expect(s.current?.table.count).toBe(cli.traces.length);
    expect(traceIdAt(s.current!.table, 0)).toBe(cli.traces[0]!.traceId);
    expect(s.stale).toBe(false);
  });

  it('reports progress during a run', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), autoLoad: false, scenario: { traceCount: 3000 }, progressIntervalMs: 0 });
    const seen: number[] = [];
    sim.subscribe((s) => {
      if (s.progress) seen.push(s.progress.spansDone);
    });
    sim.getState().configChanged(ok(), { immediate: true });
    await sim.getState().useScenario();
    await until(sim, (x) => x.status === 'done');
    expect(seen.length).toBeGreaterThan(3);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('cancels a run mid-way and keeps the last result, marked stale', async () => {
    const g = gate();
    const sim = createSimulationStore({ client: createInlineSimulationClient({ yieldNow: g.yieldNow }), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const first = await until(sim, (x) => x.status === 'done');
    g.hold();
    sim.getState().configChanged(ok(SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 50')), { immediate: true });
    await until(sim, (x) => x.status === 'running' && x.progress !== null);
    sim.getState().cancel();
    g.release();
    const s = sim.getState();
    expect(s.status).toBe('cancelled');
    expect(s.current).toBe(first.current);
    expect(s.stale).toBe(true);
    // The engine is free again: the next run works.
    await sim.getState().runNow();
    expect(sim.getState().status).toBe('done');
    expect(sim.getState().current?.result.summary.sampledTraces).toBeGreaterThan(first.current!.result.summary.sampledTraces);
  });

  it('a config with errors does not run: says why and keeps the last result, stale', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const first = await until(sim, (x) => x.status === 'done');
    sim.getState().configChanged({ text: 'broken', env: {}, blocking: ["'exporters' has no pipelines"] });
    const s = sim.getState();
    expect(s.status).toBe('blocked');
    expect(s.message).toContain("'exporters' has no pipelines");
    expect(s.current).toBe(first.current);
    expect(s.stale).toBe(true);
  });

  it('an engine error mid-run reports it, keeps the last result stale, and the next run works', async () => {
    const g = gate();
    const sim = createSimulationStore({ client: createInlineSimulationClient({ yieldNow: g.yieldNow }), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const first = await until(sim, (x) => x.status === 'done');
    g.failOnce();
    await sim.getState().runNow();
    let s = sim.getState();
    expect(s.status).toBe('failed');
    expect(s.message).toContain('engine exploded');
    expect(s.current).toBe(first.current);
    expect(s.stale).toBe(true);
    await sim.getState().runNow();
    s = sim.getState();
    expect(s.status).toBe('done');
    expect(s.stale).toBe(false);
    expect(s.current?.result.summary.sampledTraces).toBe(first.current?.result.summary.sampledTraces);
  });

  it('drops the reply of a superseded run: the newest config wins', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 0 });
    sim.getState().configChanged(ok(), { immediate: true });
    await until(sim, (x) => x.status === 'done');
    const a = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 30');
    const b = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 90');
    void sim.getState().runNow();
    sim.getState().configChanged(ok(a), { immediate: true });
    const pa = sim.getState().runNow();
    sim.getState().configChanged(ok(b), { immediate: true });
    const pb = sim.getState().runNow();
    await Promise.all([pa, pb]);
    const s = await until(sim, (x) => x.status === 'done' && x.current?.text === b);
    expect(s.current?.result.summary.sampledTraces).toBe(cliNumbers(b).summary.sampledTraces);
    // The result before the last edits is kept for Compare.
    expect(s.previous?.text).not.toBe(b);
  });

  it('fetches one trace with its spans and the decision explained', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const s = await until(sim, (x) => x.status === 'done');
    sim.getState().selectTrace(3);
    const t = await until(sim, (x) => !x.traceLoading);
    expect(t.trace?.traceId).toBe(traceIdAt(s.current!.table, 3));
    expect(t.trace?.spans.length).toBe(s.current!.table.spanCount[3]);
    expect(t.trace?.policies.map((p) => p.policy)).toEqual(['errors', 'slow', 'baseline']);
    expect(t.trace?.policies[1]?.detail).toMatch(/latency/);
  });

  it('uploads a trace file and runs on it, reporting issues', async () => {
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync('reference/corpus/traces/otel-proto__examples__trace.json');
    const sim = createSimulationStore({ client: createInlineSimulationClient(), autoLoad: false });
    sim.getState().configChanged(ok(), { immediate: true });
    await sim.getState().loadFiles([{ name: 'trace.json', blob: new Blob([bytes]) }]);
    const s = await until(sim, (x) => x.status === 'done');
    expect(s.source).toBe('files');
    expect(s.dataset?.files[0]?.format).toBe('otlp-json');
    expect(s.current?.result.summary.inputSpans).toBe(s.dataset?.spans);
  });

  it('a file that is not trace data keeps the previous traces and result, and says what the file looks like', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const first = await until(sim, (x) => x.status === 'done');
    await sim.getState().loadFiles([{ name: 'config.yaml', blob: new Blob([SAMPLE_CONFIG]) }]);
    let s = sim.getState();
    expect(s.loadError).toMatch(/^config\.yaml: .*looks like YAML.*The previous traces \(Checkout scenario, seed 1\) are kept\./);
    expect(s.dataset).toBe(first.dataset);
    expect(s.source).toBe('scenario');
    expect(s.current).toBe(first.current);
    expect(s.loading).toBeNull();
    // The engine holds the previous traces again: an edit reruns over the same 1,000 traces.
    const fifty = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 50');
    sim.getState().configChanged(ok(fifty));
    s = await until(sim, (x) => x.status === 'done' && x.current?.text === fifty);
    expect(s.current?.result.summary.inputTraces).toBe(1000);
    expect(s.current?.result.summary.sampledTraces).toBe(cliNumbers(fifty).summary.sampledTraces);
  });

  it('keeps a baseline: later edits compare against it, and on new data it reruns before the current config', async () => {
    const sim = createSimulationStore({ client: createInlineSimulationClient(), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    const first = await until(sim, (x) => x.status === 'done');
    sim.getState().keepAsBaseline('ten percent');
    expect(sim.getState().baseline?.snapshot).toBe(first.current);
    expect(sim.getState().compareWith).toBe('baseline');
    const thirty = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 30');
    const ninety = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 90');
    sim.getState().configChanged(ok(thirty));
    await until(sim, (x) => x.status === 'done' && x.current?.text === thirty);
    sim.getState().configChanged(ok(ninety));
    let s = await until(sim, (x) => x.status === 'done' && x.current?.text === ninety);
    // "Before the last edits" moved on; the baseline did not.
    expect(s.previous?.text).toBe(thirty);
    expect(s.baseline?.text).toBe(SAMPLE_CONFIG);
    expect(s.baseline?.snapshot?.result.summary.sampledTraces).toBe(first.current?.result.summary.sampledTraces);
    // New data: the baseline runs again over it, then the current config; the trace view reads the current run.
    sim.getState().setScenario({ seed: 7 });
    s = await until(sim, (x) => x.status === 'done' && x.dataset?.label.includes('seed 7') === true && x.baseline?.snapshot != null);
    expect(s.baseline?.snapshot?.result.summary.sampledTraces).toBe(cliNumbers(SAMPLE_CONFIG, 7).summary.sampledTraces);
    expect(s.current?.result.summary.sampledTraces).toBe(cliNumbers(ninety, 7).summary.sampledTraces);
    sim.getState().selectTrace(0);
    const t = await until(sim, (x) => !x.traceLoading);
    expect(t.trace?.decision).toBe(['sampled', 'not_sampled', 'dropped'][s.current!.table.decision[0]!]);
    sim.getState().clearBaseline();
    expect(sim.getState().baseline).toBeNull();
    expect(sim.getState().compareWith).toBe('previous');
  });

  it('never explains a row with the verdicts of the baseline: while its run is the last the engine finished, the trace waits for the current run', async () => {
    const g = gate();
    const sim = createSimulationStore({ client: createInlineSimulationClient({ yieldNow: g.yieldNow }), debounceMs: 10 });
    sim.getState().configChanged(ok(), { immediate: true });
    await until(sim, (x) => x.status === 'done');
    sim.getState().keepAsBaseline();
    const ninety = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 90');
    sim.getState().configChanged(ok(ninety));
    await until(sim, (x) => x.status === 'done' && x.current?.text === ninety);
    // New arrival settings: the baseline reruns first; hold the current run once the baseline's is done.
    const unsubscribe = sim.subscribe((x) => {
      if (x.baseline?.snapshot) g.hold();
    });
    sim.getState().setArrival({ exportDelayMs: 2000 });
    await until(sim, (x) => x.baseline?.snapshot != null && x.status === 'running');
    unsubscribe();
    sim.getState().selectTrace(3);
    let s = sim.getState();
    expect(s.trace).toBeNull();
    expect(s.traceLoading).toBe(true);
    g.release();
    s = await until(sim, (x) => x.status === 'done' && !x.traceLoading);
    expect(s.trace?.traceId).toBe(traceIdAt(s.current!.table, 3));
    expect(s.trace?.policies.find((p) => p.policy === 'baseline')?.detail).toContain('90%');
  });
});
