/** `resource` processor: V needs attributes; B runs the action checks (config-semantics §6.4). */
import { checkAttributeActions } from './attributeActions';
import type { ComponentRule } from './componentRule';

export const resourceProcessorRule: ComponentRule = {
  validate(cfg, issue) {
    if (cfg.opaque(['attributes'])) return;
    if ((cfg.list(['attributes']) ?? []).length === 0) issue('missing required field "attributes"', ['attributes']);
  },
  build(cfg, issue) {
    checkAttributeActions(cfg.list(['attributes']) ?? [], ['attributes'], issue);
  },
};
