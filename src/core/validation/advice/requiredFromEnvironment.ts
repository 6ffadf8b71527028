/** A required setting that comes only from an environment variable fails at deploy time when it is unset (config-semantics §4.3). */
import { advise, type AdviceRule } from './advise';
import { locate } from '../validationContext';

const REQUIRED: Record<string, string[]> = {
  'exporter:otlp_grpc': ['endpoint'],
  'exporter:otlp_http': ['endpoint'],
  'exporter:prometheus_remote_write': ['endpoint'],
};
const WHOLE_ENV = /^\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)\}$/;

export const requiredFromEnvironment: AdviceRule = {
  code: 'advice/required-from-environment',
  run(ctx) {
    for (const c of ctx.components) {
      const keys = c.catalog ? REQUIRED[`${c.kind}:${c.catalog.entry.type}`] : undefined;
      if (!keys) continue;
      for (const key of keys) {
        const value = (c.config as Record<string, unknown> | null)?.[key];
        const m = typeof value === 'string' ? WHOLE_ENV.exec(value) : null;
        if (!m || Object.prototype.hasOwnProperty.call(ctx.options.env, m[1]!)) continue;
        advise(ctx, {
          code: this.code,
          message: `${c.id}: required "${key}" depends on environment variable ${m[1]} (no default)`,
          explanation: `If ${m[1]} is unset when the Collector starts, "${key}" is empty and the config is rejected. Give a default with \${env:${m[1]}:-value} or set a sample value in the Environment panel.`,
          docsUrl: 'https://opentelemetry.io/docs/collector/configuration/#environment-variables',
          file: c.file,
          range: locate(c, [key], 'value'),
          componentId: c.id,
        });
      }
    }
  },
};
