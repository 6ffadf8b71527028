/**
 * "Fix the id's syntax": turns an id the Collector rejects (config-semantics §3.1) into the
 * nearest valid one (`otlp-grpc` → `otlp_grpc`, `otlp/` → `otlp`, `batch/a+b` → `batch/a_b`) and
 * renames its references in the same file.
 */
import { parseComponentId, type ComponentKind } from '../../config/componentId';
import type { QuickFix, TextEdit } from '../../diagnostics/diagnostic';
import type { ComponentNode, ValidationContext } from '../validationContext';
import { skipQuote } from './textEdits';

/** The nearest valid spelling of a raw id, or null. */
export function sanitizeId(raw: string): string | null {
  const slash = raw.indexOf('/');
  let type = (slash < 0 ? raw : raw.slice(0, slash)).trim().replace(/[^0-9a-zA-Z_]/g, '_').replace(/^[^a-zA-Z]+/, '');
  type = type.slice(0, 63);
  let name = slash < 0 ? '' : raw.slice(slash + 1).trim().replace(/[\p{Z}\p{C}\p{S}]/gu, '_');
  if (new TextEncoder().encode(name).length > 1024) name = name.slice(0, 1000);
  const id = name ? `${type}/${name}` : type;
  const parsed = parseComponentId(id);
  return parsed.ok && id !== raw ? id : null;
}

function roleRefs(ctx: ValidationContext, kind: ComponentKind): { raw: string; from: number; to: number; file: string }[] {
  const roles = kind === 'receiver' ? ['receivers'] : kind === 'processor' ? ['processors'] : kind === 'exporter' ? ['exporters'] : kind === 'connector' ? ['receivers', 'exporters'] : [];
  const out: { raw: string; from: number; to: number; file: string }[] = [];
  for (const p of ctx.pipelines) {
    for (const role of roles as ('receivers' | 'processors' | 'exporters')[]) {
      for (const ref of p.roles[role]) out.push({ raw: ref.raw, from: ref.range.start.offset, to: ref.range.end.offset, file: p.file.source.name });
    }
  }
  if (kind === 'extension' && ctx.serviceExtensions) {
    for (const ref of ctx.serviceExtensions.refs) out.push({ raw: ref.raw, from: ref.range.start.offset, to: ref.range.end.offset, file: ctx.serviceExtensions.file.source.name });
  }
  return out;
}

/** The fix for a component whose key is not a valid id. */
export function fixIdSyntaxFix(ctx: ValidationContext, c: ComponentNode): QuickFix[] {
  const id = sanitizeId(c.def.rawKey);
  if (!id || ctx.components.some((o) => o.kind === c.kind && o.id === id)) return [];
  const text = c.file.source.text;
  const quoted = text[c.def.keyRange.start.offset] === '"' || text[c.def.keyRange.start.offset] === "'";
  const edits: TextEdit[] = [];
  if (quoted) edits.push({ from: c.def.keyRange.start.offset, to: c.def.keyRange.end.offset, insert: id });
  else {
    const from = skipQuote(text, c.def.keyRange.start.offset);
    if (text.slice(from, from + c.def.rawKey.length) !== c.def.rawKey) return [];
    edits.push({ from, to: from + c.def.rawKey.length, insert: id });
  }
  for (const ref of roleRefs(ctx, c.kind)) {
    if (ref.raw !== c.def.rawKey || ref.file !== c.file.source.name) continue;
    edits.push({ from: ref.from, to: ref.to, insert: id });
  }
  return [{ title: `Rename "${c.def.rawKey}" to "${id}"`, edits }];
}
