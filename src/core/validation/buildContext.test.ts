import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parseConfig';
import { mergePlain, serviceNeedsParse } from './buildContext';

const needsParse = (service: string): boolean => {
  const text = `receivers:\n  nop:\nexporters:\n  nop:\n${service}`;
  return serviceNeedsParse(text, parseConfig(text), text.indexOf('service:'));
};

describe('reading the service section', () => {
  it('reads a plain block-style service section from the model (no second parse)', () => {
    expect(needsParse('service:\n  extensions: [a, b]\n  pipelines:\n    traces: # main\n      receivers: [nop]\n\n      exporters:\n        - nop\n')).toBe(false);
  });

  it('parses the block whenever it could hide something the model does not carry', () => {
    expect(needsParse('service:\n  telemetry:\n    logs:\n      level: debug\n  pipelines:\n    traces:\n      receivers: [nop]\n')).toBe(true);
    expect(needsParse('service:\n  pipelines:\n    traces:\n      receivers: [nop]\n      processor: [x]\n')).toBe(true);
    expect(needsParse('service:\n  pipeline:\n    traces:\n')).toBe(true);
    expect(needsParse('service:\n  pipelines: {traces: {receivers: [nop]}}\n')).toBe(true);
    expect(needsParse('service:\n  pipelines:\n    traces: {receivers: [nop]}\n')).toBe(true);
    expect(needsParse('service:\n  pipelines:\n    traces:\n      receivers:\n      - nop\n')).toBe(true);
    expect(needsParse('service: {pipelines: {}}\n')).toBe(true);
  });

  it('merges like koanf: maps key by key, lists and nulls replace', () => {
    expect(mergePlain({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2], e: null }, d: null })).toEqual({ a: { b: 1, c: [2], e: null }, d: null });
  });
});
