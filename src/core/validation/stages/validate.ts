/**
 * Stage V (config-semantics §6): root checks (§6.1), service and pipeline checks (§6.2),
 * telemetry, and every decoded component's `Validate()` rules (§6.3–6.4), used or not.
 */
import { sectionOf, type ComponentKind } from '../../config/componentId';
import type { ComponentReference } from '../../config/configModel';
import type { SourceRange } from '../../diagnostics/diagnostic';
import { componentRuleFor } from '../componentRules/componentRuleRegistry';
import { ruleReader, type Path } from '../componentRules/ruleReader';
import { defineComponentFix } from '../fixes/defineComponentFix';
import { goQuote } from '../goFormat';
import { locateService } from '../locateService';
import { componentIndex, locate, report, type ComponentNode, type ValidationContext } from '../validationContext';

function isMapValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The message of a component rule, under its `<section>::<id>` path (§6). */
function componentPrefix(c: ComponentNode, message: string): string {
  const base = `${sectionOf(c.kind)}::${c.id}`;
  return message.startsWith('::') ? `${base}${message}` : `${base}: ${message}`;
}

function startRange(ctx: ValidationContext): SourceRange {
  const file = ctx.files[0]!;
  return ctx.rootKeys[0]?.range ?? file.source.range(0, 0);
}

function rootChecks(ctx: ValidationContext, index: Map<string, ComponentNode>): void {
  const file = ctx.files[0]!;
  // A component whose id fails to parse is still "there" (decode reported it); do not cascade.
  const defined = (kind: ComponentKind): boolean => ctx.opaqueSections.has(sectionOf(kind)) || ctx.components.some((c) => c.kind === kind);
  const allowNoPipelines = ctx.options.featureGates['service.AllowNoPipelines'] === true;
  if (ctx.components.length === 0 && ctx.opaqueSections.size === 0) {
    report(ctx, { message: 'empty configuration file', stage: 'validate', code: 'empty-config', file, range: startRange(ctx) });
  } else if (!allowNoPipelines) {
    if (!defined('receiver')) report(ctx, { message: 'no receiver configuration specified in config', stage: 'validate', code: 'no-receivers', file, range: startRange(ctx) });
    if (!defined('exporter')) report(ctx, { message: 'no exporter configuration specified in config', stage: 'validate', code: 'no-exporters', file, range: startRange(ctx) });
  }
  for (const c of ctx.components) {
    if (c.kind !== 'connector' || c.def.idError) continue;
    for (const other of ['exporter', 'receiver'] as const) {
      if (!index.has(`${other}:${c.id}`)) continue;
      report(ctx, {
        message: `connectors::${c.id}: ambiguous ID: Found both ${goQuote(c.id)} ${other} and ${goQuote(c.id)} connector. Change one of the components' IDs to eliminate ambiguity (e.g. rename ${goQuote(c.id)} connector to ${goQuote(`${c.id}/connector`)})`,
        stage: 'validate',
        code: 'ambiguous-connector',
        file: c.file,
        range: c.def.keyRange,
        componentId: c.id,
      });
    }
  }
  const ext = ctx.serviceExtensions;
  if (ext) {
    for (const ref of ext.refs) {
      if (!ref.id || index.has(`extension:${ref.id}`) || ctx.opaqueSections.has('extensions')) continue;
      report(ctx, {
        message: `service::extensions: references extension ${goQuote(ref.id)} which is not configured`,
        stage: 'validate',
        code: 'undefined-reference',
        file: ext.file,
        range: ref.range,
        componentId: ref.id,
        fixes: defineComponentFix(ctx, 'extension', ref.id),
      });
    }
  }
  for (const p of ctx.pipelines) {
    if (p.idError) continue;
    const check = (refs: readonly ComponentReference[], role: string, kinds: ComponentKind[]): void => {
      for (const ref of refs) {
        if (!ref.id || kinds.some((k) => index.has(`${k}:${ref.id}`) || ctx.opaqueSections.has(sectionOf(k)))) continue;
        report(ctx, {
          message: `service::pipelines::${p.id}: references ${role} ${goQuote(ref.id)} which is not configured`,
          stage: 'validate',
          code: 'undefined-reference',
          file: p.file,
          range: ref.range,
          componentId: ref.id,
          pipelineId: p.id,
          fixes: defineComponentFix(ctx, kinds[0]!, ref.id),
        });
      }
    };
    check(p.roles.receivers, 'receiver', ['receiver', 'connector']);
    check(p.roles.processors, 'processor', ['processor']);
    check(p.roles.exporters, 'exporter', ['exporter', 'connector']);
  }
}

