import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../memoryIo';

const VALID = `receivers:
  otlp:
    protocols:
      grpc:
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
const INVALID = VALID.replace('processors: [batch]', 'processors: [batch, nosuch]');

describe('pipeline-studio validate', () => {
  it('exits 0 and reports a summary for a valid config', async () => {
    const io = memoryIo({ 'ok.yaml': VALID });
    expect(await main(['validate', 'ok.yaml'], io)).toBe(0);
    expect(io.stdout).not.toContain(': error:');
    expect(io.stderr).toContain('valid: 0 error(s)');
  });

  it('exits 1 and prints file:line:col: severity: message for an invalid config', async () => {
    const io = memoryIo({ 'bad.yaml': INVALID });
    expect(await main(['validate', 'bad.yaml'], io)).toBe(1);
    expect(io.stdout).toContain('bad.yaml:13:27: error: service::pipelines::traces: references processor "nosuch" which is not configured');
  });

  it('prints a JSON array with severity, message, file, line, column and componentId', async () => {
    const io = memoryIo({ 'bad.yaml': INVALID });
    expect(await main(['validate', 'bad.yaml', '--format', 'json'], io)).toBe(1);
    const rows = JSON.parse(io.stdout) as Record<string, unknown>[];
    expect(rows).toContainEqual(expect.objectContaining({ severity: 'error', file: 'bad.yaml', line: 13, column: 27, componentId: 'nosuch' }));
  });

  it('merges files in order like repeated --config flags (a later file fixes the pipeline)', async () => {
    const overlay = 'processors:\n  nosuch:\n';
    const io = memoryIo({ 'bad.yaml': INVALID, 'overlay.yaml': overlay });
    // `nosuch` is an unknown processor type, so the merged config fails on that, in overlay.yaml.
    expect(await main(['validate', 'bad.yaml', 'overlay.yaml'], io)).toBe(1);
    expect(io.stdout).toContain('overlay.yaml:2:3: error:');
    expect(io.stdout).not.toContain('which is not configured');
  });

  it('uses --env values for typed checks', async () => {
    const config = VALID.replace('  batch:\n', '  batch:\n    send_batch_size: ${env:SIZE}\n');
    const ok = memoryIo({ 'c.yaml': config });
    expect(await main(['validate', 'c.yaml'], ok)).toBe(0);
    const typed = memoryIo({ 'c.yaml': config });
    expect(await main(['validate', 'c.yaml', '--env', 'SIZE=lots'], typed)).toBe(1);
    expect(typed.stdout).toContain("'send_batch_size' expected type 'uint32', got unconvertible type 'string'");
  });

  it('checks component types against --distro', async () => {
    const config = VALID.replace('  batch:\n', '  batch:\n  tail_sampling:\n');
    const core = memoryIo({ 'c.yaml': config });
    expect(await main(['validate', 'c.yaml', '--distro', 'core'], core)).toBe(1);
    expect(core.stdout).toContain('unknown type: "tail_sampling"');
    const custom = memoryIo({ 'c.yaml': config });
    expect(await main(['validate', 'c.yaml', '--distro=custom'], custom)).toBe(0);
  });

  it('exits 2 with a one-line error for a missing file, an unknown distro or a bad flag', async () => {
    for (const args of [['validate', 'missing.yaml'], ['validate', 'ok.yaml', '--distro', 'nope'], ['validate', 'ok.yaml', '--bogus'], ['validate'], ['validate', 'ok.yaml', '--env', 'NOEQUALS'], ['validate', 'ok.yaml', '--format', 'xml']]) {
      const io = memoryIo({ 'ok.yaml': VALID });
      expect(await main(args, io)).toBe(2);
      expect(io.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('pipeline-studio conformance', () => {
  const cases = JSON.stringify([
    { file: 'good.yaml', valid: true, expectedErrors: [] },
    { file: 'bad.yaml', valid: false, expectedErrors: ['references processor "nosuch" which is not configured'] },
  ]);

  it('runs a directory with cases.json, prints each case and the totals, exits 0 when all pass', async () => {
    const io = memoryIo({ 'cases/cases.json': cases, 'cases/good.yaml': VALID, 'cases/bad.yaml': INVALID });
    expect(await main(['conformance', 'cases'], io)).toBe(0);
    expect(io.stdout).toContain('PASS good');
    expect(io.stdout).toContain('PASS bad');
    expect(io.stdout).toContain('2 passed, 0 failed');
  });

  it('exits 1 when a case fails and says why', async () => {
    const io = memoryIo({ 'cases/cases.json': cases, 'cases/good.yaml': INVALID, 'cases/bad.yaml': INVALID });
    expect(await main(['conformance', 'cases'], io)).toBe(1);
    expect(io.stdout).toMatch(/FAIL good: expected valid/);
    expect(io.stdout).toContain('1 passed, 1 failed');
  });

  it('accepts a JSON file given directly and exits 2 for one no suite recognises', async () => {
    const direct = memoryIo({ 'cases/cases.json': cases, 'cases/good.yaml': VALID, 'cases/bad.yaml': INVALID });
    expect(await main(['conformance', 'cases/cases.json'], direct)).toBe(0);
    const unknown = memoryIo({ 'x.json': '{"what": 1}' });
    expect(await main(['conformance', 'x.json'], unknown)).toBe(2);
    expect(unknown.stderr).toContain('no conformance suite recognises');
  });
});
