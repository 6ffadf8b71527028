import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/buildGraph';
import { parseConfig } from './parseConfig';

const dir = new URL('../../../reference/corpus/configs/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));

describe('every corpus config parses (reference/corpus/configs)', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(900);
  });

  it('never throws; each yields a model or a diagnostic with a line', () => {
    let withPipelines = 0;
    let unwrapped = 0;
    const unusable: string[] = [];
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const model = parseConfig(text);
      for (const d of model.diagnostics) expect(d.range?.start.line, `${file}: ${d.message}`).toBeGreaterThan(0);
      if (!model.usable) {
        expect(model.diagnostics.length, file).toBeGreaterThan(0);
        unusable.push(file);
        continue;
      }
      const graph = buildGraph(model);
      expect(graph.lanes.length).toBe(model.pipelines.length);
      if (model.pipelines.length > 0) withPipelines++;
      if (model.unwrapped) unwrapped++;
    }
    console.log(`corpus: ${files.length} configs, ${withPipelines} with pipelines, ${unwrapped} unwrapped from ConfigMap/Operator/Helm, ${unusable.length} not a config`);
    expect(withPipelines).toBeGreaterThan(files.length / 2);
  });
});
