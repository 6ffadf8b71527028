/** Pipelines without a memory_limiter can run the Collector out of memory under load. */
import { advise, type AdviceRule } from './advise';

export const noMemoryLimiter: AdviceRule = {
  code: 'advice/no-memory-limiter',
  run(ctx) {
    for (const p of ctx.pipelines) {
      if (p.idError || p.roles.receivers.length === 0) continue;
      if (p.roles.processors.some((r) => r.id === 'memory_limiter' || r.id?.startsWith('memory_limiter/'))) continue;
      advise(ctx, {
        code: this.code,
        message: `pipeline "${p.id}" has no memory_limiter processor`,
        explanation: 'Without a memory limiter a burst of data can exhaust memory and crash the Collector; the Collector docs recommend memory_limiter as the first processor of every pipeline.',
        docsUrl: 'https://github.com/open-telemetry/opentelemetry-collector/blob/main/processor/memorylimiterprocessor/README.md',
        file: p.file,
        range: p.keyRange,
        pipelineId: p.id,
        severity: 'info',
      });
    }
  },
};
