/**
 * The document: the YAML text is the single source of truth (ADR 0002); model, graph, layout and
 * diagnostics are derived from it by the analysis worker. Every change says where it came from,
 * so each view can ignore its own echo (style.md #4).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis } from '../core/analysis/analyzeConfig';
import { DEFAULT_DISTRIBUTION } from '../core/catalog/catalog';
import type { AnalysisClient } from '../engine/analysisClient';

export type ChangeOrigin = 'init' | 'editor' | 'canvas' | 'fix' | 'import' | 'share' | 'history' | 'restore';

export interface DocumentState {
  readonly text: string;
  /** Increments on every text change; analyses carry the version they were made for. */
  readonly version: number;
  readonly origin: ChangeOrigin;
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
  /** The newest analysis (possibly of broken YAML). */
  readonly analysis: Analysis | null;
  readonly analysisVersion: number;
  /** The newest analysis whose YAML was readable: the canvas keeps showing it while the text is broken. */
  readonly lastGood: Analysis | null;
  readonly analysisMs: number;
  readonly analysisError: string | null;
  setText(text: string, origin: ChangeOrigin): void;
  setDistribution(distribution: string): void;
  setEnv(env: Record<string, string>): void;
}

export type DocumentStore = StoreApi<DocumentState>;

export interface DocumentStoreOptions {
  readonly client: AnalysisClient;
  readonly initialText: string;
  readonly distribution?: string;
  /** Quiet time after the last keystroke before analysing; keeps the canvas within 150 ms. */
  readonly debounceMs?: number;
}

export function createDocumentStore(options: DocumentStoreOptions): DocumentStore {
  const debounceMs = options.debounceMs ?? 60;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const store = createStore<DocumentState>()((set, get) => ({
    text: options.initialText,
    version: 1,
    origin: 'init',
    distribution: options.distribution ?? DEFAULT_DISTRIBUTION,
    env: {},
    analysis: null,
    analysisVersion: 0,
    lastGood: null,
    analysisMs: 0,
    analysisError: null,
    setText(text, origin) {
      if (text === get().text) return;
      set((s) => ({ text, origin, version: s.version + 1 }));
      schedule(origin === 'editor' ? debounceMs : 0);
    },
    setDistribution(distribution) {
      if (distribution === get().distribution) return;
      set({ distribution });
      schedule(0);
    },
    setEnv(env) {
      set({ env });
      schedule(debounceMs);
    },
  }));

  async function run(): Promise<void> {
    const { text, distribution, env, version } = store.getState();
    try {
      const outcome = await options.client.analyze({ text, distribution, env });
      if (!outcome) return; // superseded by a newer request
      if (store.getState().version !== version) return; // the text moved on meanwhile
      const { analysis, elapsedMs } = outcome;
      set({
        analysis,
        analysisVersion: version,
        analysisMs: elapsedMs,
        analysisError: null,
        ...(analysis.broken ? {} : { lastGood: analysis }),
      });
    } catch (error) {
      set({ analysisError: error instanceof Error ? error.message : String(error) });
    }
  }

  function set(partial: Partial<DocumentState> | ((s: DocumentState) => Partial<DocumentState>)): void {
    store.setState(partial as Partial<DocumentState>);
  }

  function schedule(delay: number): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, delay);
  }

  schedule(0);
  return store;
}

/** The graph to draw: the newest readable one. */
export function selectShownAnalysis(s: DocumentState): Analysis | null {
  return s.analysis && !s.analysis.broken ? s.analysis : s.lastGood;
}

/** True when the text does not parse and the canvas shows an older graph. */
export function selectIsStale(s: DocumentState): boolean {
  return s.analysis?.broken === true;
}
