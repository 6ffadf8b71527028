/**
 * The typed view of a Collector config that the graph, the validator and the UI read.
 * It is derived from the YAML text (the single source of truth, sync-design.md) and is plain
 * data, so it crosses the worker boundary by structured clone.
 */
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic';
import type { ComponentId, ComponentKind, PipelineId, Signal } from './componentId';

/** A component definition under `receivers:`, `processors:`, ... */
export interface ComponentDefinition {
  /** The normalised id; for an id that does not parse, the raw key (see `idError`). */
  readonly id: ComponentId;
  readonly kind: ComponentKind;
  readonly type: string;
  readonly name: string;
  /** The key exactly as written. */
  readonly rawKey: string;
  /** The Collector's message when the key is not a valid id (config-semantics §3.1). */
  readonly idError: string | null;
  readonly keyRange: SourceRange;
  /** The key and its whole body. */
  readonly range: SourceRange;
  /** The body as plain data (`null` for an empty body: all defaults). Aliases resolved. */
  readonly config: unknown;
}

/** One entry of a pipeline's `receivers`, `processors` or `exporters` list, or of `service.extensions`. */
export interface ComponentReference {
  readonly raw: string;
  /** The normalised id, or null when the text is not a valid id. */
  readonly id: ComponentId | null;
  readonly idError: string | null;
  readonly range: SourceRange;
  readonly index: number;
}

export type PipelineRole = 'receivers' | 'processors' | 'exporters';
export const PIPELINE_ROLES: readonly PipelineRole[] = ['receivers', 'processors', 'exporters'];

export interface PipelineDefinition {
  readonly id: PipelineId;
  /** Null when the pipeline key has an unknown signal. */
  readonly signal: Signal | null;
  readonly rawKey: string;
  readonly idError: string | null;
  readonly keyRange: SourceRange;
  readonly range: SourceRange;
  readonly receivers: readonly ComponentReference[];
  readonly processors: readonly ComponentReference[];
  readonly exporters: readonly ComponentReference[];
}

/** How the Collector config was found inside a wrapper document (ConfigMap, Operator CR, Helm values). */
export interface Unwrapping {
  readonly kind: 'configmap' | 'operator-v1alpha1' | 'operator-v1beta1' | 'helm-values';
  /** What the user is told, e.g. "Collector config read from ConfigMap otel-conf, key relay". */
  readonly description: string;
  /** The range of the wrapper's value that holds the config. */
  readonly range: SourceRange;
}

export interface ConfigModel {
  /** Definitions in document order, all kinds. */
  readonly components: readonly ComponentDefinition[];
  readonly pipelines: readonly PipelineDefinition[];
  readonly serviceExtensions: readonly ComponentReference[];
  /** Top-level keys in order (for root checks and the outline). */
  readonly rootKeys: readonly { key: string; range: SourceRange }[];
  readonly unwrapped: Unwrapping | null;
  /** Problems found while reading the YAML (syntax, duplicate keys, wrong shapes). */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the text could be read as a config at all (a mapping at the root). */
  readonly usable: boolean;
}

/** Finds a definition by kind and id. */
export function findDefinition(model: ConfigModel, kind: ComponentKind, id: string): ComponentDefinition | undefined {
  return model.components.find((c) => c.kind === kind && c.id === id);
}
