/**
 * localStorage access that never throws: storage can be full, blocked or absent (private mode,
 * sandboxed iframes). Values are JSON; anything unreadable is treated as missing.
 */
const PREFIX = 'pipeline-studio:';

export function readPreference(key: string): unknown {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + key);
    return raw == null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    // Blocked storage or a corrupt value: behave as if nothing was saved.
    return undefined;
  }
}

/** Returns false when the value could not be stored (quota exceeded or storage blocked). */
export function writePreference(key: string, value: unknown): boolean {
  try {
    globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
