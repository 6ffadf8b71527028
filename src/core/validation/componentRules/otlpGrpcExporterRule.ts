/** `otlp_grpc` exporter (alias `otlp`), config-semantics §6.3. */
import type { ComponentRule } from './componentRule';
import { checkExporterHelper, checkGrpcClient, checkTls, sanitizedGrpcEndpoint } from './exporterHelperChecks';

export const otlpGrpcExporterRule: ComponentRule = {
  validate(cfg, issue) {
    if (!cfg.opaque(['endpoint']) && sanitizedGrpcEndpoint(cfg.str(['endpoint']) ?? '') === '') issue('requires a non-empty "endpoint"', ['endpoint']);
    checkGrpcClient(cfg, issue);
    checkTls(cfg, issue, '::clientconfig::tls');
    checkExporterHelper(cfg, issue);
  },
};
