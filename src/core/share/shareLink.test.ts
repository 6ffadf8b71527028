import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { decodeShareFragment, encodeShareFragment, MAX_SHARE_CHARS } from './shareLink';

function rawFragment(version: number, payload: unknown): string {
  const bytes = deflateSync(strToU8(typeof payload === 'string' ? payload : JSON.stringify(payload)));
  let b = '';
  for (const x of bytes) b += String.fromCharCode(x);
  return `s${version}.${btoa(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('share links', () => {
  it('round-trips a design, comments and all', () => {
    const fragment = encodeShareFragment({ config: SAMPLE_CONFIG, distribution: 'core', env: { OTLP_ENDPOINT: 'a:4317' } });
    expect(decodeShareFragment(`#${fragment}`)).toEqual({ ok: true, design: { config: SAMPLE_CONFIG, distribution: 'core', env: { OTLP_ENDPOINT: 'a:4317' } } });
  });
  it('round-trips the preview state: scenario, seed and selected trace', () => {
    const design = {
      config: SAMPLE_CONFIG,
      distribution: 'contrib',
      env: { A: '1' },
      scenario: { name: 'checkout errors', settings: { services: 5, errorRate: 0.2, latency: { p50: '20ms' }, tags: ['x', null] } },
      seed: 42,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    };
    expect(decodeShareFragment(encodeShareFragment(design))).toEqual({ ok: true, design });
  });
  it('writes format 2', () => {
    expect(encodeShareFragment({ config: 'a: 1', distribution: 'core', env: {} })).toMatch(/^s2\./);
  });
  it('still reads a format-1 link and migrates it (no preview state; missing distribution meant contrib)', () => {
    expect(decodeShareFragment(rawFragment(1, { v: 1, c: 'receivers: {}', e: { X: 'y' } }))).toEqual({
      ok: true,
      design: { config: 'receivers: {}', distribution: 'contrib', env: { X: 'y' } },
    });
  });
  it('ignores preview fields a format-1 link could not have had', () => {
    const r = decodeShareFragment(rawFragment(1, { v: 1, c: 'a: 1', d: 'core', e: {}, r: 7 }));
    expect(r).toEqual({ ok: true, design: { config: 'a: 1', distribution: 'core', env: {} } });
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
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });
  it('refuses a future version', () => {
    expect(decodeShareFragment('s9.abc')).toMatchObject({ ok: false, message: expect.stringContaining('newer Pipeline Studio') });
  });
  it('refuses a payload whose inner version is from the future', () => {
    expect(decodeShareFragment(rawFragment(2, { v: 3, c: 'a: 1' }))).toMatchObject({ ok: false, message: expect.stringContaining('newer Pipeline Studio (format 3)') });
  });
  it('refuses a payload whose inner version contradicts its prefix', () => {
    expect(decodeShareFragment(rawFragment(2, { v: 1, c: 'a: 1' }))).toMatchObject({ ok: false, message: expect.stringContaining('does not match') });
  });
  it('refuses a decompression bomb', () => {
    const bomb = rawFragment(1, JSON.stringify({ v: 1, c: 'a'.repeat(9 * 1024 * 1024) }));
    expect(decodeShareFragment(bomb)).toMatchObject({ ok: false, message: expect.stringContaining('8 MiB') });
  });
  it('refuses an oversized link before decoding it', () => {
    expect(decodeShareFragment(`s2.${'A'.repeat(MAX_SHARE_CHARS + 1)}`)).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
  });
  it('refuses text that is not a share link', () => {
    expect(decodeShareFragment('#config=receivers')).toEqual({ ok: false, message: 'This link does not contain a Pipeline Studio design.' });
  });
  it('refuses a payload that is not JSON, or JSON that is not a design', () => {
    expect(decodeShareFragment(rawFragment(2, 'not json {'))).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
    expect(decodeShareFragment(rawFragment(2, [1, 2]))).toEqual({ ok: false, message: 'The link holds no design.' });
  });
  it.each([
    ['config', { v: 2, c: 42 }, 'no config text'],
    ['distribution', { v: 2, c: '', d: ['core'] }, 'distribution is not text'],
    ['env as a list', { v: 2, c: '', e: ['A'] }, 'environment values are not'],
    ['env value', { v: 2, c: '', e: { A: 1 } }, 'value for "A" is not text'],
    ['scenario', { v: 2, c: '', s: 'busy' }, 'scenario is not an object'],
    ['scenario name', { v: 2, c: '', s: { o: {} } }, 'scenario has no name'],
    ['scenario name length', { v: 2, c: '', s: { n: 'x'.repeat(201), o: {} } }, 'longer than 200'],
    ['seed', { v: 2, c: '', r: 1.5 }, 'seed is not a whole number'],
    ['seed as text', { v: 2, c: '', r: '7' }, 'seed is not a whole number'],
    ['trace id', { v: 2, c: '', t: 'zz' }, 'trace id is not 16 or 32 hex'],
  ])('refuses a wrong type in %s with its own message', (_field, payload, message) => {
    expect(decodeShareFragment(rawFragment(2, payload))).toMatchObject({ ok: false, message: expect.stringContaining(message) });
  });
  it('refuses scenario settings nested absurdly deep', () => {
    let settings: unknown = 1;
    for (let i = 0; i < 40; i++) settings = [settings];
    expect(decodeShareFragment(rawFragment(2, { v: 2, c: '', s: { n: 'deep', o: settings } }))).toMatchObject({ ok: false, message: expect.stringContaining('deeper than 32') });
  });
  it('keeps markup in the config as plain text', () => {
    const config = 'receivers:\n  "<script>alert(1)</script>":\n';
    const r = decodeShareFragment(encodeShareFragment({ config, distribution: 'contrib', env: {} }));
    expect(r.ok && r.design.config).toBe(config);
  });
  it('keeps markup in names and values as plain strings', () => {
    const design = {
      config: '',
      distribution: '<img src=x onerror=alert(1)>',
      env: { '<b>': '"><script>x</script>' },
      scenario: { name: '<svg onload=alert(1)>', settings: { html: '<iframe>' } },
    };
    expect(decodeShareFragment(encodeShareFragment(design))).toEqual({ ok: true, design });
  });
  it('keeps "__proto__" in env an ordinary key, not a prototype', () => {
    const r = decodeShareFragment(rawFragment(2, '{"v":2,"c":"","e":{"__proto__":"x","polluted":"y"}}'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.design.env)).toEqual(['__proto__', 'polluted']);
    expect(Object.getPrototypeOf(r.design.env)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('lower-cases the selected trace id', () => {
    const r = decodeShareFragment(rawFragment(2, { v: 2, c: '', t: 'ABCDEF0123456789' }));
    expect(r.ok && r.design.traceId).toBe('abcdef0123456789');
  });
});
