/**
 * Stage U (config-semantics §3, §5): root and section shapes, component and pipeline ids,
 * duplicates after trimming, known types per distribution (aliases, removed types), component
 * bodies against their schemas, the `service` section's keys and list shapes.
 */
import { parseComponentId, sectionOf, type ComponentKind } from '../../config/componentId';
import { componentsOf, CUSTOM_DISTRIBUTION, findComponent, isShippedBy } from '../../catalog/catalog';
import { componentRuleFor } from '../componentRules/componentRuleRegistry';
import { ruleReader } from '../componentRules/ruleReader';
import { goKindOf, goQuote, goTypeOf } from '../goFormat';
import { locateService } from '../locateService';
import { isPlaceholderValue } from '../opaqueValues';
import { checkComponentSchema } from '../schemaDecode';
import { fixIdSyntaxFix } from '../fixes/fixIdSyntaxFix';
import { aliasRenameFix, closestType, removedTypeFix, renameTypeFix } from '../fixes/renameFixes';
import { locate, report, type ComponentNode, type FileInput, type ValidationContext } from '../validationContext';

const ROOT_KEYS = ['receivers', 'processors', 'exporters', 'connectors', 'extensions', 'service'];
const SERVICE_KEYS = ['telemetry', 'extensions', 'pipelines'];
const TELEMETRY_KEYS = ['logs', 'metrics', 'traces', 'resource'];
const PIPELINE_KEYS = ['receivers', 'processors', 'exporters'];

