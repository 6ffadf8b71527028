/**
 * Where saved designs live: a small key-value adapter over localStorage with an in-memory twin
 * (style.md #10). Storage can be full, blocked or absent (private mode, sandboxed iframes, a
 * quota of a few MiB); a failed write never throws and never loses the design: it is kept in
 * memory for this tab and the outcome says why, so the UI can tell the user.
 *
 * Layout: `pipeline-studio:designs` holds the index (names, times, the current design) and
 * `pipeline-studio:design:<id>` one design each, so an autosave rewrites one design, not all.
 * Everything read back is checked (style.md #8): a corrupt entry is skipped, never trusted.
 */

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface DesignRecord {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface DesignSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: number;
}

export interface DesignIndex {
  readonly designs: readonly DesignSummary[];
  /** The design this browser opened last; a reload restores it. */
  readonly currentId: string | null;
}

export type StorageProblem = 'quota' | 'blocked';

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: StorageProblem; readonly message: string };

export interface DesignStorage {
  readIndex(): DesignIndex;
  writeIndex(index: DesignIndex): WriteOutcome;
  readDesign(id: string): DesignRecord | null;
  writeDesign(design: DesignRecord): WriteOutcome;
  removeDesign(id: string): WriteOutcome;
  /** True once a write has failed: from then on this tab keeps its writes in memory only. */
  readonly degraded: boolean;
  /** Lets the next write try the browser's storage again (after the user freed some space). */
  retry(): void;
}

const PREFIX = 'pipeline-studio:';
const INDEX_KEY = `${PREFIX}designs`;
const STORAGE_VERSION = 1;

function designKey(id: string): string {
  return `${PREFIX}design:${id}`;
}

/** A plain Map behind the KeyValueStorage interface: the fallback, and the twin for tests. */
export function createMemoryStorage(): KeyValueStorage & { readonly size: number } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get size() {
      return map.size;
    },
  };
}

/** The browser's localStorage, or null when reading the property itself throws (blocked storage). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // e.g. a sandboxed iframe or cookies disabled: SecurityError on access
  }
}

function problemOf(error: unknown): { problem: StorageProblem; message: string } {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return { problem: 'quota', message: "This browser's storage for Pipeline Studio is full." };
  }
  return { problem: 'blocked', message: "This browser does not let Pipeline Studio save (storage is blocked or unavailable)." };
}

function readJson(storage: KeyValueStorage | null, key: string): unknown {
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(key);
    return raw == null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined; // blocked or corrupt: treated as missing
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function readEnv(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  // fromEntries defines own properties, so a saved "__proto__" name stays a plain key.
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Checks a stored design; null when it is not one (corrupt, foreign, another version). */
export function parseDesignRecord(value: unknown): DesignRecord | null {
  if (!isRecord(value) || value.v !== STORAGE_VERSION) return null;
  const { id, name, text, distribution, env, createdAt, updatedAt } = value;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || typeof text !== 'string' || typeof distribution !== 'string') return null;
  if (!isTime(createdAt) || !isTime(updatedAt)) return null;
  return { id, name, text, distribution, env: readEnv(env), createdAt, updatedAt };
}

/** Checks a stored index; an unreadable one is an empty index (the designs themselves stay). */
export function parseDesignIndex(value: unknown): DesignIndex {
  if (!isRecord(value) || value.v !== STORAGE_VERSION || !Array.isArray(value.designs)) return { designs: [], currentId: null };
  const seen = new Set<string>();
  const designs: DesignSummary[] = [];
  for (const item of value.designs as unknown[]) {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id === '' || typeof item.name !== 'string' || !isTime(item.updatedAt)) continue;
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    designs.push({ id: item.id, name: item.name, updatedAt: item.updatedAt });
  }
  const currentId = typeof value.currentId === 'string' && seen.has(value.currentId) ? value.currentId : null;
  return { designs, currentId };
}

/**
 * Designs over `backing` (localStorage, or null when there is none). The first failed write
 * switches this tab to memory for everything it writes afterwards (reads prefer memory), so the
 * user keeps working and can still export; the other tabs and the saved copies are untouched.
 */
export function createDesignStorage(backing: KeyValueStorage | null): DesignStorage {
  const memory = createMemoryStorage();
  let failure: { problem: StorageProblem; message: string } | null = backing === null ? problemOf(null) : null;

  function write(key: string, value: unknown): WriteOutcome {
    const json = JSON.stringify(value);
    memory.setItem(key, json);
    if (failure || !backing) return { ok: false, ...(failure ?? problemOf(null)) };
    try {
      backing.setItem(key, json);
      return { ok: true };
    } catch (error) {
      failure = problemOf(error);
      return { ok: false, ...failure };
    }
  }

  function read(key: string): unknown {
    const inMemory = readJson(memory, key);
    return inMemory !== undefined ? inMemory : readJson(backing, key);
  }

  return {
    readIndex: () => parseDesignIndex(read(INDEX_KEY)),
    writeIndex: (index) => write(INDEX_KEY, { v: STORAGE_VERSION, designs: index.designs, currentId: index.currentId }),
    readDesign: (id) => {
      const record = parseDesignRecord(read(designKey(id)));
      return record && record.id === id ? record : null;
    },
    writeDesign: (design) => write(designKey(design.id), { v: STORAGE_VERSION, ...design }),
    removeDesign: (id) => {
      memory.removeItem(designKey(id));
      if (!backing) return { ok: false, ...problemOf(null) };
      try {
        backing.removeItem(designKey(id));
        return { ok: true };
      } catch (error) {
        return { ok: false, ...problemOf(error) };
      }
    },
    get degraded() {
      return failure !== null;
    },
    retry() {
      if (backing) failure = null;
    },
  };
}
