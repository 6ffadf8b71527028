import { describe, expect, it } from 'vitest';
import type { ResourceSpans, ScopeSpans, Span } from '../telemetry/pdata';
import { emptySpan } from '../telemetry/pdata';
import { compileCondition } from './compileCondition';
import { compileStatement } from './compileStatement';
import { resourceContext, spanContext } from './ottlContext';

function fixture(): { rs: ResourceSpans; ss: ScopeSpans; span: Span } {
  const span: Span = {
    ...emptySpan(),
    name: 'GET /cart',
    kind: 2,
    traceId: '0102030405060708090a0b0c0d0e0f10',
    spanId: '0102030405060708',
    startTimeUnixNano: 1_000_000_000n,
    endTimeUnixNano: 2_500_000_000n,
    attributes: new Map([
      ['http.status_code', { kind: 'int', value: 503n }],
      ['ratio', { kind: 'double', value: 0.5 }],
      ['code', { kind: 'string', value: '5' }],
    ]),
    status: { code: 2, message: 'boom' },
  };
  const ss: ScopeSpans = { scope: { name: 'io.app', version: '1', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: [span] };
  const rs: ResourceSpans = { resource: { attributes: new Map([['service.name', { kind: 'string', value: 'checkout' }]]), droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [ss] };
  return { rs, ss, span };
}

function evaluate(text: string, context: 'infer' | 'span' = 'infer'): unknown {
  const { rs, ss, span } = fixture();
  const c = compileCondition(text, context);
  if (!c.ok) return c.error;
  const r = c.evaluate(spanContext(rs, ss, span));
  return r.ok ? r.value : `error: ${r.error}`;
}

describe('compileCondition', () => {
  it.each([
    ['span.attributes["http.status_code"] >= 500', true],
    ['span.attributes["ratio"] < 1', true], // int vs float compared as float (§1.5)
    ['span.attributes["code"] < 6', false], // string vs number: not equal, every ordering false
    ['span.attributes["code"] != 5', true],
    ['span.attributes["missing"] == nil', true],
    ['span.status.code == STATUS_CODE_ERROR and span.kind == SPAN_KIND_SERVER', true],
    ['span.end_time - span.start_time > Duration("1s")', true],
    ['IsMatch(span.name, "^GET")', true],
    ['IsMatch(span.attributes["missing"], ".*")', false],
    ['resource.attributes["service.name"] == "checkout" and scope.name == "io.app"', true],
    ['span.trace_id.string == "0102030405060708090a0b0c0d0e0f10"', true],
    ['span.parent_span_id.string == "0000000000000000"', true],
  ])('%s → %s', (text, want) => {
    expect(evaluate(text)).toBe(want);
  });

  it('reports a runtime error as a value (Substring out of range)', () => {
    expect(evaluate('Substring(span.name, 0, 100) == "x"')).toMatch(/^error: invalid range for substring function/);
  });

  it('reports int/float mixing in math as a runtime error (§1.3)', () => {
    expect(evaluate('span.attributes["http.status_code"] + 0.5 > 1')).toMatch(/^error: unsupported math operation int64 \+ float64/);
  });

  it('infers the most specific context from the prefixes (§1.11)', () => {
    const c = compileCondition('resource.attributes["a"] == "b" and span.name == "x"');
    expect(c.ok && c.context).toBe('span');
  });

  it('accepts un-prefixed paths with an explicit context', () => {
    expect(evaluate('name == "GET /cart" and attributes["http.status_code"] == 503', 'span')).toBe(true);
  });

  it('requires prefixes when the context is inferred', () => {
    expect(compileCondition('span.name == "a" and name == "b"')).toEqual({
      ok: false,
      error: 'unable to parse OTTL condition "span.name == "a" and name == "b"": missing context name for path "name", valid options are: "resource", "scope", "span", "spanevent"',
    });
  });

  it('rejects enums in the resource context (§1.8)', () => {
    const c = compileCondition('attributes["k"] == SPAN_KIND_SERVER', 'resource');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toContain('enum symbol, SPAN_KIND_SERVER, not found');
  });

  it('rejects unknown functions, unknown paths and bad literal regexps at start-up', () => {
    expect(compileCondition('Nope(span.name)').ok).toBe(false);
    const path = compileCondition('span.duration > 5');
    expect(!path.ok && path.error).toContain('is not a valid path for the span context');
    const re = compileCondition('IsMatch(span.name, "(?=x)")');
    expect(!re.ok && re.error).toContain('not a valid pattern');
  });

  it('names the text and column of a syntax error', () => {
    expect(compileCondition('span.name ==')).toEqual({ ok: false, error: 'unable to parse OTTL condition "span.name ==": unexpected end of input, expected a value (column 13)' });
  });

  it('evaluates resource conditions against a resource context', () => {
    const { rs } = fixture();
    const c = compileCondition('attributes["service.name"] == "checkout"', 'resource');
    expect(c.ok && c.evaluate(resourceContext(rs))).toEqual({ ok: true, value: true });
  });
});

describe('compileStatement', () => {
  it('runs editors only when the where clause holds', () => {
    const { rs, ss, span } = fixture();
    const s = compileStatement('set(span.attributes["seen"], Concat([span.name, span.attributes["missing"]], "|")) where span.kind == SPAN_KIND_SERVER');
    expect(s.ok && s.execute(spanContext(rs, ss, span))).toEqual({ ok: true, value: undefined });
    expect(span.attributes.get('seen')).toEqual({ kind: 'string', value: 'GET /cart|<nil>' });
  });

  it('expands $1 groups and applies a converter in replace_pattern', () => {
    const { rs, ss, span } = fixture();
    const s = compileStatement('replace_pattern(span.name, "^GET (.*)$", "$1")');
    expect(s.ok && s.execute(spanContext(rs, ss, span)).ok).toBe(true);
    expect(span.name).toBe('/cart');
  });

  it('writes nil as an Empty value only with ottl.set.allowNil (§1.12)', () => {
    const on = fixture();
    const off = fixture();
    const text = 'set(span.attributes["n"], span.attributes["missing"])';
    const a = compileStatement(text, 'infer', { featureGates: { 'ottl.set.allowNil': true } });
    const b = compileStatement(text, 'infer', { featureGates: { 'ottl.set.allowNil': false } });
    if (a.ok) a.execute(spanContext(on.rs, on.ss, on.span));
    if (b.ok) b.execute(spanContext(off.rs, off.ss, off.span));
    expect(on.span.attributes.get('n')).toEqual({ kind: 'empty' });
    expect(off.span.attributes.has('n')).toBe(false);
  });

  it('rejects a wrong type written to a typed path at run time', () => {
    const { rs, ss, span } = fixture();
    const s = compileStatement('set(span.name, 5)');
    expect(s.ok && s.execute(spanContext(rs, ss, span))).toEqual({ ok: false, error: 'expected a string but got int64' });
  });

  it('checks argument counts at start-up', () => {
    expect(compileStatement('set(span.name)')).toEqual({
      ok: false,
      error: 'unable to parse OTTL statement "set(span.name)": incorrect number of arguments. Expected: 2 Received: 1',
    });
  });
});
