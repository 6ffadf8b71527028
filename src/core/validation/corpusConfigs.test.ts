import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './validateConfig';

interface ManifestFile {
  readonly file: string;
  readonly kind: 'full' | 'fragment';
}

const dir = new URL('../../../reference/corpus/configs/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: ManifestFile[] };
const full = manifest.files.filter((f) => f.kind === 'full');

/** Groups a message by its shape: quoted names and numbers become placeholders. */
function shape(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"').replace(/\[[^\]]*\]/g, '[…]').replace(/\d+/g, 'N').slice(0, 160);
}

describe('real configs from reference/corpus/configs (manifest kind "full")', () => {
  it('validates every full config without throwing, and every diagnostic has a range', () => {
    expect(full.length).toBeGreaterThan(400);
    let valid = 0;
    const byMessage = new Map<string, number>();
    const withoutRange: string[] = [];
    for (const f of full) {
      const result = validateConfig(readFileSync(new URL(f.file, dir), 'utf8'), { distribution: 'contrib' });
      if (result.valid) valid++;
      for (const d of result.diagnostics) {
        if (!d.range) withoutRange.push(`${f.file}: ${d.message}`);
        if (d.severity !== 'error') continue;
        const key = shape(d.message);
        byMessage.set(key, (byMessage.get(key) ?? 0) + 1);
      }
    }
    const top = [...byMessage].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(
      `corpus: ${full.length} full configs, ${valid} valid, ${full.length - valid} invalid (contrib)\ntop error messages:\n${top.map(([m, n]) => `  ${String(n).padStart(4)}  ${m}`).join('\n')}`,
    );
    expect(withoutRange).toEqual([]);
  });

  it('never throws on the fragments and wrappers either (component maps, bodies, invalid YAML)', () => {
    const fragments = manifest.files.filter((f) => f.kind === 'fragment');
    let diagnostics = 0;
    for (const f of fragments) diagnostics += validateConfig(readFileSync(new URL(f.file, dir), 'utf8')).diagnostics.length;
    expect(fragments.length).toBeGreaterThan(100);
    expect(diagnostics).toBeGreaterThan(0);
  });
});
