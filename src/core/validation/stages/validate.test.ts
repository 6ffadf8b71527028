import { describe, expect, it } from 'vitest';
import { validateFiles } from '../validateFiles';

const main = `receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
`;

describe('several files merged like repeated --config flags (config-semantics §4.1)', () => {
  it('merges maps key by key and names the file of each diagnostic', () => {
    const overlay = 'exporters:\n  debug:\n    verbosity: none\n';
    const r = validateFiles([{ name: 'main.yaml', text: main }, { name: 'overlay.yaml', text: overlay }]);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ file: 'overlay.yaml', message: 'exporters::debug: verbosity level "None" is not supported' });
    expect(d?.range?.start.line).toBe(3);
  });

  it('replaces lists instead of concatenating them, and keeps roles a later file does not set', () => {
    const overlay = 'processors:\n  batch:\nservice:\n  pipelines:\n    traces:\n      processors: [batch]\n';
    const r = validateFiles([{ name: 'main.yaml', text: main }, { name: 'overlay.yaml', text: overlay }]);
    expect(r.valid).toBe(true);
    const replaced = validateFiles([{ name: 'main.yaml', text: main }, { name: 'b.yaml', text: 'service:\n  pipelines:\n    traces:\n      receivers: []\n' }]);
    expect(replaced.diagnostics.map((d) => d.message)).toContain('service::pipelines::traces: must have at least one receiver');
  });

  it('a later null resets a component to its defaults', () => {
    const withBad = main.replace('  debug:\n', '  debug:\n    verbosity: none\n');
    expect(validateFiles([{ name: 'a.yaml', text: withBad }]).valid).toBe(false);
    expect(validateFiles([{ name: 'a.yaml', text: withBad }, { name: 'b.yaml', text: 'exporters:\n  debug:\n    verbosity: basic\n' }]).valid).toBe(true);
  });
});

describe('stage V: feature gates', () => {
  it('c16: a profiles pipeline is accepted when service.profilesSupport is on', () => {
    const text = main.replace('    traces:', '    profiles:');
    expect(validateFiles([{ name: 'c.yaml', text }]).valid).toBe(false);
    expect(validateFiles([{ name: 'c.yaml', text }], { featureGates: { 'service.profilesSupport': true } }).valid).toBe(true);
  });
});
