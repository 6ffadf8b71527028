/** Components defined but used by no pipeline are not built (config-semantics §2). */
import { sectionOf } from '../../config/componentId';
import { removeComponentFix } from '../fixes/removeComponentFix';
import { advise, type AdviceRule } from './advise';

export const unusedComponents: AdviceRule = {
  code: 'advice/unused-component',
  run(ctx, used) {
    for (const c of ctx.components) {
      if (c.kind === 'extension' || used.has(c) || c.def.idError) continue;
      advise(ctx, {
        code: this.code,
        message: `${c.kind} "${c.id}" is defined but not used in any pipeline`,
        explanation: `The Collector silently ignores ${sectionOf(c.kind)} that no pipeline references (their settings are still validated). Remove it or add it to a pipeline.`,
        docsUrl: 'https://opentelemetry.io/docs/collector/configuration/#service',
        file: c.file,
        range: c.def.keyRange,
        componentId: c.id,
        fixes: removeComponentFix(c),
      });
    }
  },
};