function isMapValue(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rootChecks(ctx: ValidationContext): void {
  for (const { key, range, file } of ctx.rootKeys) {
    if (ROOT_KEYS.includes(key)) continue;
    const guess = closestType(key, ROOT_KEYS);
    report(ctx, {
      message: `'otelcol.configSettings' has invalid keys: ${key}`,
      stage: 'decode',
      code: 'unknown-key',
      file,
      range,
      ...(guess ? { fixes: [{ title: `Rename "${key}" to "${guess}"`, edits: [{ from: range.start.offset, to: range.end.offset, insert: guess }] }] } : {}),
    });
  }
  // Shapes the config model found, in the Collector's words (mapstructure decodeMap).
  for (const file of ctx.files) {
    for (const d of file.model.diagnostics) {
      if (d.code === 'shape-section') {
        const section = /^'(\w+)'/.exec(d.message)?.[1] ?? 'section';
        if (ctx.opaqueSections.has(section)) continue; // `exporters: ${file:...}`: contents unknown (§4.3)
        const got = /got (?:an? )?(\w+)/.exec(d.message)?.[1] ?? 'string';
        const kind = { list: 'slice', number: 'int', boolean: 'bool' }[got] ?? got;
        report(ctx, { message: `'${section}' expected a map, got '${kind}'`, stage: 'decode', code: 'section-shape', file, range: d.range });
      } else if (d.code.startsWith('shape-') && !file.serviceBlock()) {
        // The service block could not be read on its own; keep the model's wording.
        report(ctx, { message: d.message, stage: 'decode', code: d.code, file, range: d.range, ...(d.pipelineId ? { pipelineId: d.pipelineId } : {}) });
      }
    }
  }
}

function validTypesOf(kind: ComponentKind, distribution: string): string[] {
  const types: string[] = [];
  for (const e of componentsOf(distribution === CUSTOM_DISTRIBUTION ? 'contrib' : distribution, kind)) types.push(e.type, ...e.deprecatedTypes);
  return types;
}

function decodeComponentType(ctx: ValidationContext, c: ComponentNode, validTypes: Map<ComponentKind, string[]>): boolean {
  const section = sectionOf(c.kind);
  const custom = ctx.options.distribution === CUSTOM_DISTRIBUTION;
  if (c.type === 'logging') {
    report(ctx, {
      message: `'${section}' the logging exporter has been deprecated, use the debug exporter instead`,
      stage: 'decode',
      code: 'removed-type',
      file: c.file,
      range: c.def.keyRange,
      componentId: c.id,
      fixes: removedTypeFix(ctx, c, 'debug'),
    });
    return false;
  }
  const lookup = findComponent(c.kind, c.type);
  if (!lookup || !isShippedBy(lookup.entry, ctx.options.distribution)) {
    let types = validTypes.get(c.kind);
    if (!types) {
      types = validTypesOf(c.kind, ctx.options.distribution);
      validTypes.set(c.kind, types);
    }
    const guess = closestType(c.type, types);
    const elsewhere = lookup ? ` (${lookup.entry.type} is shipped by: ${lookup.entry.distributions.join(', ') || 'no standard distribution'})` : '';
    report(ctx, {
      message: `'${section}' unknown type: ${goQuote(c.type)} for id: ${goQuote(c.id)} (valid values: [${types.join(' ')}])`,
      stage: 'decode',
      code: 'unknown-type',
      file: c.file,
      range: c.def.keyRange,
      componentId: c.id,
      severity: custom ? 'warning' : 'error',
      ...(elsewhere ? { explanation: `Not part of the ${ctx.options.distribution} distribution${elsewhere}.` } : {}),
      ...(lookup?.entry.docsUrl ? { docsUrl: lookup.entry.docsUrl } : {}),
      ...(guess ? { fixes: renameTypeFix(ctx, c, guess) } : {}),
    });
    return false;
  }
  c.catalog = lookup;
  if (lookup.viaAlias) {
    report(ctx, {
      message: `"${lookup.viaAlias}" alias is deprecated; use "${lookup.entry.type}" instead`,
      stage: 'build',
      code: 'deprecated-alias',
      severity: 'warning',
      file: c.file,
      range: c.def.keyRange,
      componentId: c.id,
      docsUrl: lookup.entry.docsUrl,
      fixes: aliasRenameFix(ctx, c, lookup.entry.type),
    });
  }
  return true;
}

function decodeComponents(ctx: ValidationContext): void {
  const seen = new Map<string, ComponentNode>();
  const validTypes = new Map<ComponentKind, string[]>();
  for (const c of ctx.components) {
    const section = sectionOf(c.kind);
    if (c.def.idError) {
      report(ctx, { message: `'${section}' ${c.def.idError}`, stage: 'decode', code: 'component-id', file: c.file, range: c.def.keyRange, componentId: c.def.rawKey, fixes: fixIdSyntaxFix(ctx, c) });
      c.decoded = false;
      continue;
    }
    const key = `${c.kind}:${c.id}`;
    if (seen.has(key)) {
      report(ctx, {
        message: `'${section}' duplicate name ${goQuote(c.def.rawKey)} after unmarshaling ${c.id}`,
        stage: 'decode',
        code: 'duplicate-id',
        file: c.file,
        range: c.def.keyRange,
        componentId: c.id,
      });
      c.decoded = false;
      continue;
    }
    seen.set(key, c);
    if (!decodeComponentType(ctx, c, validTypes)) {
      c.decoded = false;
      continue;
    }
    const body = c.resolved;
    if (body !== null && body !== undefined && !isMapValue(body)) {
      if (isPlaceholderValue(body)) continue; // a whole body from ${file:...}: opaque (§4.3)
      report(ctx, {
        message: `'${section}' '[${c.id}]' expected type 'map[string]interface {}', got unconvertible type '${goTypeOf(body)}'`,
        stage: 'decode',
        code: 'component-body',
        file: c.file,
        range: c.def.range,
        componentId: c.id,
        docsUrl: c.catalog?.entry.docsUrl ?? null,
      });
      c.decoded = false;
      continue;
    }
    const type = c.catalog!.entry.type;
    const issues = checkComponentSchema(c.kind, type, body);
    const rule = componentRuleFor(c.kind, type);
    if (rule?.decode) rule.decode(ruleReader(body), (message, path = []) => issues.push({ message, path, prefer: 'value' }));
    const located = issues.map((issue) => ({ issue, range: locate(c, issue.path, issue.prefer) }));
    located.sort((a, b) => a.range.start.offset - b.range.start.offset);
    for (const { issue, range } of located) {
      report(ctx, {
        message: `'${section}' error reading configuration for ${goQuote(c.id)}: ${issue.message}`,
        stage: 'decode',
        code: issue.code ?? 'component-decode',
        file: c.file,
        range,
        componentId: c.id,
        docsUrl: c.catalog?.entry.docsUrl ?? null,
        ...(issue.fixes ? { fixes: issue.fixes(c) } : {}),
      });
    }
    if (issues.length > 0) c.decoded = false;
  }
}

function unknownKeys(ctx: ValidationContext, file: FileInput, value: Record<string, unknown>, allowed: readonly string[], where: string, path: (string | number)[], pipelineId?: string): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    report(ctx, {
      message: `'${where}' has invalid keys: ${key}`,
      stage: 'decode',
      code: 'unknown-key',
      file,
      range: locateService(file, [...path, key]),
      ...(pipelineId ? { pipelineId } : {}),
    });
  }
}

