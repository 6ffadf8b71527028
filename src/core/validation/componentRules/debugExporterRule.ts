/** `debug` exporter (config-semantics §6.3): verbosity and output settings. */
import type { ComponentRule } from './componentRule';

const LEVELS = ['none', 'basic', 'normal', 'detailed'];

export const debugExporterRule: ComponentRule = {
  decode(cfg, issue) {
    const v = cfg.str(['verbosity']);
    // configtelemetry.Level.UnmarshalText lower-cases the text (§6.3).
    if (v !== undefined && !LEVELS.includes(v.toLowerCase())) issue(`'verbosity' unknown metrics level ${JSON.stringify(v.toLowerCase())}`, ['verbosity']);
  },
  validate(cfg, issue) {
    if (cfg.str(['verbosity'])?.toLowerCase() === 'none') issue('verbosity level "None" is not supported', ['verbosity']);
    const internal = cfg.bool(['use_internal_logger']) ?? true;
    const paths = cfg.list(['output_paths']);
    if (internal && paths && paths.length > 0) issue('output_paths is not supported when use_internal_logger is true', ['output_paths']);
    if (!internal && paths && paths.length === 0) issue('output_paths must not be empty when use_internal_logger is false', ['output_paths']);
  },
};
