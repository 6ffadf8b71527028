import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeHelmValues } from '../import/mergeHelmValues';
import { exportConfig } from './exportConfig';
import { COMPOSE_CONFIG_FILE, CONTAINER_CONFIG_PATH } from './exportDockerCompose';
import type { ExportResult } from './exportTypes';

/** No nulls and no chart-default quirks: every format must give it back exactly. */
const PLAIN = `# Gateway
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317 # all interfaces
  jaeger:
    protocols:
      thrift_compact:
        endpoint: 0.0.0.0:6831
processors:
  batch:
    timeout: 2s
exporters:
  otlp_http:
    endpoint: \${env:BACKEND_URL}
    headers:
      Authorization: "Bearer \${env:TOKEN}"
      X-Literal: "costs $5 and {{ not a template }}"
extensions:
  health_check:
    endpoint: 0.0.0.0:13133
service:
  extensions: [health_check]
  telemetry:
    metrics:
      level: detailed
  pipelines:
    traces:
      receivers: [otlp, jaeger]
      processors: [batch]
      exporters: [otlp_http]
`;

/** Empty bodies (null) and no telemetry section: Helm needs care here. */
const WITH_NULLS = `receivers:
  otlp:
    protocols:
      grpc:
      http:
processors:
  batch:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
`;

function files(result: ExportResult): { name: string; content: string }[] {
  if (!result.ok) throw new Error(result.message);
  return [...result.files];
}

function onlyFile(result: ExportResult): string {
  return files(result)[0]?.content ?? '';
}

function walkStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => walkStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walkStrings(v, f)]));
  return value;
}

/**
 * What the Collector cannot tell apart: a null component or pipeline body and `{}` both mean
 * "defaults"/"empty", and an empty `service.telemetry.metrics` map is the same as none.
 */
function collectorEquivalent(config: unknown): unknown {
  const c = structuredClone(config) as Record<string, Record<string, unknown>>;
  for (const section of ['receivers', 'processors', 'exporters', 'connectors', 'extensions']) {
    for (const [id, body] of Object.entries(c[section] ?? {})) if (body === null) c[section]![id] = {};
  }
  const otlp = (c.receivers?.otlp as { protocols?: Record<string, unknown> } | undefined)?.protocols;
  for (const [p, body] of Object.entries(otlp ?? {})) if (body === null || (body && typeof body === 'object' && Object.keys(body).length === 0)) otlp![p] = {};
  const service = c.service as { telemetry?: { metrics?: object } } | undefined;
  if (service?.telemetry?.metrics && Object.keys(service.telemetry.metrics).length === 0) delete service.telemetry.metrics;
  if (service?.telemetry && Object.keys(service.telemetry).length === 0) delete service.telemetry;
  return c;
}

/** What the chart renders from exported values: Helm's merge, then tpl printing {{ "{{" }} as {{. */
function helmRendered(values: string): unknown {
  const merged = mergeHelmValues(values);
  if (!merged.ok) throw new Error(merged.message);
  return walkStrings(merged.config, (s) => s.replaceAll('{{ "{{" }}', '{{'));
}

const options = { distribution: 'contrib' };

