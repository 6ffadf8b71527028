import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../memoryIo';
import { SAMPLE_CONFIG } from '../../core/samples/sampleConfig';

describe('pipeline-studio graph', () => {
  it('prints each pipeline with its components in order', async () => {
    const io = memoryIo({ 'sample.yaml': SAMPLE_CONFIG });
    expect(await main(['graph', 'sample.yaml'], io)).toBe(0);
    expect(io.stdout).toContain('traces:\n  receivers:  otlp\n  processors: memory_limiter → tail_sampling → batch\n  exporters:  otlp_grpc, debug');
    expect(io.stdout).toContain('metrics:\n  receivers:  otlp, span_metrics (connector)');
  });
  it('exits 2 with one line for a missing file', async () => {
    const io = memoryIo({});
    expect(await main(['graph', 'nope.yaml'], io)).toBe(2);
    expect(io.stderr.trim().split('\n')).toEqual(['pipeline-studio graph: cannot read nope.yaml: no such file']);
  });
  it('exits 2 for an unknown command', async () => {
    const io = memoryIo({});
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toBe('pipeline-studio: unknown command "frobnicate" (try --help)\n');
  });
  it('exits 2 without a file', async () => {
    const io = memoryIo({});
    expect(await main(['graph'], io)).toBe(2);
  });
  it('lists the commands in --help', async () => {
    const io = memoryIo({});
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout).toContain('graph');
  });
  it('reports broken YAML with file:line:col and still exits cleanly', async () => {
    const io = memoryIo({ 'bad.yaml': '- a\n- b\n' });
    expect(await main(['graph', 'bad.yaml'], io)).toBe(1);
    expect(io.stderr).toMatch(/^bad\.yaml:1:1: error: the config must be a mapping/);
  });
});
