/**
 * "Define the missing component": adds `<id>:` with a minimal working body under its section
 * (creating the section before `service:` if needed). Pure text insertion.
 */
import { sectionOf, typeOf, type ComponentId, type ComponentKind } from '../../config/componentId';
import type { QuickFix } from '../../diagnostics/diagnostic';
import type { ValidationContext } from '../validationContext';
import { contentEnd, lineEnd, lineStart } from './textEdits';
import { stringify } from 'yaml';
import { defaultBody } from '../../config/edits/defaultBody';

/** Starter lines for a type: ours above, else the canvas's default body (`config/edits/defaultBody`). */
function starterLines(kind: ComponentKind, type: string): string[] {
  const fixed = STARTER_BODIES[`${kind}:${type}`];
  if (fixed) return fixed;
  const body = defaultBody(kind, type);
  if (body === null || body === undefined || (typeof body === 'object' && Object.keys(body as object).length === 0)) return [];
  return stringify(body, { flowCollectionPadding: false, lineWidth: 0 }).trimEnd().split('\n');
}

/** Bodies for types whose all-defaults config would not validate (config-semantics §6.3). */
const STARTER_BODIES: Record<string, string[]> = {
  'receiver:otlp': ['protocols:', '  grpc:', '    endpoint: localhost:4317', '  http:', '    endpoint: localhost:4318'],
  'exporter:otlp': ['endpoint: localhost:4317'],
  'exporter:otlp_grpc': ['endpoint: localhost:4317'],
  'exporter:otlphttp': ['endpoint: http://localhost:4318'],
  'exporter:otlp_http': ['endpoint: http://localhost:4318'],
  'processor:memory_limiter': ['check_interval: 1s', 'limit_percentage: 80', 'spike_limit_percentage: 25'],
};

/** The edits that define `id` under the section of `kind` in the first file. */
export function defineComponentFix(ctx: ValidationContext, kind: ComponentKind, id: string): QuickFix[] {
  const file = ctx.files[ctx.files.length - 1]!;
  if (file.model.unwrapped && file.model.unwrapped.kind !== 'helm-values' && file.model.unwrapped.kind !== 'operator-v1beta1') return [];
  const text = file.source.text;
  const section = sectionOf(kind);
  const body = starterLines(kind, typeOf(id as ComponentId));
  const siblings = ctx.components.filter((c) => c.kind === kind && c.file === file);
  const sectionKey = file.model.rootKeys.find((k) => k.key === section);
  const rootIndent = ' '.repeat((file.model.rootKeys[0]?.range.start.column ?? 1) - 1);
  const key = /^[\w/.@-]+$/.test(id) ? id : JSON.stringify(id);
  let insertAt: number;
  let indent: string;
  if (siblings.length > 0) {
    const last = siblings.reduce((a, b) => (b.def.range.end.offset > a.def.range.end.offset ? b : a));
    indent = ' '.repeat(last.def.keyRange.start.column - 1);
    insertAt = lineEnd(text, contentEnd(text, last.def.keyRange.start.offset, last.def.range.end.offset));
  } else if (sectionKey) {
    indent = `${rootIndent}  `;
    insertAt = lineEnd(text, sectionKey.range.end.offset);
  } else {
    indent = `${rootIndent}  `;
    const service = file.model.rootKeys.find((k) => k.key === 'service');
    const lines = [`${rootIndent}${section}:`, `${indent}${key}:`, ...body.map((l) => `${indent}  ${l}`)];
    if (service) {
      const at = lineStart(text, service.range.start.offset);
      return [{ title: `Define ${kind} "${id}"`, edits: [{ from: at, to: at, insert: `${lines.join('\n')}\n` }] }];
    }
    const prefix = text.endsWith('\n') || text === '' ? '' : '\n';
    return [{ title: `Define ${kind} "${id}"`, edits: [{ from: text.length, to: text.length, insert: `${prefix}${lines.join('\n')}\n` }] }];
  }
  const lines = [`${indent}${key}:`, ...body.map((l) => `${indent}  ${l}`)];
  return [{ title: `Define ${kind} "${id}"`, edits: [{ from: insertAt, to: insertAt, insert: `\n${lines.join('\n')}` }] }];
}
