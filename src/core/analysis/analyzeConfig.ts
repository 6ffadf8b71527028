/**
 * Text → everything the designer shows: model, graph, layout and diagnostics, in one pure call.
 * Runs in the analysis worker (so a 5 MB paste never blocks the page) and inline in tests.
 */
import { parseConfig } from '../config/parseConfig';
import type { ConfigModel } from '../config/configModel';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { buildGraph } from '../graph/buildGraph';
import { layoutIncremental, type GraphLayout } from '../graph/layoutGraph';
import type { PipelineGraph } from '../graph/pipelineGraph';

export interface AnalysisInput {
  readonly text: string;
  readonly distribution: string;
  readonly env: Readonly<Record<string, string>>;
}

export interface Analysis {
  readonly model: ConfigModel;
  readonly graph: PipelineGraph;
  readonly layout: GraphLayout;
  readonly diagnostics: readonly Diagnostic[];
  /** True when the YAML itself could not be read; the UI keeps the last good graph, dimmed. */
  readonly broken: boolean;
}

/** Extra diagnostics from later stages (validation), plugged in by the composition root. */
export type DiagnosticSource = (input: AnalysisInput, model: ConfigModel) => readonly Diagnostic[];

const BREAKING = new Set(['yaml-syntax', 'yaml-duplicate-key', 'root-not-map']);

/** Whether a model's own diagnostics mean the text is not readable YAML config. */
export function isBroken(model: ConfigModel): boolean {
  return !model.usable || model.diagnostics.some((d) => BREAKING.has(d.code) && d.severity === 'error');
}

/**
 * A stateful analyser: keeps the previous layout so that edits which do not change the structure
 * reuse every position (and skip layout work entirely).
 */
export function createAnalyzer(extra: DiagnosticSource[] = []) {
  let previous: GraphLayout | null = null;
  return function analyze(input: AnalysisInput): Analysis {
    const model = parseConfig(input.text);
    const graph = buildGraph(model);
    const layout = layoutIncremental(graph, previous);
    previous = layout;
    const diagnostics: Diagnostic[] = [...model.diagnostics];
    const broken = isBroken(model);
    if (!broken) for (const source of extra) diagnostics.push(...source(input, model));
    return { model, graph, layout, diagnostics, broken };
  };
}
