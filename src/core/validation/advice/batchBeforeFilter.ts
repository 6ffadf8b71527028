/** Batching before filtering or sampling buffers data that is then dropped. */
import { typeOf, type ComponentId } from '../../config/componentId';
import { advise, type AdviceRule } from './advise';

const DROPPERS = ['filter', 'tail_sampling', 'probabilistic_sampler'];

export const batchBeforeFilter: AdviceRule = {
  code: 'advice/batch-before-filter',
  run(ctx) {
    for (const p of ctx.pipelines) {
      const types = p.roles.processors.map((r) => (r.id ? typeOf(r.id as ComponentId) : ''));
      const batch = types.indexOf('batch');
      if (batch < 0) continue;
      const later = types.findIndex((t, i) => i > batch && DROPPERS.includes(t));
      if (later < 0) continue;
      const ref = p.roles.processors[later]!;
      advise(ctx, {
        code: this.code,
        message: `"${ref.raw}" runs after batch in pipeline "${p.id}": batching happens before data is dropped`,
        explanation:
          'The Collector docs recommend batching after any sampling or filtering, so batches are built from the data that is actually exported (and tail sampling sees spans as they arrive).',
        docsUrl: 'https://github.com/open-telemetry/opentelemetry-collector/blob/main/processor/README.md#recommended-processors',
        file: p.file,
        range: ref.range,
        componentId: ref.id ?? ref.raw,
        pipelineId: p.id,
      });
    }
  },
};
