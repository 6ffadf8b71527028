/** memory_limiter must be the first processor: it can only refuse data nothing has processed yet. */
import type { ComponentReference } from '../../config/configModel';
import type { TextEdit } from '../../diagnostics/diagnostic';
import { advise, type AdviceRule } from './advise';

/** Edits that reorder a processors list in place, item by item (works for flow and block lists). */
export function moveFirstEdits(text: string, refs: readonly ComponentReference[], index: number): TextEdit[] {
  const order = [refs[index]!, ...refs.filter((_, i) => i !== index)];
  return refs.map((ref, i) => ({
    from: ref.range.start.offset,
    to: ref.range.end.offset,
    insert: text.slice(order[i]!.range.start.offset, order[i]!.range.end.offset),
  }));
}

export const memoryLimiterFirst: AdviceRule = {
  code: 'advice/memory-limiter-first',
  run(ctx) {
    for (const p of ctx.pipelines) {
      const refs = p.roles.processors;
      const index = refs.findIndex((r) => r.id !== null && (r.id === 'memory_limiter' || r.id.startsWith('memory_limiter/')));
      if (index <= 0) continue;
      advise(ctx, {
        code: this.code,
        message: `memory_limiter should be the first processor in pipeline "${p.id}" (it is #${index + 1})`,
        explanation:
          'The memory limiter can only protect the Collector by refusing data before other processors spend memory on it; the Collector docs recommend placing it first in every pipeline.',
        docsUrl: 'https://github.com/open-telemetry/opentelemetry-collector/blob/main/processor/memorylimiterprocessor/README.md',
        file: p.file,
        range: refs[index]!.range,
        componentId: refs[index]!.id!,
        pipelineId: p.id,
        fixes: [{ title: 'Move memory_limiter first', edits: moveFirstEdits(p.file.source.text, refs, index) }],
      });
    }
  },
};
