/**
 * Rename fixes for a component's type: deprecated alias → current type, removed `logging` →
 * `debug`, unknown type → the closest known one. The definition key and every reference in the
 * same file change together (config-semantics §3.1: the alias is part of the id).
 */
import type { ComponentKind } from '../../config/componentId';
import type { ComponentReference } from '../../config/configModel';
import type { QuickFix, TextEdit } from '../../diagnostics/diagnostic';
import type { ComponentNode, ValidationContext } from '../validationContext';
import { skipQuote } from './textEdits';

/** References to a component id by kind: pipeline roles and `service.extensions`. */
export function referencesTo(ctx: ValidationContext, kind: ComponentKind, id: string): { ref: ComponentReference; file: string }[] {
  const found: { ref: ComponentReference; file: string }[] = [];
  const roles = kind === 'receiver' ? ['receivers'] : kind === 'processor' ? ['processors'] : kind === 'exporter' ? ['exporters'] : kind === 'connector' ? ['receivers', 'exporters'] : [];
  for (const p of ctx.pipelines) {
    for (const role of roles as ('receivers' | 'processors' | 'exporters')[]) {
      for (const ref of p.roles[role]) if (ref.id === id) found.push({ ref, file: p.file.source.name });
    }
  }
  if (kind === 'extension' && ctx.serviceExtensions) {
    for (const ref of ctx.serviceExtensions.refs) if (ref.id === id) found.push({ ref, file: ctx.serviceExtensions.file.source.name });
  }
  return found;
}

function typeEdit(text: string, start: number, raw: string, type: string, newType: string): TextEdit | null {
  const from = skipQuote(text, start) + raw.indexOf(type);
  if (text.slice(from, from + type.length) !== type) return null;
  return { from, to: from + type.length, insert: newType };
}

/** Renames the component's type everywhere in its file; null when that would clash or cross files. */
export function renameType(ctx: ValidationContext, c: ComponentNode, newType: string): TextEdit[] | null {
  const name = c.def.name;
  const newId = name ? `${newType}/${name}` : newType;
  if (ctx.components.some((o) => o.kind === c.kind && o.id === newId)) return null;
  const text = c.file.source.text;
  const edits: TextEdit[] = [];
  const own = typeEdit(text, c.def.keyRange.start.offset, c.def.rawKey, c.type, newType);
  if (!own) return null;
  edits.push(own);
  for (const { ref, file } of referencesTo(ctx, c.kind, c.id)) {
    if (file !== c.file.source.name) return null;
    const edit = typeEdit(text, ref.range.start.offset, ref.raw, c.type, newType);
    if (!edit) return null;
    edits.push(edit);
  }
  return edits;
}

function fix(title: string, edits: TextEdit[] | null): QuickFix[] {
  return edits ? [{ title, edits }] : [];
}

/** `"otlp" alias is deprecated; use "otlp_grpc" instead` → rename the definition and its references. */
export function aliasRenameFix(ctx: ValidationContext, c: ComponentNode, newType: string): QuickFix[] {
  return fix(`Rename "${c.type}" to "${newType}" (definition and references)`, renameType(ctx, c, newType));
}

/** The removed `logging` exporter → `debug` (its `verbosity` setting carries over). */
export function removedTypeFix(ctx: ValidationContext, c: ComponentNode, newType: string): QuickFix[] {
  return fix(`Replace "${c.type}" with "${newType}"`, renameType(ctx, c, newType));
}

/** An unknown type → the closest known type. */
export function renameTypeFix(ctx: ValidationContext, c: ComponentNode, newType: string): QuickFix[] {
  return fix(`Change type to "${newType}"`, renameType(ctx, c, newType));
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The known type nearest to `type` (edit distance ≤ 2, or equal ignoring `_`/`-`), if any. */
export function closestType(type: string, types: readonly string[]): string | null {
  const squash = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
  let best: string | null = null;
  let bestD = 3;
  for (const t of types) {
    const d = squash(t) === squash(type) ? 0 : distance(type, t);
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}
