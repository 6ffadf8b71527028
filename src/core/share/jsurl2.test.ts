import { describe, expect, it } from 'vitest';
import { decodeJsurl2, encodeJsurl2 } from './jsurl2';

describe('JSURL2', () => {
  // Derived by hand from the grammar of wmertens/jsurl2 src/index.ts, not from our encoder.
  it.each([
    ['an object', { a: 1, b: 'x' }, '(a~1~b~x)~'],
    ['an array with true, null and a number', ['a', true, null, 2], '!a~_T~_N~2~'],
    ['an object key set to true', { flag: true }, '(flag)~'],
    ['a config line with a newline and spaces', 'receivers:\n  otlp:', 'receivers:*N__otlp:~'],
    ["a string with quote, percent and parentheses", "it's 100% (ok)", 'it*"s_100*._*Cok*D~'],
    ['a string that starts with a digit', '-5', '*-5~'],
    ['a negative number', -5, '-5~'],
    ['the empty string', '', '*~'],
    ['false', false, '_F~'],
    ['an underscore, a star and a tilde', 'a_b*c~d', 'a*_b**c*-d~'],
    ['nested containers', { l: [1, { m: 'n' }], o: {} }, '(l~!1~(m~n)~o~())~'],
  ])('encodes and decodes %s', (_name, value, encoded) => {
    expect(encodeJsurl2(value)).toBe(encoded);
    expect(decodeJsurl2(encoded)).toEqual({ ok: true, value });
  });

  it('decodes without the optional trailing characters (the "short" form)', () => {
    expect(decodeJsurl2('(a~!1~2')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(decodeJsurl2('')).toEqual({ ok: true, value: true });
  });
  it('decodes JSON too, as jsurl2 does', () => {
    expect(decodeJsurl2('{"a":[1,"b"]}')).toEqual({ ok: true, value: { a: [1, 'b'] } });
  });
  it('decodes the dictionary values', () => {
    expect(decodeJsurl2('!_T~_F~_N~_I~_J~')).toEqual({ ok: true, value: [true, false, null, Infinity, -Infinity] });
  });
  it('round-trips every escaped character', () => {
    const text = "*_~$+'()<>%?#&= \\\n\r\0\u2028\u2029 end";
    expect(decodeJsurl2(encodeJsurl2(text))).toEqual({ ok: true, value: text });
    expect(encodeJsurl2(text)).not.toMatch(/[ \n\r$+'()<>%?#&=\\]/);
  });
  it('round-trips a realistic structure', () => {
    const value = { config: 'a: 1\n# c\n', env: { X: 'http://h:1/?q=a&b=c' }, list: [0, -1.5, 'z', [], {}, false] };
    expect(decodeJsurl2(encodeJsurl2(value))).toEqual({ ok: true, value });
  });
  it('reports an illegal escape instead of throwing', () => {
    expect(decodeJsurl2('*a*Y~')).toEqual({ ok: false, message: 'not valid JSURL2 (illegal escape code "*Y")' });
  });
  it('reports an unknown dictionary reference, a bad number and malformed JSON', () => {
    expect(decodeJsurl2('_X~')).toMatchObject({ ok: false, message: expect.stringContaining('unknown dictionary reference') });
    expect(decodeJsurl2('1x~')).toMatchObject({ ok: false, message: expect.stringContaining('not a number') });
    expect(decodeJsurl2('{"a":')).toMatchObject({ ok: false, message: expect.stringContaining('malformed JSON') });
    expect(decodeJsurl2('$$')).toMatchObject({ ok: false, message: expect.stringContaining('cannot decode') });
  });
  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(decodeJsurl2('!'.repeat(10_000))).toMatchObject({ ok: false, message: expect.stringContaining('nesting deeper') });
  });
  it('keeps "__proto__" an ordinary key', () => {
    const r = decodeJsurl2('(__proto__~(polluted~yes))~');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value as object)).toEqual(['  proto  ']);
    const r2 = decodeJsurl2('(*_*_proto*_*_~(polluted~yes))~');
    expect(r2.ok && Object.keys(r2.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
