/**
 * Share links without a server: the design travels in the URL fragment as versioned JSON,
 * raw-deflated and base64url-encoded (web-stack.md "URL sharing"). The fragment never reaches a
 * server. Decoding treats the link as hostile: every failure is a clear message, never a throw.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

export const SHARE_VERSION = 1;
/** Larger links are refused before inflating: a guard against decompression bombs. */
export const MAX_SHARE_CHARS = 200_000;
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export interface SharedDesign {
  readonly config: string;
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
}

export type DecodeResult = { ok: true; design: SharedDesign } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
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

/** Encodes a design as the fragment payload (without `#`), e.g. `s1.<base64url>`. */
export function encodeShareFragment(design: SharedDesign): string {
  const json = JSON.stringify({ v: SHARE_VERSION, c: design.config, d: design.distribution, e: design.env });
  return `s${SHARE_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Decodes a fragment made by `encodeShareFragment`; `#` and a leading `share=` are accepted. */
export function decodeShareFragment(fragment: string): DecodeResult {
  const raw = fragment.replace(/^#/, '').replace(/^share=/, '');
  const match = /^s(\d+)\.(.*)$/s.exec(raw);
  if (!match) return { ok: false, message: 'This link does not contain a Pipeline Studio design.' };
  const version = Number(match[1]);
  if (version > SHARE_VERSION) return { ok: false, message: `This link was made by a newer Pipeline Studio (format ${version}); this version reads format ${SHARE_VERSION}.` };
  if (version < 1) return { ok: false, message: `Unknown share format ${match[1]}.` };
  const body = match[2] ?? '';
  if (body.length > MAX_SHARE_CHARS) return { ok: false, message: `The link is too long (${body.length} characters; at most ${MAX_SHARE_CHARS}).` };
  const bytes = fromBase64Url(body);
  if (!bytes) return { ok: false, message: 'The link is damaged: its payload is not valid base64url.' };
  let json: string;
  try {
    const inflated = inflateSync(bytes);
    if (inflated.length > MAX_INFLATED_BYTES) return { ok: false, message: 'The link expands to more than 8 MiB; refusing to open it.' };
    json = strFromU8(inflated);
  } catch {
    return { ok: false, message: 'The link is damaged or truncated: its payload does not decompress.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The link is damaged: its payload is not valid JSON.' };
  }
  if (!value || typeof value !== 'object') return { ok: false, message: 'The link holds no design.' };
  const v = value as Record<string, unknown>;
  if (typeof v.c !== 'string') return { ok: false, message: 'The link holds no config text.' };
  const env: Record<string, string> = {};
  if (v.e && typeof v.e === 'object') {
    for (const [key, val] of Object.entries(v.e as Record<string, unknown>)) if (typeof val === 'string') env[key] = val;
  }
  return { ok: true, design: { config: v.c, distribution: typeof v.d === 'string' ? v.d : 'contrib', env } };
}
