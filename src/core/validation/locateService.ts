/** Ranges inside the `service:` section, from its separately parsed block. */
import type { Node } from 'yaml';
import type { SourceRange } from '../diagnostics/diagnostic';
import { walkPath } from './sourceText';
import type { FileInput } from './validationContext';

/**
 * The range of `service.<path>`: the key (or item) at the deepest existing step, or the value
 * itself with `prefer: 'value'` when the whole path exists.
 */
export function locateService(file: FileInput, path: readonly (string | number)[], prefer: 'key' | 'value' = 'key'): SourceRange | null {
  const fallback = file.model.rootKeys.find((k) => k.key === 'service')?.range ?? null;
  const block = file.serviceBlock();
  if (!block) return fallback;
  const found = walkPath(block, ['service', ...path]);
  const target = (found.depth === path.length + 1 && prefer === 'value' ? found.node : found.key) as Node | null;
  const r = target?.range;
  if (!r) return fallback;
  return file.source.range(r[0] + block.base, r[1] + block.base);
}
