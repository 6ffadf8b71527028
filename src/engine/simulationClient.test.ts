import { describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG } from '../core/samples/sampleConfig';
import { traceIdAt, traceRowAt } from '../core/simulation/traceTable';
import { createInlineSimulationClient } from './inlineSimulationClient';

const scenario = { kind: 'scenario', presetId: 'checkout', seed: 1, traceCount: 300 } as const;
const input = (text = SAMPLE_CONFIG) => ({ text, env: {}, exportDelayMs: 1000, speed: 1 });
const keepAll = SAMPLE_CONFIG.replace('sampling_percentage: 10', 'sampling_percentage: 100');
const notJson = (text: string) => ({ kind: 'files', files: [{ name: 'config.yaml', blob: new Blob([text]) }] }) as const;

describe('simulation engine boundary (inline twin)', () => {
  it('a load that reads no spans keeps the traces the engine had', async () => {
    const client = createInlineSimulationClient();
    const first = await client.load(scenario);
    expect(first?.traces).toBe(300);
    const before = await client.run(input());
    const empty = await client.load(notJson('receivers:\n  otlp: {}\n'));
    expect(empty?.spans).toBe(0);
    // The next run and the previous run's traces are still over the 300 scenario traces.
    const after = await client.run(input());
    expect(after?.result.summary.inputTraces).toBe(300);
    expect(after?.result.summary.sampledTraces).toBe(before?.result.summary.sampledTraces);
    const detail = await client.trace(after!.runId, 0);
    expect(detail?.traceId).toBe(traceIdAt(after!.table, 0));
    client.dispose();
  });

  it('a load with spans replaces the traces', async () => {
    const client = createInlineSimulationClient();
    await client.load(scenario);
    await client.load({ ...scenario, traceCount: 120 });
    expect((await client.run(input()))?.result.summary.inputTraces).toBe(120);
    client.dispose();
  });

  it('a trace request is answered from the run it names, not the last one finished', async () => {
    const client = createInlineSimulationClient();
    await client.load(scenario);
    const sampled = (await client.run(input()))!;
    const all = (await client.run(input(keepAll)))!;
    // A row the two runs decided differently.
    let row = -1;
    for (let t = 0; t < sampled.table.count; t++) {
      if (traceRowAt(sampled.table, t).decision !== traceRowAt(all.table, t).decision) {
        row = t;
        break;
      }
    }
    expect(row).toBeGreaterThanOrEqual(0);
    const fromFirst = await client.trace(sampled.runId, row);
    const fromLast = await client.trace(all.runId, row);
    expect(fromFirst?.decision).toBe(traceRowAt(sampled.table, row).decision);
    expect(fromLast?.decision).toBe(traceRowAt(all.table, row).decision);
    expect(fromFirst?.decision).not.toBe(fromLast?.decision);
    client.dispose();
  });

  it('refuses, with a reason, a trace of a run it no longer holds', async () => {
    const client = createInlineSimulationClient();
    await client.load(scenario);
    const oldest = (await client.run(input()))!;
    await client.run(input(keepAll));
    await client.run(input());
    await expect(client.trace(oldest.runId, 0)).rejects.toThrow(/run \d+ is not held by the engine/);
    // A row the run does not have is simply unknown.
    const last = (await client.run(input()))!;
    expect(await client.trace(last.runId, last.table.count + 5)).toBeNull();
    client.dispose();
  });

  it('a new dataset drops the runs over the old one', async () => {
    const client = createInlineSimulationClient();
    await client.load(scenario);
    const old = (await client.run(input()))!;
    await client.load({ ...scenario, seed: 2 });
    await expect(client.trace(old.runId, 0)).rejects.toThrow(/not held/);
    client.dispose();
  });
});
