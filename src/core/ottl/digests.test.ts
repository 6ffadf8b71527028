import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex, sha1Hex, sha256Hex, utf8 } from './digests';

describe('digests match node:crypto', () => {
  it.each(['', 'abc', 'john.doe@example.com', 'ü'.repeat(100), 'x'.repeat(119)])('%s', (s) => {
    expect(sha256Hex(utf8(s))).toBe(createHash('sha256').update(s).digest('hex'));
    expect(sha1Hex(utf8(s))).toBe(createHash('sha1').update(s).digest('hex'));
    expect(md5Hex(utf8(s))).toBe(createHash('md5').update(s).digest('hex'));
  });
});
