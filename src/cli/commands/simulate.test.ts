import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../main';
import { memoryIo } from '../memoryIo';
import { SAMPLE_CONFIG } from '../../core/samples/sampleConfig';

interface SimulateJson {
  summary: { inputTraces: number; sampledTraces: number };
  traces: { traceId: string; decision: string; policies: { name: string; verdict: string }[] }[];
}

async function simulate(args: string[], files: Record<string, string | Uint8Array> = { 'c.yaml': SAMPLE_CONFIG }) {
  const io = memoryIo(files);
  const code = await main(['simulate', 'c.yaml', ...args], io);
  return { code, io };
}

describe('pipeline-studio simulate', () => {
  it('generates 1,000 traces by default and reports one entry per trace in JSON', async () => {
    const { code, io } = await simulate(['--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(io.stdout) as SimulateJson;
    expect(json.summary.inputTraces).toBe(1000);
    expect(json.traces).toHaveLength(1000);
    expect(json.traces.filter((t) => t.decision === 'sampled')).toHaveLength(json.summary.sampledTraces);
    expect(json.traces[0]?.policies.map((p) => p.name)).toEqual(['errors', 'slow', 'baseline']);
  });

  it('gives identical JSON for the same seed and a different result for another seed', async () => {
    const a = await simulate(['--format', 'json', '--seed', '7', '--traces-count', '300']);
    const b = await simulate(['--format', 'json', '--seed', '7', '--traces-count', '300']);
    const c = await simulate(['--format', 'json', '--seed', '8', '--traces-count', '300']);
    expect(a.io.stdout).toBe(b.io.stdout);
    expect(c.io.stdout).not.toBe(a.io.stdout);
  });

  it('prints per-pipeline component counts and policy hits as text', async () => {
    const { code, io } = await simulate(['--traces-count', '200']);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/^input: \d+ spans in 200 traces/m);
    expect(io.stdout).toContain('traces:\n');
    expect(io.stdout).toMatch(/processor +tail_sampling +\d+ → +\d+ spans/);
    expect(io.stdout).toMatch(/policies \(traces matched \/ decided alone\):\n {2}errors/);
  });

  it('reads trace files from the corpus', async () => {
    const file = readFileSync(new URL('../../../reference/corpus/traces/otel-proto__examples__trace.json', import.meta.url));
    const { code, io } = await simulate(['--traces', 't.json', '--format', 'json'], { 'c.yaml': SAMPLE_CONFIG, 't.json': new Uint8Array(file) });
    expect(code).toBe(0);
    expect((JSON.parse(io.stdout) as SimulateJson).summary.inputTraces).toBeGreaterThan(0);
  });

  it('writes what each exporter received as OTLP/JSON with --out', async () => {
    const { code, io } = await simulate(['--traces-count', '50', '--out', 'out']);
    expect(code).toBe(0);
    const debug = JSON.parse(io.files.get('out/debug.json') as string) as { resourceSpans: unknown[] };
    expect(debug.resourceSpans.length).toBeGreaterThan(0);
    expect(io.files.has('out/otlp_grpc.json')).toBe(true);
  });

  it('refuses a config the Collector would not start, with the reasons', async () => {
    const { code, io } = await simulate([], { 'c.yaml': SAMPLE_CONFIG.replace('exporters: [otlp_grpc, debug]', 'exporters: [otlp_grpc, nowhere]') });
    expect(code).toBe(1);
    expect(io.stderr).toContain('nowhere');
  });

  it('exits 2 on usage errors', async () => {
    expect((await simulate(['--scenario', 'nope'])).code).toBe(2);
    expect((await simulate(['--seed', 'x'])).code).toBe(2);
    expect((await simulate(['--traces', 'missing.json'])).code).toBe(2);
  });
});
