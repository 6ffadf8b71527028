/**
 * Reading a component's YAML block (plain JS values) at the edge: every helper either returns a
 * typed value or throws {@link ComponentConfigError} in words close to the Collector's decoder.
 */
import { ComponentConfigError } from '../simulation/component';
import { parseGoDurationMs } from '../ottl/goDuration';

export type ConfigObject = Readonly<Record<string, unknown>>;

/** The component's block as an object (`null`/absent = all defaults). */
export function configObject(id: string, config: unknown): ConfigObject {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new ComponentConfigError(id, `'${id}' expected a map, got '${Array.isArray(config) ? 'slice' : typeof config}'`);
  return config as ConfigObject;
}

/** A nested object field. */
export function objectField(id: string, o: ConfigObject, key: string): ConfigObject | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ComponentConfigError(id, `'${key}' expected a map, got '${Array.isArray(v) ? 'slice' : typeof v}'`);
  return v as ConfigObject;
}

export function stringField(id: string, o: ConfigObject, key: string, fallback: string): string {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw new ComponentConfigError(id, `'${key}' expected type 'string', got '${typeof v}'`);
  return v;
}

export function boolField(id: string, o: ConfigObject, key: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new ComponentConfigError(id, `'${key}' expected type 'bool', got '${typeof v}'`);
  return v;
}

export function numberField(id: string, o: ConfigObject, key: string, fallback: number): number {
  const v = o[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ComponentConfigError(id, `'${key}' expected a number, got '${typeof v}'`);
  return v;
}

export function listField(id: string, o: ConfigObject, key: string): readonly unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ComponentConfigError(id, `'${key}' expected a list, got '${typeof v}'`);
  return v;
}

export function stringListField(id: string, o: ConfigObject, key: string): readonly string[] {
  return listField(id, o, key).map((x, i) => {
    if (typeof x !== 'string') throw new ComponentConfigError(id, `'${key}[${i}]' expected type 'string', got '${typeof x}'`);
    return x;
  });
}

/** A Go duration string ("10s"); bare numbers are nanoseconds as in the Collector's decoder. */
export function durationField(id: string, o: ConfigObject, key: string, fallbackMs: number): number {
  const v = o[key];
  if (v === undefined || v === null) return fallbackMs;
  if (typeof v === 'number') return v / 1e6;
  if (typeof v !== 'string') throw new ComponentConfigError(id, `'${key}' expected a duration string such as "10s"`);
  const ms = parseGoDurationMs(v);
  if (typeof ms !== 'number') throw new ComponentConfigError(id, `'${key}' ${ms.error}`);
  return ms;
}
