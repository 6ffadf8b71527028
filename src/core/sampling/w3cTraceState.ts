import { parseRValue, parseTValue, thresholdToTValue } from './samplingThreshold';

/**
 * The W3C `tracestate` parser and serialiser of the Collector's `pkg/sampling` (sampling-spec §3.5),
 * used by `probabilistic_sampler` and by the tail `probabilistic` policy under `usetracestate`.
 * (The tail `trace_state` policy uses the OpenTelemetry-Go parser instead: see `parseGoTraceState`.)
 */

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** The `ot` member: `rv`, `th` and other keys in order. Mutable: samplers update `th`. */
export interface OTelTraceState {
  /** r-value text as received (case kept), '' if absent. */
  rvalue: string;
  randomness: bigint;
  /** t-value text as received or as last written, '' if absent. */
  tvalue: string;
  threshold: bigint;
  extra: KeyValue[];
}

export interface W3CTraceState {
  ot: OTelTraceState;
  others: KeyValue[];
}

export type ParsedW3CTraceState =
  | { readonly ok: true; readonly state: W3CTraceState }
  /** `state` holds what was parsed before the error (Go returns the partial value too). */
  | { readonly ok: false; readonly error: string; readonly state: W3CTraceState };

const MAX_W3C_LENGTH = 1024;
const MAX_OTEL_LENGTH = 256;
const MAX_ITEMS = 32;
const MAX_KEY_LENGTH = 256;
const MAX_TENANT_LENGTH = 241;
const MAX_SYSTEM_LENGTH = 14;

const KEY = '(?:(?:[a-z][a-z0-9\\-*/_]*)|(?:[a-z0-9][a-z0-9\\-*/_]*@[a-z][a-z0-9\\-*/_]*))';
const VALUE = '[\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e]';
const OWS_MEMBER_OWS = `(?:[ \\t]*(?:${KEY}=${VALUE})?[ \\t]*)`;
const W3C_RE = new RegExp(`^${OWS_MEMBER_OWS}(?:,${OWS_MEMBER_OWS})*$`);
const OTEL_MEMBER = '(?:[a-z][a-z0-9]*:[a-zA-Z0-9._\\-]*)';
const OTEL_RE = new RegExp(`^${OTEL_MEMBER}(?:;${OTEL_MEMBER})*$`);

const SYNTAX_ERROR = 'invalid syntax';
const SIZE_ERROR = 'invalid tracestate size';

export function emptyOTelTraceState(): OTelTraceState {
  return { rvalue: '', randomness: 0n, tvalue: '', threshold: 0n, extra: [] };
}

/**
 * Splits on `separator`, trims spaces/tabs, skips empty members and members without `equality`,
 * calling `f` for each pair; counting every item, the 32nd is an error (§3.5).
 */
function scan(input: string, separator: string, equality: string, f: (key: string, value: string) => string | undefined): string | undefined {
  let items = 0;
  let rest = input;
  while (rest !== '') {
    items++;
    if (items >= MAX_ITEMS) return SIZE_ERROR;
    const sep = rest.indexOf(separator);
    let member: string;
    if (sep < 0) {
      member = rest;
      rest = '';
    } else {
      member = rest.slice(0, sep);
      rest = rest.slice(sep + 1);
    }
    member = member.replace(/^[ \t]+|[ \t]+$/g, '');
    if (member === '') continue;
    const eq = member.indexOf(equality);
    if (eq < 0) continue;
    const err = f(member.slice(0, eq), member.slice(eq + 1));
    if (err !== undefined) return err;
  }
  return undefined;
}

/** Parses the `ot` vendor value (`k:v;k:v`), §3.4/§3.5. */
export function parseOTelTraceState(input: string): { ot: OTelTraceState; error?: string } {
  const ot = emptyOTelTraceState();
  if (input.length > MAX_OTEL_LENGTH) return { ot, error: SIZE_ERROR };
  if (!OTEL_RE.test(input)) return { ot, error: SYNTAX_ERROR };
  const error = scan(input, ';', ':', (key, value) => {
    if (key === 'rv') {
      const r = parseRValue(value);
      if (r.ok) {
        ot.rvalue = value;
        ot.randomness = r.value;
        return undefined;
      }
      ot.rvalue = '';
      ot.randomness = 0n;
      return r.error;
    }
    if (key === 'th') {
      const t = parseTValue(value);
      if (t.ok) {
        ot.tvalue = value;
        ot.threshold = t.value;
        return undefined;
      }
      ot.tvalue = '';
      ot.threshold = 0n;
      return t.error;
    }
    ot.extra.push({ key, value });
    return undefined;
  });
  return error === undefined ? { ot } : { ot, error };
}

function keyWithinLimits(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH) return false;
  const at = key.indexOf('@');
  if (at < 0) return true;
  return at <= MAX_TENANT_LENGTH && key.length - at - 1 <= MAX_SYSTEM_LENGTH;
}

/** `NewW3CTraceState` (§3.5): grammar check, member limits, `ot` parsed, other vendors kept in order. */
export function parseW3CTraceState(input: string): ParsedW3CTraceState {
  const state: W3CTraceState = { ot: emptyOTelTraceState(), others: [] };
  if (input.length > MAX_W3C_LENGTH) return { ok: false, error: SIZE_ERROR, state };
  if (!W3C_RE.test(input)) return { ok: false, error: SYNTAX_ERROR, state };
  const error = scan(input, ',', '=', (key, value) => {
    if (!keyWithinLimits(key)) return SIZE_ERROR;
    if (key === 'ot') {
      const parsed = parseOTelTraceState(value);
      state.ot = parsed.ot;
      return parsed.error;
    }
    state.others.push({ key, value });
    return undefined;
  });
  return error === undefined ? { ok: true, state } : { ok: false, error, state };
}

export function hasRValue(ot: OTelTraceState): boolean {
  return ot.rvalue !== '';
}

export function hasTValue(ot: OTelTraceState): boolean {
  return ot.tvalue !== '';
}

/** Sets `th` to the canonical t-value of `threshold` ("never" removes it). */
export function setThreshold(ot: OTelTraceState, threshold: bigint): void {
  ot.threshold = threshold;
  ot.tvalue = thresholdToTValue(threshold);
}

export function clearThreshold(ot: OTelTraceState): void {
  ot.threshold = 0n;
  ot.tvalue = '';
}

/** Serialises `ot=` first (rv, th, other ot keys), then the other vendors in order (§3.5). */
export function serializeW3CTraceState(state: W3CTraceState): string {
  const parts: string[] = [];
  const ot = state.ot;
  const otParts: string[] = [];
  if (ot.rvalue !== '') otParts.push(`rv:${ot.rvalue}`);
  if (ot.tvalue !== '') otParts.push(`th:${ot.tvalue}`);
  for (const kv of ot.extra) otParts.push(`${kv.key}:${kv.value}`);
  if (otParts.length > 0) parts.push(`ot=${otParts.join(';')}`);
  for (const kv of state.others) parts.push(`${kv.key}=${kv.value}`);
  return parts.join(',');
}
