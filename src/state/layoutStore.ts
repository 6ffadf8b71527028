/**
 * Node positions the user chose by dragging, per design, keyed by graph node key
 * (`lane:<pipeline>:<role>:<id>`, `connector:<id>`, `extension:<id>`, `unplaced:<kind>:<id>`).
 * They are not part of the document (sync-design.md): the YAML never holds coordinates. Persisted
 * in localStorage under `pipeline-studio:layout:<design>`; anything unreadable is ignored.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { readPreference, writePreference } from './preferences';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export type Positions = Readonly<Record<string, Position>>;

export interface LayoutState {
  /** Positions by design key, loaded on first use. */
  readonly byDesign: Readonly<Record<string, Positions>>;
  /** Makes sure the design's saved positions are loaded (call when the design changes). */
  load(design: string): void;
  setPosition(design: string, nodeKey: string, position: Position): void;
  /** Carries positions over when a component is renamed: every key ending in `oldId` follows. */
  renameComponent(design: string, oldId: string, newId: string): void;
  /** Auto-layout: forget the user's positions for the design. */
  clear(design: string): void;
}

export type LayoutStore = StoreApi<LayoutState>;

const EMPTY: Positions = {};

function storageKey(design: string): string {
  return `layout:${design}`;
}

function isPositions(value: unknown): value is Record<string, Position> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((p) => {
    if (!p || typeof p !== 'object') return false;
    const { x, y } = p as { x?: unknown; y?: unknown };
    return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y);
  });
}

/** Renames the component part of a node key (`lane:traces:processors:batch` → `…:batch/2`). */
export function renameNodeKey(key: string, oldId: string, newId: string): string {
  return key.endsWith(`:${oldId}`) ? `${key.slice(0, key.length - oldId.length)}${newId}` : key;
}

export function createLayoutStore(): LayoutStore {
  const store = createStore<LayoutState>()((set, get) => {
    const write = (design: string, positions: Positions) => {
      writePreference(storageKey(design), positions);
      set({ byDesign: { ...get().byDesign, [design]: positions } });
    };
    return {
      byDesign: {},
      load(design) {
        if (get().byDesign[design]) return;
        const saved = readPreference(storageKey(design));
        set({ byDesign: { ...get().byDesign, [design]: isPositions(saved) ? saved : EMPTY } });
      },
      setPosition(design, nodeKey, position) {
        get().load(design);
        const current = get().byDesign[design] ?? EMPTY;
        write(design, { ...current, [nodeKey]: { x: Math.round(position.x), y: Math.round(position.y) } });
      },
      renameComponent(design, oldId, newId) {
        get().load(design);
        const current = get().byDesign[design] ?? EMPTY;
        const next: Record<string, Position> = {};
        for (const [key, p] of Object.entries(current)) next[renameNodeKey(key, oldId, newId)] = p;
        write(design, next);
      },
      clear(design) {
        write(design, EMPTY);
      },
    };
  });
  return store;
}

/** The positions of one design (empty until loaded). */
export function selectPositions(design: string) {
  return (s: LayoutState): Positions => s.byDesign[design] ?? EMPTY;
}
