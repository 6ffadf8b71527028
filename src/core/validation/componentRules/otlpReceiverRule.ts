/** `otlp` receiver (config-semantics §6.3; `receiver/otlpreceiver/config.go`). */
import type { ComponentRule } from './componentRule';
import { goUrlParseError } from './goUrl';

const URL_PATHS = ['traces_url_path', 'metrics_url_path', 'logs_url_path', 'profiles_url_path'];

function enabled(cfg: Parameters<NonNullable<ComponentRule['validate']>>[0], section: string): boolean {
  // Optional sections are enabled by presence, unless `enabled: false` (§5.3).
  return cfg.has(['protocols', section]) && cfg.bool(['protocols', section, 'enabled']) !== false;
}

export const otlpReceiverRule: ComponentRule = {
  decode(cfg, issue) {
    for (const key of URL_PATHS) {
      const value = cfg.str(['protocols', 'http', key]);
      if (value === undefined) continue;
      const error = goUrlParseError(value);
      if (error) issue(`invalid HTTP URL path set for signal: ${error}`, ['protocols', 'http', key]);
    }
  },
  validate(cfg, issue) {
    if (cfg.opaque(['protocols'])) return;
    if (!enabled(cfg, 'grpc') && !enabled(cfg, 'http')) issue('must specify at least one protocol when using the OTLP receiver', ['protocols']);
    const grpc = cfg.at(['protocols', 'grpc']);
    const mib = grpc.num(['max_recv_msg_size_mib']);
    const max = Math.floor(Number.MAX_SAFE_INTEGER / 1048576);
    if (mib !== undefined && (mib < 0 || mib > max)) issue(`::protocols::grpc: invalid max_recv_msg_size_mib value, must be between 1 and ${max}: ${mib}`, ['protocols', 'grpc', 'max_recv_msg_size_mib']);
    const read = grpc.num(['read_buffer_size']);
    if (read !== undefined && read < 0) issue(`::protocols::grpc: invalid read_buffer_size value: ${read}`, ['protocols', 'grpc', 'read_buffer_size']);
    const write = grpc.num(['write_buffer_size']);
    if (write !== undefined && write < 0) issue(`::protocols::grpc: invalid write_buffer_size value: ${write}`, ['protocols', 'grpc', 'write_buffer_size']);
  },
};
