/** `zpages` extension (config-semantics §6.3; default endpoint `localhost:55679`). */
import type { ComponentRule } from './componentRule';

export const zpagesExtensionRule: ComponentRule = {
  validate(cfg, issue) {
    if (cfg.str(['endpoint']) === '') issue('"endpoint" is required when using the "zpages" extension', ['endpoint']);
  },
};
