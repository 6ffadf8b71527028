/** The debug exporter at detailed verbosity prints every record: heavy, and it may log sensitive data. */
import { advise, type AdviceRule } from './advise';
import { locate } from '../validationContext';

export const debugDetailed: AdviceRule = {
  code: 'advice/debug-detailed',
  run(ctx, used) {
    for (const c of ctx.components) {
      if (c.kind !== 'exporter' || c.catalog?.entry.type !== 'debug' || !used.has(c)) continue;
      const verbosity = (c.config as { verbosity?: unknown } | null)?.verbosity;
      if (typeof verbosity !== 'string' || verbosity.toLowerCase() !== 'detailed') continue;
      advise(ctx, {
        code: this.code,
        message: `${c.id} prints every record in full (verbosity: detailed)`,
        explanation: 'Detailed verbosity writes every attribute of every span, data point and log to the console: fine while debugging, costly and a data-exposure risk in production.',
        docsUrl: 'https://github.com/open-telemetry/opentelemetry-collector/blob/main/exporter/debugexporter/README.md',
        file: c.file,
        range: locate(c, ['verbosity'], 'value'),
        componentId: c.id,
      });
    }
  },
};
