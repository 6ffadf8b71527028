/**
 * Share links without a server: the design travels in the URL fragment as versioned JSON,
 * raw-deflated and base64url-encoded (web-stack.md "URL sharing"). The fragment never reaches a
 * server. Decoding treats the link as hostile: every failure is a clear message, never a throw,
 * and every value that comes out is checked for its type (style.md #8: parse at the edge).
 *
 * Formats:
 * - `s1.` — `{ v: 1, c: config, d: distribution, e: env }` (the first release; still read).
 * - `s2.` — adds the preview's state: `s: { n: scenario name, o: settings }`, `r: seed`,
 *   `t: selected trace id`. A v1 payload migrates to v2 with no preview state.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

export const SHARE_VERSION = 2;
/** Larger links are refused before inflating: a guard against decompression bombs. */
export const MAX_SHARE_CHARS = 200_000;
/** The JSON inside a link may expand to at most this many bytes. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
const MAX_SCENARIO_NAME = 200;
/** Deeper settings than this are not a real scenario; refusing them keeps later code off the stack limit. */
const MAX_SETTINGS_DEPTH = 32;

/** The preview's data scenario: its name and settings, opaque to the link (any JSON value). */
export interface SharedScenario {
  readonly name: string;
  readonly settings: unknown;
}

/**
 * Everything a link carries. The preview fields are present only when the link holds them, so
 * a link made from the editor alone decodes to exactly `{ config, distribution, env }`.
 */
export interface SharedDesign {
  readonly config: string;
  readonly distribution: string;
  /** Sample values for `${env:NAME}` placeholders, by name. */
  readonly env: Readonly<Record<string, string>>;
  readonly scenario?: SharedScenario;
  /** The seed of the synthetic data generator, so the preview shows the same traces. */
  readonly seed?: number;
  /** The trace selected in the preview: 32 (or 16, Zipkin-style) hex digits. */
  readonly traceId?: string;
}

export type DecodeResult = { ok: true; design: SharedDesign } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null; // not base64: reported by the caller
  }
}

type Inflated = { ok: true; text: string } | { ok: false; message: string };

/**
 * Inflates in small steps and stops as soon as the output passes the cap, so a bomb never
 * allocates its full size (one 1 KiB input step expands to at most ~1 MiB).
 */
function inflateCapped(bytes: Uint8Array): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) over = true;
      else chunks.push(chunk);
    });
    const step = 1024;
    let offset = 0;
    do {
      const end = Math.min(offset + step, bytes.length);
      inflater.push(bytes.subarray(offset, end), end >= bytes.length);
      offset = end;
    } while (offset < bytes.length && !over);
  } catch {
    return { ok: false, message: 'The link is damaged or truncated: its payload does not decompress.' };
  }
  if (over) return { ok: false, message: 'The link expands to more than 8 MiB; refusing to open it.' };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  try {
    return { ok: true, text: strFromU8(joined) };
  } catch {
    return { ok: false, message: 'The link is damaged: its payload is not UTF-8 text.' };
  }
}

/** Encodes a design as the fragment payload (without `#`), e.g. `s2.<base64url>`. */
export function encodeShareFragment(design: SharedDesign): string {
  const payload: Record<string, unknown> = { v: SHARE_VERSION, c: design.config, d: design.distribution, e: design.env };
  if (design.scenario) payload.s = { n: design.scenario.name, o: design.scenario.settings };
  if (design.seed !== undefined) payload.r = design.seed;
  if (design.traceId !== undefined) payload.t = design.traceId;
  return `s${SHARE_VERSION}.${toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }))}`;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

function jsonDepthWithin(value: unknown, limit: number): boolean {
  if (limit < 0) return false;
  if (Array.isArray(value)) return value.every((item) => jsonDepthWithin(item, limit - 1));
  if (value !== null && typeof value === 'object') return Object.values(value).every((item) => jsonDepthWithin(item, limit - 1));
  return true;
}

function readEnv(raw: unknown): Checked<Record<string, string>> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, message: 'The link is damaged: its environment values are not a list of names and values.' };
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'string') {
      return { ok: false, message: `The link is damaged: the environment value for ${JSON.stringify(name)} is not text.` };
    }
    entries.push([name, value]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return { ok: true, value: Object.fromEntries(entries) };
}

