/**
 * Stage R (config-semantics §4): finds every `${...}` reference in values, reports the errors the
 * Collector raises regardless of the environment (§4.3), lists env variable uses, and, when the
 * user gave sample values, resolves them so later stages can check types (`resolved`).
 */
import { parse as parseYaml } from 'yaml';
import type { SourceRange } from '../../diagnostics/diagnostic';
import { locateService } from '../locateService';
import { mayHavePlaceholder, scanPlaceholders } from '../placeholders';
import { locate, report, type ComponentNode, type FileInput, type ValidationContext } from '../validationContext';

type Path = (string | number)[];

interface Visit {
  readonly file: FileInput;
  readonly componentId?: string;
  rangeOf(path: Path): SourceRange | null;
}

function refRange(visit: Visit, path: Path, raw: string): SourceRange | null {
  const valueRange = visit.rangeOf(path);
  if (!valueRange) return null;
  const text = visit.file.source.text;
  const at = text.indexOf(raw, valueRange.start.offset);
  if (at >= 0 && at < Math.max(valueRange.end.offset, valueRange.start.offset + 1)) return visit.file.source.range(at, at + raw.length);
  return valueRange;
}

function resolveString(ctx: ValidationContext, visit: Visit, value: string, path: Path): unknown {
  const scan = scanPlaceholders(value, ctx.options.env);
  for (const use of scan.uses) {
    const range = use.index >= 0 ? refRange(visit, path, use.raw) : visit.rangeOf(path);
    if (use.error) {
      report(ctx, {
        message: use.error,
        stage: 'resolve',
        code: 'resolve-reference',
        file: visit.file,
        range,
        ...(visit.componentId ? { componentId: visit.componentId } : {}),
      });
    } else if (use.scheme === 'env' && use.name) {
      ctx.variables.push({
        name: use.name,
        defaultValue: use.defaultValue,
        range,
        file: visit.file.source.name,
        ...(visit.componentId ? { componentId: visit.componentId } : {}),
      });
    }
  }
  if (!ctx.options.hasEnv || scan.resolved === null || !scan.hasReference) return value;
  // A reference that is the whole scalar is re-read as YAML and may change type (§4.2).
  if (scan.uses[0]?.whole) {
    try {
      return parseYaml(scan.resolved) as unknown;
    } catch {
      return scan.resolved;
    }
  }
  return scan.resolved;
}

function walk(ctx: ValidationContext, visit: Visit, value: unknown, path: Path): unknown {
  if (typeof value === 'string') return mayHavePlaceholder(value) ? resolveString(ctx, visit, value, path) : value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item, i) => {
      const r = walk(ctx, visit, item, [...path, i]);
      if (r !== item) changed = true;
      return r;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = walk(ctx, visit, v, [...path, k]);
      if (r !== v) changed = true;
      out[k] = r;
    }
    return changed ? out : value;
  }
  return value;
}

function componentVisit(c: ComponentNode): Visit {
  return { file: c.file, componentId: c.id, rangeOf: (path) => locate(c, path, 'value') };
}

/** Runs stage R over every component body and the service section. */
export function resolveStage(ctx: ValidationContext): void {
  // Most configs have no references at all: one scan of the text skips the walk.
  if (!ctx.files.some((f) => f.source.text.includes('${'))) return;
  for (const c of ctx.components) c.resolved = walk(ctx, componentVisit(c), c.config, []);
  const service = ctx.service;
  if (service && service.plain !== undefined) {
    walk(ctx, { file: service.file, rangeOf: (path) => locateService(service.file, path, 'value') }, service.plain, []);
  }
}
