/**
 * The component catalogue: which component types exist, their signals, stability, deprecated
 * aliases and which distribution ships them — generated from the registry of Collector v0.159
 * (`reference/components/registry.json`), never guessed from a name.
 */
import data from './catalogData.json';
import type { ComponentKind, Signal } from '../config/componentId';

export type StabilityLevel = 'development' | 'alpha' | 'beta' | 'stable' | 'deprecated' | 'unmaintained' | string;

export interface CatalogEntry {
  readonly type: string;
  readonly kind: ComponentKind;
  readonly deprecatedTypes: readonly string[];
  readonly displayName: string;
  readonly description: string;
  /** Signals for receivers, processors and exporters; empty for extensions. */
  readonly signals: readonly Signal[];
  /** Connectors: `traces_to_metrics` and so on. */
  readonly signalPairs: readonly string[];
  /** signal (or `<in>_to_<out>`, or `extension`) → level. */
  readonly stability: Readonly<Record<string, StabilityLevel>>;
  readonly distributions: readonly string[];
  readonly docsUrl: string | null;
  readonly subtype?: string;
}

/** A distribution id from the registry (`core`, `contrib`, `k8s`, `otlp`, ...) or `custom`. */
export type DistributionId = string;

export interface DistributionInfo {
  readonly id: DistributionId;
  readonly label: string;
  /** The binary name users know it by. */
  readonly binary: string;
}

const BINARIES: Record<string, string> = {
  core: 'otelcol',
  contrib: 'otelcol-contrib',
  k8s: 'otelcol-k8s',
  otlp: 'otelcol-otlp',
  'ebpf-profiler': 'otelcol-ebpf-profiler',
};

export const CUSTOM_DISTRIBUTION = 'custom';
export const DEFAULT_DISTRIBUTION = 'contrib';
export const COLLECTOR_VERSION: string = data.collectorVersion;

const entries = data.components as unknown as CatalogEntry[];

/** Every distribution of the registry, then `custom` (any type accepted, unknown ones warned). */
export function listDistributions(): DistributionInfo[] {
  const list = data.distributions.map((id) => ({ id, label: `${BINARIES[id] ?? id}`, binary: BINARIES[id] ?? id }));
  return [...list, { id: CUSTOM_DISTRIBUTION, label: 'custom build', binary: 'custom' }];
}

export function isKnownDistribution(id: string): boolean {
  return id === CUSTOM_DISTRIBUTION || data.distributions.includes(id);
}

/** All catalogue entries (the registry's 270 components). */
export function allComponents(): readonly CatalogEntry[] {
  return entries;
}

/**
 * Entries shipped by a distribution, in registry order. `custom` lists the whole registry:
 * a custom build may include any of them.
 */
export function componentsOf(distribution: DistributionId, kind?: ComponentKind): CatalogEntry[] {
  return entries.filter(
    (e) => (kind === undefined || e.kind === kind) && (distribution === CUSTOM_DISTRIBUTION || e.distributions.includes(distribution)),
  );
}

const byKindType = new Map<string, CatalogEntry>();
const byKindAlias = new Map<string, CatalogEntry>();
for (const e of entries) {
  byKindType.set(`${e.kind}:${e.type}`, e);
  for (const alias of e.deprecatedTypes) byKindAlias.set(`${e.kind}:${alias}`, e);
}

export interface CatalogLookup {
  readonly entry: CatalogEntry;
  /** Set when `type` is a deprecated alias of `entry.type` (e.g. exporter `otlp` → `otlp_grpc`). */
  readonly viaAlias: string | null;
}

/**
 * Finds a component by kind and type, following deprecated aliases per kind: `otlp` is the OTLP
 * receiver's own type but the deprecated alias of the `otlp_grpc` exporter (config-semantics §3.1).
 */
export function findComponent(kind: ComponentKind, type: string): CatalogLookup | null {
  const direct = byKindType.get(`${kind}:${type}`);
  if (direct) return { entry: direct, viaAlias: null };
  const alias = byKindAlias.get(`${kind}:${type}`);
  return alias ? { entry: alias, viaAlias: type } : null;
}

/** Whether a distribution ships a component (custom: always). */
export function isShippedBy(entry: CatalogEntry, distribution: DistributionId): boolean {
  return distribution === CUSTOM_DISTRIBUTION || entry.distributions.includes(distribution);
}

/** The stability levels of an entry, de-duplicated, most mature first (for a badge). */
export function stabilitySummary(entry: CatalogEntry): string {
  const order = ['stable', 'beta', 'alpha', 'development', 'unmaintained', 'deprecated'];
  const levels = [...new Set(Object.values(entry.stability))];
  levels.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return levels.join(', ') || 'unknown';
}
