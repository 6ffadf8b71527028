/**
 * The state shared by the stages of one validation run: the files, the (merged) config view,
 * and the diagnostics found so far. Each stage walks this view once (config-semantics §10).
 */
import { isMap, type Node } from 'yaml';
import type { CatalogLookup } from '../catalog/catalog';
import type { ComponentId, ComponentKind, PipelineId, Signal } from '../config/componentId';
import type { ComponentDefinition, ComponentReference, ConfigModel, PipelineRole } from '../config/configModel';
import type { Diagnostic, DiagnosticStage, QuickFix, Severity, SourceRange } from '../diagnostics/diagnostic';
import { parseBlock, walkPath, type SlicedBlock, type SourceText } from './sourceText';
import type { EnvVariableUse, ValidationDiagnostic } from './validationTypes';

export interface FileInput {
  readonly source: SourceText;
  readonly model: ConfigModel;
  /**
   * The `service:` block parsed on its own (lazily, cached); null when absent or not readable
   * that way. A plain block-style service section is read from the model instead (one parse).
   */
  serviceBlock(): SlicedBlock | null;
}

export interface ComponentNode {
  readonly def: ComponentDefinition;
  readonly file: FileInput;
  readonly kind: ComponentKind;
  /** Normalised id when it parses, else the raw key. */
  readonly id: string;
  readonly type: string;
  /** The body as written (merged over earlier files). */
  readonly config: unknown;
  /** The body with `${...}` resolved from sample values where possible (for typed checks). */
  resolved: unknown;
  /** Catalogue entry, set by decode when the type is known. */
  catalog: CatalogLookup | null;
  /** False when decode failed for this component: later stages skip its rules. */
  decoded: boolean;
  /** Cache for `locate`. */
  block?: SlicedBlock | null;
}

export interface PipelineNode {
  readonly id: PipelineId;
  readonly rawKey: string;
  readonly signal: Signal | null;
  readonly idError: string | null;
  readonly file: FileInput;
  readonly keyRange: SourceRange;
  readonly range: SourceRange;
  readonly roles: Record<PipelineRole, readonly ComponentReference[]>;
}

export interface ServiceView {
  readonly file: FileInput;
  /** The `service` value as plain data (merged); null when absent/empty. */
  readonly plain: unknown;
  readonly keyRange: SourceRange | null;
}

export interface ResolvedOptions {
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
  readonly hasEnv: boolean;
  readonly featureGates: Readonly<Record<string, boolean>>;
}

export interface ValidationContext {
  readonly options: ResolvedOptions;
  readonly files: readonly FileInput[];
  readonly components: ComponentNode[];
  readonly pipelines: PipelineNode[];
  readonly serviceExtensions: { readonly refs: readonly ComponentReference[]; readonly file: FileInput } | null;
  readonly service: ServiceView | null;
  readonly rootKeys: readonly { key: string; range: SourceRange; file: FileInput }[];
  readonly diagnostics: ValidationDiagnostic[];
  readonly variables: EnvVariableUse[];
  /** Sections whose whole value is a `${...}` reference (e.g. `exporters: ${file:x.yaml}`): contents unknown (§4.3). */
  readonly opaqueSections: ReadonlySet<string>;
}

export interface Report {
  readonly message: string;
  readonly stage: DiagnosticStage;
  readonly code: string;
  readonly file: FileInput;
  readonly range: SourceRange | null;
  readonly severity?: Severity;
  readonly origin?: 'collector' | 'studio';
  readonly componentId?: string;
  readonly pipelineId?: string;
  readonly atStartup?: boolean;
  readonly docsUrl?: string | null;
  readonly explanation?: string;
  readonly fixes?: readonly QuickFix[];
}

/** Adds a diagnostic; collector origin and error severity unless told otherwise. */
export function report(ctx: ValidationContext, r: Report): ValidationDiagnostic {
  const d: Diagnostic & { file: string } = {
    severity: r.severity ?? 'error',
    message: r.message,
    range: r.range,
    stage: r.stage,
    origin: r.origin ?? 'collector',
    code: r.code,
    file: r.file.source.name,
    ...(r.componentId !== undefined ? { componentId: r.componentId } : {}),
    ...(r.pipelineId !== undefined ? { pipelineId: r.pipelineId } : {}),
    ...(r.atStartup ? { atStartup: true } : {}),
    ...(r.docsUrl ? { docsUrl: r.docsUrl } : {}),
    ...(r.explanation !== undefined ? { explanation: r.explanation } : {}),
    ...(r.fixes && r.fixes.length > 0 ? { fixes: r.fixes } : {}),
  };
  ctx.diagnostics.push(d);
  return d;
}

/**
 * The range of `path` inside a component body: the key (or list item) at the deepest step that
 * exists. Parses the component's block on first use; falls back to the component's key.
 */
export function locate(component: ComponentNode, path: readonly (string | number)[], prefer: 'key' | 'value' = 'key'): SourceRange {
  if (path.length === 0) return component.def.keyRange;
  if (component.block === undefined) component.block = parseBlock(component.file.source.text, component.def.keyRange.start.offset);
  const block = component.block;
  if (!block || !isMap(block.root)) return component.def.keyRange;
  const found = walkPath(block, [component.def.rawKey, ...path]);
  if (found.depth <= 1) return component.def.keyRange;
  const target = (found.depth === path.length + 1 && prefer === 'value' ? found.node : found.key) as Node | null;
  const r = target?.range;
  if (!r) return component.def.keyRange;
  return component.file.source.range(r[0] + block.base, r[1] + block.base);
}

/** Components of a kind by id (first wins: later duplicates were already reported). */
export function componentIndex(ctx: ValidationContext): Map<string, ComponentNode> {
  const index = new Map<string, ComponentNode>();
  for (const c of ctx.components) {
    const key = `${c.kind}:${c.id}`;
    if (!index.has(key)) index.set(key, c);
  }
  return index;
}

export type { ComponentId };
