import { parseComponentId } from '../config/componentId';
import { isPlainMap } from '../import/plainValues';

export interface ListeningPort {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
  /** The component id and the setting, e.g. `otlp` `protocols::grpc::endpoint`. */
  readonly component: string;
  readonly setting: string;
  /** Bound to localhost: unreachable from outside a container even when the port is published. */
  readonly localhostOnly: boolean;
  /** No endpoint was written; the port is the component's documented default. */
  readonly defaulted: boolean;
}

const LOCALHOST = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** `0.0.0.0:4317`, `${env:MY_POD_IP}:4317`, `:4317`, `http://0.0.0.0:8889/metrics` → host and port. */
function hostPort(endpoint: string): { host: string; port: number } | null {
  const withoutScheme = endpoint.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const match = /^(.*):(\d{1,5})(?:\/.*)?$/.exec(withoutScheme);
  if (!match) return null;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? { host: match[1] ?? '', port } : null;
}

function collect(value: unknown, path: string[], found: { setting: string; endpoint: string }[]): void {
  if (!isPlainMap(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if ((key === 'endpoint' || key === 'listen_address') && typeof item === 'string') found.push({ setting: [...path, key].join('::'), endpoint: item });
    else collect(item, [...path, key], found);
  }
}

/**
 * The ports a config listens on, where that is obvious: every `endpoint` / `listen_address`
 * under receivers and extensions, the prometheus exporter's endpoint, and the OTLP receiver's
 * default 4317/4318 when a protocol is enabled without one (those defaults bind localhost since
 * Collector v0.104).
 */
export function listeningPorts(config: unknown): ListeningPort[] {
  if (!isPlainMap(config)) return [];
  const ports: ListeningPort[] = [];
  const sections: [string, (type: string) => boolean][] = [
    ['receivers', () => true],
    ['extensions', () => true],
    ['exporters', (type) => type === 'prometheus'],
  ];
  for (const [section, wanted] of sections) {
    const body = config[section];
    if (!isPlainMap(body)) continue;
    for (const [id, settings] of Object.entries(body)) {
      const parsed = parseComponentId(id);
      const type = parsed.ok ? parsed.type : id;
      if (!wanted(type)) continue;
      const found: { setting: string; endpoint: string }[] = [];
      collect(settings, [], found);
      for (const { setting, endpoint } of found) {
        const at = hostPort(endpoint);
        if (!at) continue;
        const udp = /udp|thrift_compact|thrift_binary/.test(setting) || (type === 'statsd' && !(isPlainMap(settings) && settings.transport === 'tcp'));
        ports.push({ port: at.port, protocol: udp ? 'udp' : 'tcp', component: id, setting, localhostOnly: LOCALHOST.has(at.host), defaulted: false });
      }
      if (section === 'receivers' && type === 'otlp' && isPlainMap(settings) && isPlainMap(settings.protocols)) {
        for (const [protocol, port] of [['grpc', 4317], ['http', 4318]] as const) {
          if (!Object.hasOwn(settings.protocols, protocol)) continue;
          const body = settings.protocols[protocol];
          if (isPlainMap(body) && typeof body.endpoint === 'string') continue;
          ports.push({ port, protocol: 'tcp', component: id, setting: `protocols::${protocol}::endpoint`, localhostOnly: true, defaulted: true });
        }
      }
    }
  }
  const seen = new Set<string>();
  return ports.filter((p) => {
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
