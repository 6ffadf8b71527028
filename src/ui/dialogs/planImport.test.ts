import { describe, expect, it } from 'vitest';
import { planImport } from './planImport';

const CONFIG = 'receivers:\n  otlp:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n';

describe('planImport', () => {
  it('a plain config opens as it is', () => {
    const plan = planImport([{ name: 'a.yaml', text: CONFIG }]);
    expect(plan).toMatchObject({ ok: true, how: 'as-is', text: CONFIG });
  });

  it('a ConfigMap is unwrapped and says what it was', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: agent\ndata:\n  relay: |\n${CONFIG.replace(/^(?=.)/gm, '    ')}`;
    const plan = planImport([{ name: 'cm.yaml', text }]);
    expect(plan).toMatchObject({ ok: true, how: 'unwrapped' });
    expect(plan.files[0]?.kind).toBe('configmap');
    if (plan.ok) expect(plan.text).toBe(CONFIG);
  });

  it('Helm values merge over the chart defaults, with the explanation', () => {
    const plan = planImport([{ name: 'values.yaml', text: 'mode: deployment\nconfig:\n  receivers:\n    jaeger: null\n' }]);
    expect(plan).toMatchObject({ ok: true, how: 'helm' });
    if (plan.ok) expect(plan.explanation.join(' ')).toContain('Removed by null in your values: receivers::jaeger');
  });

  it('a plain config can be read as the config: of Helm values', () => {
    const plan = planImport([{ name: 'c.yaml', text: 'receivers:\n  zipkin: null\n' }], { asHelmConfig: true });
    expect(plan).toMatchObject({ ok: true, how: 'helm' });
  });

  it('several files merge in order, with the summary', () => {
    const plan = planImport([
      { name: 'a.yaml', text: CONFIG },
      { name: 'b.yaml', text: 'service:\n  pipelines:\n    traces:\n      exporters: [nop]\nexporters:\n  nop:\n' },
    ]);
    expect(plan).toMatchObject({ ok: true, how: 'merged' });
    if (plan.ok) expect(plan.explanation[0]).toContain('Merged 2 files in order (a.yaml, b.yaml)');
  });

  it('not YAML: a clear message naming the file', () => {
    const plan = planImport([{ name: 'x.yaml', text: 'a: [1\n' }]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/^x\.yaml cannot be opened\. This is not valid YAML/);
  });

  it('Helm values among several files are refused with the reason', () => {
    const plan = planImport([
      { name: 'a.yaml', text: CONFIG },
      { name: 'values.yaml', text: 'mode: daemonset\nconfig:\n  receivers:\n    otlp: {}\n' },
    ]);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toContain('values.yaml holds Helm values');
  });
});
