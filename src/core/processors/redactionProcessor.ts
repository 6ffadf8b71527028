/**
 * redaction processor (processors-spec §3.5): on resource, span and span-event attributes,
 * delete keys not allowed, mask blocked keys and values, and optionally write a summary.
 * With the default config every attribute is deleted (delete-by-default).
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { Attributes } from '../telemetry/pdata';
import { md5Hex, sha1Hex, utf8 } from '../ottl/digests';
import { compileGoRegexp } from '../ottl/goRegexp';
import { anyValueAsString } from '../ottl/valueText';
import { boolField, configObject, stringField, stringListField } from './configReader';
import { statelessProcessor } from './statelessProcessor';

const MASK = '****';

/** Build a redaction processor. */
export function createRedactionProcessor(id: string, config: unknown): TracesComponent {
  const o = configObject(id, config);
  const allowAll = boolField(id, o, 'allow_all_keys', false);
  const allowed = new Set(stringListField(id, o, 'allowed_keys'));
  const ignored = new Set(stringListField(id, o, 'ignored_keys'));
  const regexps = (key: string, global: boolean): RegExp[] =>
    stringListField(id, o, key).map((p) => {
      const r = compileGoRegexp(p, global);
      if (!r.ok) throw new ComponentConfigError(id, `error compiling regex in ${key}: ${r.error}`);
      return r.re;
    });
  const blockedKeys = regexps('blocked_key_patterns', false);
  const blockedValues = regexps('blocked_values', true);
  const allowedValues = regexps('allowed_values', false);
  const hashName = stringField(id, o, 'hash_function', '').toLowerCase();
  const hashes: Record<string, ((s: string) => string) | undefined> = {
    '': undefined,
    md5: (s) => md5Hex(utf8(s)),
    sha1: (s) => sha1Hex(utf8(s)),
  };
  if (hashName === 'sha3') throw new ComponentConfigError(id, 'hash_function sha3 is not supported in the preview');
  if (!(hashName in hashes)) throw new ComponentConfigError(id, `unknown hash_function "${hashName}"`);
  const hash = hashes[hashName];
  const mask = (s: string): string => (hash ? hash(s) : MASK);
  const summary = stringField(id, o, 'summary', '').toLowerCase();
  const redactAllTypes = boolField(id, o, 'redact_all_types', false);

  const addSummary = (attrs: Attributes, keys: string[], keysAttr: string, countAttr: string): void => {
    if (keys.length === 0) return;
    if (summary === 'debug') {
      const existing = attrs.get(keysAttr);
      const all = existing?.kind === 'string' && existing.value !== '' ? [...keys, ...existing.value.split(',')] : [...keys];
      all.sort();
      attrs.set(keysAttr, { kind: 'string', value: all.join(',') });
    }
    if (summary === 'debug' || summary === 'info') {
      const existing = attrs.get(countAttr);
      attrs.set(countAttr, { kind: 'int', value: BigInt(keys.length) + (existing?.kind === 'int' ? existing.value : 0n) });
    }
  };

  const processAttrs = (attrs: Attributes): void => {
    const redacted: string[] = [];
    const masked: string[] = [];
    const allowedKeys: string[] = [];
    const ignoredKeys: string[] = [];
    for (const [k, v] of [...attrs]) {
      if (ignored.has(k)) {
        ignoredKeys.push(k);
        continue;
      }
      if (!allowAll && !allowed.has(k)) {
        redacted.push(k);
        continue;
      }
      const text = v.kind === 'string' ? v.value : redactAllTypes ? anyValueAsString(v) : '';
      if (allowedValues.some((re) => re.test(text))) {
        allowedKeys.push(k);
        continue;
      }
      if (blockedKeys.some((re) => re.test(k))) {
        attrs.set(k, { kind: 'string', value: mask(text) });
        masked.push(k);
        continue;
      }
      let out = text;
      for (const re of blockedValues) {
        re.lastIndex = 0;
        out = out.replace(re, (m) => mask(m));
      }
      if (out !== text) {
        attrs.set(k, { kind: 'string', value: out });
        masked.push(k);
      }
    }
    for (const k of redacted) attrs.delete(k);
    addSummary(attrs, redacted, 'redaction.redacted.keys', 'redaction.redacted.count');
    addSummary(attrs, masked, 'redaction.masked.keys', 'redaction.masked.count');
    addSummary(attrs, allowedKeys, 'redaction.allowed.keys', 'redaction.allowed.count');
    addSummary(attrs, ignoredKeys, 'redaction.ignored.keys', 'redaction.ignored.count');
  };

  return statelessProcessor(id, (data) => {
    for (const rs of data.resourceSpans) {
      processAttrs(rs.resource.attributes);
      for (const ss of rs.scopeSpans)
        for (const span of ss.spans) {
          processAttrs(span.attributes);
          for (const ev of span.events) processAttrs(ev.attributes);
        }
    }
    return { data };
  });
}
