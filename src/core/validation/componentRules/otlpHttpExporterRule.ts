/** `otlp_http` exporter (alias `otlphttp`), config-semantics §6.3. */
import type { ComponentRule } from './componentRule';
import { checkExporterHelper, checkTls } from './exporterHelperChecks';

const ENDPOINTS = ['endpoint', 'traces_endpoint', 'metrics_endpoint', 'logs_endpoint', 'profiles_endpoint'];

export const otlpHttpExporterRule: ComponentRule = {
  validate(cfg, issue) {
    if (!ENDPOINTS.some((k) => cfg.opaque([k]) || (cfg.str([k]) ?? '') !== '')) issue('at least one endpoint must be specified', ['endpoint']);
    checkTls(cfg, issue, '::clientconfig::tls');
    checkExporterHelper(cfg, issue);
  },
};
