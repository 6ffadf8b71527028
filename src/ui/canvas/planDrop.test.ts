import { describe, expect, it } from 'vitest';
import { applyDropPlan } from './editFunctions';
import { newComponentId, planDrop, processorIndexAt } from './planDrop';

const lane = { pipelineId: 'traces', signal: 'traces' as const, processorXs: [300, 528] };

describe('planDrop: drop target → intents', () => {
  it('drop on nothing defines only, and says so', () => {
    const plan = planDrop({ kind: 'exporter', type: 'debug', signals: ['traces'], definedIds: [], lane: null });
    expect(plan).toMatchObject({ id: 'debug', join: null });
    expect(plan.message).toMatch(/not in any pipeline/);
  });

  it('a receiver or exporter dropped on a lane joins it by kind', () => {
    expect(planDrop({ kind: 'receiver', type: 'otlp', signals: [], definedIds: [], lane }).join).toEqual({ pipelineId: 'traces', role: 'receivers' });
    expect(planDrop({ kind: 'exporter', type: 'debug', signals: [], definedIds: [], lane }).join).toEqual({ pipelineId: 'traces', role: 'exporters' });
  });

  it('a processor lands at the drop x among processors, or last', () => {
    expect(planDrop({ kind: 'processor', type: 'batch', signals: [], definedIds: [], lane, x: 250 }).join).toEqual({ pipelineId: 'traces', role: 'processors', index: 0 });
    expect(planDrop({ kind: 'processor', type: 'batch', signals: [], definedIds: [], lane, x: 500 }).join).toEqual({ pipelineId: 'traces', role: 'processors', index: 1 });
    expect(planDrop({ kind: 'processor', type: 'batch', signals: [], definedIds: [], lane, x: 900 }).join).toEqual({ pipelineId: 'traces', role: 'processors' });
    expect(processorIndexAt([], 10, 184)).toBe(0);
  });

  it('a taken id gets the next free /n name', () => {
    expect(newComponentId('otlp', ['otlp', 'otlp/2'])).toBe('otlp/3');
  });

  it('a component that does not support the lane signal is defined only, with the reason', () => {
    const plan = planDrop({ kind: 'exporter', type: 'prometheus', signals: ['metrics'], definedIds: [], lane });
    expect(plan.join).toBeNull();
    expect(plan.message).toContain('does not support traces; it supports metrics');
  });

  it('connectors and extensions are defined, not placed in the lane', () => {
    expect(planDrop({ kind: 'connector', type: 'forward', signals: [], definedIds: [], lane }).join).toBeNull();
  });

  it('applies define + join as one text change', () => {
    const text = 'service:\n  pipelines:\n    traces:\n      receivers: []\n      exporters: []\n';
    const result = applyDropPlan(text, planDrop({ kind: 'receiver', type: 'otlp', signals: [], definedIds: [], lane }));
    expect(result.ok && result.text).toContain('receivers: [otlp]');
    expect(result.ok && result.text).toMatch(/^receivers:\n {2}otlp:\n/);
  });
});
