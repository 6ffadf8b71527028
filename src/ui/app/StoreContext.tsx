/** Hands the vanilla stores to React; components subscribe narrowly through these hooks (style.md #7). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DocumentState, DocumentStore } from '../../state/documentStore';
import type { UiState, UiStore } from '../../state/uiStore';

export interface Stores {
  readonly document: DocumentStore;
  readonly ui: UiStore;
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

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}
