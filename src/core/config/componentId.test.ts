import { describe, expect, it } from 'vitest';
import { parseComponentId, parsePipelineId, typeOf, signalOf } from './componentId';

describe('parseComponentId (config-semantics §3.1)', () => {
  it('accepts type and type/name, splitting at the first slash', () => {
    const a = parseComponentId('otlp');
    const b = parseComponentId('otlp/a/b');
    expect(a.ok && a.id).toBe('otlp');
    expect(b.ok && [b.type, b.name]).toEqual(['otlp', 'a/b']);
  });
  it('trims each part', () => {
    const r = parseComponentId('otlp/ in');
    expect(r.ok && r.id).toBe('otlp/in');
  });
  it('rejects an empty id', () => {
    expect(parseComponentId('  ')).toEqual({ ok: false, message: 'id must not be empty' });
  });
  it('rejects an empty type before the slash', () => {
    const r = parseComponentId('/x');
    expect(!r.ok && r.message).toBe('in "/x" id: the part before / should not be empty');
  });
  it('rejects an empty name after the slash', () => {
    const r = parseComponentId('batch/');
    expect(!r.ok && r.message).toBe('in "batch/" id: the part after / should not be empty');
  });
  it('rejects a dash in the type, naming the whole id', () => {
    const r = parseComponentId('otlp-grpc');
    expect(!r.ok && r.message).toBe('in "otlp-grpc" id: invalid character(s) in type "otlp-grpc"');
  });
  it('rejects symbols in the name, quoting the name part twice (the Collector quirk)', () => {
    const r = parseComponentId('otlp/a<b');
    expect(!r.ok && r.message).toBe('in "a<b" id: invalid character(s) in name "a<b"');
  });
  it('accepts punctuation and other scripts in names', () => {
    expect(parseComponentId('otlp/eu-west.1:a@b').ok).toBe(true);
    expect(parseComponentId('otlp/日本').ok).toBe(true);
  });
  it('rejects names over 1024 bytes, counting UTF-8 bytes', () => {
    const r = parseComponentId(`otlp/${'é'.repeat(513)}`);
    expect(!r.ok && r.message).toMatch(/is longer than 1024 characters \(1026 characters\)$/);
  });
  it('keeps numeric-looking ids as strings', () => {
    const r = parseComponentId('otlp/123');
    expect(r.ok && typeOf(r.id)).toBe('otlp');
  });
});

describe('parsePipelineId (config-semantics §3.2)', () => {
  it('accepts the four signals with optional names', () => {
    const r = parsePipelineId('traces/eu');
    expect(r.ok && signalOf(r.id)).toBe('traces');
    expect(parsePipelineId('profiles').ok).toBe(true);
  });
  it('rejects an unknown signal with the Collector message', () => {
    const r = parsePipelineId('trace');
    expect(!r.ok && r.message).toBe('in "trace" id: unknown pipeline signal: "trace"');
  });
  it('is case-sensitive', () => {
    expect(parsePipelineId('Traces').ok).toBe(false);
  });
});
