/**
 * Saved designs ("nothing lost"): every change to the document is written to local storage
 * shortly after it happens, a reload restores the design that was open, and several named designs
 * can be kept. The document store stays the single source of the text (style.md #3); this store
 * only watches it and keeps a copy per design.
 *
 * Invariants:
 * - Only the current *saved* design is ever written by autosave. A design opened from a share
 *   link is `shared` (currentId null) until the user saves it, so a link can never overwrite a
 *   saved design, nor change which design this browser reopens.
 * - A failed write keeps everything in memory (designStorage) and sets `storageProblem`; the
 *   document is untouched and still exportable.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentStore } from './documentStore';
import type { DesignIndex, DesignRecord, DesignStorage, DesignSummary, StorageProblem, WriteOutcome } from './designStorage';

export const DEFAULT_DESIGN_NAME = 'Untitled design';
export const MAX_DESIGN_NAME = 120;

/** Where a design that is not saved yet came from. */
export interface SharedOrigin {
  readonly source: 'share' | 'otelbin';
}

/** What the user should know about how this tab opened, e.g. a broken share link. */
export interface StartNotice {
  readonly tone: 'error' | 'info';
  readonly title: string;
  readonly lines: readonly string[];
}

export interface DesignState {
  /** Saved designs, most recently changed first. */
  readonly designs: readonly DesignSummary[];
  /** The saved design being edited; null while a shared design is not saved yet. */
  readonly currentId: string | null;
  readonly currentName: string;
  /** Set while the open design came from a link and has not been saved. */
  readonly shared: SharedOrigin | null;
  /** A change is waiting for the autosave delay. */
  readonly pending: boolean;
  readonly lastSavedAt: number | null;
  readonly storageProblem: { readonly problem: StorageProblem; readonly message: string } | null;
  readonly notice: StartNotice | null;
  dismissNotice(): void;
  /** Starts a new saved design holding `content` (default: the current document). */
  createDesign(name?: string, content?: DesignContent): string;
  /** Opens a saved design into the document; false when it cannot be read. */
  open(id: string): boolean;
  rename(id: string, name: string): void;
  /** Renames the open design (the shared one too: the name is used when it is saved). */
  renameCurrent(name: string): void;
  duplicate(id: string): string | null;
  /** Deletes a saved design; the open one cannot be deleted (open another first). */
  remove(id: string): boolean;
  /** Saves the open shared design as a new saved design and makes it current. */
  saveShared(): string | null;
  /** True when the document differs from what is saved for the open design (always, for an edited shared design). */
  hasUnsavedChanges(): boolean;
  /** Writes a pending change now (page hide, before switching designs). */
  flush(): void;
  /** Re-reads the list, e.g. after another tab changed it. */
  refresh(): void;
  /** Tries the browser's storage again after a failure. */
  retryStorage(): void;
  dispose(): void;
}

export interface DesignContent {
  readonly text: string;
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
}

export type DesignStore = StoreApi<DesignState>;

/** How the tab starts: restoring a saved design, a new one, or a design from a link. */
export type DesignStart =
  | { readonly kind: 'saved'; readonly design: DesignRecord }
  | { readonly kind: 'new'; readonly name?: string }
  | { readonly kind: 'shared'; readonly source: SharedOrigin['source']; readonly name?: string };

export interface DesignStoreOptions {
  readonly document: DocumentStore;
  readonly storage: DesignStorage;
  readonly start: DesignStart;
  /** Quiet time after the last change before writing; ~300 ms loses at most a keystroke or two on a crash. */
  readonly debounceMs?: number;
  readonly now?: () => number;
  readonly createId?: () => string;
  readonly notice?: StartNotice | null;
}

/** The design a reload should reopen: the index's current one, else the most recently changed. */
export function loadLastDesign(storage: DesignStorage): DesignRecord | null {
  const index = storage.readIndex();
  const ids = [index.currentId, ...sortRecent(index.designs).map((d) => d.id)].filter((id): id is string => id !== null);
  for (const id of ids) {
    const record = storage.readDesign(id);
    if (record) return record;
  }
  return null;
}

/** Trims, collapses whitespace and caps a user-typed name; blank becomes the default. */
export function cleanDesignName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_DESIGN_NAME);
  return clean === '' ? DEFAULT_DESIGN_NAME : clean;
}

