import { describe, expect, it } from 'vitest';
import { validateConfig } from '../validateConfig';

const withExporter = (body: string, distribution?: string) =>
  validateConfig(
    `receivers:\n  otlp:\n    protocols:\n      grpc:\nexporters:\n${body}\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [${/^ {2}([\w/]+):/.exec(body)?.[1] ?? 'debug'}]\n`,
    distribution ? { distribution } : {},
  );
const errors = (r: ReturnType<typeof validateConfig>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);

describe('stage U: types, aliases and bodies (config-semantics §3, §5)', () => {
  it('b09: lists the valid types of the kind for the distribution, deprecated aliases included', () => {
    const [message] = errors(withExporter('  otlpp:'));
    expect(message).toMatch(/^'exporters' unknown type: "otlpp" for id: "otlpp" \(valid values: \[.* otlp_grpc otlp .*\]\)$/);
  });

  it('b13: otlp is the receiver type but the deprecated alias of otlp_grpc for exporters', () => {
    const r = withExporter('  otlp:\n    endpoint: a:4317');
    const warnings = r.diagnostics.filter((d) => d.code === 'deprecated-alias');
    expect(warnings.map((w) => [w.message, w.componentId, w.range?.start.line])).toEqual([['"otlp" alias is deprecated; use "otlp_grpc" instead', 'otlp', 6]]);
    expect(r.valid).toBe(true);
  });

  it('rejects a contrib-only type for the core distribution, and only warns for a custom build', () => {
    const core = withExporter('  datadog:', 'core');
    expect(errors(core)[0]).toContain('unknown type: "datadog" for id: "datadog"');
    expect(core.diagnostics.find((d) => d.code === 'unknown-type')?.explanation).toContain('shipped by: contrib');
    const custom = withExporter('  my_exporter:', 'custom');
    expect(custom.valid).toBe(true);
    expect(custom.diagnostics.find((d) => d.code === 'unknown-type')?.severity).toBe('warning');
  });

  it('b11: the removed logging exporter is an error naming debug', () => {
    expect(errors(withExporter('  logging:'))).toContain("'exporters' the logging exporter has been deprecated, use the debug exporter instead");
  });

  it('b08: reports a duplicate after trimming once, on the second key', () => {
    const r = withExporter('  debug/a:\n  "debug/ a":');
    expect(errors(r)).toEqual(["'exporters' duplicate name \"debug/ a\" after unmarshaling debug/a"]);
    expect(r.diagnostics.find((d) => d.code === 'duplicate-id')?.range?.start.line).toBe(7);
  });

  it('f16/f10/f11: schema errors use the decoder wording and point at the key or value', () => {
    const r = withExporter('  debug:\n    sampling_initial: "2"\n    output_paths: stdout\n    use_internal_logger: yes');
    expect(errors(r)).toEqual([
      `'exporters' error reading configuration for "debug": 'sampling_initial' expected type 'int', got unconvertible type 'string'`,
      `'exporters' error reading configuration for "debug": 'use_internal_logger' expected type 'bool', got unconvertible type 'string'`,
    ]);
    expect(r.diagnostics[0]?.range?.start).toMatchObject({ line: 7, column: 23 });
  });

  it('reports unknown keys at their nested path, one diagnostic per key', () => {
    const r = withExporter('  otlp_grpc:\n    endpoint: a:1\n    retry_on_failure:\n      max_intervall: 5s\n    tls:\n      insecur: true');
    expect(errors(r)).toEqual([
      `'exporters' error reading configuration for "otlp_grpc": 'retry_on_failure' has invalid keys: max_intervall`,
      `'exporters' error reading configuration for "otlp_grpc": 'tls' has invalid keys: insecur`,
    ]);
  });

  it('never flags keys of a component without a schema', () => {
    expect(withExporter('  sentry:\n    anything: goes').diagnostics.filter((d) => d.code === 'unknown-key')).toEqual([]);
  });

  it('a []string field accepts a single comma-separated string', () => {
    expect(withExporter('  debug:\n    output_paths: stdout,stderr\n    use_internal_logger: false').valid).toBe(true);
  });

  it('b15: a component body that is a scalar', () => {
    expect(errors(withExporter('  debug: loud'))).toEqual(["'exporters' '[debug]' expected type 'map[string]interface {}', got unconvertible type 'string'"]);
  });
});
