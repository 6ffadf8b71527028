import { Document, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { distributionImage } from './distributionImage';
import type { ExportOptions, ExportResult } from './exportTypes';
import { listeningPorts } from './listeningPorts';
import { readConfigDocument } from './readConfigDocument';

export const COMPOSE_CONFIG_FILE = 'otelcol-config.yaml';
export const CONTAINER_CONFIG_PATH = '/etc/otelcol/config.yaml';

/**
 * Compose interpolates `${X}` and `$X` in the compose file itself; `$$` is a literal `$`. Every
 * `$` in text we put into the compose file is doubled, so `${env:X}` reaches the Collector intact.
 */
export function escapeComposeText(text: string): string {
  return text.replace(/\$/g, '$$$$');
}

function envNames(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}/g)].map((m) => m[1] ?? ''))];
}

/**
 * A docker compose service running the distribution's image with
 * `--config=/etc/otelcol/config.yaml`. By default the config is a separate file
 * (`otelcol-config.yaml`, returned as the second file) bind-mounted read-only: compose does not
 * interpolate mounted files, so it is the config byte for byte. With `inlineConfig` the config is
 * embedded as `configs.<name>.content` (Compose ≥ 2.23.1), which compose does interpolate, so
 * there every `$` is written `$$`. Ports come from the receivers' endpoints where obvious;
 * variables the config reads with `${env:X}` are listed under `environment:` — with the sample
 * value when one is given (escaped), otherwise as a bare name that passes the host's value through.
 */
export function exportDockerCompose(text: string, options: ExportOptions): ExportResult {
  const config = readConfigDocument(text);
  if (!config.ok) return config;
  const name = options.name ?? 'otel-collector';
  const image = distributionImage(options.distribution);
  const plain: unknown = config.doc.toJS({ maxAliasCount: 1000 });
  const ports = listeningPorts(plain);
  const names = envNames(config.text);
  const service: Record<string, unknown> = {
    image: `${image.repository}:${image.tag}`,
    command: [`--config=${CONTAINER_CONFIG_PATH}`],
  };
  if (options.inlineConfig) service.configs = [{ source: 'otelcol-config', target: CONTAINER_CONFIG_PATH }];
  else service.volumes = [`./${COMPOSE_CONFIG_FILE}:${CONTAINER_CONFIG_PATH}:ro`];
  if (ports.length > 0) service.ports = ports.map((p) => `${p.port}:${p.port}${p.protocol === 'udp' ? '/udp' : ''}`);
  if (names.length > 0) {
    service.environment = names.map((n) => {
      const sample = options.env?.[n];
      return sample === undefined ? n : escapeComposeText(`${n}=${sample}`);
    });
  }
  const doc = new Document(options.inlineConfig ? { services: { [name]: service }, configs: { 'otelcol-config': { content: '' } } } : { services: { [name]: service } });
  if (options.inlineConfig) {
    const content = new Scalar(escapeComposeText(config.text));
    content.type = Scalar.BLOCK_LITERAL;
    doc.setIn(['configs', 'otelcol-config', 'content'], content);
  }
  const serviceNode = doc.getIn(['services', name], true) as YAMLMap;
  const portsNode = serviceNode.get('ports', true) as YAMLSeq | undefined;
  portsNode?.items.forEach((item, i) => {
    const p = ports[i];
    if (p && item instanceof Scalar) {
      item.type = Scalar.QUOTE_DOUBLE; // "4317:4317": unquoted, YAML 1.1 readers take 22:22 as a base-60 number
      item.comment = ` ${p.component} ${p.setting}${p.defaulted ? ' (default)' : ''}`;
    }
  });
  doc.commentBefore = options.inlineConfig
    ? ' docker compose file written by Pipeline Studio. The config is embedded below; compose\n interpolates it, so every $ in it is written $$ (compose turns $$ back into $).'
    : ` docker compose file written by Pipeline Studio. Save the config next to it as ${COMPOSE_CONFIG_FILE};\n it is mounted as is (compose does not interpolate mounted files).`;

  const notes = [...config.notes];
  if (!image.official) notes.push('Custom distribution: replace the image with your own build.');
  for (const p of ports.filter((port) => port.localhostOnly)) {
    notes.push(
      `${p.component} listens on localhost:${p.port}${p.defaulted ? ' (its default)' : ''} inside the container, which the published port cannot reach; set ${p.setting} to 0.0.0.0:${p.port}.`,
    );
  }
  const files = [{ name: 'compose.yaml', content: doc.toString({ lineWidth: 0 }) }];
  if (!options.inlineConfig) files.push({ name: COMPOSE_CONFIG_FILE, content: config.text });
  return { ok: true, format: 'docker-compose', files, notes };
}