describe('exportConfig', () => {
  it('yaml: returns the text as is', () => {
    expect(onlyFile(exportConfig(PLAIN, 'yaml', options))).toBe(PLAIN);
  });

  describe('helm-values', () => {
    it('renders back to exactly the config once the chart merges it over its defaults', () => {
      const values = onlyFile(exportConfig(PLAIN, 'helm-values', options));
      expect(helmRendered(values)).toEqual(parse(PLAIN));
    });
    it('renders back to an equivalent config when bodies are empty and telemetry is absent', () => {
      const values = onlyFile(exportConfig(WITH_NULLS, 'helm-values', options));
      expect(collectorEquivalent(helmRendered(values))).toEqual(collectorEquivalent(parse(WITH_NULLS)));
    });
    it('sets mode, image and binary for the distribution, and nulls the chart defaults with a comment', () => {
      const values = onlyFile(exportConfig(WITH_NULLS, 'helm-values', { distribution: 'k8s', mode: 'daemonset' }));
      const parsed = parse(values);
      expect(parsed).toMatchObject({ mode: 'daemonset', image: { repository: 'otel/opentelemetry-collector-k8s', tag: '0.159.0' }, command: { name: 'otelcol-k8s' } });
      expect(parsed.config.receivers.jaeger).toBeNull();
      expect(parsed.config.processors.batch).toEqual({});
      expect(parsed.config.service.telemetry).toEqual({ resource: null, metrics: { readers: null } });
      expect(values).toContain('null removes a key in Helm');
      expect(values).toContain('jaeger: null # chart default; null removes it');
    });
    it('keeps ${env:X} verbatim and escapes {{ for the chart\'s tpl', () => {
      const values = onlyFile(exportConfig(PLAIN, 'helm-values', options));
      const headers = parse(values).config.exporters.otlp_http.headers;
      expect(headers).toEqual({ Authorization: 'Bearer ${env:TOKEN}', 'X-Literal': 'costs $5 and {{ "{{" }} not a template }}' });
    });
    it('keeps the comments of the config', () => {
      expect(onlyFile(exportConfig(PLAIN, 'helm-values', options))).toContain('# all interfaces');
    });
    it('disables the chart ports the config does not use and warns about a missing health_check', () => {
      const result = exportConfig(WITH_NULLS, 'helm-values', options);
      expect(parse(onlyFile(result)).ports).toEqual({
        'jaeger-compact': { enabled: false },
        'jaeger-thrift': { enabled: false },
        'jaeger-grpc': { enabled: false },
        zipkin: { enabled: false },
      });
      expect(result.ok && result.notes.join(' ')).toContain('health_check');
    });
  });

  describe('configmap', () => {
    it('holds the config byte for byte as a block literal under data.relay', () => {
      const out = onlyFile(exportConfig(PLAIN, 'configmap', { ...options, name: 'gw', namespace: 'obs' }));
      const parsed = parse(out);
      expect(parsed).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gw', namespace: 'obs' } });
      expect(parsed.data.relay).toBe(PLAIN);
      expect(out).toContain('  relay: |\n    # Gateway\n');
    });
    it.each([
      ['no trailing newline', 'receivers:\n  otlp:'],
      ['several trailing newlines', 'receivers:\n  otlp:\n\n\n'],
      ['a first line indented more than the rest', '  # indented\nreceivers: {}\n'],
    ])('round-trips a config with %s', (_name, text) => {
      expect(parse(onlyFile(exportConfig(text, 'configmap', options))).data.relay).toBe(text);
    });
  });

  describe('operator', () => {
    it('puts the config as a map under spec.config, with the image of the distribution', () => {
      const out = onlyFile(exportConfig(PLAIN, 'operator', { distribution: 'core' }));
      const parsed = parse(out);
      expect(parsed).toMatchObject({ apiVersion: 'opentelemetry.io/v1beta1', kind: 'OpenTelemetryCollector', spec: { mode: 'deployment', image: 'otel/opentelemetry-collector:0.159.0' } });
      expect(parsed.spec.config).toEqual(parse(PLAIN));
      expect(out).toContain('# all interfaces');
    });
    it('tells which variables to set under spec.env', () => {
      const result = exportConfig(PLAIN, 'operator', options);
      expect(result.ok && result.notes).toContain('The config reads BACKEND_URL, TOKEN from the environment: add them under spec.env.');
    });
  });

  describe('docker-compose', () => {
    it('mounts a separate config file that is the config byte for byte', () => {
      const [compose, config] = files(exportConfig(PLAIN, 'docker-compose', options));
      expect(config).toEqual({ name: COMPOSE_CONFIG_FILE, content: PLAIN });
      const service = parse(compose?.content ?? '').services['otel-collector'];
      expect(service.image).toBe('otel/opentelemetry-collector-contrib:0.159.0');
      expect(service.command).toEqual([`--config=${CONTAINER_CONFIG_PATH}`]);
      expect(service.volumes).toEqual([`./${COMPOSE_CONFIG_FILE}:${CONTAINER_CONFIG_PATH}:ro`]);
      expect(parse(config?.content ?? '')).toEqual(parse(PLAIN));
    });
    it('publishes the ports of the receivers and extensions, UDP where the protocol is UDP', () => {
      const [compose] = files(exportConfig(PLAIN, 'docker-compose', options));
      expect(parse(compose?.content ?? '').services['otel-collector'].ports).toEqual(['4317:4317', '6831:6831/udp', '13133:13133']);
      expect(compose?.content).toContain('"4317:4317" # otlp protocols::grpc::endpoint');
    });
    it('warns that default OTLP endpoints bind localhost inside the container', () => {
      const result = exportConfig(WITH_NULLS, 'docker-compose', options);
      expect(result.ok && result.notes.join('\n')).toContain('set protocols::grpc::endpoint to 0.0.0.0:4317');
      expect(parse(files(result)[0]?.content ?? '').services['otel-collector'].ports).toEqual(['4317:4317', '4318:4318']);
    });
    it('passes environment variables through, or sets sample values with $ escaped', () => {
      const [compose] = files(exportConfig(PLAIN, 'docker-compose', { ...options, env: { TOKEN: 'pa$$word' } }));
      expect(parse(compose?.content ?? '').services['otel-collector'].environment).toEqual(['BACKEND_URL', 'TOKEN=pa$$$$word']);
    });
    it('inline: embeds the config with every $ doubled, which compose reads back as the config', () => {
      const [compose, ...rest] = files(exportConfig(PLAIN, 'docker-compose', { ...options, inlineConfig: true }));
      expect(rest).toEqual([]);
      const parsed = parse(compose?.content ?? '');
      const content: string = parsed.configs['otelcol-config'].content;
      expect(content).toContain('$${env:BACKEND_URL}');
      // Compose interpolation: $$ is a literal $.
      expect(content.replaceAll('$$', '$')).toBe(PLAIN);
      expect(parsed.services['otel-collector'].configs).toEqual([{ source: 'otelcol-config', target: CONTAINER_CONFIG_PATH }]);
    });
  });

  it('exports the config inside a ConfigMap, not the ConfigMap', () => {
    const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  relay: |\n${PLAIN.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')}`;
    expect(parse(onlyFile(exportConfig(configMap, 'operator', options))).spec.config).toEqual(parse(PLAIN));
  });
  it('refuses text that holds no config', () => {
    expect(exportConfig('a: [', 'helm-values', options)).toMatchObject({ ok: false, message: expect.stringContaining('Nothing to export') });
    expect(exportConfig('kind: Deployment', 'configmap', options)).toMatchObject({ ok: false });
  });
  it('uses a placeholder image for a custom build and says so', () => {
    const result = exportConfig(PLAIN, 'operator', { distribution: 'custom' });
    expect(result.ok && result.notes.join(' ')).toContain('Custom distribution');
  });
});
