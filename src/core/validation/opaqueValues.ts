/**
 * Values whose content is unknown until deploy time: a string holding a `${...}` reference.
 * Type, range and content checks skip them (config-semantics §4.3).
 */

const REFERENCE_RE = /\$\{[^}]*\}/;

/** True for a string that holds a `${...}` reference (whole or embedded). */
export function isPlaceholderValue(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${') && REFERENCE_RE.test(value);
}
