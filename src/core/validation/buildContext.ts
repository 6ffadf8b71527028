/**
 * Reads the files (`parseConfig` once each) and merges them in order, like repeated `--config`
 * flags: mappings merge key by key, anything else is replaced by the later value, lists are not
 * concatenated (config-semantics §4.1).
 */
import { isMap } from 'yaml';
import type { ConfigModel, PipelineRole } from '../config/configModel';
import { parseConfig } from '../config/parseConfig';
import { blockExtent, createSourceText, parseBlock, walkPath, type SlicedBlock } from './sourceText';
import type { ComponentNode, FileInput, PipelineNode, ResolvedOptions, ServiceView, ValidationContext } from './validationContext';

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** koanf merge: maps recursively, everything else (scalars, lists, null) replaced. */
export function mergePlain(base: unknown, over: unknown): unknown {
  if (isPlainMap(base) && isPlainMap(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergePlain(out[k], v) : v;
    return out;
  }
  return over;
}

/**
 * Whether the `service:` block must be parsed to be checked: anything but plain block-style
 * `extensions:` / `pipelines:` with `receivers`/`processors`/`exporters` lists (telemetry, unknown
 * keys, flow style, shapes the model flagged). Conservative: when unsure, parse.
 */
export function serviceNeedsParse(text: string, model: ConfigModel, keyOffset: number): boolean {
  if (model.diagnostics.some((d) => d.code.startsWith('shape-'))) return true;
  const { end } = blockExtent(text, keyOffset);
  const keyLineEnd = text.indexOf('\n', keyOffset);
  if (keyLineEnd < 0 || keyLineEnd >= end) return true;
  if (!/^service:[ \t]*(#.*)?\r?$/.test(text.slice(keyOffset, keyLineEnd))) return true;
  let childIndent = -1;
  let pipelineIndent = -1;
  let bodyIndent = -1;
  let section = '';
  for (let start = keyLineEnd + 1; start < end; ) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(start, nl).replace(/\r$/, '');
    start = nl + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - trimmed.length;
    if (childIndent < 0) childIndent = indent;
    if (indent < childIndent) return true;
    if (indent === childIndent) {
      const m = /^(extensions|pipelines):[ \t]*(#.*)?$/.exec(trimmed);
      const flowList = /^extensions:[ \t]*\[[^\]{}]*\][ \t]*(#.*)?$/.test(trimmed);
      if (!m && !flowList) return true;
      section = flowList ? 'extensions' : m![1]!;
      pipelineIndent = -1;
      bodyIndent = -1;
      continue;
    }
    if (section !== 'pipelines') continue;
    if (pipelineIndent < 0) pipelineIndent = indent;
    if (indent < pipelineIndent) return true;
    if (indent === pipelineIndent) {
      if (!/^("[^"]*"|'[^']*'|[^\s#'"{[][^#]*?):[ \t]*(#.*)?$/.test(trimmed)) return true;
      bodyIndent = -1;
      continue;
    }
    if (bodyIndent < 0) bodyIndent = indent;
    if (indent < bodyIndent) return true;
    if (indent === bodyIndent && !/^(receivers|processors|exporters):([ \t]|$)/.test(trimmed)) return true;
  }
  return false;
}

function readFile(name: string, text: string): FileInput {
  const source = createSourceText(name, text);
  const model = parseConfig(text);
  const serviceKey = model.rootKeys.find((k) => k.key === 'service');
  let block: SlicedBlock | null | undefined;
  return {
    source,
    model,
    serviceBlock() {
      if (block === undefined) block = serviceKey ? parseBlock(text, serviceKey.range.start.offset) : null;
      return block;
    },
  };
}

/** `service` as plain data from the model, for a plain block-style section (see serviceNeedsParse). */
function serviceFromModel(file: FileInput): Record<string, unknown> {
  const text = file.source.text;
  const out: Record<string, unknown> = {};
  const serviceKey = file.model.rootKeys.find((k) => k.key === 'service')!;
  const block = text.slice(serviceKey.range.start.offset, blockExtent(text, serviceKey.range.start.offset).end);
  if (/^[ \t]*extensions:/m.test(block)) out.extensions = file.model.serviceExtensions.map((r) => r.raw);
  if (/^[ \t]*pipelines:/m.test(block)) {
    out.pipelines = Object.fromEntries(
      file.model.pipelines.map((p) => [p.rawKey, { receivers: p.receivers.map((r) => r.raw), processors: p.processors.map((r) => r.raw), exporters: p.exporters.map((r) => r.raw) }]),
    );
  }
  return out;
}

function servicePlain(file: FileInput): unknown {
  const serviceKey = file.model.rootKeys.find((k) => k.key === 'service');
  if (!serviceKey) return undefined;
  if (!serviceNeedsParse(file.source.text, file.model, serviceKey.range.start.offset)) return serviceFromModel(file);
  const block = file.serviceBlock();
  if (!block || !isMap(block.root)) return undefined;
  const pair = block.root.items[0];
  if (!pair) return undefined;
  const value = pair.value as { toJS?: (doc: unknown, opts: unknown) => unknown } | null;
  if (value === null || value === undefined) return null;
  return typeof value.toJS === 'function' ? value.toJS(block.doc, { maxAliasCount: 1000 }) : null;
}

/** Which roles a pipeline body in this file writes (absent roles keep earlier files' lists). */
function rolesPresent(file: FileInput, rawKey: string): Set<PipelineRole> {
  const present = new Set<PipelineRole>();
  const block = file.serviceBlock();
  if (!block) return new Set(['receivers', 'processors', 'exporters']);
  const found = walkPath(block, ['service', 'pipelines', rawKey]);
  if (found.depth < 3 || !isMap(found.node)) return present;
  for (const role of ['receivers', 'processors', 'exporters'] as const) {
    if (found.node.items.some((p) => String((p.key as { value?: unknown } | null)?.value) === role)) present.add(role);
  }
  return present;
}

/** Builds the run's context from one or more files, merged in order. */
export function buildContext(files: readonly { name: string; text: string }[], options: ResolvedOptions): ValidationContext {
  const inputs = files.map((f) => readFile(f.name, f.text));
  const components = new Map<string, ComponentNode>();
  const pipelines = new Map<string, PipelineNode>();
  let serviceExtensions: ValidationContext['serviceExtensions'] = null;
  let service: ServiceView | null = null;
  const rootKeys: ValidationContext['rootKeys'][number][] = [];
  const seenRoot = new Set<string>();

  for (const file of inputs) {
    const { model } = file;
    for (const k of model.rootKeys) {
      if (seenRoot.has(k.key)) continue;
      seenRoot.add(k.key);
      rootKeys.push({ ...k, file });
    }
    for (const def of model.components) {
      // koanf merges by the key as written; trimming happens later, in decode (§3.1).
      const key = `${def.kind}:${def.rawKey}`;
      const earlier = components.get(key);
      const config = earlier ? mergePlain(earlier.config, def.config) : def.config;
      components.delete(key);
      components.set(key, { def, file, kind: def.kind, id: def.id, type: def.type, config, resolved: config, catalog: null, decoded: true });
    }
    for (const def of model.pipelines) {
      const earlier = pipelines.get(def.rawKey);
      const present = inputs.length > 1 ? rolesPresent(file, def.rawKey) : new Set<PipelineRole>(['receivers', 'processors', 'exporters']);
      const roles = {
        receivers: present.has('receivers') || !earlier ? def.receivers : earlier.roles.receivers,
        processors: present.has('processors') || !earlier ? def.processors : earlier.roles.processors,
        exporters: present.has('exporters') || !earlier ? def.exporters : earlier.roles.exporters,
      };
      pipelines.set(def.rawKey, {
        id: def.id,
        rawKey: def.rawKey,
        signal: def.signal,
        idError: def.idError,
        file,
        keyRange: def.keyRange,
        range: def.range,
        roles,
      });
    }
    const plain = servicePlain(file);
    if (plain !== undefined) {
      const serviceKey = model.rootKeys.find((k) => k.key === 'service');
      service = { file, plain: service ? mergePlain(service.plain, plain) : plain, keyRange: serviceKey?.range ?? null };
      if (isPlainMap(plain) && 'extensions' in plain) serviceExtensions = { refs: model.serviceExtensions, file };
    } else if (model.rootKeys.some((k) => k.key === 'service')) {
      // The block could not be read on its own (flow style, wrapper): fall back to the model.
      if (model.serviceExtensions.length > 0) serviceExtensions = { refs: model.serviceExtensions, file };
      if (!service) service = { file, plain: undefined, keyRange: model.rootKeys.find((k) => k.key === 'service')?.range ?? null };
    }
  }
  const opaqueSections = new Set<string>();
  for (const file of inputs) {
    for (const d of file.model.diagnostics) {
      if (d.code !== 'shape-section' || !d.range) continue;
      const value = file.source.text.slice(d.range.start.offset, Math.max(d.range.end.offset, d.range.start.offset + 1));
      const section = /^'(\w+)'/.exec(d.message)?.[1];
      if (section && value.includes('${')) opaqueSections.add(section);
    }
  }
  return {
    options,
    opaqueSections,
    files: inputs,
    components: [...components.values()],
    pipelines: [...pipelines.values()],
    serviceExtensions,
    service,
    rootKeys,
    diagnostics: [],
    variables: [],
  };
}
