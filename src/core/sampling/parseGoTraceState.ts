/**
 * OpenTelemetry-Go's `trace.ParseTraceState` (used by the tail `trace_state` policy, sampling-spec
 * §2.4.11): members split on `,`, empty members skipped, key/value checked per W3C, at most 32
 * members, duplicate keys invalid. Returns the member map, or `undefined` when parsing fails.
 */
export function parseGoTraceState(ts: string): Map<string, string> | undefined {
  const members = new Map<string, string>();
  if (ts === '') return members;
  for (const raw of ts.split(',')) {
    if (raw.length === 0) continue;
    const eq = raw.indexOf('=');
    if (eq < 0) return undefined;
    const key = raw.slice(0, eq).replace(/^[ \t]+/, '');
    const value = raw.slice(eq + 1).replace(/[ \t]+$/, '');
    if (!checkKey(key) || !checkValue(value)) return undefined;
    if (members.has(key)) return undefined;
    members.set(key, value);
    if (members.size > 32) return undefined;
  }
  return members;
}

function checkValue(val: string): boolean {
  const n = val.length;
  if (n === 0 || n > 256) return false;
  for (let i = 0; i < n - 1; i++) {
    const c = val.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x2c || c === 0x3d) return false;
  }
  const c = val.charCodeAt(n - 1);
  return c > 0x20 && c < 0x7f && c !== 0x2c && c !== 0x3d;
}

const LC = /^[a-z]$/;
const LC_DIGIT = /^[a-z0-9]$/;
const REST = /^[a-z0-9_\-*/]*$/;

function checkKey(key: string): boolean {
  if (key.length === 0 || key.length > 256) return false;
  const at = key.indexOf('@');
  if (at < 0) return LC.test(key[0] ?? '') && REST.test(key.slice(1));
  const tenant = key.slice(0, at);
  const system = key.slice(at + 1);
  if (tenant.length === 0 || tenant.length > 241 || system.length === 0 || system.length > 14) return false;
  return LC_DIGIT.test(tenant[0] ?? '') && REST.test(tenant.slice(1)) && LC.test(system[0] ?? '') && REST.test(system.slice(1));
}
