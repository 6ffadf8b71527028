/**
 * `${...}` references, found the way the Collector's resolver finds them (config-semantics §4.2,
 * `confmap/expand.go` `findURI`/`expandURI`, `confmap/provider/envprovider`). Nothing is expanded
 * unless the caller gives values: placeholders are valid as templates (§4.3).
 */

/** Schemes of the standard distributions' providers (§4.1). */
export const KNOWN_SCHEMES: readonly string[] = ['env', 'file', 'yaml', 'http', 'https'];

const URI_RE = /^([A-Za-z][A-Za-z0-9+.-]+):([\s\S]*)$/;
const ENV_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export interface PlaceholderUse {
  /** `${...}` as written (after inner references were replaced, for nested ones). */
  readonly raw: string;
  /** 0-based index of `raw` in the original string, or -1 for a nested reference's outer part. */
  readonly index: number;
  readonly scheme: string | null;
  /** env scheme: the variable name. */
  readonly name: string | null;
  /** env scheme: the text after `:-`, or null. */
  readonly defaultValue: string | null;
  /** The Collector's resolve error for this reference, if any. */
  readonly error: string | null;
  /** True when the reference is the whole scalar (its value may then be of any type). */
  readonly whole: boolean;
}

export interface PlaceholderScan {
  readonly uses: PlaceholderUse[];
  /** The value with every reference resolved from `env`/defaults, or null when one cannot be. */
  readonly resolved: string | null;
  /** True when the string contains at least one reference (escaped ones excluded). */
  readonly hasReference: boolean;
}

/** `findURI`: the first expandable `${...}` in `input`, with its index, or null. */
function findUri(input: string, offset = 0): { uri: string; index: number } | null {
  const close = input.indexOf('}');
  if (close < 0) return null;
  const remaining = input.slice(close + 1);
  const open = input.slice(0, close + 1).lastIndexOf('${');
  // The CLI configures `env` as the default scheme, so a reference without ':' still counts.
  if (open < 0) {
    if (!remaining.includes('}')) return null;
    return findUri(remaining, offset + close + 1);
  }
  let count = 0;
  for (let i = open - 1; i >= 0 && input[i] === '$'; i--) count++;
  // An odd number of '$' right before "${" escapes it, and the Collector stops looking.
  if (count % 2 === 1) return null;
  return { uri: input.slice(open, close + 1), index: offset + open };
}

function analyse(raw: string, whole: boolean, index: number): PlaceholderUse {
  let uri = raw.slice(2, -1);
  if (!uri.includes(':')) uri = `env:${uri}`;
  const m = URI_RE.exec(uri);
  const base = { raw, index, whole, scheme: null, name: null, defaultValue: null };
  if (!m) return { ...base, error: `invalid uri: ${JSON.stringify(uri)}` };
  const scheme = m[1]!;
  const opaque = m[2]!;
  if (opaque.includes('$')) return { ...base, scheme, error: `the uri ${JSON.stringify(uri)} contains unsupported characters ('$')` };
  if (!KNOWN_SCHEMES.includes(scheme)) return { ...base, scheme, error: `scheme ${JSON.stringify(scheme)} is not supported for uri ${JSON.stringify(uri)}` };
  if (scheme !== 'env') return { ...base, scheme, error: null };
  const sep = opaque.indexOf(':-');
  const name = sep < 0 ? opaque : opaque.slice(0, sep);
  const defaultValue = sep < 0 ? null : opaque.slice(sep + 2);
  if (!ENV_NAME_RE.test(name)) {
    return { ...base, scheme, name, defaultValue, error: `environment variable ${JSON.stringify(name)} has invalid name: must match regex ^[a-zA-Z_][a-zA-Z0-9_]*$` };
  }
  return { ...base, scheme, name, defaultValue, error: null };
}

/** Whether a string has any `${` at all (the cheap pre-check). */
export function mayHavePlaceholder(value: string): boolean {
  return value.includes('${');
}

/**
 * Finds every reference in a string value, innermost first, as the resolver would expand them.
 * `env` supplies sample values; an env reference resolves to its value, else its default; other
 * schemes never resolve here (their content is unknown).
 */
export function scanPlaceholders(value: string, env: Readonly<Record<string, string>> = {}): PlaceholderScan {
  const uses: PlaceholderUse[] = [];
  let current = value;
  let resolvable = true;
  let rounds = 0;
  // Sentinel for an unresolvable reference: keeps scanning going without creating new matches.
  const SENTINEL = '\u0000';
  while (rounds++ < 1000) {
    const found = findUri(current);
    if (!found) break;
    const whole = found.uri === current && found.index === 0 && rounds === 1;
    const nested = current !== value;
    const use = analyse(found.uri, whole, nested && found.uri.includes(SENTINEL) ? -1 : value.indexOf(found.uri));
    uses.push(use);
    let replacement: string | null = null;
    if (use.error === null && use.scheme === 'env' && use.name !== null) {
      if (Object.prototype.hasOwnProperty.call(env, use.name)) replacement = env[use.name]!;
      else if (use.defaultValue !== null) replacement = use.defaultValue;
    }
    if (replacement === null) {
      resolvable = false;
      replacement = SENTINEL;
    }
    current = current.split(found.uri).join(replacement);
  }
  return {
    uses,
    resolved: resolvable ? current.replaceAll('$$', '$') : null,
    hasReference: uses.length > 0,
  };
}
