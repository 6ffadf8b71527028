/** Servers bound to 0.0.0.0 accept connections from every network the host is on. */
import { advise, type AdviceRule } from './advise';
import { locate } from '../validationContext';

function endpoints(value: unknown, path: (string | number)[], out: { path: (string | number)[]; value: string }[]): void {
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    const next = [...path, Array.isArray(value) ? Number(k) : k];
    if (k === 'endpoint' && typeof v === 'string') out.push({ path: next, value: v });
    else endpoints(v, next, out);
  }
}

export const listenAllInterfaces: AdviceRule = {
  code: 'advice/listen-all-interfaces',
  run(ctx) {
    for (const c of ctx.components) {
      if (c.kind !== 'receiver' && c.kind !== 'extension') continue;
      const found: { path: (string | number)[]; value: string }[] = [];
      endpoints(c.config, [], found);
      for (const e of found) {
        if (!/^(0\.0\.0\.0|\[::\]|::)?:\d+$/.test(e.value) || !/^(0\.0\.0\.0|\[::\]|::|):/.test(e.value)) continue;
        advise(ctx, {
          code: this.code,
          message: `${c.id} listens on all network interfaces (${e.value})`,
          explanation:
            'Binding to 0.0.0.0 exposes the endpoint to every network the host is attached to. The Collector security best practices recommend binding to localhost or a specific interface unless the port must be reachable from outside (e.g. in a container, use the pod IP via ${env:MY_POD_IP}).',
          docsUrl: 'https://opentelemetry.io/docs/security/config-best-practices/',
          file: c.file,
          range: locate(c, e.path, 'value'),
          componentId: c.id,
          severity: 'info',
        });
      }
    }
  },
};
