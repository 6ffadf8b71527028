/** The comparison Compare, the trace list and the trace view share: computed once per pair of runs. */
import { useDeferredValue } from 'react';
import type { RunSnapshot, SimulationState } from '../../state/simulationStore';
import { useSimulation } from '../app/StoreContext';
import { compareResults, type Comparison } from './comparison';

export interface ComparisonView {
  /** What the current result is held against, in words. */
  readonly label: string;
  readonly target: SimulationState['compareWith'];
  /** Null when there is nothing to compare yet; `why` says what to do. */
  readonly comparison: Comparison | null;
  readonly why: string | null;
}

const cache = new WeakMap<RunSnapshot, WeakMap<RunSnapshot, Comparison>>();

function compareCached(before: RunSnapshot, after: RunSnapshot): Comparison {
  let inner = cache.get(before);
  if (!inner) cache.set(before, (inner = new WeakMap()));
  let c = inner.get(after);
  if (!c) inner.set(after, (c = compareResults(before, after)));
  return c;
}

export function useComparison(): ComparisonView {
  // Deferred like the panels that show a result: comparing two 100,000-trace tables runs in the
  // background render after a run, not in the task that paints its end.
  const current = useDeferredValue(useSimulation((s) => s.current));
  const previous = useDeferredValue(useSimulation((s) => s.previous));
  const baseline = useDeferredValue(useSimulation((s) => s.baseline));
  const target = useSimulation((s) => s.compareWith);
  if (target === 'baseline' && baseline) {
    const label = `the kept baseline (${baseline.label})`;
    if (!current) return { label, target, comparison: null, why: 'The preview has not run yet.' };
    if (baseline.error) return { label, target, comparison: null, why: `The baseline could not run on these traces: ${baseline.error}` };
    if (!baseline.snapshot) return { label, target, comparison: null, why: 'The baseline runs on the loaded traces with the next run…' };
    return { label, target, comparison: compareCached(baseline.snapshot, current), why: null };
  }
  const label = 'the config before the last edits';
  if (!current) return { label, target: 'previous', comparison: null, why: 'The preview has not run yet.' };
  if (!previous) return { label, target: 'previous', comparison: null, why: 'Nothing to compare yet: edit the config (the preview reruns), or keep this config as a baseline and then edit it.' };
  return { label, target: 'previous', comparison: compareCached(previous, current), why: null };
}
