/** attributes processor (processors-spec §3.1): actions on span attributes, include/exclude. */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import { compileAttributeActions } from './attributeActions';
import { configObject, listField } from './configReader';
import { compileSkipPredicate } from './matchProperties';
import { statelessProcessor } from './statelessProcessor';

/** Build an attributes processor. */
export function createAttributesProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const raw = listField(id, o, 'actions');
  if (raw.length === 0) throw new ComponentConfigError(id, 'missing required field "actions"');
  const actions = compileAttributeActions(id, raw);
  const skip = compileSkipPredicate(id, o);
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
