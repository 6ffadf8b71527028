/** Runs every advice rule (ours, not the Collector's: `origin: 'studio'`, `stage: 'advice'`). */
import type { ComponentNode, ValidationContext } from '../validationContext';
import type { AdviceRule } from './advise';
import { batchBeforeFilter } from './batchBeforeFilter';
import { debugDetailed } from './debugDetailed';
import { insecureExporter } from './insecureExporter';
import { listenAllInterfaces } from './listenAllInterfaces';
import { memoryLimiterFirst } from './memoryLimiterFirst';
import { noBatching } from './noBatching';
import { noMemoryLimiter } from './noMemoryLimiter';
import { requiredFromEnvironment } from './requiredFromEnvironment';
import { unusedComponents } from './unusedComponents';
import { unusedExtensions } from './unusedExtensions';

/** The rules, in report order. */
export const ADVICE_RULES: readonly AdviceRule[] = [
  memoryLimiterFirst,
  noMemoryLimiter,
  batchBeforeFilter,
  noBatching,
  unusedComponents,
  unusedExtensions,
  listenAllInterfaces,
  debugDetailed,
  insecureExporter,
  requiredFromEnvironment,
];

/** Runs every advice rule over the validated config; `used` are the components pipelines reference. */
export function runAdvice(ctx: ValidationContext, used: ReadonlySet<ComponentNode>): void {
  for (const rule of ADVICE_RULES) rule.run(ctx, used);
}
