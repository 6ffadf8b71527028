/** resource processor (processors-spec §3.2): attribute actions on every resource. */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import { compileAttributeActions } from './attributeActions';
import { configObject, listField } from './configReader';
import { statelessProcessor } from './statelessProcessor';

/** Build a resource processor (its key is `attributes`, not `actions`). */
export function createResourceProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const raw = listField(id, o, 'attributes');
  if (raw.length === 0) throw new ComponentConfigError(id, 'missing required field "attributes"');
  const actions = compileAttributeActions(id, raw);
  return statelessProcessor(id, (data) => {
    for (const rs of data.resourceSpans) for (const act of actions) act(rs.resource.attributes);
    return { data };
  });
}
