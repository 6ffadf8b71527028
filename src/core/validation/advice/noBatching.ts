/** A pipeline that sends over the network without any batching sends one request per incoming payload. */
import { typeOf, type ComponentId } from '../../config/componentId';
import { componentIndex } from '../validationContext';
import { advise, type AdviceRule } from './advise';

const LOCAL_EXPORTERS = ['debug', 'nop', 'file'];

export const noBatching: AdviceRule = {
  code: 'advice/no-batching',
  run(ctx) {
    const index = componentIndex(ctx);
    for (const p of ctx.pipelines) {
      if (p.idError || p.roles.exporters.length === 0) continue;
      if (p.roles.processors.some((r) => r.id && typeOf(r.id as ComponentId) === 'batch')) continue;
      const exporters = p.roles.exporters.map((r) => (r.id ? index.get(`exporter:${r.id}`) : undefined)).filter((c) => c !== undefined);
      const remote = exporters.filter((c) => !LOCAL_EXPORTERS.includes(c.catalog?.entry.type ?? c.type));
      if (remote.length === 0) continue;
      const batchesInQueue = remote.every((c) => {
        const q = (c.config as { sending_queue?: { batch?: unknown } } | null)?.sending_queue;
        return q !== undefined && q !== null && q.batch !== undefined;
      });
      if (batchesInQueue) continue;
      advise(ctx, {
        code: this.code,
        message: `pipeline "${p.id}" defines no batching (no batch processor, no sending_queue.batch on its exporters)`,
        explanation: 'Batching reduces the number of outgoing requests and improves compression; the Collector docs recommend it for every pipeline that exports over the network.',
        docsUrl: 'https://github.com/open-telemetry/opentelemetry-collector/blob/main/processor/batchprocessor/README.md',
        file: p.file,
        range: p.keyRange,
        pipelineId: p.id,
        severity: 'info',
      });
    }
  },
};
