import { describe, expect, it } from 'vitest';
import { addComponent } from './addComponent';
import type { EditResult } from './editResult';
import { removeComponent } from './removeComponent';
import { renameComponent } from './renameComponent';

function ok(result: EditResult): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const base = `receivers:
  otlp:
    protocols:
      grpc:
processors:
  batch:
exporters:
  debug:
    verbosity: basic
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [debug]
`;

describe('addComponent', () => {
  it('appends a definition with the starter body in the section indentation', () => {
    const result = addComponent(base, 'processor', 'memory_limiter');
    expect(ok(result)).toBe(base.replace('  batch:\n', '  batch:\n  memory_limiter:\n    check_interval: 1s\n    limit_percentage: 80\n    spike_limit_percentage: 20\n'));
    expect(result.ok && result.focus).toEqual({ kind: 'processor', id: 'memory_limiter', offset: ok(result).indexOf('memory_limiter:') });
  });

  it('uses a 4-space indent unit when the document does', () => {
    const text = 'receivers:\n    otlp:\n        protocols:\n            grpc:\n';
    expect(ok(addComponent(text, 'receiver', 'zipkin'))).toBe(`${text}    zipkin:\n        endpoint: localhost:9411\n`);
  });

  it('writes an empty body as a bare key', () => {
    expect(ok(addComponent(base, 'processor', 'batch/2', null))).toBe(base.replace('  batch:\n', '  batch:\n  batch/2:\n'));
  });

  it('creates a missing section in the conventional order', () => {
    expect(ok(addComponent(base, 'connector', 'forward'))).toBe(base.replace('service:', 'connectors:\n  forward:\nservice:'));
    const noProcessors = base.replace('processors:\n  batch:\n', '');
    expect(ok(addComponent(noProcessors, 'processor', 'batch'))).toBe(noProcessors.replace('exporters:', 'processors:\n  batch:\nexporters:'));
  });

  it('fills an empty section and an empty document', () => {
    expect(ok(addComponent('receivers:\nservice: {}\n', 'receiver', 'zipkin', { endpoint: 'localhost:9411' }))).toBe(
      'receivers:\n  zipkin:\n    endpoint: localhost:9411\nservice: {}\n',
    );
    expect(ok(addComponent('receivers: {}\n', 'receiver', 'zipkin', null))).toBe('receivers:\n  zipkin:\n');
    expect(ok(addComponent('', 'exporter', 'debug'))).toBe('exporters:\n  debug:\n    verbosity: basic\n');
    expect(ok(addComponent('# empty', 'exporter', 'debug', null))).toBe('# empty\nexporters:\n  debug:');
  });

  it('renders lists, nested maps and quoted strings', () => {
    const text = 'processors:\n  batch:\n';
    expect(ok(addComponent(text, 'processor', 'attributes', { actions: [{ key: 'a: b', action: 'delete' }], x: [] }))).toBe(
      'processors:\n  batch:\n  attributes:\n    actions:\n      - key: "a: b"\n        action: delete\n    x: []\n',
    );
  });

  it('refuses an existing id, an invalid id and a body that is not a mapping', () => {
    expect(addComponent(base, 'receiver', 'otlp')).toEqual({ ok: false, reason: 'There is already a receiver named otlp.' });
    expect(addComponent(base, 'receiver', '/x').ok).toBe(false);
    expect(addComponent(base, 'receiver', 'x', ['a']).ok).toBe(false);
  });

  it('refuses a ConfigMap whose config is a string', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  relay: |\n    receivers:\n      otlp:\n    service: {}\n';
    const result = addComponent(text, 'receiver', 'zipkin');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/ConfigMap/);
  });

  it('edits a Helm values config: map in place', () => {
    const text = 'mode: deployment\nconfig:\n  receivers:\n    otlp:\n  service:\n    pipelines: {}\n';
    expect(ok(addComponent(text, 'exporter', 'debug', null))).toBe('mode: deployment\nconfig:\n  receivers:\n    otlp:\n  exporters:\n    debug:\n  service:\n    pipelines: {}\n');
  });
});

describe('removeComponent', () => {
  it('removes the definition and its references', () => {
    expect(ok(removeComponent(base, 'processor', 'batch'))).toBe(base.replace('  batch:\n', '').replace('[batch]', '[]'));
  });

  it('removes a connector from receivers and exporters, and an extension from service.extensions', () => {
    const text = `connectors:
  # counts spans
  count:
extensions:
  health_check:
  pprof:
service:
  extensions: [health_check, pprof]
  pipelines:
    traces:
      receivers: [otlp]
      exporters:
        - debug
        - count
    metrics:
      receivers: [count, prometheus]
      exporters: [debug]
`;
    expect(ok(removeComponent(text, 'connector', 'count'))).toBe(
      text.replace('  # counts spans\n  count:\n', '').replace('        - count\n', '').replace('[count, prometheus]', '[prometheus]'),
    );
    expect(ok(removeComponent(text, 'extension', 'health_check'))).toBe(text.replace('  health_check:\n', '').replace('[health_check, pprof]', '[pprof]'));
  });

  it('refuses a missing component and one whose anchor is used elsewhere', () => {
    expect(removeComponent(base, 'receiver', 'jaeger')).toEqual({ ok: false, reason: 'There is no receiver "jaeger" in receivers:.' });
    const anchored = 'exporters:\n  otlp_grpc: &out\n    endpoint: a:4317\n  otlp_grpc/2: *out\n';
    expect(removeComponent(anchored, 'exporter', 'otlp_grpc').ok).toBe(false);
    expect(ok(removeComponent(anchored, 'exporter', 'otlp_grpc/2'))).toBe('exporters:\n  otlp_grpc: &out\n    endpoint: a:4317\n');
  });
});

describe('renameComponent', () => {
  it('renames the key and every reference', () => {
    const result = renameComponent(base, 'receiver', 'otlp', 'otlp/in');
    expect(ok(result)).toBe(base.replace('  otlp:', '  otlp/in:').replace('[otlp]', '[otlp/in]'));
    expect(result.ok && result.focus?.offset).toBe(ok(result).indexOf('otlp/in'));
  });

  it('keeps quotes and renames an extension where component configs use it', () => {
    const text = `extensions:
  "oauth2client":
exporters:
  otlp_http:
    auth:
      authenticator: oauth2client
    note: oauth2client is ours
service:
  extensions: ['oauth2client']
`;
    expect(ok(renameComponent(text, 'extension', 'oauth2client', 'oauth2client/x'))).toBe(
      text.replace('"oauth2client":', '"oauth2client/x":').replace('authenticator: oauth2client', 'authenticator: oauth2client/x').replace("['oauth2client']", "['oauth2client/x']"),
    );
  });

  it('refuses an invalid or taken id, with the Collector message', () => {
    expect(renameComponent(base, 'receiver', 'otlp', 'otlp/')).toEqual({
      ok: false,
      reason: '"otlp/" is not a valid component id: in "otlp/" id: the part after / should not be empty.',
    });
    const two = base.replace('  batch:\n', '  batch:\n  batch/2:\n');
    expect(renameComponent(two, 'processor', 'batch', 'batch/2')).toEqual({ ok: false, reason: 'There is already a processor named batch/2.' });
  });
});
