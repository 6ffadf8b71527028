/**
 * Component and pipeline identifiers, parsed at the edge (config-semantics §3).
 *
 * A `ComponentId` is `type` or `type/name`; a `PipelineId` is `signal` or `signal/name`.
 * Both are branded strings, so a raw YAML key can never be passed where a checked id is expected.
 */

export type ComponentId = string & { readonly __brand: 'ComponentId' };
export type PipelineId = string & { readonly __brand: 'PipelineId' };

export const SIGNALS = ['traces', 'metrics', 'logs', 'profiles'] as const;
export type Signal = (typeof SIGNALS)[number];

export type ComponentKind = 'receiver' | 'processor' | 'exporter' | 'connector' | 'extension';
export const COMPONENT_KINDS: readonly ComponentKind[] = ['receiver', 'processor', 'exporter', 'connector', 'extension'];

/** The YAML section that defines components of a kind. */
export function sectionOf(kind: ComponentKind): `${ComponentKind}s` {
  return `${kind}s`;
}

export interface ParsedId<T> {
  readonly ok: true;
  readonly id: T;
  /** The part before the first `/`, trimmed. */
  readonly type: string;
  /** The part after the first `/`, trimmed; '' when absent. */
  readonly name: string;
}

export interface IdError {
  readonly ok: false;
  /** The Collector's own wording (config-semantics §3.1), so users can search for it. */
  readonly message: string;
}

const TYPE_RE = /^[a-zA-Z][0-9a-zA-Z_]{0,62}$/;
const NAME_RE = /^[^\p{Z}\p{C}\p{S}]+$/u;
// Go's strings.TrimSpace trims Unicode White_Space; JS trim() covers the same set for our purposes.
const trim = (s: string): string => s.trim();

function quote(s: string): string {
  // Go %q: a double-quoted string with Go escapes. JSON.stringify is the same for printable text.
  return JSON.stringify(s);
}

function utf8Length(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function splitId(raw: string): { type: string; name: string; hasSlash: boolean } {
  const slash = raw.indexOf('/');
  if (slash < 0) return { type: trim(raw), name: '', hasSlash: false };
  return { type: trim(raw.slice(0, slash)), name: trim(raw.slice(slash + 1)), hasSlash: true };
}

function checkName(raw: string, name: string): IdError | null {
  const bytes = utf8Length(name);
  if (bytes > 1024) {
    return { ok: false, message: `in ${quote(name)} id: name ${quote(name)} is longer than 1024 characters (${bytes} characters)` };
  }
  if (!NAME_RE.test(name)) {
    return { ok: false, message: `in ${quote(name)} id: invalid character(s) in name ${quote(name)}` };
  }
  void raw;
  return null;
}

/** Parses `type[/name]` with the Collector's check order: type-empty, name, then type regex. */
export function parseComponentId(raw: string): ParsedId<ComponentId> | IdError {
  if (trim(raw) === '') return { ok: false, message: 'id must not be empty' };
  const { type, name, hasSlash } = splitId(raw);
  if (hasSlash) {
    if (type === '') return { ok: false, message: `in ${quote(raw)} id: the part before / should not be empty` };
    if (name === '') return { ok: false, message: `in ${quote(raw)} id: the part after / should not be empty` };
    const nameError = checkName(raw, name);
    if (nameError) return nameError;
  }
  if (!TYPE_RE.test(type)) return { ok: false, message: `in ${quote(raw)} id: invalid character(s) in type ${quote(type)}` };
  const id = (name ? `${type}/${name}` : type) as ComponentId;
  return { ok: true, id, type, name };
}

/** Parses `signal[/name]` (config-semantics §3.2). */
export function parsePipelineId(raw: string): (ParsedId<PipelineId> & { signal: Signal }) | IdError {
  if (trim(raw) === '') return { ok: false, message: 'id must not be empty' };
  const { type, name, hasSlash } = splitId(raw);
  if (hasSlash) {
    if (type === '') return { ok: false, message: `in ${quote(raw)} id: the part before / should not be empty` };
    if (name === '') return { ok: false, message: `in ${quote(raw)} id: the part after / should not be empty` };
    const nameError = checkName(raw, name);
    if (nameError) return nameError;
  }
  if (!(SIGNALS as readonly string[]).includes(type)) {
    return { ok: false, message: `in ${quote(raw)} id: unknown pipeline signal: ${quote(type)}` };
  }
  const id = (name ? `${type}/${name}` : type) as PipelineId;
  return { ok: true, id, type, name, signal: type as Signal };
}

/** The type part of an already-parsed id. */
export function typeOf(id: ComponentId): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

/** The signal of an already-parsed pipeline id. */
export function signalOf(id: PipelineId): Signal {
  const slash = id.indexOf('/');
  return (slash < 0 ? id : id.slice(0, slash)) as Signal;
}
