/** `pipeline-studio graph FILE`: each pipeline with its components in order, connectors and cycles. */
import { parseConfig } from '../../core/config/parseConfig';
import { buildGraph } from '../../core/graph/buildGraph';
import type { Command } from '../main';
import { UsageError } from '../io';

export const graphCommand: Command = {
  name: 'graph',
  summary: 'Print each pipeline with its components in order (receivers → processors → exporters)',
  usage: 'graph FILE',
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith('-'));
    const unknown = args.find((a) => a.startsWith('-'));
    if (unknown) throw new UsageError(`unknown option ${unknown}`);
    if (files.length !== 1) throw new UsageError('expects exactly one FILE');
    const file = files[0]!;
    const text = await io.readText(file);
    const model = parseConfig(text);
    for (const d of model.diagnostics) {
      const where = d.range ? `${file}:${d.range.start.line}:${d.range.start.column}` : file;
      io.err(`${where}: ${d.severity}: ${d.message}`);
    }
    if (!model.usable) return 1;
    const graph = buildGraph(model);
    const connectors = new Set(model.components.filter((c) => c.kind === 'connector').map((c) => c.id as string));
    const label = (raw: string, id: string | null) => (id && connectors.has(id) ? `${raw} (connector)` : raw);
    if (model.pipelines.length === 0) io.out('(no pipelines)');
    for (const pipeline of model.pipelines) {
      const list = (refs: typeof pipeline.receivers) => (refs.length ? refs.map((r) => label(r.raw, r.id)).join(', ') : '(none)');
      io.out(`${pipeline.rawKey}:`);
      io.out(`  receivers:  ${list(pipeline.receivers)}`);
      io.out(`  processors: ${pipeline.processors.length ? pipeline.processors.map((r) => r.raw).join(' → ') : '(none)'}`);
      io.out(`  exporters:  ${list(pipeline.exporters)}`);
    }
    const extensions = model.serviceExtensions.map((e) => e.raw);
    if (extensions.length) io.out(`extensions: ${extensions.join(', ')}`);
    for (const cycle of graph.cycles) io.out(`cycle: ${cycle.join(' → ')}`);
    return 0;
  },
};
