/**
 * The validator's entry for one or more files, merged in order like repeated `--config` flags
 * (config-semantics §4.1). Runs the stages R → U → V → B, then our advice. Unlike the Collector,
 * which stops at the first failing stage (§1), every problem is reported.
 */
import { DEFAULT_DISTRIBUTION, isKnownDistribution } from '../catalog/catalog';
import { runAdvice } from './advice/runAdvice';
import { buildContext } from './buildContext';
import { buildStage } from './stages/build';
import { decodeStage } from './stages/decode';
import { resolveStage } from './stages/resolve';
import { validateStage } from './stages/validate';
import type { ResolvedOptions } from './validationContext';
import { DEFAULT_FEATURE_GATES, type ValidationDiagnostic, type ValidationOptions, type ValidationResult } from './validationTypes';

const STAGE_ORDER = ['parse', 'resolve', 'decode', 'validate', 'build', 'advice'];

function resolveOptions(options: ValidationOptions): ResolvedOptions {
  const env = options.env ?? {};
  return {
    distribution: options.distribution ?? DEFAULT_DISTRIBUTION,
    env,
    hasEnv: Object.keys(env).length > 0,
    featureGates: { ...DEFAULT_FEATURE_GATES, ...(options.featureGates ?? {}) },
  };
}

/** Validates several files merged in order; each diagnostic names its file. */
export function validateFiles(files: readonly { name: string; text: string }[], options: ValidationOptions = {}): ValidationResult {
  const requested = options.distribution ?? DEFAULT_DISTRIBUTION;
  const known = isKnownDistribution(requested);
  const ctx = buildContext(files, resolveOptions(known ? options : { ...options, distribution: DEFAULT_DISTRIBUTION }));
  if (!known && ctx.files[0]) {
    ctx.diagnostics.push({
      severity: 'warning',
      message: `unknown distribution "${requested}"; validated against ${DEFAULT_DISTRIBUTION}`,
      range: ctx.files[0].source.range(0, 0),
      stage: 'parse',
      origin: 'studio',
      code: 'unknown-distribution',
      file: ctx.files[0].source.name,
    });
  }
  for (const file of ctx.files) {
    for (const d of file.model.diagnostics) {
      // Shape problems are re-reported by decode in the Collector's wording.
      if (d.code.startsWith('shape-')) continue;
      ctx.diagnostics.push({ ...d, file: file.source.name });
    }
  }
  if (ctx.files.some((f) => f.model.usable)) {
    resolveStage(ctx);
    decodeStage(ctx);
    validateStage(ctx);
    const used = buildStage(ctx);
    runAdvice(ctx, used);
  }
  const diagnostics: ValidationDiagnostic[] = ctx.diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => STAGE_ORDER.indexOf(a.d.stage) - STAGE_ORDER.indexOf(b.d.stage) || a.i - b.i)
    .map(({ d }) => d);
  return { diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), variables: ctx.variables };
}
