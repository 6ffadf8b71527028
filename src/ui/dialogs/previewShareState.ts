/**
 * The preview's part of a share link: the generated-data scenario (preset and settings), its
 * seed, and the selected trace. Links carry the scenario as `{ name, settings }` (opaque to the
 * link format); here it maps to and from the simulation store's `ScenarioChoice`, checked on the
 * way in like everything else that arrives in a URL (style.md #8).
 */
import type { SharedScenario } from '../../core/share/shareLink';
import { traceIdAt } from '../../core/simulation/traceTable';
import type { ScenarioChoice, SimulationState, SimulationStore } from '../../state/simulationStore';

export interface PreviewLinkState {
  readonly scenario?: SharedScenario;
  readonly seed?: number;
  readonly traceId?: string;
}

/** What a link made now would carry; nothing when the preview shows the user's own trace files (they do not fit in a link). */
export function previewShareState(s: SimulationState): PreviewLinkState {
  if (s.source !== 'scenario') return {};
  const { presetId, seed, traceCount, tracesPerSecond, errorRateScale } = s.scenario;
  const traceId = s.selectedRow !== null && s.current && s.selectedRow < s.current.table.count ? traceIdAt(s.current.table, s.selectedRow) : undefined;
  return {
    scenario: { name: presetId, settings: { traceCount, tracesPerSecond, errorRateScale } },
    seed,
    ...(traceId ? { traceId } : {}),
  };
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The scenario a link asks for, as a partial choice (the store clamps the numbers). */
export function scenarioFromLink(state: PreviewLinkState): Partial<ScenarioChoice> {
  const out: { -readonly [K in keyof ScenarioChoice]?: ScenarioChoice[K] } = {};
  if (state.scenario) {
    out.presetId = state.scenario.name;
    const settings = state.scenario.settings;
    if (settings && typeof settings === 'object' && !Array.isArray(settings)) {
      const o = settings as Record<string, unknown>;
      const count = finite(o.traceCount);
      if (count !== undefined) out.traceCount = count;
      if (o.tracesPerSecond === null) out.tracesPerSecond = null;
      else {
        const rate = finite(o.tracesPerSecond);
        if (rate !== undefined) out.tracesPerSecond = rate;
      }
      const errors = finite(o.errorRateScale);
      if (errors !== undefined) out.errorRateScale = errors;
    }
  }
  if (state.seed !== undefined) out.seed = state.seed;
  return out;
}

/**
 * Selects the link's trace once a run has produced it (the first run after opening). Stops
 * watching after that run, found or not, so it never fights the user's own selection.
 */
export function selectLinkedTrace(store: SimulationStore, traceId: string): void {
  const wanted = traceId.toLowerCase().padStart(32, '0');
  let done = false;
  let unsubscribe: (() => void) | null = null;
  const tryNow = (s: SimulationState): void => {
    if (done || !s.current) return;
    // Stop watching before selecting: selectTrace notifies subscribers synchronously.
    done = true;
    unsubscribe?.();
    const table = s.current.table;
    for (let t = 0; t < table.count; t++) {
      if (traceIdAt(table, t) === wanted) return store.getState().selectTrace(t);
    }
  };
  tryNow(store.getState());
  if (!done) unsubscribe = store.subscribe(tryNow);
}
