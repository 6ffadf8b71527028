import { describe, expect, it } from 'vitest';
import { findComponent, isShippedBy } from '../catalog/catalog';
import { parseConfig } from '../config/parseConfig';
import { validateConfig } from '../validation/validateConfig';
import { findTemplate, listTemplates } from './templateGallery';

const templates = listTemplates();

describe('template gallery', () => {
  it('offers at least ten recipes with unique ids', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const id of ['tail-sampling', 'agent', 'gateway', 'load-balancing', 'kubernetes-attributes', 'span-metrics-service-graph', 'routing-by-tenant', 'pii-redaction', 'jaeger-backend', 'tempo-backend', 'host-metrics', 'logs-from-files']) {
      expect(findTemplate(id)?.id).toBe(id);
    }
  });

  describe.each(templates.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    const model = parseConfig(template.config);

    it('has a title, a description, tags and comments', () => {
      expect(template.title.length).toBeGreaterThan(0);
      expect(template.description.length).toBeGreaterThan(20);
      expect(template.tags.length).toBeGreaterThan(0);
      expect(template.config).toMatch(/^\s*#/m);
    });
    it('is valid for otelcol-contrib v0.159 (validateConfig reports no errors)', () => {
      const result = validateConfig(template.config, { distribution: 'contrib', env: { BACKEND_TOKEN: 'token', TEMPO_TENANT: 'team-a' } });
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    });
    it('parses without errors', () => {
      expect(model.usable).toBe(true);
      expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
    it('uses only current component types that otelcol-contrib ships (no deprecated aliases)', () => {
      for (const c of model.components) {
        const found = findComponent(c.kind, c.type);
        expect(found, `${c.kind} ${c.type}`).not.toBeNull();
        expect(found?.viaAlias, `${c.kind} ${c.type} is a deprecated alias`).toBeNull();
        expect(found && isShippedBy(found.entry, 'contrib'), `${c.type} in contrib`).toBe(true);
      }
    });
    it('references only components it defines, and uses every one it defines', () => {
      const defined = new Set(model.components.map((c) => `${c.kind}:${c.id}`));
      const used = new Set<string>();
      for (const p of model.pipelines) {
        for (const r of p.receivers) used.add(defined.has(`connector:${r.raw}`) ? `connector:${r.raw}` : `receiver:${r.raw}`);
        for (const r of p.processors) used.add(`processor:${r.raw}`);
        for (const r of p.exporters) used.add(defined.has(`connector:${r.raw}`) ? `connector:${r.raw}` : `exporter:${r.raw}`);
      }
      for (const r of model.serviceExtensions) used.add(`extension:${r.raw}`);
      for (const u of used) expect(defined.has(u), `${u} is not defined`).toBe(true);
      for (const d of defined) expect(used.has(d), `${d} is defined but unused`).toBe(true);
      expect(model.pipelines.length).toBeGreaterThan(0);
    });
    it('uses each connector as an exporter in one pipeline and a receiver in another', () => {
      for (const c of model.components.filter((x) => x.kind === 'connector')) {
        expect(model.pipelines.some((p) => p.exporters.some((r) => r.raw === c.id))).toBe(true);
        expect(model.pipelines.some((p) => p.receivers.some((r) => r.raw === c.id))).toBe(true);
      }
    });
  });
});
