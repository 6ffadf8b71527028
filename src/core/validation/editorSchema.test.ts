import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editorSchema } from './editorSchema';

const caseText = (name: string): string => readFileSync(new URL(`../../../reference/spec/validation-cases/${name}`, import.meta.url), 'utf8');

function validatorFor(distribution: string) {
  return new Ajv({ strict: false, allErrors: true }).compile(editorSchema(distribution));
}

describe('editorSchema (monaco-yaml completion and hover)', () => {
  it('accepts valid configs, including named ids and deprecated aliases', () => {
    const validate = validatorFor('contrib');
    for (const name of ['a02-valid-all-sections.yaml', 'b13-deprecated-type-aliases-valid.yaml', 'c17-named-pipelines-valid.yaml', 'g16-tail-sampling-valid.yaml']) {
      expect(validate(parse(caseText(name))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('restricts sections to the distribution: tail_sampling is not in core, any type is fine in custom', () => {
    const config = { processors: { tail_sampling: null } };
    expect(validatorFor('core')(config)).toBe(false);
    expect(validatorFor('contrib')(config)).toBe(true);
    expect(validatorFor('custom')({ processors: { my_processor: null } })).toBe(true);
  });

  it('offers type keys for completion, matches type/name keys, and carries hover text and defaults', () => {
    const schema = editorSchema('contrib') as { properties: Record<string, { properties: Record<string, unknown>; patternProperties: Record<string, unknown> }>; definitions: Record<string, Record<string, unknown>> };
    const processors = schema.properties.processors!;
    expect(Object.keys(processors.properties)).toContain('batch');
    expect(Object.keys(processors.patternProperties)).toContain('^batch/.+$');
    const batch = schema.definitions['processor.batch']!;
    expect(batch.markdownDescription).toContain('Batch');
    expect((batch.properties as Record<string, { default?: unknown }>).send_batch_size?.default).toBe(8192);
    expect(schema.properties.exporters!.properties.otlp).toMatchObject({ deprecationMessage: '"otlp" alias is deprecated; use "otlp_grpc" instead' });
  });

  it('rejects unknown keys where the Collector does (otlp receiver protocols)', () => {
    const validate = validatorFor('contrib');
    expect(validate(parse(caseText('f02-otlp-receiver-protocol-typo.yaml')))).toBe(false);
  });
});
