import { describe, expect, it } from 'vitest';
import { compileGoRegexp, goReplaceAll } from './goRegexp';

function re(p: string): RegExp {
  const r = compileGoRegexp(p);
  if (!r.ok) throw new Error(r.error);
  return r.re;
}

describe('compileGoRegexp', () => {
  it('rewrites (?P<name>) groups and leading flags', () => {
    expect(re('^/api/(?P<id>\\d+)$').exec('/api/42')?.groups?.id).toBe('42');
    expect(re('(?i)^get$').test('GET')).toBe(true);
  });

  it('searches unanchored, as RE2 does', () => {
    expect(re('ping').test('/healthping/x')).toBe(true);
  });

  it('rejects look-around and back-references that RE2 lacks', () => {
    expect(compileGoRegexp('a(?=b)').ok).toBe(false);
    expect(compileGoRegexp('(a)\\1').ok).toBe(false);
  });
});

describe('goReplaceAll', () => {
  it('expands $1, ${name} and $$ like Regexp.Expand', () => {
    expect(goReplaceAll(re('(?P<w>a)(b)'), 'abab', '${w}-$2-$$', undefined)).toBe('a-b-$a-b-$');
  });

  it('treats $1x as the (missing) group named "1x"', () => {
    expect(goReplaceAll(re('(a)'), 'a', '$1x', undefined)).toBe('');
  });
});
