/** Hands the vanilla stores to React; components subscribe narrowly through these hooks (style.md #7). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DesignState, DesignStore } from '../../state/designStore';
import type { DocumentState, DocumentStore } from '../../state/documentStore';
import type { LayoutState, LayoutStore } from '../../state/layoutStore';
import type { SimulationState, SimulationStore } from '../../state/simulationStore';
import type { UiState, UiStore } from '../../state/uiStore';

export interface Stores {
  readonly document: DocumentStore;
  readonly ui: UiStore;
  readonly designs: DesignStore;
  /** Preview runs: data, results, the selected trace. */
  readonly simulation: SimulationStore;
  /** Node positions the user dragged, per design (not part of the document). */
  readonly layout: LayoutStore;
}

const StoreContext = createContext<Stores | null>(null);

export function StoreProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoreContext.Provider value={stores}>{children}</StoreContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoreContext);
  if (!stores) throw new Error('StoreProvider is missing');
  return stores;
}

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(useStores().document, selector);
}

export function useDesigns<T>(selector: (s: DesignState) => T): T {
  return useStore(useStores().designs, selector);
}

export function useSimulation<T>(selector: (s: SimulationState) => T): T {
  return useStore(useStores().simulation, selector);
}

export function useLayout<T>(selector: (s: LayoutState) => T): T {
  return useStore(useStores().layout, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}
