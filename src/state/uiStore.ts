/**
 * View state that is not part of the document: theme, selection, cursor highlight, pane sizes,
 * and requests for the editor to reveal a range. Preferences persist in localStorage.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SourceRange } from '../core/diagnostics/diagnostic';
import { readPreference, writePreference } from './preferences';

export type Theme = 'light' | 'dark';
export type BottomTab = 'problems' | 'outline';

export interface Highlight {
  /** Component ids under the cursor (a definition or a reference). */
  readonly componentId: string | null;
  readonly kind: string | null;
  readonly pipelineId: string | null;
}

export interface PaneSizes {
  readonly palette: number;
  readonly editor: number;
  readonly bottom: number;
}

export interface UiState {
  readonly theme: Theme;
  readonly selectedNodeKey: string | null;
  readonly highlight: Highlight;
  /** A request for the editor to move its cursor; `seq` makes repeated requests distinct. */
  readonly reveal: { readonly range: SourceRange; readonly seq: number } | null;
  readonly panes: PaneSizes;
  readonly bottomTab: BottomTab;
  setTheme(theme: Theme): void;
  select(nodeKey: string | null): void;
  setHighlight(highlight: Highlight): void;
  revealRange(range: SourceRange): void;
  setPanes(panes: Partial<PaneSizes>): void;
  setBottomTab(tab: BottomTab): void;
}

export type UiStore = StoreApi<UiState>;

const DEFAULT_PANES: PaneSizes = { palette: 250, editor: 480, bottom: 190 };
const NO_HIGHLIGHT: Highlight = { componentId: null, kind: null, pipelineId: null };

export function createUiStore(prefersDark: boolean): UiStore {
  const savedTheme = readPreference('theme');
  const savedPanes = readPreference('panes');
  return createStore<UiState>()((set, get) => ({
    theme: savedTheme === 'dark' || savedTheme === 'light' ? savedTheme : prefersDark ? 'dark' : 'light',
    selectedNodeKey: null,
    highlight: NO_HIGHLIGHT,
    reveal: null,
    panes: { ...DEFAULT_PANES, ...(isPanes(savedPanes) ? savedPanes : {}) },
    bottomTab: 'problems',
    setTheme(theme) {
      writePreference('theme', theme);
      set({ theme });
    },
    select(selectedNodeKey) {
      set({ selectedNodeKey });
    },
    setHighlight(highlight) {
      const h = get().highlight;
      if (h.componentId === highlight.componentId && h.kind === highlight.kind && h.pipelineId === highlight.pipelineId) return;
      set({ highlight });
    },
    revealRange(range) {
      set({ reveal: { range, seq: (get().reveal?.seq ?? 0) + 1 } });
    },
    setPanes(panes) {
      const next = { ...get().panes, ...panes };
      writePreference('panes', next);
      set({ panes: next });
    },
    setBottomTab(bottomTab) {
      set({ bottomTab });
    },
  }));
}

function isPanes(value: unknown): value is Partial<PaneSizes> {
  if (!value || typeof value !== 'object') return false;
  return Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v) && v > 40 && v < 4000);
}
