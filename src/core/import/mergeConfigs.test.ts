import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeConfigs } from './mergeConfigs';

const BASE = `# Base config shared by every environment
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317 # all interfaces
processors:
  batch:
    timeout: 5s
    send_batch_size: 1000
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

const PROD = `processors:
  batch:
    timeout: 2s
exporters:
  otlp_grpc:
    endpoint: tempo:4317
service:
  pipelines:
    traces:
      exporters: [otlp_grpc]
`;

describe('mergeConfigs (config-semantics §4.1)', () => {
  it('merges maps deeply, later scalars win, lists are replaced', () => {
    const r = mergeConfigs([
      { name: 'base.yaml', text: BASE },
      { name: 'prod.yaml', text: PROD },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.merged).toEqual({
      receivers: { otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' } } } },
      processors: { batch: { timeout: '2s', send_batch_size: 1000 } },
      exporters: { debug: { verbosity: 'basic' }, otlp_grpc: { endpoint: 'tempo:4317' } },
      service: { pipelines: { traces: { receivers: ['otlp'], processors: ['batch'], exporters: ['otlp_grpc'] } } },
    });
    expect(parse(r.text)).toEqual(r.merged);
  });
  it("keeps the first file's comments and marks what later files changed", () => {
    const r = mergeConfigs([
      { name: 'base.yaml', text: BASE },
      { name: 'prod.yaml', text: PROD },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toContain('# Base config shared by every environment');
    expect(r.text).toContain('# all interfaces');
    expect(r.text).toContain('timeout: 2s # from prod.yaml');
    expect(r.text).toMatch(/# from prod.yaml\n {2}otlp_grpc:/);
    expect(r.text.startsWith('# Merged from base.yaml, prod.yaml in this order')).toBe(true);
  });
  it('describes what came from where', () => {
    const r = mergeConfigs([
      { name: 'base.yaml', text: BASE },
      { name: 'prod.yaml', text: PROD },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.changes).toEqual([
      { path: 'processors::batch::timeout', source: 'prod.yaml', action: 'replaced' },
      { path: 'exporters::otlp_grpc', source: 'prod.yaml', action: 'added' },
      { path: 'service::pipelines::traces::exporters', source: 'prod.yaml', action: 'replaced' },
    ]);
    expect(r.origins).toContainEqual({ path: 'processors::batch', sources: ['base.yaml', 'prod.yaml'] });
    expect(r.origins).toContainEqual({ path: 'exporters::otlp_grpc', sources: ['prod.yaml'] });
    expect(r.summary).toContain('prod.yaml replaced service::pipelines::traces::exporters (lists are replaced, not concatenated).');
  });
  it('lets a later null reset a component to its defaults', () => {
    const r = mergeConfigs([
      { name: 'a.yaml', text: BASE },
      { name: 'b.yaml', text: 'receivers:\n  otlp:\n' },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.merged.receivers).toEqual({ otlp: null });
    expect(r.changes).toEqual([{ path: 'receivers::otlp', source: 'b.yaml', action: 'reset' }]);
    expect(parse(r.text)).toEqual(r.merged);
  });
  it('lets a later map replace an earlier null', () => {
    const r = mergeConfigs([
      { name: 'a.yaml', text: 'exporters:\n  debug:\n' },
      { name: 'b.yaml', text: 'exporters:\n  debug:\n    verbosity: detailed\n' },
    ]);
    expect(r.ok && r.merged).toEqual({ exporters: { debug: { verbosity: 'detailed' } } });
  });
  it('splits "::" keys into nested keys, as --set and files both do', () => {
    const r = mergeConfigs([
      { name: 'a.yaml', text: BASE },
      { name: 'b.yaml', text: 'processors::batch::timeout: 1s\n' },
    ]);
    expect(r.ok && r.merged.processors).toEqual({ batch: { timeout: '1s', send_batch_size: 1000 } });
  });
  it('writes a fresh, commented document when the first file uses anchors', () => {
    const r = mergeConfigs([
      { name: 'a.yaml', text: 'x: &e { endpoint: a:1 }\nexporters:\n  otlp_grpc: *e\n' },
      { name: 'b.yaml', text: 'exporters:\n  otlp_grpc:\n    endpoint: b:2\n' },
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.text.startsWith('# Merged from a.yaml, b.yaml')).toBe(true);
    expect(parse(r.text)).toEqual({ x: { endpoint: 'a:1' }, exporters: { otlp_grpc: { endpoint: 'b:2' } } });
  });
  it('treats an empty file as an empty mapping', () => {
    const r = mergeConfigs([
      { name: 'a.yaml', text: BASE },
      { name: 'empty.yaml', text: '' },
    ]);
    expect(r.ok && parse(r.text)).toEqual(parse(BASE));
  });
  it('reads the config held by a ConfigMap like the file it mounts', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  relay: |\n    exporters:\n      debug:\n        verbosity: detailed\n';
    const r = mergeConfigs([
      { name: 'a.yaml', text: BASE },
      { name: 'cm.yaml', text: configMap },
    ]);
    expect(r.ok && r.merged.exporters).toEqual({ debug: { verbosity: 'detailed' } });
  });
  it("reports a file that is not a mapping in the Collector's words", () => {
    expect(mergeConfigs([{ name: 'list.yaml', text: '- a\n' }])).toEqual({ ok: false, message: 'list.yaml: retrieved value (type=[]interface {}) cannot be used as a Conf' });
    expect(mergeConfigs([{ name: 'bad.yaml', text: 'a: [\n' }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('bad.yaml: retrieved value (type=string) cannot be used as a Conf: assuming string type since contents are not valid YAML'),
    });
    expect(mergeConfigs([])).toEqual({ ok: false, message: 'at least one config flag must be provided' });
  });
  it('returns a single file unchanged', () => {
    const r = mergeConfigs([{ name: 'a.yaml', text: BASE }]);
    expect(r.ok && r.text).toBe(BASE);
  });
});