function readScenario(raw: unknown): Checked<SharedScenario | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, message: 'The link is damaged: its data scenario is not an object.' };
  const { n, o } = raw as Record<string, unknown>;
  if (typeof n !== 'string') return { ok: false, message: 'The link is damaged: its data scenario has no name.' };
  if (n.length > MAX_SCENARIO_NAME) return { ok: false, message: `The link is damaged: its data scenario name is longer than ${MAX_SCENARIO_NAME} characters.` };
  if (!jsonDepthWithin(o, MAX_SETTINGS_DEPTH)) {
    return { ok: false, message: `The link is damaged: its data scenario settings nest deeper than ${MAX_SETTINGS_DEPTH} levels.` };
  }
  return { ok: true, value: { name: n, settings: o === undefined ? null : o } };
}

function readSeed(raw: unknown): Checked<number | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return { ok: false, message: 'The link is damaged: its sample-data seed is not a whole number.' };
  return { ok: true, value: raw };
}

function readTraceId(raw: unknown): Checked<string | undefined> {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw !== 'string' || !/^(?:[0-9a-fA-F]{16}){1,2}$/.test(raw)) {
    return { ok: false, message: 'The link is damaged: its selected trace id is not 16 or 32 hex digits.' };
  }
  return { ok: true, value: raw.toLowerCase() };
}

/** v1 → v2: v1 links carry no preview state, and an absent distribution meant `contrib`. */
function migrateV1(v: Record<string, unknown>): Record<string, unknown> {
  return { v: 2, c: v.c, d: v.d === undefined ? 'contrib' : v.d, e: v.e };
}

function readPayload(value: unknown, version: number): DecodeResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'The link holds no design.' };
  let v = value as Record<string, unknown>;
  if (v.v !== undefined && v.v !== version) {
    if (typeof v.v === 'number' && v.v > SHARE_VERSION) return newerVersion(v.v);
    return { ok: false, message: 'The link is damaged: its format number does not match its contents.' };
  }
  if (version === 1) v = migrateV1(v);
  if (typeof v.c !== 'string') return { ok: false, message: 'The link holds no config text.' };
  if (v.d !== undefined && typeof v.d !== 'string') return { ok: false, message: 'The link is damaged: its distribution is not text.' };
  const env = readEnv(v.e);
  if (!env.ok) return env;
  const scenario = readScenario(v.s);
  if (!scenario.ok) return scenario;
  const seed = readSeed(v.r);
  if (!seed.ok) return seed;
  const traceId = readTraceId(v.t);
  if (!traceId.ok) return traceId;
  const design: SharedDesign = {
    config: v.c,
    distribution: typeof v.d === 'string' ? v.d : 'contrib',
    env: env.value,
    ...(scenario.value ? { scenario: scenario.value } : {}),
    ...(seed.value !== undefined ? { seed: seed.value } : {}),
    ...(traceId.value !== undefined ? { traceId: traceId.value } : {}),
  };
  return { ok: true, design };
}

function newerVersion(version: number): { ok: false; message: string } {
  return { ok: false, message: `This link was made by a newer Pipeline Studio (format ${version}); this version reads formats 1 to ${SHARE_VERSION}.` };
}

/** Decodes a fragment made by `encodeShareFragment` (any format up to the current one); `#` and a leading `share=` are accepted. */
export function decodeShareFragment(fragment: string): DecodeResult {
  const raw = fragment.replace(/^#/, '').replace(/^share=/, '');
  const match = /^s(\d{1,6})\.(.*)$/s.exec(raw);
  if (!match) return { ok: false, message: 'This link does not contain a Pipeline Studio design.' };
  const version = Number(match[1]);
  if (version > SHARE_VERSION) return newerVersion(version);
  if (version < 1) return { ok: false, message: `Unknown share format ${match[1]}.` };
  const body = match[2] ?? '';
  if (body.length > MAX_SHARE_CHARS) return { ok: false, message: `The link is too long (${body.length} characters; at most ${MAX_SHARE_CHARS}).` };
  const bytes = fromBase64Url(body);
  if (!bytes) return { ok: false, message: 'The link is damaged: its payload is not valid base64url.' };
  const inflated = inflateCapped(bytes);
  if (!inflated.ok) return inflated;
  let value: unknown;
  try {
    value = JSON.parse(inflated.text);
  } catch {
    return { ok: false, message: 'The link is damaged: its payload is not valid JSON.' };
  }
  return readPayload(value, version);
}
