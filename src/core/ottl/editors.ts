/**
 * OTTL editors (processors-spec §1.12). Each mutates telemetry through a path or a map getter
 * and returns nil.
 */
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { expectMap, expectString } from './coercion';
import { compileLiteralRegexp } from './functionHelpers';
import { opt, p, type Args, type OttlFunctionDef } from './functionTypes';
import { goReplaceAll } from './goRegexp';
import { cloneAnyValue, OttlCompileError, OttlRuntimeError, PSlice, toAnyValue, type OttlValue } from './ottlValue';
import type { OttlTraceContext } from './ottlContext';

function mapOf(a: Args, ctx: OttlTraceContext): Attributes {
  return expectMap(a.getter(0)(ctx));
}

function replaceWith(map: Attributes, entries: [string, AnyValue][]): void {
  map.clear();
  for (const [k, v] of entries) map.set(k, v);
}

/** Apply the optional `function` and `format` arguments of replace_* to an expanded replacement. */
function replacementTransform(a: Args, fnIndex: number, ctx: OttlTraceContext): ((s: string) => string) | undefined {
  const fn = a.fn1(fnIndex);
  const formatGetter = a.optionalGetter(fnIndex + 1);
  if (!fn) return undefined;
  const format = formatGetter ? expectString(formatGetter(ctx)) : undefined;
  if (format !== undefined && (format.match(/%s/g) ?? []).length !== 1) throw new OttlRuntimeError('replacementFormat must be format string containing a single %s');
  return (s) => {
    const hashed = fn(s);
    if (typeof hashed !== 'string') throw new OttlRuntimeError('replacement function must return a string');
    return format === undefined ? hashed : format.replace('%s', hashed);
  };
}

/** Cut a string to at most `limit` UTF-8 bytes, never inside a multi-byte sequence when `safe`. */
function truncateUtf8(s: string, limit: number, safe: boolean, marker: string): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= limit) return s;
  let cut = limit - new TextEncoder().encode(marker).length;
  if (safe) while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return new TextDecoder().decode(bytes.slice(0, cut)) + marker;
}

