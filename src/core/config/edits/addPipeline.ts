import { isMap, type Pair } from 'yaml';
import { parsePipelineId } from '../componentId';
import type { TextEdit } from '../../diagnostics/diagnostic';
import { orderedIndex, ownPairIndex, pipelineKey, pipelinesMap, sectionPair, SECTION_ORDER } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit, keyOffsetIn } from './finishEdit';
import { openConfig, sharedNodeReason, type ConfigDocument } from './openConfig';
import { addPair, isEmptyValue } from './pairValueEdits';
import { renderScalar } from './renderYaml';

const SERVICE_ORDER = ['extensions', 'pipelines', 'telemetry'];

/** Edits that add `id: body` under `service.pipelines`, creating `service:` and `pipelines:` as needed. */
function pipelineInsertion(config: ConfigDocument, id: string, body: unknown): TextEdit[] | string {
  const pipelines = pipelinesMap(config);
  if (typeof pipelines === 'string') return pipelines;
  if (pipelines) {
    if (ownPairIndex(pipelines.node, id, pipelineKey) >= 0) return `The pipeline ${id} already exists.`;
    return addPair(config, { kind: 'map', map: pipelines.node, holder: pipelines.pair }, id, { js: body });
  }
  const service = sectionPair(config, 'service');
  if (!service) {
    const value = { js: { pipelines: { [id]: body } } };
    if (!config.root) return addPair(config, { kind: 'document' }, 'service', value);
    return addPair(config, { kind: 'map', map: config.root, holder: null }, 'service', value, orderedIndex(config.root, 'service', SECTION_ORDER));
  }
  if (isEmptyValue(service.value)) return addPair(config, { kind: 'empty', pair: service }, 'pipelines', { js: { [id]: body } });
  if (!isMap(service.value)) return 'service: is not a mapping; fix it in the text editor first.';
  const shared = sharedNodeReason(config, service.value, 'The service: section');
  if (shared) return shared;
  const index = ownPairIndex(service.value, 'pipelines');
  if (index < 0) {
    return addPair(config, { kind: 'map', map: service.value, holder: service, preferBlock: true }, 'pipelines', { js: { [id]: body } }, orderedIndex(service.value, 'pipelines', SERVICE_ORDER));
  }
  // pipelinesMap returned null with the key present: its value is empty.
  return addPair(config, { kind: 'empty', pair: service.value.items[index] as Pair }, id, { js: body });
}

/**
 * Adds an empty pipeline (`receivers: []`, `exporters: []`) at the end of `service.pipelines`,
 * creating `service:` and `pipelines:` when missing. Refuses an invalid id (unknown signal) and an
 * existing one.
 */
export function addPipeline(text: string, pipelineId: string): EditResult {
  const parsed = parsePipelineId(pipelineId);
  if (!parsed.ok) return refuse(`${JSON.stringify(pipelineId)} is not a valid pipeline id: ${parsed.message}.`);
  const config = openConfig(text);
  if ('ok' in config) return config;
  const edits = pipelineInsertion(config, parsed.id, { receivers: [], exporters: [] });
  if (typeof edits === 'string') return refuse(edits);
  const key = renderScalar(parsed.id);
  const edit = edits.find((e) => e.insert.includes(`${key}:`)) ?? edits[edits.length - 1]!;
  return finishEdit(config, edits, { kind: 'pipeline', id: parsed.id, edit, within: keyOffsetIn(edit.insert, key) });
}
