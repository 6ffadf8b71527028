/** Issue #3 speed: text → laid-out graph, as a ratio to a bare `yaml.parseDocument` of the same text. */
import { parseDocument } from 'yaml';
import { createAnalyzer } from '../src/core/analysis/analyzeConfig';
import { validateConfig } from '../src/core/validation/validateConfig';
import { generateConfig } from './generateConfig';
import { time, type Row } from './measure';

export function designerBench(): Row[] {
  const text = generateConfig();
  const lines = text.split('\n').length;
  const parse = time(() => parseDocument(text));

  // Cold structure: a fresh analyser each time, so every lane is laid out.
  const full = time(() => createAnalyzer()(({ text, distribution: 'contrib', env: {} })));
  // Value edit: the analyser has seen this structure; only a value differs.
  const warm = createAnalyzer();
  let flip = 0;
  warm({ text, distribution: 'contrib', env: {} });
  const valueEdit = time(() => {
    flip ^= 1;
    warm({ text: text.replace('send_batch_size: 8192', `send_batch_size: ${8192 + flip}`), distribution: 'contrib', env: {} });
  });
  const validate = time(() => validateConfig(text, { distribution: 'contrib' }));
  const analysis = createAnalyzer()({ text, distribution: 'contrib', env: {} });
  const detail = `${lines} lines, ${analysis.graph.nodes.length} nodes, ${analysis.graph.edges.length} edges`;
  return [
    { name: 'text → laid-out graph (parse, model, graph, dagre per lane)', ratio: full / parse, goal: 3, baseline: `yaml.parseDocument ${parse.toFixed(1)} ms`, detail },
    { name: 'validate the config (all stages, advice)', ratio: validate / parse, goal: 2, baseline: 'yaml.parseDocument', detail: `issue #4` },
    { name: 'value edit → graph (positions kept, no layout)', ratio: valueEdit / parse, goal: 1.5, baseline: 'yaml.parseDocument', detail: `${valueEdit.toFixed(1)} ms vs ${full.toFixed(1)} ms full` },
  ];
}
