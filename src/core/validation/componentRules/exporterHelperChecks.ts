/**
 * Checks shared by exporters built on `exporterhelper` and `configgrpc`/`configtls`:
 * timeout, retry_on_failure, sending_queue, TLS and the gRPC client endpoint (config-semantics §6.3).
 * Messages starting with `::` extend the component's path prefix (`exporters::otlp::clientconfig: ...`).
 */
import type { Issue, RuleReader } from './ruleReader';

const TLS_VERSIONS = ['', '1.0', '1.1', '1.2', '1.3'];

/** Go `net.SplitHostPort` errors. */
function splitHostPort(address: string): { host: string; port: string } | { error: string } {
  const missing = { error: `address ${address}: missing port in address` };
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    if (end < 0) return { error: `address ${address}: missing ']' in address` };
    if (end + 1 === address.length) return missing;
    if (address[end + 1] !== ':') return missing;
    const port = address.slice(end + 2);
    if (port.includes(':')) return { error: `address ${address}: too many colons in address` };
    return { host: address.slice(1, end), port };
  }
  const last = address.lastIndexOf(':');
  if (last < 0) return missing;
  if (address.indexOf(':') !== last) return { error: `address ${address}: too many colons in address` };
  return { host: address.slice(0, last), port: address.slice(last + 1) };
}

/** The gRPC endpoint with the scheme prefixes the Collector strips. */
export function sanitizedGrpcEndpoint(endpoint: string): string {
  for (const prefix of ['http://', 'https://', 'dns:///']) if (endpoint.startsWith(prefix)) return endpoint.slice(prefix.length);
  return endpoint;
}

/** `configgrpc.ClientConfig.Validate`. */
export function checkGrpcClient(cfg: RuleReader, issue: Issue): void {
  const endpoint = cfg.str(['endpoint']);
  if (endpoint === undefined) return;
  if (endpoint.startsWith('unix://')) {
    if (endpoint === 'unix://') issue('::clientconfig: unix socket path cannot be empty', ['endpoint']);
    return;
  }
  const sanitized = sanitizedGrpcEndpoint(endpoint);
  if (sanitized !== '') {
    const split = splitHostPort(sanitized);
    if ('error' in split) issue(`::clientconfig: ${split.error}`, ['endpoint']);
    else if (!/^[+-]?\d+$/.test(split.port)) issue(`::clientconfig: invalid port "${split.port}"`, ['endpoint']);
  }
  const balancer = cfg.str(['balancer_name']);
  if (balancer && !['pick_first', 'round_robin'].includes(balancer)) issue(`::clientconfig: invalid balancer_name: ${balancer}`, ['balancer_name']);
}

/** `configtls.Config.Validate` (client and server share it; `server` adds the cert+key rule). */
export function checkTls(cfg: RuleReader, issue: Issue, where: string, server = false): void {
  if (!cfg.map(['tls'])) return;
  const tls = cfg.at(['tls']);
  const min = tls.str(['min_version']);
  const max = tls.str(['max_version']);
  if (min !== undefined && !TLS_VERSIONS.includes(min)) issue(`${where}: invalid TLS min_version: unsupported TLS version: ${JSON.stringify(min)}`, ['tls', 'min_version']);
  if (max !== undefined && !TLS_VERSIONS.includes(max)) issue(`${where}: invalid TLS max_version: unsupported TLS version: ${JSON.stringify(max)}`, ['tls', 'max_version']);
  if (min && max && TLS_VERSIONS.includes(min) && TLS_VERSIONS.includes(max) && TLS_VERSIONS.indexOf(min) > TLS_VERSIONS.indexOf(max)) {
    issue(`${where}: invalid TLS configuration: min_version cannot be greater than max_version`, ['tls', 'min_version']);
  }
  if (tls.str(['ca_file']) && tls.str(['ca_pem'])) issue(`${where}: provide either a CA file or the PEM-encoded string, but not both`, ['tls', 'ca_pem']);
  if (tls.str(['cert_file']) && tls.str(['cert_pem'])) issue(`${where}: provide either certificate file or PEM, but not both`, ['tls', 'cert_pem']);
  if (tls.str(['key_file']) && tls.str(['key_pem'])) issue(`${where}: provide either key file or PEM, but not both`, ['tls', 'key_pem']);
  const hasCert = Boolean(tls.str(['cert_file']) || tls.str(['cert_pem']) || tls.opaque(['cert_file']) || tls.opaque(['cert_pem']));
  const hasKey = Boolean(tls.str(['key_file']) || tls.str(['key_pem']) || tls.opaque(['key_file']) || tls.opaque(['key_pem']));
  if (hasCert !== hasKey) issue(`${where}: TLS configuration must include both certificate and key (CertFile/CertPem and KeyFile/KeyPem)`, ['tls']);
  if (server && !hasCert && !hasKey && cfg.map(['tls'])) issue(`${where}: TLS configuration must include both certificate and key for server connections`, ['tls']);
}

/** `exporterhelper` timeout, retry and queue settings. */
export function checkExporterHelper(cfg: RuleReader, issue: Issue): void {
  const timeout = cfg.duration(['timeout']);
  if (timeout !== undefined && timeout < 0) issue("::timeoutconfig: 'timeout' must be non-negative", ['timeout']);

  if (cfg.has(['retry_on_failure'])) {
    // A plain struct: validated even when `enabled: false` (§5.3).
    const r = cfg.at(['retry_on_failure']);
    const initial = r.duration(['initial_interval']) ?? 5e9;
    const maxInterval = r.duration(['max_interval']) ?? 30e9;
    const maxElapsed = r.duration(['max_elapsed_time']) ?? 300e9;
    const where = '::retry_on_failure';
    for (const [key, value] of [['initial_interval', initial], ['max_elapsed_time', maxElapsed], ['max_interval', maxInterval], ['multiplier', r.num(['multiplier']) ?? 1.5], ['randomization_factor', r.num(['randomization_factor']) ?? 0.5]] as const) {
      if (value < 0) issue(`${where}: ${key} value must be greater than or equal to 0`, ['retry_on_failure', key]);
    }
    if ((r.num(['randomization_factor']) ?? 0.5) > 1) issue(`${where}: randomization_factor value must be less than or equal to 1`, ['retry_on_failure', 'randomization_factor']);
    if (maxElapsed > 0 && maxElapsed < initial) issue(`${where}: 'max_elapsed_time' must not be less than 'initial_interval'`, ['retry_on_failure', 'max_elapsed_time']);
    if (maxElapsed > 0 && maxElapsed < maxInterval) issue(`${where}: 'max_elapsed_time' must not be less than 'max_interval'`, ['retry_on_failure', 'max_elapsed_time']);
  }

  if (cfg.has(['sending_queue']) && cfg.bool(['sending_queue', 'enabled']) !== false) {
    const q = cfg.at(['sending_queue']);
    const where = '::sending_queue';
    const consumers = q.num(['num_consumers']);
    if (consumers !== undefined && consumers <= 0) issue(`${where}: \`num_consumers\` must be positive`, ['sending_queue', 'num_consumers']);
    const size = q.num(['queue_size']);
    if (size !== undefined && size <= 0) issue(`${where}: \`queue_size\` must be positive`, ['sending_queue', 'queue_size']);
    if (q.bool(['wait_for_result']) && q.str(['storage'])) {
      issue(`${where}: \`wait_for_result\` is not supported with a persistent queue configured with \`storage\``, ['sending_queue', 'wait_for_result']);
    }
  }
}
