/** Extensions not listed in service.extensions never start. */
import { removeComponentFix } from '../fixes/removeComponentFix';
import { advise, type AdviceRule } from './advise';

export const unusedExtensions: AdviceRule = {
  code: 'advice/unused-extension',
  run(ctx) {
    const enabled = new Set((ctx.serviceExtensions?.refs ?? []).map((r) => r.id));
    for (const c of ctx.components) {
      if (c.kind !== 'extension' || enabled.has(c.id as never) || c.def.idError) continue;
      advise(ctx, {
        code: this.code,
        message: `extension "${c.id}" is defined but not listed in service.extensions, so it never starts`,
        explanation: 'Extensions only run when listed under service.extensions; a defined-but-unlisted extension is ignored (and components that name it, e.g. as an authenticator, fail at start-up).',
        docsUrl: 'https://opentelemetry.io/docs/collector/configuration/#extensions',
        file: c.file,
        range: c.def.keyRange,
        componentId: c.id,
        fixes: removeComponentFix(c),
      });
    }
  },
};
