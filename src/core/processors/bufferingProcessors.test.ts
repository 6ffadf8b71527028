import { describe, expect, it } from 'vitest';
import { ComponentConfigError } from '../simulation/component';
import { spanCount, type TracesData } from '../telemetry/pdata';
import { createBatchProcessor } from './batchProcessor';
import { createGroupByTraceProcessor } from './groupByTraceProcessor';
import { createMemoryLimiterProcessor } from './passThroughComponents';
import { processorFactories } from './processorFactories';
import { tracesFromVector } from './vectorPayload';

const tid = (n: number): string => n.toString(16).padStart(32, '0');

function payload(spans: { name: string; trace?: number }[]): TracesData {
  return tracesFromVector({
    resourceSpans: [{ resource: { attributes: { 'service.name': 'a' } }, scopeSpans: [{ scope: { name: 'l' }, spans: spans.map((s) => ({ name: s.name, traceId: tid(s.trace ?? 1) })) }] }],
  });
}

describe('batch processor (§3.7)', () => {
  it('releases pending spans when the timeout fires, at the timer time', () => {
    const b = createBatchProcessor('batch', { send_batch_size: 10, timeout: '200ms' });
    expect(b.consume(payload([{ name: 'a' }]), 0).emitted).toEqual([]);
    expect(b.advance(150).emitted).toEqual([]);
    const [e] = b.advance(250).emitted;
    expect(e?.trigger).toBe('timeout');
    expect(e?.atMs).toBe(200);
  });

  it('rejects send_batch_max_size below send_batch_size', () => {
    expect(() => createBatchProcessor('batch', { send_batch_size: 10, send_batch_max_size: 5 })).toThrow(ComponentConfigError);
  });
});

describe('groupbytrace processor (§3.6)', () => {
  it('releases one payload per trace wait_duration after its first span, in order of first appearance', () => {
    const g = createGroupByTraceProcessor('groupbytrace', { wait_duration: '1s' });
    g.consume(payload([{ name: 'a1', trace: 1 }, { name: 'b1', trace: 2 }]), 0);
    g.consume(payload([{ name: 'a2', trace: 1 }]), 500);
    expect(g.advance(999).emitted).toEqual([]);
    const out = g.advance(1000).emitted;
    expect(out.map((e) => [e.trigger, spanCount(e.data), e.data.resourceSpans.length])).toEqual([
      ['wait_duration', 2, 2],
      ['wait_duration', 1, 1],
    ]);
  });
});

describe('memory_limiter (§3.8)', () => {
  it('passes data through and says once that memory is not simulated', () => {
    const m = createMemoryLimiterProcessor('memory_limiter', { check_interval: '1s', limit_mib: 100 });
    const first = m.consume(payload([{ name: 'a' }]), 0);
    expect(first.emitted).toHaveLength(1);
    expect(first.issues?.[0]?.message).toContain('memory is not simulated');
    expect(m.consume(payload([{ name: 'b' }]), 1).issues).toBeUndefined();
  });

  it('requires check_interval', () => {
    expect(() => createMemoryLimiterProcessor('memory_limiter', { limit_mib: 100 })).toThrow("'check_interval' must be greater than zero");
  });
});

describe('processorFactories', () => {
  it('registers deprecated aliases next to the newest type ids', () => {
    for (const key of ['span_metrics', 'spanmetrics', 'service_graph', 'servicegraph', 'filter', 'transform', 'routing', 'debug', 'forward', 'redaction'])
      expect(processorFactories[key], key).toBeTypeOf('function');
  });
});
