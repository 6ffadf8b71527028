import { describe, expect, it } from 'vitest';
import { validateConfig } from '../validateConfig';
import { ADVICE_RULES } from './runAdvice';

/** A config builder: sections as YAML text, pipelines as one traces pipeline. */
function config(parts: { receivers?: string; processors?: string; exporters?: string; extensions?: string; pipeline: string; service?: string }): string {
  return [
    'receivers:',
    parts.receivers ?? '  otlp:\n    protocols:\n      grpc:\n        endpoint: localhost:4317',
    parts.processors ? `processors:\n${parts.processors}` : '',
    'exporters:',
    parts.exporters ?? '  otlp_grpc:\n    endpoint: backend.example.com:4317',
    parts.extensions ? `extensions:\n${parts.extensions}` : '',
    'service:',
    parts.service ?? '',
    '  pipelines:',
    '    traces:',
    parts.pipeline,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

const GOOD = config({
  processors: '  memory_limiter:\n    check_interval: 1s\n    limit_percentage: 80\n    spike_limit_percentage: 20\n  batch:',
  pipeline: '      receivers: [otlp]\n      processors: [memory_limiter, batch]\n      exporters: [otlp_grpc]',
});

function advice(text: string, code: string): { message: string; origin: string; stage: string; explanation?: string; docsUrl?: string }[] {
  return validateConfig(text).diagnostics.filter((d) => d.code === code);
}

describe('advice rules', () => {
  it('has at least 8 rules, each with its own code', () => {
    expect(ADVICE_RULES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ADVICE_RULES.map((r) => r.code)).size).toBe(ADVICE_RULES.length);
  });

  it('gives no advice for a config that follows the recommendations', () => {
    expect(validateConfig(GOOD).diagnostics).toEqual([]);
  });

  it('memory-limiter-first: warns when memory_limiter is not the first processor, as studio advice with a source link', () => {
    const text = GOOD.replace('[memory_limiter, batch]', '[batch, memory_limiter]');
    const [a] = advice(text, 'advice/memory-limiter-first');
    expect(a).toMatchObject({ origin: 'studio', stage: 'advice' });
    expect(a?.message).toContain('should be the first processor');
    expect(a?.explanation).toBeTruthy();
    expect(a?.docsUrl).toMatch(/^https:\/\//);
  });

  it('no-memory-limiter: notes a pipeline without memory_limiter', () => {
    const text = GOOD.replace('[memory_limiter, batch]', '[batch]');
    expect(advice(text, 'advice/no-memory-limiter')).toHaveLength(1);
    expect(advice(GOOD, 'advice/no-memory-limiter')).toHaveLength(0);
  });

  it('batch-before-filter: warns when batch runs before filtering or sampling', () => {
    const text = config({
      processors: "  batch:\n  filter:\n    traces:\n      span: ['name == \"health\"']\n  memory_limiter:\n    check_interval: 1s\n    limit_mib: 100",
      pipeline: '      receivers: [otlp]\n      processors: [memory_limiter, batch, filter]\n      exporters: [otlp_grpc]',
    });
    expect(advice(text, 'advice/batch-before-filter')[0]?.message).toContain('"filter" runs after batch');
    expect(advice(text.replace('[memory_limiter, batch, filter]', '[memory_limiter, filter, batch]'), 'advice/batch-before-filter')).toHaveLength(0);
  });

  it('no-batching: notes a network pipeline without any batching, but not one with sending_queue.batch', () => {
    const text = GOOD.replace('[memory_limiter, batch]', '[memory_limiter]');
    expect(advice(text, 'advice/no-batching')).toHaveLength(1);
    const queued = text.replace('endpoint: backend.example.com:4317', 'endpoint: backend.example.com:4317\n    sending_queue:\n      batch:');
    expect(advice(queued, 'advice/no-batching')).toHaveLength(0);
  });

  it('unused-component: warns about a processor no pipeline uses', () => {
    const text = GOOD.replace('  batch:', '  batch:\n  batch/spare:');
    expect(advice(text, 'advice/unused-component').map((a) => a.message)).toEqual(['processor "batch/spare" is defined but not used in any pipeline']);
  });

  it('a12: unused-extension warns about an extension missing from service.extensions', () => {
    const text = config({ ...{ processors: '  batch:' }, extensions: '  zpages:', pipeline: '      receivers: [otlp]\n      processors: [batch]\n      exporters: [otlp_grpc]' });
    expect(advice(text, 'advice/unused-extension')).toHaveLength(1);
    expect(advice(text.replace('service:\n', 'service:\n  extensions: [zpages]\n'), 'advice/unused-extension')).toHaveLength(0);
  });

  it('listen-all-interfaces: notes a receiver bound to 0.0.0.0', () => {
    const text = GOOD.replace('endpoint: localhost:4317', 'endpoint: 0.0.0.0:4317');
    expect(advice(text, 'advice/listen-all-interfaces')[0]?.message).toBe('otlp listens on all network interfaces (0.0.0.0:4317)');
  });

  it('debug-detailed: warns about a used debug exporter at detailed verbosity', () => {
    const text = GOOD.replace('exporters:\n', 'exporters:\n  debug:\n    verbosity: Detailed\n').replace('exporters: [otlp_grpc]', 'exporters: [otlp_grpc, debug]');
    expect(advice(text, 'advice/debug-detailed')).toHaveLength(1);
  });

  it('insecure-exporter: warns about plain-text export to a remote host', () => {
    const text = GOOD.replace('endpoint: backend.example.com:4317', 'endpoint: backend.example.com:4317\n    tls:\n      insecure: true');
    expect(advice(text, 'advice/insecure-exporter')).toHaveLength(1);
    expect(advice(text.replace('backend.example.com:4317', 'localhost:4317'), 'advice/insecure-exporter')).toHaveLength(0);
  });

  it('required-from-environment: warns when a required endpoint only comes from an unset variable', () => {
    const text = GOOD.replace('endpoint: backend.example.com:4317', 'endpoint: ${env:OTLP_ENDPOINT}');
    expect(advice(text, 'advice/required-from-environment')).toHaveLength(1);
    expect(validateConfig(text, { env: { OTLP_ENDPOINT: 'b:4317' } }).diagnostics.filter((d) => d.code === 'advice/required-from-environment')).toHaveLength(0);
  });
});
