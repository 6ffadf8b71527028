/**
 * Typed reads of a decoded component body for the component rules. Values that hold a `${...}`
 * reference read as "absent", so rules never judge what only the environment decides (§4.3).
 */
import { durationNanos } from '../goDuration';
import { isPlaceholderValue } from '../opaqueValues';

export type Path = readonly (string | number)[];

export interface RuleReader {
  /** The raw value at a path (placeholders included), undefined when absent. */
  raw(path: Path): unknown;
  /** True when the key exists (even with a null value) — optional sections are enabled by presence (§5.3). */
  has(path: Path): boolean;
  /** True when the value at the path is a placeholder. */
  opaque(path: Path): boolean;
  str(path: Path): string | undefined;
  num(path: Path): number | undefined;
  bool(path: Path): boolean | undefined;
  /** Nanoseconds of a duration field. */
  duration(path: Path): number | undefined;
  list(path: Path): unknown[] | undefined;
  map(path: Path): Record<string, unknown> | undefined;
  /** A reader rooted at a nested map (an empty one when absent). */
  at(path: Path): RuleReader;
}

/** Reports a problem; `path` is relative to the component body. */
export type Issue = (message: string, path?: Path) => void;

function get(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** Wraps a body (null → all defaults). */
export function ruleReader(body: unknown): RuleReader {
  const root = body ?? {};
  const known = (path: Path): unknown => {
    const v = get(root, path);
    return isPlaceholderValue(v) ? undefined : v;
  };
  const reader: RuleReader = {
    raw: (path) => get(root, path),
    has: (path) => {
      if (path.length === 0) return true;
      const parent = get(root, path.slice(0, -1));
      return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]!);
    },
    opaque: (path) => isPlaceholderValue(get(root, path)),
    str: (path) => {
      const v = known(path);
      return typeof v === 'string' ? v : undefined;
    },
    num: (path) => {
      const v = known(path);
      return typeof v === 'number' ? v : undefined;
    },
    bool: (path) => {
      const v = known(path);
      return typeof v === 'boolean' ? v : undefined;
    },
    duration: (path) => durationNanos(known(path)) ?? undefined,
    list: (path) => {
      const v = known(path);
      return Array.isArray(v) ? v : undefined;
    },
    map: (path) => {
      const v = known(path);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    },
    at: (path) => ruleReader(reader.map(path) ?? {}),
  };
  return reader;
}
