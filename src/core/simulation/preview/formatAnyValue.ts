/** Attribute values as display text (the trace view shows text only, never markup). */
import type { AnyValue, Attributes } from '../../telemetry/pdata';

/** `value` as the Collector's debug exporter would print it, roughly. */
export function formatAnyValue(value: AnyValue): string {
  switch (value.kind) {
    case 'string':
      return value.value;
    case 'int':
      return value.value.toString();
    case 'double':
      return String(value.value);
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'bytes':
      return Array.from(value.value, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'array':
      return `[${value.values.map(formatAnyValue).join(', ')}]`;
    case 'kvlist':
      return `{${[...value.values].map(([k, v]) => `${k}: ${formatAnyValue(v)}`).join(', ')}}`;
    default:
      return '';
  }
}

/** Attributes as `[key, text]` pairs, in insertion order. */
export function attributePairs(attributes: Attributes): [string, string][] {
  return [...attributes].map(([k, v]) => [k, formatAnyValue(v)]);
}
