import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuickFix } from '../../diagnostics/diagnostic';
import { validateConfig } from '../validateConfig';
import type { ValidationDiagnostic } from '../validationTypes';
import { applyEdits } from './textEdits';

const caseFile = (name: string): string => readFileSync(new URL(`../../../../reference/spec/validation-cases/${name}`, import.meta.url), 'utf8');

function find(text: string, code: string, includes = ''): ValidationDiagnostic {
  const d = validateConfig(text).diagnostics.find((x) => x.code === code && x.message.includes(includes));
  if (!d) throw new Error(`no ${code} diagnostic containing ${includes}`);
  return d;
}

function applyFirstFix(text: string, d: ValidationDiagnostic): string {
  const fix: QuickFix | undefined = d.fixes?.[0];
  if (!fix) throw new Error(`no fix on: ${d.message}`);
  return applyEdits(text, fix.edits);
}

const gone = (text: string, code: string, includes = ''): boolean => !validateConfig(text).diagnostics.some((d) => d.code === code && d.message.includes(includes));

describe('quick fixes (applied to the text, then revalidated)', () => {
  it('c07: defines a missing processor, keeping comments', () => {
    const text = `# my collector\n${caseFile('c07-undefined-processor.yaml')}`;
    const fixed = applyFirstFix(text, find(text, 'undefined-reference', 'processor "invalid"'));
    expect(gone(fixed, 'undefined-reference')).toBe(true);
    expect(fixed.startsWith('# my collector\n')).toBe(true);
    expect(fixed).toContain('  batch:\n  invalid:\n');
  });

  it('a05: defines a missing exporter in a section that does not exist yet, before service', () => {
    const text = caseFile('a05-no-exporters.yaml');
    const fixed = applyFirstFix(text, find(text, 'undefined-reference', 'exporter "debug"'));
    expect(validateConfig(fixed).valid).toBe(true);
    expect(fixed).toContain('exporters:\n  debug:\n    verbosity: basic\nservice:');
  });

  it('c06: defines a missing otlp receiver with a body that validates', () => {
    const text = caseFile('c06-undefined-receiver.yaml').replace('[otlp, jaeger]', '[otlp, otlp/extra]');
    const fixed = applyFirstFix(text, find(text, 'undefined-reference', 'receiver "otlp/extra"'));
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('a15: removes an unused component and nothing else', () => {
    const text = caseFile('a15-unused-components-valid.yaml');
    const fixed = applyFirstFix(text, find(text, 'advice/unused-component', 'batch/unused'));
    expect(fixed).not.toContain('batch/unused');
    expect(fixed).not.toContain('timeout: 5s');
    expect(fixed).toContain('  batch:\nexporters:');
    expect(validateConfig(fixed).valid).toBe(true);
    expect(gone(fixed, 'advice/unused-component', 'batch/unused')).toBe(true);
  });

  it('b13: renames the deprecated otlp exporter alias in its definition and every reference, not the otlp receiver', () => {
    const text = caseFile('b13-deprecated-type-aliases-valid.yaml');
    const fixed = applyFirstFix(text, find(text, 'deprecated-alias', '"otlp" alias'));
    expect(fixed).toContain('receivers: [otlp]');
    expect(fixed).toContain('  otlp_grpc:\n    endpoint: primary.example.com:4317');
    expect(fixed).toContain('exporters: [otlp_grpc, otlp_grpc/backup, otlphttp, otlp_http/eu]');
    expect(gone(fixed, 'deprecated-alias', '"otlp" alias')).toBe(true);
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('b11: replaces the removed logging exporter with debug', () => {
    const text = caseFile('b11-logging-exporter-removed.yaml');
    const fixed = applyFirstFix(text, find(text, 'removed-type'));
    expect(validateConfig(fixed).valid).toBe(true);
    expect(fixed).toContain('exporters: [debug]');
  });

  it('moves memory_limiter first in a block-style processors list', () => {
    const text = caseFile('f17-memory-limiter-valid.yaml').replace('processors: [memory_limiter, batch]', 'processors:\n        - batch # group\n        - memory_limiter');
    const fixed = applyFirstFix(text, find(text, 'advice/memory-limiter-first'));
    expect(fixed).toContain('        - memory_limiter # group\n        - batch');
    expect(gone(fixed, 'advice/memory-limiter-first')).toBe(true);
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('b06: fixes an id with a forbidden character in the definition and the reference', () => {
    const text = caseFile('b06-name-with-symbol.yaml');
    const fixed = applyFirstFix(text, find(text, 'component-id'));
    expect(fixed).toContain('batch/a_b:');
    expect(fixed).toContain('processors: [batch/a_b]');
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('b05: fixes a quoted-free name with a space everywhere it is used', () => {
    const text = caseFile('b05-name-with-space.yaml');
    const fixed = applyFirstFix(text, find(text, 'component-id'));
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('f28: renames a key written in the wrong case', () => {
    const text = caseFile('f28-debug-key-wrong-case.yaml');
    const fixed = applyFirstFix(text, find(text, 'unknown-key', 'verBosity'));
    expect(fixed).toContain('    verbosity: detailed');
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('a06: renames a misspelt top-level section', () => {
    const text = caseFile('a06-unknown-top-level-key.yaml');
    const fixed = applyFirstFix(text, find(text, 'unknown-key', 'recievers'));
    expect(validateConfig(fixed).valid).toBe(true);
  });

  it('b09: changes an unknown type to the closest known one', () => {
    const text = caseFile('b09-unknown-receiver-type.yaml');
    const d = find(text, 'unknown-type');
    expect(d.fixes?.[0]?.title).toBe('Change type to "otlp"');
    expect(validateConfig(applyFirstFix(text, d)).valid).toBe(true);
  });
});

describe('define a missing component uses the canvas defaults', () => {
  it('gives a resource processor the attributes it needs to validate', () => {
    const text = caseFile('a01-valid-minimal.yaml');
    const broken = text.replace(/processors: \[([^\]]*)\]/, (_m, list: string) => `processors: [${list ? `${list}, ` : ''}resource/enrich]`);
    const fixed = applyFirstFix(broken, find(broken, 'undefined-reference', 'processor "resource/enrich"'));
    expect(fixed).toMatch(/resource\/enrich:\n {4}attributes:/);
    expect(validateConfig(fixed).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
