import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rewriteRequires } from '../../../scripts/rewriteRequires.mjs';
import { validators } from './generated/componentValidators';

const schemaRoot = new URL('../../../schemas/components/', import.meta.url);

describe('build-time schema validators (scripts/build-schemas.mjs)', () => {
  it('has one generated validator per schema file in schemas/components', () => {
    const files = readdirSync(schemaRoot).flatMap((kind) => readdirSync(new URL(`${kind}/`, schemaRoot)).map((f) => `${kind}:${f.replace('.schema.json', '')}`));
    expect(Object.keys(validators).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it('generated code needs no eval and has no require() left', () => {
    const code = readFileSync(new URL('./generated/componentValidators.js', import.meta.url), 'utf8');
    expect(code).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });

  it('rewrites ajv runtime require() calls into imports that work under Node ESM', async () => {
    const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true });
    ajv.addSchema({ type: 'object', properties: { name: { type: 'string', minLength: 2 }, tags: { type: 'array', uniqueItems: true } } }, 'probe');
    const raw = standaloneCode(ajv, { probe: 'probe' });
    expect(raw).toContain('require(');
    const code = rewriteRequires(raw);
    expect(code).not.toMatch(/\brequire\(/);
    // Write next to node_modules so the bare `ajv/...` specifiers resolve.
    const cache = new URL('../../../node_modules/.cache/', import.meta.url).pathname;
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'ajv-probe-'));
    try {
      const file = join(dir, 'probe.mjs');
      writeFileSync(file, code);
      const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { probe: (d: unknown) => boolean };
      expect(mod.probe({ name: 'ok', tags: [1, 2] })).toBe(true);
      expect(mod.probe({ name: 'x' })).toBe(false);
      expect(mod.probe({ tags: [1, 1] })).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
