/**
 * OTelBin links: OTelBin keeps its state in the URL fragment as form-encoded parameters whose
 * values are JSURL2 (`#config=<jsurl2>&distro=<jsurl2>&distroVersion=<jsurl2>&env=<jsurl2>`;
 * dash0hq/otelbin:packages/otelbin/src/lib/urlState/serializeUrlState.ts writes them with
 * `URLSearchParams.set(name, stringify(value))`). Reading them makes every existing OTelBin link,
 * and the Grafana configurator's "Open in otelbin.io" button, open here too.
 */
import { decodeJsurl2, encodeJsurl2 } from './jsurl2';
import type { DistributionId } from '../catalog/catalog';

/** JSURL2 is not compressed, so OTelBin links grow with the config; refuse absurd sizes. */
export const MAX_OTELBIN_FRAGMENT_CHARS = 1_000_000;

/**
 * OTelBin's distribution ids that we also ship (dash0hq/otelbin:packages/otelbin-validation/src/
 * assets/supported-distributions.json also lists `adot` and `splunk-otel-collector`, which we
 * do not model).
 */
const DISTRIBUTIONS: Readonly<Record<string, DistributionId>> = {
  'otelcol-core': 'core',
  'otelcol-contrib': 'contrib',
};

export interface OtelbinDesign {
  readonly config: string;
  /** Our distribution for OTelBin's `distro`, or null when absent or not one of ours. */
  readonly distribution: DistributionId | null;
  /** OTelBin's own values, as written in the link. */
  readonly otelbinDistro: string | null;
  readonly otelbinVersion: string | null;
  readonly env: Readonly<Record<string, string>>;
  /** Things the user should know, e.g. that the link targets another Collector version. */
  readonly notes: readonly string[];
}

export type OtelbinDecodeResult = ({ ok: true } & OtelbinDesign) | { ok: false; message: string };

function fragmentOf(input: string): string {
  const hash = input.indexOf('#');
  return hash >= 0 ? input.slice(hash + 1) : input;
}

function optionalText(params: URLSearchParams, name: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const raw = params.get(name);
  if (raw === null || raw === '') return { ok: true, value: null };
  const decoded = decodeJsurl2(raw);
  if (!decoded.ok) return { ok: false, message: `The OTelBin link's ${name} is damaged: ${decoded.message}.` };
  if (decoded.value === null) return { ok: true, value: null };
  if (typeof decoded.value !== 'string') return { ok: false, message: `The OTelBin link's ${name} is not text.` };
  return { ok: true, value: decoded.value };
}

function readEnv(params: URLSearchParams): { ok: true; value: Record<string, string> } | { ok: false; message: string } {
  const raw = params.get('env');
  if (raw === null || raw === '') return { ok: true, value: {} };
  const decoded = decodeJsurl2(raw);
  if (!decoded.ok) return { ok: false, message: `The OTelBin link's env is damaged: ${decoded.message}.` };
  const value = decoded.value;
  if (value === null || value === true) return { ok: true, value: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: "The OTelBin link's env is not a set of names and values." };
  const entries: [string, string][] = [];
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    if (typeof item !== 'string') return { ok: false, message: `The OTelBin link's env value for ${JSON.stringify(name)} is not text.` };
    entries.push([name, item]);
  }
  return { ok: true, value: Object.fromEntries(entries) };
}

/**
 * Reads an OTelBin fragment (`#config=…`, with or without `#`, or a whole otelbin.io URL).
 * Accepts OTelBin's `distro`, `distroVersion` and `env` parameters when present. Never throws;
 * the config comes back as plain text, never markup.
 */
export function decodeOtelbinFragment(fragment: string): OtelbinDecodeResult {
  const hash = fragmentOf(fragment.trim());
  if (hash.length > MAX_OTELBIN_FRAGMENT_CHARS) {
    return { ok: false, message: `The OTelBin link is too long (${hash.length} characters; at most ${MAX_OTELBIN_FRAGMENT_CHARS}).` };
  }
  // URLSearchParams decodes `+` and `%XX` as OTelBin's encoder wrote them and never throws on bad escapes.
  const params = new URLSearchParams(hash);
  const rawConfig = params.get('config');
  if (rawConfig === null) return { ok: false, message: 'This is not an OTelBin link: it has no "#config=" part.' };
  const decoded = decodeJsurl2(rawConfig);
  if (!decoded.ok) return { ok: false, message: `The OTelBin link's config is damaged or truncated: ${decoded.message}.` };
  if (typeof decoded.value !== 'string') return { ok: false, message: "The OTelBin link's config is not text." };
  const distro = optionalText(params, 'distro');
  if (!distro.ok) return distro;
  const version = optionalText(params, 'distroVersion');
  if (!version.ok) return version;
  const env = readEnv(params);
  if (!env.ok) return env;

  const notes: string[] = [];
  const distribution = distro.value === null ? null : (DISTRIBUTIONS[distro.value] ?? null);
  if (distro.value !== null && distribution === null) {
    notes.push(`OTelBin validated this config against "${distro.value}", which Pipeline Studio does not model; choose the closest distribution (contrib has the most components).`);
  }
  if (version.value !== null) {
    notes.push(`The link was made for ${distro.value ?? 'a Collector'} ${version.value}; components renamed since then are flagged with their new names.`);
  }
  return { ok: true, config: decoded.value, distribution, otelbinDistro: distro.value, otelbinVersion: version.value, env: env.value, notes };
}

export interface OtelbinLinkInput {
  readonly config: string;
  /** OTelBin's distribution id, e.g. `otelcol-contrib`. */
  readonly distro?: string;
  /** OTelBin's version label, e.g. `v0.133.0`. */
  readonly distroVersion?: string;
}

/** Our distribution id → OTelBin's, for "Open in OTelBin"; null when OTelBin has no such build. */
export function otelbinDistroFor(distribution: DistributionId): string | null {
  for (const [otelbin, ours] of Object.entries(DISTRIBUTIONS)) if (ours === distribution) return otelbin;
  return null;
}

/** Builds the fragment (without `#`) that OTelBin itself would write for this state. */
export function encodeOtelbinFragment(input: OtelbinLinkInput): string {
  const params = new URLSearchParams();
  params.set('config', encodeJsurl2(input.config));
  if (input.distro !== undefined) params.set('distro', encodeJsurl2(input.distro));
  if (input.distroVersion !== undefined) params.set('distroVersion', encodeJsurl2(input.distroVersion));
  return params.toString();
}
