import { describe, expect, it } from 'vitest';
import { re2ToJsRegExp } from './re2ToJsRegExp';

describe('re2ToJsRegExp (string_attribute regex mode, sampling-spec §2.4.5)', () => {
  it('matches unanchored, like Go MatchString', () => {
    expect(re2ToJsRegExp('health').test('/api/healthz/live')).toBe(true);
    expect(re2ToJsRegExp('^health').test('/api/healthz/live')).toBe(false);
  });

  it('rejects look-around and back-references that RE2 does not support', () => {
    expect(() => re2ToJsRegExp('foo(?=bar)')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => re2ToJsRegExp('(?<!a)b')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => re2ToJsRegExp('(a)\\1')).toThrow(/invalid escape sequence/);
  });

  it('translates a leading (?i) to a case-insensitive match', () => {
    expect(re2ToJsRegExp('(?i)^GET').test('get /x')).toBe(true);
  });

  it('translates \\A, \\z, POSIX classes and (?P<name>)', () => {
    expect(re2ToJsRegExp('\\Aab\\z').test('ab')).toBe(true);
    expect(re2ToJsRegExp('\\Aab\\z').test('xab')).toBe(false);
    expect(re2ToJsRegExp('^[[:digit:]]+$').test('123')).toBe(true);
    expect(re2ToJsRegExp('(?P<v>v[0-9]+)').test('grpc.v1')).toBe(true);
  });

  it('RE2 "." matches \\r but not \\n without (?s)', () => {
    expect(re2ToJsRegExp('^a.b$').test('a\rb')).toBe(true);
    expect(re2ToJsRegExp('^a.b$').test('a\nb')).toBe(false);
    expect(re2ToJsRegExp('(?s)^a.b$').test('a\nb')).toBe(true);
  });

  it('accepts escaped punctuation and literal braces as RE2 does', () => {
    expect(re2ToJsRegExp('a\\-b\\#').test('a-b#')).toBe(true);
    expect(re2ToJsRegExp('x{').test('x{')).toBe(true);
  });

  it('rejects repeat counts above 1000 and unclosed classes', () => {
    expect(() => re2ToJsRegExp('a{1001}')).toThrow(/invalid repeat count/);
    expect(() => re2ToJsRegExp('[abc')).toThrow(/missing closing ]/);
  });
});
