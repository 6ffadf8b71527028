/** span processor (processors-spec §3.3): name from attributes, name to attributes, status. */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { AnyValue, Span, StatusCode } from '../telemetry/pdata';
import { compileGoRegexp } from '../ottl/goRegexp';
import { formatFloatF } from '../ottl/valueText';
import { boolField, configObject, objectField, stringField, stringListField } from './configReader';
import { compileSkipPredicate } from './matchProperties';
import { statelessProcessor } from './statelessProcessor';

function nameText(v: AnyValue): string {
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'bool':
      return String(v.value);
    case 'int':
      return v.value.toString();
    case 'double':
      return formatFloatF(v.value);
    default:
      return '<unknown-attribute-type>';
  }
}

/** Build a span processor. */
export function createSpanProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const name = objectField(id, o, 'name');
  const fromAttributes = name ? stringListField(id, name, 'from_attributes') : [];
  const separator = name ? stringField(id, name, 'separator', '') : '';
  const toAttributes = name ? objectField(id, name, 'to_attributes') : undefined;
  const rules = (toAttributes ? stringListField(id, toAttributes, 'rules') : []).map((r) => {
    const c = compileGoRegexp(r);
    if (!c.ok) throw new ComponentConfigError(id, c.error);
    return c.re;
  });
  const breakAfterMatch = toAttributes ? boolField(id, toAttributes, 'break_after_match', false) : false;
  const keepOriginalName = toAttributes ? boolField(id, toAttributes, 'keep_original_name', false) : false;
  const status = objectField(id, o, 'status');
  let setStatus: ((s: Span) => void) | undefined;
  if (status) {
    const code = stringField(id, status, 'code', '');
    const description = stringField(id, status, 'description', '');
    const codes: Record<string, StatusCode> = { Unset: 0, Ok: 1, Error: 2 };
    const c = codes[code];
    if (c === undefined) throw new ComponentConfigError(id, 'status code must be one of "Ok", "Error" or "Unset"');
    if (description !== '' && c !== 2) throw new ComponentConfigError(id, 'status description should only be set if code is set to Error');
    setStatus = (s) => {
      s.status.code = c;
      s.status.message = c === 2 ? description : '';
    };
  }
  if (fromAttributes.length === 0 && rules.length === 0 && !setStatus)
    throw new ComponentConfigError(id, 'either "from_attributes" or "to_attributes" or "status" must be specified in "name" section');
  const skip = compileSkipPredicate(id, o);

  const rename = (span: Span): void => {
    if (fromAttributes.length === 0 || span.attributes.size === 0) return;
    const parts: string[] = [];
    for (const k of fromAttributes) {
      const v = span.attributes.get(k);
      if (v === undefined) return; // any listed key missing: do nothing
      parts.push(nameText(v));
    }
    span.name = parts.join(separator);
  };
  const extract = (span: Span): void => {
    if (rules.length === 0 || span.name === '') return;
    for (const re of rules) {
      const m = re.exec(span.name);
      if (!m || !m.groups) continue;
      // Rebuild the name with each named group replaced by {group} (indices via a capture walk).
      let rebuilt = '';
      let cursor = 0;
      const full = m[0];
      const base = m.index;
      let local = 0;
      for (const [g, value] of Object.entries(m.groups)) {
        if (value === undefined) continue;
        span.attributes.set(g, { kind: 'string', value });
        const at = full.indexOf(value, local);
        if (at < 0) continue;
        rebuilt += span.name.slice(cursor, base + at) + `{${g}}`;
        cursor = base + at + value.length;
        local = at + value.length;
      }
      rebuilt += span.name.slice(cursor);
      if (!keepOriginalName) span.name = rebuilt;
      if (breakAfterMatch) break;
    }
  };

  return statelessProcessor(id, (data) => {
    for (const rs of data.resourceSpans)
      for (const ss of rs.scopeSpans)
        for (const span of ss.spans) {
          if (skip && skip(rs.resource, ss.scope, span)) continue;
          rename(span);
          extract(span);
          setStatus?.(span);
        }
    return { data };
  });
}
