import { describe, expect, it } from 'vitest';
import { validateConfig } from '../validateConfig';

describe('stage B and start-up checks (config-semantics §7, §6.4, §6.5)', () => {
  it('g14: tail_sampling policy errors are marked atStartup (otelcol validate does not see them)', () => {
    const text = `receivers:
  otlp:
    protocols:
      grpc:
processors:
  tail_sampling:
    policies:
      - name: a
        type: nope
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [tail_sampling]
      exporters: [debug]
`;
    const d = validateConfig(text).diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ atStartup: true, message: 'cannot start pipelines: failed to start "tail_sampling" processor: failed to create policy evaluator for "a": unknown sampling policy type nope' });
    expect(d?.range?.start.line).toBe(9);
  });

  it('an authenticator that is defined but not enabled fails at start-up', () => {
    const text = `extensions:
  bearertokenauth:
    token: x
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  otlp_grpc:
    endpoint: backend:4317
    auth:
      authenticator: bearertokenauth
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp_grpc]
`;
    const d = validateConfig(text).diagnostics.find((x) => x.code === 'extension-reference');
    expect(d).toMatchObject({ atStartup: true, severity: 'error' });
    expect(d?.message).toContain('failed to resolve authenticator "bearertokenauth": authenticator not found');
    expect(validateConfig(text.replace('service:\n', 'service:\n  extensions: [bearertokenauth]\n')).valid).toBe(true);
  });

  it('d05: reports one cycle, starting at a connector, with the ranges of the connector use', () => {
    const text = `receivers:
  otlp:
    protocols:
      grpc:
processors:
  batch:
exporters:
  debug:
connectors:
  forward:
service:
  pipelines:
    traces/a:
      receivers: [otlp, forward]
      processors: [batch]
      exporters: [forward, debug]
`;
    const cycles = validateConfig(text).diagnostics.filter((d) => d.code === 'pipeline-cycle');
    expect(cycles.map((c) => c.message)).toEqual([
      'failed to build pipelines: cycle detected: connector "forward" (traces to traces) -> processor "batch" in pipeline "traces/a" -> connector "forward" (traces to traces)',
    ]);
  });
});
