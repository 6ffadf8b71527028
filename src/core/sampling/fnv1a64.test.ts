import { describe, expect, it } from 'vitest';
import { hexToWords } from '../telemetry/idWords';
import { fnv1a64Prefix, fnv1a64TraceId, fnv1a64TraceIdBigInt, fnv1a64TraceIdWords } from './fnv1a64';
import { utf8Bytes } from './hexNibble';

/** Reference FNV-1a 64 with BigInt masking (slow; the test oracle only). */
function reference(bytes: number[]): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

function idBytes(hex: string): number[] {
  return Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

describe('fnv1a64 (sampling-spec §2.4.6)', () => {
  it('the empty prefix is the offset basis 0xcbf29ce484222325', () => {
    const [h0, h1, h2, h3] = fnv1a64Prefix(new Uint8Array());
    expect(((BigInt(h3) << 48n) | (BigInt(h2) << 32n) | (BigInt(h1) << 16n) | BigInt(h0)).toString(16)).toBe('cbf29ce484222325');
  });

  it('limb arithmetic equals BigInt FNV-1a over salt bytes then the 16 trace-ID bytes', () => {
    const salt = utf8Bytes('default-hash-seed');
    const prefix = fnv1a64Prefix(salt);
    for (let i = 0; i < 200; i++) {
      const hex = Array.from({ length: 32 }, (_, j) => ((i * 31 + j * 17 + ((i * j) >> 2)) % 16).toString(16)).join('');
      expect(fnv1a64TraceIdBigInt(prefix, hex)).toBe(reference([...salt, ...idBytes(hex)]));
    }
  });

  it('the word-based entry point gives the same hash as the hex one', () => {
    const prefix = fnv1a64Prefix(utf8Bytes('layer-1'));
    const hex = '4bf92f3577b34da6a3ce929d0e0e4736';
    const words = new Uint32Array(4);
    hexToWords(hex, words, 0, 4);
    const a = [0, 0];
    const b = [0, 0];
    fnv1a64TraceId(prefix, hex, a);
    fnv1a64TraceIdWords(prefix, words, 0, b);
    expect(b).toEqual(a);
  });
});
