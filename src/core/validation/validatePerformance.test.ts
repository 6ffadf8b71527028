import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './validateConfig';

/** A 200-component config: 50 pipelines of receiver → batch → attributes → exporter. */
function bigConfig(): string {
  const lines: string[] = ['receivers:'];
  for (let i = 0; i < 50; i++) lines.push(`  otlp/r${i}:`, '    protocols:', '      grpc:', `        endpoint: localhost:${4000 + i}`, '      http:', `        endpoint: localhost:${5000 + i}`);
  lines.push('processors:');
  for (let i = 0; i < 50; i++) {
    lines.push(`  batch/p${i}:`, '    timeout: 5s', '    send_batch_size: 1000', `  attributes/a${i}:`, '    actions:', '      - key: env', `        value: v${i}`, '        action: insert');
  }
  lines.push('exporters:');
  for (let i = 0; i < 50; i++) lines.push(`  otlp_grpc/e${i}:`, `    endpoint: backend-${i}.example.com:4317`, '    retry_on_failure:', '      enabled: true');
  lines.push('service:', '  pipelines:');
  for (let i = 0; i < 50; i++) lines.push(`    traces/t${i}:`, `      receivers: [otlp/r${i}]`, `      processors: [batch/p${i}, attributes/a${i}]`, `      exporters: [otlp_grpc/e${i}]`);
  return `${lines.join('\n')}\n`;
}

/** CPU time of one run in ms (process.cpuUsage, so other processes on a busy machine do not count). */
function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('validation speed', () => {
  it('validates a 200-component config in at most 2x a bare yaml.parseDocument of the same text', () => {
    const text = bigConfig();
    const result = validateConfig(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Interleave the two and compare medians of CPU time, so a busy machine slows both alike.
    for (let i = 0; i < 5; i++) {
      parseDocument(text);
      validateConfig(text);
    }
    const parses: number[] = [];
    const validations: number[] = [];
    for (let i = 0; i < 31; i++) {
      parses.push(cpuMs(() => parseDocument(text)));
      validations.push(cpuMs(() => validateConfig(text)));
    }
    const parse = median(parses);
    const validate = median(validations);
    console.log(`parseDocument ${parse.toFixed(2)} ms, validateConfig ${validate.toFixed(2)} ms (${(validate / parse).toFixed(2)}x)`);
    expect(validate).toBeLessThanOrEqual(2 * parse);
  });
});