function decodeIdList(ctx: ValidationContext, file: FileInput, value: unknown, where: string, path: (string | number)[], pipelineId?: string): void {
  if (value === null || value === undefined || isPlaceholderValue(value)) return;
  const extra = pipelineId ? { pipelineId } : {};
  if (!Array.isArray(value)) {
    report(ctx, {
      message: `'${where}' source data must be an array or slice, got ${goKindOf(value)}`,
      stage: 'decode',
      code: 'list-shape',
      file,
      range: locateService(file, path, 'value'),
      ...extra,
    });
    return;
  }
  value.forEach((item, i) => {
    const itemWhere = `${where}[${i}]`;
    if (typeof item === 'string') {
      if (isPlaceholderValue(item)) return;
      const parsed = parseComponentId(item);
      if (!parsed.ok) {
        report(ctx, { message: `'${itemWhere}' ${parsed.message}`, stage: 'decode', code: 'reference-id', file, range: locateService(file, [...path, i], 'value'), ...extra });
      }
    } else if (isMapValue(item)) {
      // component.ID is a struct without fields: every key of a map item is "invalid".
      report(ctx, { message: `'${itemWhere}' has invalid keys: ${Object.keys(item).sort().join(', ')}`, stage: 'decode', code: 'reference-shape', file, range: locateService(file, [...path, i], 'value'), ...extra });
    } else {
      report(ctx, { message: `'${itemWhere}' expected type 'string', got unconvertible type '${goTypeOf(item)}'`, stage: 'decode', code: 'reference-shape', file, range: locateService(file, [...path, i], 'value'), ...extra });
    }
  });
}

function decodeService(ctx: ValidationContext): void {
  const service = ctx.service;
  if (!service || service.plain === undefined || service.plain === null) return;
  const { file, plain } = service;
  if (!isMapValue(plain)) {
    report(ctx, { message: `'service' expected a map or struct, got "${goKindOf(plain)}"`, stage: 'decode', code: 'service-shape', file, range: service.keyRange });
    return;
  }
  unknownKeys(ctx, file, plain, SERVICE_KEYS, 'service', []);
  const telemetry = plain.telemetry;
  if (isMapValue(telemetry)) unknownKeys(ctx, file, telemetry, TELEMETRY_KEYS, 'service.telemetry', ['telemetry']);
  else if (telemetry !== null && telemetry !== undefined && !isPlaceholderValue(telemetry)) {
    report(ctx, { message: `'service.telemetry' expected a map or struct, got "${goKindOf(telemetry)}"`, stage: 'decode', code: 'service-shape', file, range: locateService(file, ['telemetry'], 'value') });
  }
  if ('extensions' in plain) decodeIdList(ctx, file, plain.extensions, 'service.extensions', ['extensions']);
  const pipelines = plain.pipelines;
  if (pipelines === null || pipelines === undefined || isPlaceholderValue(pipelines)) return;
  if (!isMapValue(pipelines)) {
    report(ctx, {
      message: `'service.pipelines' expected type 'pipelines.Config', got unconvertible type '${goTypeOf(pipelines)}'`,
      stage: 'decode',
      code: 'pipelines-shape',
      file,
      range: locateService(file, ['pipelines'], 'value'),
    });
    return;
  }
  const seen = new Set<string>();
  for (const p of ctx.pipelines) {
    if (p.idError) {
      report(ctx, { message: `'service.pipelines' ${p.idError}`, stage: 'decode', code: 'pipeline-id', file: p.file, range: p.keyRange, pipelineId: p.rawKey });
      continue;
    }
    if (seen.has(p.id)) {
      report(ctx, { message: `'service.pipelines' duplicate name ${goQuote(p.rawKey)} after unmarshaling ${p.id}`, stage: 'decode', code: 'duplicate-pipeline', file: p.file, range: p.keyRange, pipelineId: p.id });
    }
    seen.add(p.id);
  }
  for (const [rawKey, body] of Object.entries(pipelines)) {
    const where = `service.pipelines[${rawKey}]`;
    const path = ['pipelines', rawKey];
    if (body === null || body === undefined || isPlaceholderValue(body)) continue;
    if (!isMapValue(body)) {
      report(ctx, { message: `'${where}' expected a map or struct, got "${goKindOf(body)}"`, stage: 'decode', code: 'pipeline-shape', file, range: locateService(file, path, 'value'), pipelineId: rawKey });
      continue;
    }
    unknownKeys(ctx, file, body, PIPELINE_KEYS, where, path, rawKey);
    for (const role of PIPELINE_KEYS) if (role in body) decodeIdList(ctx, file, body[role], `${where}.${role}`, [...path, role], rawKey);
  }
}

/** Runs stage U. Every problem is reported; components that fail are skipped by later stages. */
export function decodeStage(ctx: ValidationContext): void {
  rootChecks(ctx);
  decodeComponents(ctx);
  decodeService(ctx);
}