export const EDITORS: readonly OttlFunctionDef[] = [
  {
    name: 'set',
    kind: 'editor',
    params: [p('target', 'getSetter'), p('value', 'getter')],
    build: (a, env) => {
      const target = a.getSetter(0);
      const value = a.getter(1);
      return (ctx) => {
        const v = value(ctx);
        // Gate ottl.set.allowNil off: a nil value is a no-op; on: the nil is written (§1.12).
        if (v === null && !env.allowNil) return null;
        target.set(ctx, v);
        return null;
      };
    },
  },
  {
    name: 'delete_key',
    kind: 'editor',
    params: [p('target', 'getter'), p('key', 'string')],
    build: (a) => {
      const key = a.string(1);
      return (ctx) => {
        mapOf(a, ctx).delete(key);
        return null;
      };
    },
  },
  {
    name: 'delete_matching_keys',
    kind: 'editor',
    params: [p('target', 'getter'), p('pattern', 'string')],
    build: (a) => {
      const re = compileLiteralRegexp(a.string(1));
      return (ctx) => {
        const m = mapOf(a, ctx);
        for (const k of [...m.keys()]) if (re.test(k)) m.delete(k);
        return null;
      };
    },
  },
  {
    name: 'keep_keys',
    kind: 'editor',
    params: [p('target', 'getter'), p('keys', 'stringList')],
    build: (a) => {
      const keys = new Set(a.stringList(1));
      return (ctx) => {
        const m = mapOf(a, ctx);
        for (const k of [...m.keys()]) if (!keys.has(k)) m.delete(k);
        return null;
      };
    },
  },
  {
    name: 'keep_matching_keys',
    kind: 'editor',
    params: [p('target', 'getter'), p('pattern', 'string')],
    build: (a) => {
      const re = compileLiteralRegexp(a.string(1));
      return (ctx) => {
        const m = mapOf(a, ctx);
        for (const k of [...m.keys()]) if (!re.test(k)) m.delete(k);
        return null;
      };
    },
  },
  {
    name: 'truncate_all',
    kind: 'editor',
    params: [p('target', 'getter'), p('limit', 'int'), opt('utf8_safe', 'bool'), opt('truncation_marker', 'string')],
    build: (a) => {
      const limit = a.int(1);
      if (limit < 0n) throw new OttlCompileError(`invalid limit for truncate_all function, ${limit} cannot be negative`);
      const safe = a.bool(2, true);
      const marker = a.string(3, '');
      if (new TextEncoder().encode(marker).length > Number(limit)) throw new OttlCompileError('truncation marker cannot be longer than the limit');
      return (ctx) => {
        const m = mapOf(a, ctx);
        for (const [k, v] of m) if (v.kind === 'string') m.set(k, { kind: 'string', value: truncateUtf8(v.value, Number(limit), safe, marker) });
        return null;
      };
    },
  },
  {
    name: 'limit',
    kind: 'editor',
    params: [p('target', 'getter'), p('limit', 'int'), p('priority_keys', 'stringList')],
    build: (a) => {
      const limit = a.int(1);
      const priority = a.stringList(2);
      if (limit < 0n) throw new OttlCompileError(`invalid limit for limit function, ${limit} cannot be negative`);
      if (limit < BigInt(priority.length))
        throw new OttlCompileError(`invalid limit for limit function, ${limit} cannot be less than number of priority attributes ${priority.length}`);
      return (ctx) => {
        const m = mapOf(a, ctx);
        if (BigInt(m.size) <= limit) return null;
        const keep = new Set<string>();
        for (const k of priority) if (m.has(k) && BigInt(keep.size) < limit) keep.add(k);
        for (const k of m.keys()) if (BigInt(keep.size) < limit) keep.add(k);
        for (const k of [...m.keys()]) if (!keep.has(k)) m.delete(k);
        return null;
      };
    },
  },
  {
    name: 'replace_pattern',
    kind: 'editor',
    params: [p('target', 'getSetter'), p('regex', 'string'), p('replacement', 'getter'), opt('function', 'function'), opt('replacementFormat', 'getter')],
    build: (a) => {
      const target = a.getSetter(0);
      const re = compileLiteralRegexp(a.string(1), true);
      const replacement = a.getter(2);
      return (ctx) => {
        const v = target.get(ctx);
        if (typeof v !== 'string') return null;
        const out = goReplaceAll(re, v, expectString(replacement(ctx)), replacementTransform(a, 3, ctx));
        if (out !== v) target.set(ctx, out);
        return null;
      };
    },
  },
  {
    name: 'replace_all_patterns',
    kind: 'editor',
    params: [
      p('target', 'getter'),
      p('mode', 'string'),
      p('regex', 'string'),
      p('replacement', 'getter'),
      opt('function', 'function'),
      opt('replacementFormat', 'getter'),
    ],
    build: (a) => {
      const mode = a.string(1);
      if (mode !== 'key' && mode !== 'value') throw new OttlCompileError(`invalid mode ${mode}, must be either 'key' or 'value'`);
      const re = compileLiteralRegexp(a.string(2), true);
      const replacement = a.getter(3);
      return (ctx) => {
        const m = mapOf(a, ctx);
        const repl = expectString(replacement(ctx));
        const transform = replacementTransform(a, 4, ctx);
        if (mode === 'value') {
          for (const [k, v] of m) if (v.kind === 'string') m.set(k, { kind: 'string', value: goReplaceAll(re, v.value, repl, transform) });
          return null;
        }
        const kept: [string, AnyValue][] = [];
        const renamed: [string, AnyValue][] = [];
        for (const [k, v] of m) {
          re.lastIndex = 0;
          if (re.test(k)) renamed.push([goReplaceAll(re, k, repl, transform), v]);
          else kept.push([k, v]);
        }
        // A renamed key is removed and put again, so it moves to the end (the Go test
        // behind transform/replace_all_patterns/key-mode asserts that order); a duplicate
        // name overwrites the earlier value.
        const merged = new Map<string, AnyValue>(kept);
        for (const [k, v] of renamed) {
          merged.delete(k);
          merged.set(k, v);
        }
        replaceWith(m, [...merged.entries()]);
        return null;
      };
    },
  },
  {
    name: 'replace_match',
    kind: 'editor',
    params: [p('target', 'getSetter'), p('pattern', 'string'), p('replacement', 'getter'), opt('function', 'function'), opt('replacementFormat', 'getter')],
    build: (a) => {
      const target = a.getSetter(0);
      const glob = globToRegExp(a.string(1));
      const replacement = a.getter(2);
      return (ctx) => {
        const v = target.get(ctx);
        if (typeof v !== 'string' || !glob.test(v)) return null;
        const repl = expectString(replacement(ctx));
        const t = replacementTransform(a, 3, ctx);
        target.set(ctx, t ? t(repl) : repl);
        return null;
      };
    },
  },
  {
    name: 'replace_all_matches',
    kind: 'editor',
    params: [p('target', 'getter'), p('pattern', 'string'), p('replacement', 'getter'), opt('function', 'function'), opt('replacementFormat', 'getter')],
    build: (a) => {
      const glob = globToRegExp(a.string(1));
      const replacement = a.getter(2);
      return (ctx) => {
        const m = mapOf(a, ctx);
        const repl = expectString(replacement(ctx));
        const t = replacementTransform(a, 3, ctx);
        for (const [k, v] of m) if (v.kind === 'string' && glob.test(v.value)) m.set(k, { kind: 'string', value: t ? t(repl) : repl });
        return null;
      };
    },
  },
  {
    name: 'merge_maps',
    kind: 'editor',
    params: [p('target', 'getter'), p('source', 'getter'), p('strategy', 'string')],
    build: (a) => {
      const strategy = a.string(2);
      if (!['insert', 'update', 'upsert'].includes(strategy)) throw new OttlCompileError(`invalid value for strategy, ${strategy}, must be 'insert', 'update' or 'upsert'`);
      return (ctx) => {
        const target = mapOf(a, ctx);
        const source = expectMap(a.getter(1)(ctx));
        for (const [k, v] of source) {
          const present = target.has(k);
          if ((strategy === 'insert' && !present) || (strategy === 'update' && present) || strategy === 'upsert') target.set(k, cloneAnyValue(v));
        }
        return null;
      };
    },
  },
  {
    name: 'flatten',
    kind: 'editor',
    params: [p('target', 'getter'), opt('prefix', 'string'), opt('depth', 'int'), opt('resolveConflicts', 'bool')],
    build: (a) => {
      const prefix = a.string(1, '');
      const depth = a.has(2) ? Number(a.int(2)) : Number.MAX_SAFE_INTEGER;
      if (depth < 0) throw new OttlCompileError('invalid depth for flatten function, it cannot be negative');
      const resolve = a.bool(3, false);
      return (ctx) => {
        const m = mapOf(a, ctx);
        const out: [string, AnyValue][] = [];
        const seen = new Map<string, number>();
        const put = (k: string, v: AnyValue): void => {
          let key = k;
          if (resolve && seen.has(k)) {
            let n = seen.get(k) ?? 0;
            do key = `${k}.${n++}`;
            while (seen.has(key));
            seen.set(k, n);
          }
          seen.set(key, seen.get(key) ?? 0);
          const i = out.findIndex(([x]) => x === key);
          if (i >= 0) out[i] = [key, v];
          else out.push([key, v]);
        };
        const walk = (key: string, v: AnyValue, level: number): void => {
          if (v.kind === 'kvlist' && level < depth) for (const [k, x] of v.values) walk(`${key}.${k}`, x, level + 1);
          else if (v.kind === 'array' && level < depth) v.values.forEach((x, i) => walk(`${key}.${i}`, x, level + 1));
          else put(key, v);
        };
        for (const [k, v] of m) walk(prefix ? `${prefix}.${k}` : k, v, 0);
        replaceWith(m, out);
        return null;
      };
    },
  },
  {
    name: 'append',
    kind: 'editor',
    params: [p('target', 'getSetter'), opt('value', 'getter'), opt('values', 'getterList')],
    build: (a) => {
      const target = a.getSetter(0);
      const single = a.optionalGetter(1);
      const many = a.has(2) ? a.getterList(2) : [];
      if (!single && many.length === 0) throw new OttlCompileError('at least one of the optional arguments ("value" or "values") must be provided');
      return (ctx) => {
        const cur = target.get(ctx);
        const items: AnyValue[] = cur === null ? [] : cur instanceof PSlice ? cur.values.map(cloneAnyValue) : Array.isArray(cur) ? cur.map(toAnyValue) : [toAnyValue(cur)];
        const add: OttlValue[] = [...(single ? [single(ctx)] : []), ...many.map((m) => m(ctx))];
        for (const v of add) items.push(toAnyValue(v));
        target.set(ctx, new PSlice(items));
        return null;
      };
    },
  },
  {
    name: 'delete_index',
    kind: 'editor',
    params: [p('target', 'getSetter'), p('startIndex', 'getter'), opt('endIndex', 'getter')],
    build: (a) => {
      const target = a.getSetter(0);
      return (ctx) => {
        const cur = target.get(ctx);
        if (!(cur instanceof PSlice)) throw new OttlRuntimeError('delete_index target must be a slice');
        const start = a.getter(1)(ctx);
        const end = a.has(2) ? a.getter(2)(ctx) : typeof start === 'bigint' ? start + 1n : null;
        if (typeof start !== 'bigint' || typeof end !== 'bigint') throw new OttlRuntimeError('delete_index indexes must be int64');
        if (start < 0n || end > BigInt(cur.values.length) || start > end) throw new OttlRuntimeError(`invalid range [${start}, ${end})`);
        cur.values.splice(Number(start), Number(end - start));
        return null;
      };
    },
  },
];

/** `filepath.Match` glob as an anchored RegExp. */
function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) throw new OttlCompileError(`syntax error in pattern ${glob}`);
      out += `[${glob.slice(i + 1, end).replace(/^\^/, '^').replace(/^!/, '^')}]`;
      i = end;
    } else if (c === '\\') {
      out += `\\${glob[i + 1] ?? '\\'}`;
      i++;
    } else out += c.replace(/[.+^${}()|\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}
