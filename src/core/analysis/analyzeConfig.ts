/**
 * Text → everything the designer shows: model, graph, layout and diagnostics, in one pure call.
 * Runs in the analysis worker (so a 5 MB paste never blocks the page) and inline in tests.
 */
import { parseConfig } from '../config/parseConfig';
import type { ConfigModel } from '../config/configModel';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { EnvVariableUse } from '../validation/validationTypes';
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
  /** Every `${env:VAR}` use, for the Environment panel. */
  readonly variables: readonly EnvVariableUse[];
  /** True when the YAML itself could not be read; the UI keeps the last good graph, dimmed. */
  readonly broken: boolean;
}

/**
 * The full validator, plugged in by the engine (it reports the parse problems too, so its list
 * replaces the model's when the YAML is readable).
 */
export type Validator = (input: AnalysisInput) => { readonly diagnostics: readonly Diagnostic[]; readonly variables: readonly EnvVariableUse[] };

const BREAKING = new Set(['yaml-syntax', 'yaml-duplicate-key', 'root-not-map']);

/** Whether a model's own diagnostics mean the text is not readable YAML config. */
export function isBroken(model: ConfigModel): boolean {
  return !model.usable || model.diagnostics.some((d) => BREAKING.has(d.code) && d.severity === 'error');
}

/**
 * A stateful analyser: keeps the previous layout so that edits which do not change the structure
 * reuse every position (and skip layout work entirely).
 */
export function createAnalyzer(validate?: Validator) {
  let previous: GraphLayout | null = null;
  return function analyze(input: AnalysisInput): Analysis {
    const model = parseConfig(input.text);
    const graph = buildGraph(model);
    const layout = layoutIncremental(graph, previous);
    previous = layout;
    const broken = isBroken(model);
    // On broken YAML only the parse errors matter; everything else would be noise.
    const validation = !broken && validate ? validate(input) : null;
    return { model, graph, layout, diagnostics: validation ? validation.diagnostics : model.diagnostics, variables: validation?.variables ?? [], broken };
  };
}
