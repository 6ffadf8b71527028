import { parseGoDuration } from './parseGoDuration';
import { SamplingConfigError } from './samplingConfigError';

/**
 * Small readers for the plain JS value of a YAML config block (style.md #8: parse at the edge).
 * They mirror the Collector's decoding closely enough for previews: unknown keys are rejected like
 * mapstructure's `has invalid keys`, wrong types are reported, absent keys take the default.
 */

export type ConfigObject = Readonly<Record<string, unknown>>;

/** `null`/`undefined` (an empty YAML block) decode as an empty object. */
export function asConfigObject(value: unknown, where: string): ConfigObject {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SamplingConfigError(`${where}: expected a map, got ${describe(value)}`);
  }
  return value as ConfigObject;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? `string ${JSON.stringify(value)}` : typeof value;
}

/** Rejects keys outside `allowed` (Go: `'<where>' has invalid keys: a, b`). */
export function checkKeys(obj: ConfigObject, allowed: readonly string[], where: string): void {
  const bad = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (bad.length > 0) throw new SamplingConfigError(`'${where}' has invalid keys: ${bad.sort().join(', ')}`);
}

export function readBool(obj: ConfigObject, key: string, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new SamplingConfigError(`'${key}' expected a boolean, got ${describe(v)}`);
  return v;
}

export function readNumber(obj: ConfigObject, key: string, fallback: number): number {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number') throw new SamplingConfigError(`'${key}' expected a number, got ${describe(v)}`);
  return v;
}

/** An integer field; fractional numbers are rejected as Go's decoder does for int fields. */
export function readInt(obj: ConfigObject, key: string, fallback: number): number {
  const v = readNumber(obj, key, fallback);
  if (!Number.isInteger(v)) throw new SamplingConfigError(`'${key}' expected an integer, got ${v}`);
  return v;
}

/** An int64 field as BigInt (YAML may deliver bigints for large values). */
export function readInt64(obj: ConfigObject, key: string, fallback: bigint): bigint {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new SamplingConfigError(`'${key}' expected an integer, got ${describe(v)}`);
}

export function readString(obj: ConfigObject, key: string, fallback: string): string {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw new SamplingConfigError(`'${key}' expected a string, got ${describe(v)}`);
  return v;
}

export function readStringList(obj: ConfigObject, key: string): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SamplingConfigError(`'${key}' expected a list, got ${describe(v)}`);
  return v.map((item, i) => {
    if (typeof item !== 'string') throw new SamplingConfigError(`'${key}[${i}]' expected a string, got ${describe(item)}`);
    return item;
  });
}

export function readList(obj: ConfigObject, key: string): unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SamplingConfigError(`'${key}' expected a list, got ${describe(v)}`);
  return v;
}

/** A Go `time.Duration` field in milliseconds: strings use Go syntax; bare numbers are nanoseconds. */
export function readDurationMs(obj: ConfigObject, key: string, fallbackMs: number): number {
  const v = obj[key];
  if (v === undefined || v === null) return fallbackMs;
  if (typeof v === 'string') return parseGoDuration(v);
  if (typeof v === 'number') return v / 1e6;
  throw new SamplingConfigError(`'${key}' expected a duration, got ${describe(v)}`);
}
