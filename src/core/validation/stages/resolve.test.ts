import { describe, expect, it } from 'vitest';
import { validateConfig } from '../validateConfig';

const base = (endpoint: string): string => `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${endpoint}
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

describe('stage R: ${...} references (config-semantics §4.2)', () => {
  it('h01/h02/h03: returns every env variable use with its default and the exact range of the reference', () => {
    const text = base('${env:HOST:-0.0.0.0}:${PORT}');
    const { variables, valid } = validateConfig(text);
    expect(valid).toBe(true);
    expect(variables.map((v) => [v.name, v.defaultValue, text.slice(v.range!.start.offset, v.range!.end.offset)])).toEqual([
      ['HOST', '0.0.0.0', '${env:HOST:-0.0.0.0}'],
      ['PORT', null, '${PORT}'],
    ]);
    expect(variables[0]?.componentId).toBe('otlp');
  });

  it('h03: everything after the first ":-" is the default, even with more ":-"', () => {
    expect(validateConfig(base('${env:X:-a:-b}')).variables[0]?.defaultValue).toBe('a:-b');
  });

  it('h07: $${...} is an escape, not a variable; h08: $NAME is not expanded', () => {
    expect(validateConfig(base('"$${env:NOT_A_VAR} $HOSTNAME"')).variables).toEqual([]);
  });

  it('nests references innermost first: ${file:${env:DIR}/x} uses DIR', () => {
    const { variables, valid } = validateConfig(base('${file:${env:DIR}/x.yaml}'));
    expect(valid).toBe(true);
    expect(variables.map((v) => v.name)).toEqual(['DIR']);
  });

  it('h04: rejects an invalid variable name', () => {
    const d = validateConfig(base('${env:my.var}')).diagnostics[0];
    expect(d).toMatchObject({ stage: 'resolve', severity: 'error', message: 'environment variable "my.var" has invalid name: must match regex ^[a-zA-Z_][a-zA-Z0-9_]*$' });
  });

  it('h05/h06: rejects unknown schemes and a default without env:', () => {
    expect(validateConfig(base('${vault:a}')).diagnostics[0]?.message).toBe('scheme "vault" is not supported for uri "vault:a"');
    expect(validateConfig(base('${MY_VAR:-x}')).diagnostics[0]?.message).toBe('invalid uri: "MY_VAR:-x"');
    expect(validateConfig(base('${file:a$b}')).diagnostics[0]?.message).toBe(`the uri "file:a$b" contains unsupported characters ('$')`);
  });

  it('h09: placeholders in typed fields are valid as templates; sample values are type-checked', () => {
    const text = base('localhost:4317').replace('exporters:', 'processors:\n  batch:\n    send_batch_size: ${env:N}\n    timeout: ${env:T:-5s}\nexporters:').replace('exporters: [debug]', 'processors: [batch]\n      exporters: [debug]');
    expect(validateConfig(text).valid).toBe(true);
    expect(validateConfig(text, { env: { N: '100', T: '2s' } }).valid).toBe(true);
    const bad = validateConfig(text, { env: { N: 'many', T: 'soon' } });
    expect(bad.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      `'processors' error reading configuration for "batch": 'send_batch_size' expected type 'uint32', got unconvertible type 'string'`,
      `'processors' error reading configuration for "batch": 'timeout' time: invalid duration`,
    ]);
  });

  it('h10: a whole section or body from ${file:...} is opaque', () => {
    const text = base('localhost:4317').replace('exporters:\n  debug:\n', 'exporters: ${file:exporters.yaml}\n');
    expect(validateConfig(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
