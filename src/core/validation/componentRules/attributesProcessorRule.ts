/** `attributes` processor: V needs actions; B runs the action checks (config-semantics §6.4). */
import { checkAttributeActions } from './attributeActions';
import type { ComponentRule } from './componentRule';

export const attributesProcessorRule: ComponentRule = {
  validate(cfg, issue) {
    if (cfg.opaque(['actions'])) return;
    if ((cfg.list(['actions']) ?? []).length === 0) issue('missing required field "actions"', ['actions']);
  },
  build(cfg, issue) {
    checkAttributeActions(cfg.list(['actions']) ?? [], ['actions'], issue);
  },
};