function pipelineChecks(ctx: ValidationContext): void {
  const file = ctx.service?.file ?? ctx.files[0]!;
  const pipelinesValue = isMapValue(ctx.service?.plain) ? (ctx.service.plain as Record<string, unknown>).pipelines : undefined;
  const pipelinesShapeBroken = pipelinesValue !== undefined && pipelinesValue !== null && !isMapValue(pipelinesValue);
  if (ctx.pipelines.length === 0 && !pipelinesShapeBroken && ctx.options.featureGates['service.AllowNoPipelines'] !== true) {
    report(ctx, {
      message: 'service::pipelines: service must have at least one pipeline',
      stage: 'validate',
      code: 'no-pipelines',
      file,
      range: ctx.service?.keyRange ?? startRange(ctx),
    });
  }
  for (const p of ctx.pipelines) {
    if (p.idError) continue;
    if (p.signal === 'profiles' && ctx.options.featureGates['service.profilesSupport'] !== true) {
      report(ctx, {
        message: `service::pipelines: pipeline ${goQuote(p.id)}: profiling signal support is at alpha level, gated under the "service.profilesSupport" feature gate`,
        stage: 'validate',
        code: 'profiles-gate',
        file: p.file,
        range: p.keyRange,
        pipelineId: p.id,
      });
    }
    const where = `service::pipelines::${p.id}`;
    const at = { stage: 'validate' as const, file: p.file, range: p.keyRange, pipelineId: p.id };
    if (p.roles.receivers.length === 0) {
      report(ctx, { ...at, message: `${where}: must have at least one receiver`, code: 'pipeline-no-receivers' });
      continue;
    }
    if (p.roles.exporters.length === 0) {
      report(ctx, { ...at, message: `${where}: must have at least one exporter`, code: 'pipeline-no-exporters' });
      continue;
    }
    const seen = new Set<string>();
    for (const ref of p.roles.processors) {
      if (!ref.id) continue;
      if (seen.has(ref.id)) {
        report(ctx, { ...at, range: ref.range, message: `${where}: references processor ${goQuote(ref.id)} multiple times`, code: 'pipeline-duplicate-processor', componentId: ref.id });
        break;
      }
      seen.add(ref.id);
    }
  }
}

function telemetryChecks(ctx: ValidationContext): void {
  const service = ctx.service;
  if (!service || !isMapValue(service.plain)) return;
  const telemetry = service.plain.telemetry;
  if (!isMapValue(telemetry) || !isMapValue(telemetry.metrics)) return;
  const metrics = telemetry.metrics;
  const level = typeof metrics.level === 'string' ? metrics.level.toLowerCase() : 'normal';
  const at = (path: Path): SourceRange | null => locateService(service.file, ['telemetry', 'metrics', ...path]);
  if (level !== 'none' && Array.isArray(metrics.readers) && metrics.readers.length === 0) {
    report(ctx, { message: 'service::telemetry: collector telemetry metrics reader should exist when metric level is not none', stage: 'validate', code: 'telemetry', file: service.file, range: at(['readers']) });
  }
  if (Array.isArray(metrics.views) && metrics.views.length > 0 && level !== 'detailed') {
    report(ctx, {
      message: 'service::telemetry: service::telemetry::metrics::views can only be set when service::telemetry::metrics::level is detailed',
      stage: 'validate',
      code: 'telemetry',
      file: service.file,
      range: at(['views']),
    });
  }
}

function componentChecks(ctx: ValidationContext): void {
  for (const c of ctx.components) {
    if (!c.decoded || !c.catalog) continue;
    const rule = componentRuleFor(c.kind, c.catalog.entry.type);
    if (!rule?.validate) continue;
    rule.validate(ruleReader(c.resolved), (message, path = []) => {
      report(ctx, {
        message: componentPrefix(c, message),
        stage: 'validate',
        code: 'component-validate',
        file: c.file,
        range: locate(c, path),
        componentId: c.id,
        docsUrl: c.catalog?.entry.docsUrl ?? null,
      });
    });
  }
}

/** Runs stage V. */
export function validateStage(ctx: ValidationContext): void {
  const index = componentIndex(ctx);
  rootChecks(ctx, index);
  componentChecks(ctx);
  pipelineChecks(ctx);
  telemetryChecks(ctx);
}
