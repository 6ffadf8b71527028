/** `tls.insecure: true` to a remote endpoint sends telemetry in plain text. */
import { advise, type AdviceRule } from './advise';
import { locate } from '../validationContext';

export const insecureExporter: AdviceRule = {
  code: 'advice/insecure-exporter',
  run(ctx) {
    for (const c of ctx.components) {
      if (c.kind !== 'exporter') continue;
      const cfg = (c.config ?? {}) as { tls?: { insecure?: unknown }; endpoint?: unknown };
      if (cfg.tls?.insecure !== true || typeof cfg.endpoint !== 'string') continue;
      if (/^(https?:\/\/)?(localhost|127\.|\[::1\]|[\w-]+(:\d+)?$)/.test(cfg.endpoint) || cfg.endpoint.includes('${')) continue;
      advise(ctx, {
        code: this.code,
        message: `${c.id} sends to ${cfg.endpoint} without TLS (tls.insecure: true)`,
        explanation: 'Telemetry often carries sensitive data; the Collector security best practices recommend TLS for every connection that leaves the host or cluster.',
        docsUrl: 'https://opentelemetry.io/docs/security/config-best-practices/',
        file: c.file,
        range: locate(c, ['tls', 'insecure'], 'value'),
        componentId: c.id,
      });
    }
  },
};
