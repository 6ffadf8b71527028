import { describe, expect, it } from 'vitest';
import { parseCondition, parseStatement } from './parser';

describe('parseStatement', () => {
  it('parses an editor call with a where clause (§1.2 statement)', () => {
    const r = parseStatement('set(span.attributes["test"], "pass") where span.name == "operationA"');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.editor.name).toBe('set');
    expect(r.value.editor.args).toHaveLength(2);
    expect(r.value.where?.type).toBe('compare');
  });

  it('parses named arguments, bare converter names and list literals', () => {
    const r = parseStatement('replace_pattern(span.name, "a(.*)", "$1", SHA256, replacementFormat="x-%s")');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const args = r.value.editor.args;
    expect(args[3]?.value).toMatchObject({ type: 'enum', name: 'SHA256' });
    expect(args[4]).toMatchObject({ name: 'replacementFormat' });
  });

  it('parses indexed converter results and nested keys', () => {
    const r = parseStatement('set(span.attributes["a"]["b"], Split(span.name, "/")[1])');
    expect(r.ok && r.value.editor.args[1]?.value).toMatchObject({ type: 'call', keys: [{ type: 'literal', value: 1n }] });
  });

  it('rejects a converter in editor position, naming the column', () => {
    expect(parseStatement('IsMatch(span.name, "x")')).toEqual({
      ok: false,
      error: { message: "editor names must start with a lowercase letter but got 'IsMatch'", column: 1 },
    });
  });

  it('rejects an editor used as a value', () => {
    const r = parseStatement('set(span.name, delete_key(span.attributes, "x"))');
    expect(r).toEqual({ ok: false, error: { message: "converter names must start with an uppercase letter but got 'delete_key'", column: 16 } });
  });

  it('rejects indexing an editor', () => {
    const r = parseStatement('set(span.name, "x")[0]');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('only paths and converters may be indexed, not editors');
  });

  it('reports a missing closing parenthesis at the end of input', () => {
    const text = 'set(span.name, "x"';
    expect(parseStatement(text)).toEqual({ ok: false, error: { message: 'unexpected end of input, expected ")"', column: text.length + 1 } });
  });

  it('lexes "x-1" as a path followed by the Int -1, a parse error (§1.1)', () => {
    const r = parseStatement('set(span.attributes["n"], span.dropped_attributes_count-1)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.column).toBe(56);
  });

  it('reports an unterminated string', () => {
    const r = parseStatement('set(span.name, "abc)');
    expect(r).toEqual({ ok: false, error: { message: 'unterminated string literal', column: 16 } });
  });
});

describe('parseCondition', () => {
  it('gives not > and > or precedence (§1.2)', () => {
    const r = parseCondition('not span.name == "a" and span.kind == 1 or true');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.type).toBe('or');
    if (r.value.type !== 'or') return;
    expect(r.value.terms[0]?.type).toBe('and');
    if (r.value.terms[0]?.type !== 'and') return;
    expect(r.value.terms[0].terms[0]?.type).toBe('not');
  });

  it('distinguishes a parenthesised condition from a parenthesised math value', () => {
    expect(parseCondition('(span.name == "a")').ok).toBe(true);
    const math = parseCondition('(span.end_time_unix_nano - span.start_time_unix_nano) / 1000 > 5');
    expect(math.ok && math.value.type).toBe('compare');
  });

  it('parses bytes, floats, nil and map literals', () => {
    const r = parseCondition('span.trace_id == TraceID(0x0102030405060708090a0b0c0d0e0f10) and 1.5e3 > .5 and span.attributes["x"] != nil');
    expect(r.ok).toBe(true);
    expect(parseCondition('Len({"a": 1, "b": [1, 2]}) == 2').ok).toBe(true);
  });

  it('rejects a bare path as a condition', () => {
    const r = parseCondition('span.name');
    expect(r).toEqual({ ok: false, error: { message: 'unexpected end of input, expected a comparison operator', column: 10 } });
  });

  it('rejects a dangling operator with its column', () => {
    expect(parseCondition('span.name == "a" and')).toEqual({ ok: false, error: { message: 'unexpected end of input, expected a value', column: 21 } });
  });

  it('rejects characters outside the grammar', () => {
    expect(parseCondition('span.name == "a" && true')).toEqual({ ok: false, error: { message: 'invalid input text "&& true"', column: 18 } });
  });
});
