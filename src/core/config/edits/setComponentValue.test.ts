import { describe, expect, it } from 'vitest';
import type { EditResult } from './editResult';
import { replaceComponentBody } from './replaceComponentBody';
import { setComponentValue } from './setComponentValue';

function ok(result: EditResult): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const base = `receivers:
  otlp:
    protocols:
      grpc:
        endpoint: "0.0.0.0:4317" # all interfaces
processors:
  batch:
  filter:
    traces:
      span: ['name == "a"', 'name == "b"']
exporters:
  debug: {verbosity: basic}
`;

describe('setComponentValue', () => {
  it('replaces a scalar, keeping quotes and the trailing comment', () => {
    const set = ok(setComponentValue(base, 'receiver', 'otlp', ['protocols', 'grpc', 'endpoint'], 'localhost:4317'));
    expect(set).toBe(base.replace('"0.0.0.0:4317"', '"localhost:4317"'));
    expect(ok(setComponentValue(set, 'receiver', 'otlp', ['protocols', 'grpc', 'endpoint'], '0.0.0.0:4317'))).toBe(base);
  });

  it('creates intermediate mappings, and deletes back to the original', () => {
    const set = ok(setComponentValue(base, 'receiver', 'otlp', ['protocols', 'http', 'endpoint'], 'localhost:4318'));
    expect(set).toBe(base.replace('# all interfaces\n', '# all interfaces\n      http:\n        endpoint: localhost:4318\n'));
    expect(ok(setComponentValue(set, 'receiver', 'otlp', ['protocols', 'http'], undefined))).toBe(base);
  });

  it('turns an empty body into a mapping and back', () => {
    const set = ok(setComponentValue(base, 'processor', 'batch', ['timeout'], '5s'));
    expect(set).toBe(base.replace('  batch:\n', '  batch:\n    timeout: 5s\n'));
    expect(ok(setComponentValue(set, 'processor', 'batch', ['timeout'], undefined))).toBe(base);
  });

  it('edits flow mappings and lists in flow style', () => {
    expect(ok(setComponentValue(base, 'exporter', 'debug', ['sampling_initial'], 5))).toBe(base.replace('{verbosity: basic}', '{verbosity: basic, sampling_initial: 5}'));
    expect(ok(setComponentValue(base, 'exporter', 'debug', ['verbosity'], undefined))).toBe(base.replace('{verbosity: basic}', '{}'));
    expect(ok(setComponentValue(base, 'processor', 'filter', ['traces', 'span', 1], 'name == "c"'))).toBe(base.replace(`'name == "b"'`, `'name == "c"'`));
    expect(ok(setComponentValue(base, 'processor', 'filter', ['traces', 'span', 2], 'x'))).toBe(base.replace(`'name == "b"']`, `'name == "b"', x]`));
    expect(ok(setComponentValue(base, 'processor', 'filter', ['traces', 'span', 0], undefined))).toBe(base.replace(`'name == "a"', `, ''));
  });

  it('writes a mapping value as block lines', () => {
    expect(ok(setComponentValue(base, 'processor', 'batch', [], { send_batch_size: 100, timeout: '1s' }))).toBe(
      base.replace('  batch:\n', '  batch:\n    send_batch_size: 100\n    timeout: 1s\n'),
    );
  });

  it('refuses a path through a scalar, a missing component and an index past the end', () => {
    expect(setComponentValue(base, 'receiver', 'otlp', ['protocols', 'grpc', 'endpoint', 'x'], 1).ok).toBe(false);
    expect(setComponentValue(base, 'receiver', 'jaeger', ['a'], 1)).toEqual({ ok: false, reason: 'There is no receiver "jaeger" in receivers:.' });
    expect(setComponentValue(base, 'processor', 'filter', ['traces', 'span', 5], 'x').ok).toBe(false);
  });

  it('refuses to edit inside an anchor that aliases use, and through an alias', () => {
    const text = 'exporters:\n  otlp_grpc: &common\n    endpoint: a:4317\n  otlp_grpc/2: *common\n';
    const inAnchor = setComponentValue(text, 'exporter', 'otlp_grpc', ['endpoint'], 'b:4317');
    expect(inAnchor.ok).toBe(false);
    expect(!inAnchor.ok && inAnchor.reason).toMatch(/anchored as &common and reused through aliases/);
    const throughAlias = setComponentValue(text, 'exporter', 'otlp_grpc/2', ['endpoint'], 'b:4317');
    expect(!throughAlias.ok && throughAlias.reason).toMatch(/is an alias \(\*common\)/);
  });
});

describe('replaceComponentBody', () => {
  it('keeps the typed YAML as written, re-indented under the key', () => {
    const body = 'protocols:\n  http:   # only http\n    endpoint: localhost:4318\n';
    expect(ok(replaceComponentBody(base, 'receiver', 'otlp', body))).toBe(
      base.replace('    protocols:\n      grpc:\n        endpoint: "0.0.0.0:4317" # all interfaces\n', '    protocols:\n      http:   # only http\n        endpoint: localhost:4318\n'),
    );
  });

  it('fills an empty body and empties one', () => {
    expect(ok(replaceComponentBody(base, 'processor', 'batch', 'timeout: 1s'))).toBe(base.replace('  batch:\n', '  batch:\n    timeout: 1s\n'));
    expect(ok(replaceComponentBody(base, 'processor', 'filter', ''))).toBe(base.replace(`  filter:\n    traces:\n      span: ['name == "a"', 'name == "b"']\n`, '  filter:\n'));
    expect(ok(replaceComponentBody(base, 'exporter', 'debug', '{verbosity: detailed}'))).toBe(base.replace('{verbosity: basic}', '{verbosity: detailed}'));
  });

  it('uses the document line endings', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    expect(ok(replaceComponentBody(crlf, 'processor', 'batch', 'a: 1\nb: 2\n'))).toBe(crlf.replace('  batch:\r\n', '  batch:\r\n    a: 1\r\n    b: 2\r\n'));
  });

  it('refuses YAML that does not parse, or is not a mapping', () => {
    const bad = replaceComponentBody(base, 'receiver', 'otlp', 'protocols: [grpc\n');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/^The YAML for receiver otlp does not parse \(line \d+: /);
    expect(replaceComponentBody(base, 'receiver', 'otlp', '- a\n')).toEqual({ ok: false, reason: 'The configuration of receiver otlp must be a mapping of settings (or empty).' });
  });
});