/** `base`, or `base 2`, `base 3`… so two designs are never confused in the list. */
export function uniqueDesignName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

function sortRecent(designs: readonly DesignSummary[]): DesignSummary[] {
  return [...designs].sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
}

function sameContent(a: DesignContent, b: DesignContent): boolean {
  if (a.text !== b.text || a.distribution !== b.distribution) return false;
  const ak = Object.keys(a.env);
  return ak.length === Object.keys(b.env).length && ak.every((k) => Object.hasOwn(b.env, k) && b.env[k] === a.env[k]);
}

function defaultId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export function createDesignStore(options: DesignStoreOptions): DesignStore {
  const { document, storage } = options;
  const debounceMs = options.debounceMs ?? 300;
  const now = options.now ?? Date.now;
  const createId = options.createId ?? defaultId;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What storage holds for the open design (null while shared), to skip writes of unchanged content. */
  let saved: DesignRecord | null = null;
  /** The document as it was when a shared design opened, to tell whether it was edited. */
  let sharedBaseline: DesignContent | null = null;

  function content(): DesignContent {
    const { text, distribution, env } = document.getState();
    return { text, distribution, env };
  }

  function index(): DesignIndex {
    const s = store.getState();
    return { designs: s.designs, currentId: s.currentId };
  }

  function noteOutcome(outcome: WriteOutcome): void {
    if (outcome.ok) {
      if (store.getState().storageProblem) store.setState({ storageProblem: null });
      return;
    }
    store.setState({ storageProblem: { problem: outcome.problem, message: outcome.message } });
  }

  /** Writes a design and its line in the index; the open design's copy becomes `saved`. */
  function writeRecord(record: DesignRecord, makeCurrent: boolean): void {
    const rest = store.getState().designs.filter((d) => d.id !== record.id);
    const designs = sortRecent([{ id: record.id, name: record.name, updatedAt: record.updatedAt }, ...rest]);
    const currentId = makeCurrent ? record.id : store.getState().currentId;
    store.setState({ designs, currentId });
    const first = storage.writeDesign(record);
    const second = storage.writeIndex({ designs, currentId });
    noteOutcome(!first.ok ? first : second);
  }

  function saveNow(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const s = store.getState();
    if (s.pending) store.setState({ pending: false });
    if (s.currentId === null || saved === null) return;
    const c = content();
    if (sameContent(saved, c) && saved.name === s.currentName) return;
    const record: DesignRecord = { ...saved, ...c, name: s.currentName, updatedAt: now() };
    saved = record;
    writeRecord(record, true);
    store.setState({ lastSavedAt: record.updatedAt });
  }

  function schedule(): void {
    if (store.getState().currentId === null) return;
    if (timer !== undefined) clearTimeout(timer);
    if (!store.getState().pending) store.setState({ pending: true });
    timer = setTimeout(saveNow, debounceMs);
  }

  function newRecord(name: string, c: DesignContent): DesignRecord {
    const at = now();
    return { id: createId(), name, text: c.text, distribution: c.distribution, env: c.env, createdAt: at, updatedAt: at };
  }

  function load(record: DesignRecord): void {
    saved = record;
    sharedBaseline = null;
    store.setState({ currentId: record.id, currentName: record.name, shared: null, pending: false });
    const d = document.getState();
    d.setDistribution(record.distribution);
    d.setEnv({ ...record.env });
    d.setText(record.text, 'restore');
  }

  const initialIndex = storage.readIndex();
  const store: DesignStore = createStore<DesignState>()(() => ({
    designs: sortRecent(initialIndex.designs),
    currentId: null,
    currentName: DEFAULT_DESIGN_NAME,
    shared: null,
    pending: false,
    lastSavedAt: null,
    storageProblem: null,
    notice: options.notice ?? null,
    dismissNotice() {
      store.setState({ notice: null });
    },
    createDesign(name, given) {
      saveNow();
      const taken = store.getState().designs.map((d) => d.name);
      const record = newRecord(uniqueDesignName(cleanDesignName(name ?? DEFAULT_DESIGN_NAME), taken), given ?? content());
      writeRecord(record, true);
      if (given) load(record);
      else {
        saved = record;
        sharedBaseline = null;
        store.setState({ currentName: record.name, shared: null });
      }
      return record.id;
    },
    open(id) {
      saveNow();
      const record = storage.readDesign(id);
      if (!record) return false;
      load(record);
      noteOutcome(storage.writeIndex(index()));
      return true;
    },
    rename(id, name) {
      const s = store.getState();
      if (id === s.currentId) return s.renameCurrent(name);
      const record = storage.readDesign(id);
      if (!record) return;
      writeRecord({ ...record, name: cleanDesignName(name), updatedAt: now() }, false);
    },
    renameCurrent(name) {
      store.setState({ currentName: cleanDesignName(name) });
      if (store.getState().currentId !== null) saveNow();
    },
    duplicate(id) {
      saveNow();
      const record = storage.readDesign(id);
      if (!record) return null;
      const taken = store.getState().designs.map((d) => d.name);
      const copy = newRecord(uniqueDesignName(cleanDesignName(`${record.name} (copy)`), taken), record);
      writeRecord(copy, false);
      return copy.id;
    },
    remove(id) {
      const s = store.getState();
      if (id === s.currentId) return false;
      const designs = s.designs.filter((d) => d.id !== id);
      store.setState({ designs });
      const first = storage.removeDesign(id);
      const second = storage.writeIndex({ designs, currentId: s.currentId });
      noteOutcome(!first.ok ? first : second);
      return true;
    },
    saveShared() {
      const s = store.getState();
      if (s.shared === null) return null;
      const taken = s.designs.map((d) => d.name);
      const record = newRecord(uniqueDesignName(s.currentName, taken), content());
      saved = record;
      sharedBaseline = null;
      store.setState({ shared: null, currentName: record.name });
      writeRecord(record, true);
      store.setState({ lastSavedAt: record.updatedAt });
      return record.id;
    },
    hasUnsavedChanges() {
      const s = store.getState();
      if (s.shared !== null) return sharedBaseline === null || !sameContent(sharedBaseline, content());
      return s.pending || (saved !== null && !sameContent(saved, content()));
    },
    flush: saveNow,
    refresh() {
      const fresh = storage.readIndex();
      store.setState({ designs: sortRecent(fresh.designs) });
    },
    retryStorage() {
      storage.retry();
      const s = store.getState();
      if (saved && s.currentId !== null) {
        const record: DesignRecord = { ...saved, ...content(), name: s.currentName, updatedAt: now() };
        saved = record;
        writeRecord(record, true);
      } else noteOutcome(storage.writeIndex(index()));
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      unsubscribe();
    },
  }));

  // Start: restore, create or hold a shared design, before watching the document.
  const start = options.start;
  if (start.kind === 'saved') {
    saved = start.design;
    store.setState({ currentId: start.design.id, currentName: start.design.name });
    if (!sameContent(start.design, content())) load(start.design);
    // Make sure the index knows it (it may have come from a design the index had lost).
    if (!store.getState().designs.some((x) => x.id === start.design.id)) writeRecord(start.design, true);
  } else if (start.kind === 'shared') {
    sharedBaseline = content();
    store.setState({ shared: { source: start.source }, currentName: cleanDesignName(start.name ?? (start.source === 'otelbin' ? 'Design from OTelBin' : 'Shared design')) });
  } else {
    const taken = store.getState().designs.map((x) => x.name);
    const record = newRecord(uniqueDesignName(cleanDesignName(start.name ?? DEFAULT_DESIGN_NAME), taken), content());
    saved = record;
    store.setState({ currentName: record.name });
    writeRecord(record, true);
  }

  let last = content();
  const unsubscribe = document.subscribe((s) => {
    if (s.text === last.text && s.distribution === last.distribution && s.env === last.env) return;
    last = { text: s.text, distribution: s.distribution, env: s.env };
    // Opening a design sets the document to what is already saved: nothing to write.
    if (saved !== null && sameContent(saved, last) && store.getState().currentName === saved.name) return;
    schedule();
  });

  return store;
}

/** The line the header shows about saving. */
export function selectSaveStatus(s: DesignState): string {
  if (s.storageProblem) return 'Not saved: kept in this tab only';
  if (s.shared) return 'Not saved yet';
  if (s.pending) return 'Saving…';
  return s.lastSavedAt === null ? 'Saved in this browser' : 'All changes saved';
}
