import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { decodeShareFragment, encodeShareFragment } from './shareLink';

describe('share links', () => {
  it('round-trips a design, comments and all', () => {
    const fragment = encodeShareFragment({ config: SAMPLE_CONFIG, distribution: 'core', env: { OTLP_ENDPOINT: 'a:4317' } });
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, design: { config: SAMPLE_CONFIG, distribution: 'core', env: { OTLP_ENDPOINT: 'a:4317' } } });
  });
  it('is shorter than the text it carries', () => {
    expect(encodeShareFragment({ config: SAMPLE_CONFIG, distribution: 'contrib', env: {} }).length).toBeLessThan(SAMPLE_CONFIG.length * 0.6);
  });
  it('refuses corrupt base64 with a clear message', () => {
    const r = decodeShareFragment('s1.@@@');
    expect(r).toEqual({ ok: false, message: 'The link is damaged: its payload is not valid base64url.' });
  });
  it('refuses a truncated payload', () => {
    const fragment = encodeShareFragment({ config: SAMPLE_CONFIG, distribution: 'contrib', env: {} });
    const r = decodeShareFragment(fragment.slice(0, fragment.length / 2));
    expect(r.ok).toBe(false);
  });
  it('refuses a future version', () => {
    expect(decodeShareFragment('s9.abc')).toMatchObject({ ok: false, message: expect.stringContaining('newer Pipeline Studio') });
  });
  it('refuses a decompression bomb', () => {
    const bomb = deflateSync(strToU8(JSON.stringify({ v: 1, c: 'a'.repeat(9 * 1024 * 1024) })));
    let b = '';
    for (const x of bomb) b += String.fromCharCode(x);
    const fragment = `s1.${btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(decodeShareFragment(fragment)).toMatchObject({ ok: false, message: expect.stringContaining('8 MiB') });
  });
  it('keeps markup in the config as plain text', () => {
    const config = 'receivers:\n  "<script>alert(1)</script>":\n';
    const r = decodeShareFragment(encodeShareFragment({ config, distribution: 'contrib', env: {} }));
    expect(r.ok && r.design.config).toBe(config);
  });
});
