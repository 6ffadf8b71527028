import { blockItemsOwnLines, removeItem } from './collectionEdits';
import { findPipelineNode } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { openConfig } from './openConfig';
import { usedAnchorInside } from './usedAnchorInside';

/**
 * Deletes a pipeline with the comment lines attached to it. The components stay defined (other
 * pipelines may use them; unused ones are reported by validation). The last pipeline leaves
 * `pipelines:` with an empty value. Refuses a pipeline that does not exist or holds an anchor
 * used elsewhere.
 */
export function removePipeline(text: string, pipelineId: string): EditResult {
  const config = openConfig(text);
  if ('ok' in config) return config;
  const pipeline = findPipelineNode(config, pipelineId);
  if (typeof pipeline === 'string') return refuse(pipeline);
  const anchor = usedAnchorInside(config, pipeline.pair.value);
  if (anchor) return refuse(`The pipeline ${pipelineId} holds the anchor &${anchor}, which aliases elsewhere use; removing it would break them. Edit it in the text editor.`);
  if (!pipeline.pipelines.flow && !blockItemsOwnLines(config, pipeline.pipelines)) {
    return refuse('service.pipelines is laid out in a way the canvas can\'t edit safely; edit it in the text editor.');
  }
  return finishEdit(config, removeItem(config, pipeline.pipelines, pipeline.index));
}
