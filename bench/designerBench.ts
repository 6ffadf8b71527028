/** Issue #3 speed: text → laid-out graph, as a ratio to a bare `yaml.parseDocument` of the same text. */
import { parseDocument } from 'yaml';
import { createAnalyzer } from '../src/core/analysis/analyzeConfig';
import { validateConfig } from '../src/core/validation/validateConfig';
import { generateConfig } from './generateConfig';
import { timeInterleaved, type Row } from './measure';

export function designerBench(): Row[] {
  const text = generateConfig();
  const lines = text.split('\n').length;
  const warm = createAnalyzer();
  let flip = 0;
  warm({ text, distribution: 'contrib', env: {} });
  const [parse, full, valueEdit, validate] = timeInterleaved([
    () => parseDocument(text),
    // Cold structure: a fresh analyser each time, so every lane is laid out.
    () => createAnalyzer()({ text, distribution: 'contrib', env: {} }),
    // Value edit: the analyser has seen this structure; only a value differs.
    () => {
      flip ^= 1;
      warm({ text: text.replace('send_batch_size: 8192', `send_batch_size: ${8192 + flip}`), distribution: 'contrib', env: {} });
    },
    () => validateConfig(text, { distribution: 'contrib' }),
  ]) as [number, number, number, number];
  const analysis = createAnalyzer()({ text, distribution: 'contrib', env: {} });
  const detail = `${lines} lines, ${analysis.graph.nodes.length} nodes, ${analysis.graph.edges.length} edges`;
  return [
    { name: 'text → laid-out graph (parse, model, graph, lane layout)', ratio: full / parse, goal: 3, baseline: `yaml.parseDocument ${parse.toFixed(1)} ms`, detail },
    { name: 'validate the config (all stages, advice)', ratio: validate / parse, goal: 2, baseline: 'yaml.parseDocument', detail: `issue #4` },
    { name: 'value edit → graph (positions kept, no layout)', ratio: valueEdit / parse, goal: 1.5, baseline: 'yaml.parseDocument', detail: `${valueEdit.toFixed(1)} ms vs ${full.toFixed(1)} ms full` },
  ];
}
