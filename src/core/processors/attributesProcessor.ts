/** attributes processor (processors-spec §3.1): actions on span attributes, include/exclude. */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import { attributeActionWrites, compileAttributeActions, type AttributeAction } from './attributeActions';
import { configObject, listField } from './configReader';
import { compileSkipPredicate, type SpanPredicate } from './matchProperties';
import { statelessProcessor } from './statelessProcessor';

/** An attributes processor's config, compiled once (shared by the object path and the columnar run, decision 0014). */
export interface CompiledAttributesProcessor {
  readonly actions: readonly AttributeAction[];
  /** include/exclude: true = the span is left alone. */
  readonly skip: SpanPredicate | undefined;
  /** Keys the actions may write ('any': by pattern). */
  readonly writes: ReadonlySet<string> | 'any';
}

export function compileAttributesProcessor(id: string, config: unknown): CompiledAttributesProcessor {
  const o = configObject(id, config);
  const raw = listField(id, o, 'actions');
  if (raw.length === 0) throw new ComponentConfigError(id, 'missing required field "actions"');
  const actions = compileAttributeActions(id, raw);
  return { actions, skip: compileSkipPredicate(id, o), writes: attributeActionWrites(id, raw) };
}

/** Build an attributes processor. */
export function createAttributesProcessor(id: string, config: unknown): TracesComponent {
  const { actions, skip } = compileAttributesProcessor(id, config);
  return statelessProcessor(id, (data) => {
    for (const rs of data.resourceSpans)
      for (const ss of rs.scopeSpans)
        for (const span of ss.spans) {
          if (skip && skip(rs.resource, ss.scope, span)) continue;
          for (const act of actions) act(span.attributes);
        }
    return { data };
  });
}
