/**
 * JSON Schema → the inspector's form model: one field per top-level setting of a component, with
 * its control (text, number, select for enums, checkbox), default as placeholder, description and
 * current value. Nested objects and lists are edited in the raw YAML box (shown as "nested").
 */
export type FieldControl = 'text' | 'number' | 'integer' | 'boolean' | 'enum' | 'nested';

export interface FormField {
  readonly name: string;
  readonly control: FieldControl;
  readonly description: string;
  /** The schema default as text, for the placeholder. */
  readonly placeholder: string;
  readonly options: readonly string[];
  /** The current value as text ('' when unset); nested values as a short summary. */
  readonly value: string;
  readonly set: boolean;
}

type Schema = Record<string, unknown>;

function types(schema: Schema): string[] {
  const t = schema.type;
  return (Array.isArray(t) ? t : typeof t === 'string' ? [t] : []).filter((x) => x !== 'null') as string[];
}

function controlOf(schema: Schema): FieldControl {
  if (Array.isArray(schema.enum)) return 'enum';
  const t = types(schema);
  if (t.includes('object') || t.includes('array') || (t.length === 0 && (schema.properties || schema.items))) return 'nested';
  if (t.includes('boolean') && t.length === 1) return 'boolean';
  if (t.includes('string')) return 'text';
  if (t.includes('integer')) return 'integer';
  if (t.includes('number')) return 'number';
  return 'text';
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formFields(schema: Schema | undefined, config: unknown): FormField[] {
  const properties = (schema?.properties ?? {}) as Record<string, Schema>;
  const body = config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  return Object.entries(properties).map(([name, prop]) => {
    const control = controlOf(prop);
    const value = body[name];
    return {
      name,
      control,
      description: typeof prop.description === 'string' ? prop.description : '',
      placeholder: show(prop.default),
      options: Array.isArray(prop.enum) ? prop.enum.filter((v) => v !== null).map(String) : [],
      value: control === 'nested' ? (value === undefined ? '' : value === null ? '(empty)' : `${Object.keys(value as object).length} setting(s)`) : show(value),
      set: name in body,
    };
  });
}

/** A typed form value back to data: '' clears the setting (undefined), numbers and booleans are parsed. */
export function parseFieldValue(field: Pick<FormField, 'control'>, raw: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (field.control === 'boolean') return { ok: true, value: text === 'true' };
  if (field.control === 'integer' || field.control === 'number') {
    const n = Number(text);
    if (!Number.isFinite(n) || (field.control === 'integer' && !Number.isInteger(n))) return { ok: false, reason: `${JSON.stringify(text)} is not ${field.control === 'integer' ? 'a whole number' : 'a number'}.` };
    return { ok: true, value: n };
  }
  return { ok: true, value: text };
}
