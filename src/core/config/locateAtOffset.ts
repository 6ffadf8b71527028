/**
 * What the cursor is on: a component definition, a reference to one inside a pipeline, or a
 * pipeline. The canvas highlights it (editor → canvas half of the two-way link).
 */
import type { SourceRange } from '../diagnostics/diagnostic';
import type { ComponentKind } from './componentId';
import type { ConfigModel } from './configModel';

export interface CursorTarget {
  readonly componentId: string | null;
  readonly kind: ComponentKind | null;
  readonly pipelineId: string | null;
}

const inside = (range: SourceRange, offset: number) => offset >= range.start.offset && offset <= range.end.offset;

/** Finds the innermost config element at a 0-based text offset. */
export function locateAtOffset(model: ConfigModel, offset: number): CursorTarget {
  for (const pipeline of model.pipelines) {
    if (!inside(pipeline.range, offset)) continue;
    const connectorIds = new Set(model.components.filter((c) => c.kind === 'connector').map((c) => c.id as string));
    for (const [role, kind] of [
      ['receivers', 'receiver'],
      ['processors', 'processor'],
      ['exporters', 'exporter'],
    ] as const) {
      for (const ref of pipeline[role]) {
        if (ref.id && inside(ref.range, offset)) {
          const resolved: ComponentKind = role !== 'processors' && connectorIds.has(ref.id) ? 'connector' : kind;
          return { componentId: ref.id, kind: resolved, pipelineId: pipeline.id };
        }
      }
    }
    return { componentId: null, kind: null, pipelineId: pipeline.id };
  }
  for (const def of model.components) {
    if (inside(def.range, offset)) return { componentId: def.id, kind: def.kind, pipelineId: null };
  }
  return { componentId: null, kind: null, pipelineId: null };
}
