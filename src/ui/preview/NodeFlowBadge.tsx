/** The preview's counters on a canvas node: what came in, went out and was dropped. Text only. */
import type { NodeFlow } from './flowOverlay';
import { formatCompact, formatCount } from './format';

function describe(flow: NodeFlow): { text: string; title: string } {
  if (flow.error) return { text: 'failed to start', title: `${flow.error} (the Collector would not start; the preview drops what reaches it)` };
  if (!flow.simulated) return { text: 'not simulated', title: flow.note ?? 'The preview does not model this component: data passes through unchanged.' };
  if (flow.spansIn === 0 && flow.metricPoints > 0) return { text: `${formatCompact(flow.metricPoints)} pts`, title: `${formatCount(flow.metricPoints)} metric data points` };
  if (flow.kind === 'exporter') return { text: `sends ${formatCompact(flow.spansIn)} spans`, title: `Would send ${formatCount(flow.spansIn)} spans in ${formatCount(flow.tracesIn)} traces` };
  if (flow.kind === 'receiver') return { text: `${formatCompact(flow.spansOut)} spans`, title: `${formatCount(flow.spansOut)} spans in ${formatCount(flow.tracesOut)} traces received` };
  if (flow.kind === 'connector') return { text: `${formatCompact(flow.spansIn)} in${flow.metricPoints ? ` → ${formatCompact(flow.metricPoints)} pts` : ` → ${formatCompact(flow.spansOut)}`}`, title: `${formatCount(flow.spansIn)} spans in, ${flow.metricPoints ? `${formatCount(flow.metricPoints)} data points out` : `${formatCount(flow.spansOut)} spans out`}` };
  const dropped = flow.dropped > 0 ? ` · −${formatCompact(flow.dropped)}` : '';
  return {
    text: `${formatCompact(flow.spansIn)} → ${formatCompact(flow.spansOut)}${dropped}`,
    title: `${formatCount(flow.spansIn)} spans in (${formatCount(flow.tracesIn)} traces), ${formatCount(flow.spansOut)} out (${formatCount(flow.tracesOut)} traces)${flow.dropped ? `, ${formatCount(flow.dropped)} dropped` : ''}`,
  };
}

export function NodeFlowBadge({ flow }: { flow: NodeFlow }) {
  const { text, title } = describe(flow);
  return (
    <span className={`node-flow${flow.error ? ' node-flow--error' : flow.simulated ? '' : ' node-flow--off'}${flow.dropped > 0 && !flow.error ? ' node-flow--drops' : ''}`} title={title} data-testid="node-flow">
      {text}
    </span>
  );
}
