/**
 * The bottom panel's view state, for the components inside it: which tab is open and how the
 * trace list is filtered and sorted (kept while other tabs are open). Compare opens a changed
 * trace in the Traces tab through it; Results links to Compare. It is view state, so it lives in
 * the panel (style.md #5) and reaches the tabs through a context rather than a store.
 */
import { createContext, useContext } from 'react';
import { NO_FILTER, type TraceFilter, type TraceSort } from '../../core/simulation/preview/filterTraces';

export type BottomTab = 'problems' | 'data' | 'results' | 'traces' | 'compare';

export interface TraceReveal {
  /** Table row of the trace to show. */
  readonly row: number;
  /** Increments with every request, so asking twice for the same row scrolls and focuses again. */
  readonly seq: number;
}

export interface TraceListView {
  readonly filter: TraceFilter;
  readonly sort: TraceSort;
  /** Only the traces whose decision differs from the compared run (Compare). */
  readonly changedOnly: boolean;
}

export const DEFAULT_LIST_VIEW: TraceListView = { filter: NO_FILTER, sort: { key: 'index', descending: false }, changedOnly: false };

export interface BottomTabs {
  readonly tab: BottomTab;
  open(tab: BottomTab): void;
  /** Opens the Traces tab on one trace: selected, scrolled into view, its trace view focused. */
  openTrace(row: number, options?: { readonly changedOnly?: boolean }): void;
  /** Opens the Traces tab listing only the traces whose decision changed. */
  showChanged(): void;
  /** The last `openTrace` request, for the Traces tab to act on. */
  readonly reveal: TraceReveal | null;
  readonly list: TraceListView;
  setList(change: Partial<TraceListView>): void;
}

const NONE: BottomTabs = { tab: 'problems', open: () => {}, openTrace: () => {}, showChanged: () => {}, reveal: null, list: DEFAULT_LIST_VIEW, setList: () => {} };

export const BottomTabsContext = createContext<BottomTabs>(NONE);

export function useBottomTabs(): BottomTabs {
  return useContext(BottomTabsContext);
}
