import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { buildCatalog } from '../../../scripts/build-catalog.mjs';
import catalogData from './catalogData.json';
import { componentsOf, findComponent, listDistributions } from './catalog';

const registry = JSON.parse(readFileSync(new URL('../../../reference/components/registry.json', import.meta.url), 'utf8'));

describe('catalogue generated from the registry', () => {
  it('matches reference/components/registry.json (rerun scripts/build-catalog.mjs when this fails)', () => {
    expect(catalogData).toEqual(buildCatalog(registry));
  });
  it('holds all 270 components with the registry counts per kind', () => {
    const counts: Record<string, number> = {};
    for (const c of catalogData.components) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    expect(counts).toEqual(registry.counts);
  });
});

describe('findComponent', () => {
  it('resolves otlp per kind: the receiver itself, the exporter via its deprecated alias', () => {
    expect(findComponent('receiver', 'otlp')?.viaAlias).toBeNull();
    const exporter = findComponent('exporter', 'otlp');
    expect(exporter?.entry.type).toBe('otlp_grpc');
    expect(exporter?.viaAlias).toBe('otlp');
  });
  it('does not find the removed logging exporter', () => {
    expect(findComponent('exporter', 'logging')).toBeNull();
  });
  it('knows contrib-only components are not in core', () => {
    const core = componentsOf('core').map((c) => c.type);
    expect(core).toContain('batch');
    expect(core).not.toContain('tail_sampling');
    expect(componentsOf('contrib').map((c) => c.type)).toContain('tail_sampling');
  });
  it('offers the registry distributions plus custom', () => {
    const ids = listDistributions().map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['core', 'contrib', 'k8s', 'otlp', 'custom']));
  });
});
