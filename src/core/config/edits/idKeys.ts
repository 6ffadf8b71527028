/**
 * Component and pipeline ids compared the way the Collector compares them (trimmed `type/name`,
 * quoted or not). No `yaml` here: the canvas checks connections with these while a drag is on,
 * before the edit functions have loaded (decision 0017).
 */
import { parseComponentId, parsePipelineId } from '../componentId';

/** A component id normalised as the Collector reads it; invalid ids compare as trimmed text. */
export function normalizeComponentId(raw: string): string {
  const parsed = parseComponentId(raw);
  return parsed.ok ? parsed.id : raw.trim();
}

/** Normalises a pipeline id for comparison; invalid ids compare as trimmed text. */
export function pipelineKey(raw: string): string {
  const parsed = parsePipelineId(raw);
  return parsed.ok ? parsed.id : raw.trim();
}
