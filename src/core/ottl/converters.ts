/**
 * OTTL converters (processors-spec §1.13): every ★ converter plus the common ones a trace
 * pipeline uses. Converters the preview cannot run are listed in `UNSUPPORTED_CONVERTERS` and
 * rejected at start-up with a message that says so, never silently.
 */
import type { AnyValue, Attributes } from '../telemetry/pdata';
import {
  boolLike,
  expectDuration,
  expectList,
  expectMap,
  expectString,
  expectTime,
  floatLike,
  intLike,
  stringLike,
} from './coercion';
import { md5Hex, sha1Hex, sha256Hex, utf8 } from './digests';
import { compileLiteralRegexp } from './functionHelpers';
import { opt, p, type Args, type OttlFunctionDef } from './functionTypes';
import { parseGoDurationNs } from './goDuration';
import { compareValues } from './compare';
import {
  bytesToHex,
  fromAnyValue,
  OpaqueList,
  OttlCompileError,
  OttlDuration,
  OttlRuntimeError,
  OttlTime,
  PSlice,
  type OttlValue,
} from './ottlValue';
import { base64Encode, formatFloatF, formatFloatJson } from './valueText';

const g = (a: Args, i: number) => a.getter(i);

function hashConverter(name: string, hash: (b: Uint8Array) => string): OttlFunctionDef {
  return {
    name,
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => {
      const t = g(a, 0);
      return (ctx) => {
        const v = stringLike(t(ctx));
        return v === null ? null : hash(utf8(v));
      };
    },
  };
}

function typeTest(name: string, test: (v: OttlValue) => boolean): OttlFunctionDef {
  return { name, kind: 'converter', params: [p('value', 'getter')], build: (a) => (ctx) => test(g(a, 0)(ctx)) };
}

function stringFn(name: string, f: (s: string) => OttlValue): OttlFunctionDef {
  return {
    name,
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => {
      const t = g(a, 0);
      return (ctx) => f(expectString(t(ctx)));
    },
  };
}

function durationPart(name: string, f: (ns: bigint) => OttlValue): OttlFunctionDef {
  return { name, kind: 'converter', params: [p('duration', 'getter')], build: (a) => (ctx) => f(expectDuration(g(a, 0)(ctx)).ns) };
}

function timePart(name: string, f: (ns: bigint) => OttlValue): OttlFunctionDef {
  return { name, kind: 'converter', params: [p('time', 'getter')], build: (a) => (ctx) => f(expectTime(g(a, 0)(ctx)).ns) };
}

function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

const toSnake = (s: string): string => words(s).map((w) => w.toLowerCase()).join('_');
const toCamel = (s: string): string => words(s).map((w) => (w[0] ?? '').toUpperCase() + w.slice(1).toLowerCase()).join('');

function jsonToValue(v: unknown): AnyValue {
  if (v === null) return { kind: 'empty' };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (typeof v === 'number') return { kind: 'double', value: v }; // JSON numbers → float64 (§1.13 ParseJSON)
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (Array.isArray(v)) return { kind: 'array', values: v.map(jsonToValue) };
  const m: Attributes = new Map();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, jsonToValue(x));
  return { kind: 'kvlist', values: m };
}

/** Go `fmt.Sprintf` for the verbs OTTL `Format` is used with. */
function goSprintf(format: string, values: readonly OttlValue[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*)(\d+)?(?:\.(\d+))?([%vsdfqxXtg])/g, (whole, _flags: string, width?: string, prec?: string, verb?: string) => {
    if (verb === '%') return '%';
    if (i >= values.length) return `%!${verb}(MISSING)`;
    const v = values[i++] ?? null;
    let s: string;
    switch (verb) {
      case 'd':
        s = typeof v === 'bigint' ? v.toString() : `%!d(${String(stringLike(v))})`;
        break;
      case 'f':
        s = typeof v === 'number' || typeof v === 'bigint' ? Number(v).toFixed(prec === undefined ? 6 : Number(prec)) : `%!f(${String(stringLike(v))})`;
        break;
      case 'g':
        s = typeof v === 'number' ? formatFloatF(v) : String(stringLike(v));
        break;
      case 'q':
        s = JSON.stringify(stringLike(v) ?? '<nil>');
        break;
      case 'x':
      case 'X': {
        const raw = typeof v === 'bigint' ? v.toString(16) : v instanceof Uint8Array ? bytesToHex(v) : bytesToHex(utf8(stringLike(v) ?? ''));
        s = verb === 'X' ? raw.toUpperCase() : raw;
        break;
      }
      case 't':
        s = typeof v === 'boolean' ? String(v) : `%!t(${String(stringLike(v))})`;
        break;
      default:
        s = v === null ? '<nil>' : typeof v === 'number' ? formatFloatJson(v) : (stringLike(v) ?? '<nil>');
    }
    void whole;
    return width !== undefined ? s.padStart(Number(width)) : s;
  });
}

const NS_PER = { us: 1000n, ms: 1_000_000n, s: 1_000_000_000n };

export const CONVERTERS: readonly OttlFunctionDef[] = [
  {
    name: 'IsMatch',
    kind: 'converter',
    params: [p('target', 'getter'), p('pattern', 'string')],
    build: (a) => {
      const t = g(a, 0);
      const re = compileLiteralRegexp(a.string(1));
      return (ctx) => {
        const v = stringLike(t(ctx));
        if (v === null) return false; // nil target → false (§1.13)
        re.lastIndex = 0;
        return re.test(v);
      };
    },
  },
  {
    name: 'Concat',
    kind: 'converter',
    params: [p('vals', 'getterList'), p('delimiter', 'string')],
    build: (a) => {
      const vals = a.getterList(0);
      const delim = a.string(1);
      // A nil element renders as <nil> (func_concat.go uses fmt.Sprint).
      return (ctx) => vals.map((v) => stringLike(v(ctx)) ?? '<nil>').join(delim);
    },
  },
  {
    name: 'Split',
    kind: 'converter',
    params: [p('target', 'getter'), p('delimiter', 'string')],
    build: (a) => {
      const t = g(a, 0);
      const d = a.string(1);
      return (ctx) => {
        const s = expectString(t(ctx));
        return d === '' ? [...s] : s.split(d);
      };
    },
  },
  { name: 'Int', kind: 'converter', params: [p('value', 'getter')], build: (a) => (ctx) => intLike(g(a, 0)(ctx)) },
  { name: 'Double', kind: 'converter', params: [p('value', 'getter')], build: (a) => (ctx) => floatLike(g(a, 0)(ctx)) },
  { name: 'String', kind: 'converter', params: [p('value', 'getter')], build: (a) => (ctx) => stringLike(g(a, 0)(ctx)) },
  { name: 'Bool', kind: 'converter', params: [p('value', 'getter')], build: (a) => (ctx) => boolLike(g(a, 0)(ctx)) },
  hashConverter('SHA256', sha256Hex),
  hashConverter('SHA1', sha1Hex),
  hashConverter('MD5', md5Hex),
  {
    name: 'FNV',
    kind: 'converter',
    params: [p('value', 'getter')],
    build: (a) => (ctx) => {
      const s = stringLike(g(a, 0)(ctx));
      if (s === null) return null;
      let h = 0xcbf29ce484222325n;
      for (const b of utf8(s)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
      return BigInt.asIntN(64, h);
    },
  },
  {
    name: 'Substring',
    kind: 'converter',
    params: [p('target', 'getter'), p('start', 'getter'), p('length', 'getter')],
    build: (a) => (ctx) => {
      const s = utf8(expectString(g(a, 0)(ctx)));
      const start = g(a, 1)(ctx);
      const length = g(a, 2)(ctx);
      if (typeof start !== 'bigint' || typeof length !== 'bigint') throw new OttlRuntimeError('Substring start and length must be int64');
      if (start < 0n) throw new OttlRuntimeError(`invalid start for substring function, ${start} cannot be negative`);
      if (length <= 0n) throw new OttlRuntimeError(`invalid length for substring function, ${length} cannot be negative or zero`);
      if (start + length > BigInt(s.length))
        throw new OttlRuntimeError(`invalid range for substring function, ${start + length} cannot be greater than the length of target string(${s.length})`);
      return new TextDecoder().decode(s.slice(Number(start), Number(start + length)));
    },
  },
  stringFn('ToLowerCase', (s) => s.toLowerCase()),
  stringFn('ToUpperCase', (s) => s.toUpperCase()),
  stringFn('ToSnakeCase', toSnake),
  stringFn('ToCamelCase', toCamel),
  {
    name: 'ConvertCase',
    kind: 'converter',
    params: [p('target', 'getter'), p('toCase', 'string')],
    build: (a) => {
      const mode = a.string(1);
      const f = { lower: (s: string) => s.toLowerCase(), upper: (s: string) => s.toUpperCase(), snake: toSnake, camel: toCamel }[mode];
      if (!f) throw new OttlCompileError(`invalid case: ${mode}, allowed cases are: lower, upper, snake, camel`);
      return (ctx) => {
        const v = g(a, 0)(ctx);
        return v === null ? null : f(expectString(v));
      };
    },
  },
  {
    name: 'Len',
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => (ctx) => {
      const v = g(a, 0)(ctx);
      if (typeof v === 'string') return BigInt(utf8(v).length);
      if (v instanceof Map) return BigInt(v.size);
      if (v instanceof PSlice) return BigInt(v.values.length);
      if (Array.isArray(v)) return BigInt(v.length);
      if (v instanceof OpaqueList) return BigInt(v.length);
      if (v instanceof Uint8Array) return BigInt(v.length);
      throw new OttlRuntimeError(`unsupported type for Len: ${v === null ? 'nil' : typeof v}`);
    },
  },
  typeTest('IsString', (v) => typeof v === 'string'),
  typeTest('IsInt', (v) => typeof v === 'bigint'),
  typeTest('IsDouble', (v) => typeof v === 'number'),
  typeTest('IsBool', (v) => typeof v === 'boolean'),
  typeTest('IsMap', (v) => v instanceof Map),
  typeTest('IsList', (v) => v instanceof PSlice || Array.isArray(v)),
  typeTest(
    'IsEmpty',
    (v) =>
      v === null ||
      v === '' ||
      (v instanceof Map && v.size === 0) ||
      (v instanceof PSlice && v.values.length === 0) ||
      (Array.isArray(v) && v.length === 0),
  ),
  {
    name: 'HasPrefix',
    kind: 'converter',
    params: [p('target', 'getter'), p('prefix', 'getter')],
    build: (a) => (ctx) => expectString(g(a, 0)(ctx)).startsWith(expectString(g(a, 1)(ctx))),
  },
  {
    name: 'HasSuffix',
    kind: 'converter',
    params: [p('target', 'getter'), p('suffix', 'getter')],
    build: (a) => (ctx) => expectString(g(a, 0)(ctx)).endsWith(expectString(g(a, 1)(ctx))),
  },
  {
    name: 'TrimPrefix',
    kind: 'converter',
    params: [p('target', 'getter'), p('prefix', 'getter')],
    build: (a) => (ctx) => {
      const s = expectString(g(a, 0)(ctx));
      const pre = expectString(g(a, 1)(ctx));
      return s.startsWith(pre) ? s.slice(pre.length) : s;
    },
  },
  {
    name: 'TrimSuffix',
    kind: 'converter',
    params: [p('target', 'getter'), p('suffix', 'getter')],
    build: (a) => (ctx) => {
      const s = expectString(g(a, 0)(ctx));
      const suf = expectString(g(a, 1)(ctx));
      return suf !== '' && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s;
    },
  },
  {
    name: 'Trim',
    kind: 'converter',
    params: [p('target', 'getter'), opt('replacement', 'string')],
    build: (a) => {
      const cut = a.string(1, ' ');
      return (ctx) => {
        const chars = [...expectString(g(a, 0)(ctx))];
        let s = 0;
        let e = chars.length;
        while (s < e && cut.includes(chars[s] ?? '')) s++;
        while (e > s && cut.includes(chars[e - 1] ?? '')) e--;
        return chars.slice(s, e).join('');
      };
    },
  },
  {
    name: 'ParseJSON',
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => (ctx) => {
      const s = expectString(g(a, 0)(ctx));
      let parsed: unknown;
      try {
        parsed = JSON.parse(s);
      } catch (e) {
        throw new OttlRuntimeError(`ParseJSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (parsed === null || typeof parsed !== 'object') throw new OttlRuntimeError('could not convert parsed value of type to JSON object or array');
      return fromAnyValue(jsonToValue(parsed));
    },
  },
  {
    name: 'ParseKeyValue',
    kind: 'converter',
    params: [p('target', 'getter'), opt('delimiter', 'string'), opt('pair_delimiter', 'string')],
    build: (a) => {
      const delim = a.string(1, '=');
      const pairDelim = a.string(2, ' ');
      if (delim === pairDelim) throw new OttlCompileError('pair delimiter cannot be equal to delimiter');
      return (ctx) => {
        const s = expectString(g(a, 0)(ctx));
        if (s === '') throw new OttlRuntimeError('cannot parse from empty string');
        const m: Attributes = new Map();
        for (const pair of s.split(pairDelim).filter((x) => x !== '')) {
          const at = pair.indexOf(delim);
          if (at < 0) throw new OttlRuntimeError(`cannot split "${pair}" into 2 items, got 1 item(s)`);
          const unquote = (x: string): string => x.trim().replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
          m.set(unquote(pair.slice(0, at)), { kind: 'string', value: unquote(pair.slice(at + delim.length)) });
        }
        return m;
      };
    },
  },
  {
    name: 'ExtractPatterns',
    kind: 'converter',
    params: [p('target', 'getter'), p('pattern', 'string')],
    build: (a) => {
      const re = compileLiteralRegexp(a.string(1));
      if (!/\(\?<[A-Za-z]/.test(re.source)) throw new OttlCompileError('at least 1 named capture group must be supplied in the given regex');
      return (ctx) => {
        re.lastIndex = 0;
        const m = re.exec(expectString(g(a, 0)(ctx)));
        const out: Attributes = new Map();
        for (const [k, v] of Object.entries(m?.groups ?? {})) if (v !== undefined) out.set(k, { kind: 'string', value: v });
        return out;
      };
    },
  },
  {
    name: 'Format',
    kind: 'converter',
    params: [p('format', 'string'), p('vals', 'getterList')],
    build: (a) => {
      const f = a.string(0);
      const vals = a.getterList(1);
      return (ctx) => goSprintf(f, vals.map((v) => v(ctx)));
    },
  },
  {
    name: 'Keys',
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => (ctx) => [...expectMap(g(a, 0)(ctx)).keys()],
  },
  {
    name: 'Values',
    kind: 'converter',
    params: [p('target', 'getter')],
    build: (a) => (ctx) => [...expectMap(g(a, 0)(ctx)).values()].map(fromAnyValue),
  },
  {
    name: 'Index',
    kind: 'converter',
    params: [p('target', 'getter'), p('value', 'getter')],
    build: (a) => (ctx) => {
      const t = g(a, 0)(ctx);
      const v = g(a, 1)(ctx);
      if (typeof t === 'string') return BigInt(t.indexOf(expectString(v)));
      return BigInt(expectList(t).findIndex((x) => compareValues(x, '==', v)));
    },
  },
  {
    name: 'ContainsValue',
    kind: 'converter',
    params: [p('target', 'getter'), p('item', 'getter')],
    build: (a) => (ctx) => {
      const item = g(a, 1)(ctx);
      return expectList(g(a, 0)(ctx)).some((x) => compareValues(x, '==', item));
    },
  },
  {
    name: 'Coalesce',
    kind: 'converter',
    params: [p('values', 'getterList')],
    build: (a) => (ctx) => {
      for (const v of a.getterList(0)) {
        const x = v(ctx);
        if (x !== null) return x;
      }
      return null;
    },
  },
  {
    name: 'Sort',
    kind: 'converter',
    params: [p('target', 'getter'), opt('order', 'string')],
    build: (a) => {
      const order = a.string(1, 'asc');
      if (order !== 'asc' && order !== 'desc') throw new OttlCompileError(`invalid arguments: ${order}. Order should be either "asc" or "desc"`);
      return (ctx) => {
        const items = [...expectList(g(a, 0)(ctx))];
        items.sort((x, y) => (compareValues(x, '<', y) ? -1 : compareValues(x, '>', y) ? 1 : 0));
        return order === 'desc' ? items.reverse() : items;
      };
    },
  },
  {
    name: 'TraceID',
    kind: 'converter',
    params: [p('bytes', 'getter')],
    build: (a) => (ctx) => {
      const b = g(a, 0)(ctx);
      if (!(b instanceof Uint8Array) || b.length !== 16) throw new OttlRuntimeError('traces ids must be 16 bytes');
      return b;
    },
  },
  {
    name: 'SpanID',
    kind: 'converter',
    params: [p('bytes', 'getter')],
    build: (a) => (ctx) => {
      const b = g(a, 0)(ctx);
      if (!(b instanceof Uint8Array) || b.length !== 8) throw new OttlRuntimeError('span ids must be 8 bytes');
      return b;
    },
  },
  {
    name: 'IsRootSpan',
    kind: 'converter',
    params: [],
    contexts: ['span', 'spanevent'],
    build: () => (ctx) => {
      const span = ctx.span;
      if (!span) throw new OttlRuntimeError('IsRootSpan needs a span');
      return span.parentSpanId === '' || /^0+$/.test(span.parentSpanId);
    },
  },
  {
    name: 'Duration',
    kind: 'converter',
    params: [p('duration', 'getter')],
    build: (a) => (ctx) => {
      const s = expectString(g(a, 0)(ctx));
      const ns = parseGoDurationNs(s);
      if (typeof ns !== 'bigint') throw new OttlRuntimeError(ns.error);
      return new OttlDuration(ns);
    },
  },
  durationPart('Nanoseconds', (ns) => ns),
  durationPart('Microseconds', (ns) => ns / NS_PER.us),
  durationPart('Milliseconds', (ns) => ns / NS_PER.ms),
  durationPart('Seconds', (ns) => Number(ns) / 1e9),
  durationPart('Minutes', (ns) => Number(ns) / 6e10),
  durationPart('Hours', (ns) => Number(ns) / 3.6e12),
  timePart('UnixNano', (ns) => ns),
  timePart('UnixMicro', (ns) => ns / NS_PER.us),
  timePart('UnixMilli', (ns) => ns / NS_PER.ms),
  timePart('UnixSeconds', (ns) => ns / NS_PER.s),
  {
    name: 'Unix',
    kind: 'converter',
    params: [p('seconds', 'getter'), opt('nanoseconds', 'getter')],
    build: (a) => {
      const nsGetter = a.optionalGetter(1);
      return (ctx) => {
        const s = g(a, 0)(ctx);
        const n = nsGetter ? nsGetter(ctx) : 0n;
        if (typeof s !== 'bigint' || typeof n !== 'bigint') throw new OttlRuntimeError('Unix expects int64 arguments');
        return new OttlTime(s * NS_PER.s + n);
      };
    },
  },
  {
    name: 'Hex',
    kind: 'converter',
    params: [p('value', 'getter')],
    build: (a) => (ctx) => {
      const v = g(a, 0)(ctx);
      if (v instanceof Uint8Array) return bytesToHex(v);
      if (typeof v === 'bigint') {
        const b = new DataView(new ArrayBuffer(8));
        b.setBigInt64(0, v, false);
        return bytesToHex(new Uint8Array(b.buffer));
      }
      if (typeof v === 'number') {
        const b = new DataView(new ArrayBuffer(8));
        b.setFloat64(0, v, false);
        return bytesToHex(new Uint8Array(b.buffer));
      }
      if (typeof v === 'boolean') return v ? '01' : '00';
      return bytesToHex(utf8(stringLike(v) ?? ''));
    },
  },
  {
    name: 'Base64Encode',
    kind: 'converter',
    params: [p('value', 'getter'), opt('variant', 'string')],
    build: (a) => {
      const variant = a.string(1, 'base64');
      if (!['base64', 'base64-raw', 'base64-url', 'base64-raw-url'].includes(variant)) throw new OttlCompileError(`unsupported base64 variant: ${variant}`);
      return (ctx) => {
        let s = base64Encode(utf8(expectString(g(a, 0)(ctx))));
        if (variant.includes('url')) s = s.replace(/\+/g, '-').replace(/\//g, '_');
        if (variant.includes('raw')) s = s.replace(/=+$/, '');
        return s;
      };
    },
  },
  {
    name: 'Log',
    kind: 'converter',
    params: [p('value', 'getter')],
    build: (a) => (ctx) => {
      const f = floatLike(g(a, 0)(ctx));
      if (f === null) throw new OttlRuntimeError('Log expects a number');
      if (f <= 0) throw new OttlRuntimeError(`value ${f} must be greater than zero`);
      return Math.log(f);
    },
  },

];

/** Converters of the newest Collector that the preview does not run (rejected with this reason). */
export const UNSUPPORTED_CONVERTERS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'SHA512',
    'Murmur3Hash',
    'Murmur3Hash128',
    'XXH3',
    'XXH128',
    'ParseCSV',
    'ParseXML',
    'ParseSimplifiedXML',
    'GetXML',
    'InsertXML',
    'RemoveXML',
    'ConvertAttributesToElementsXML',
    'ConvertTextToElementsXML',
    'ExtractGrokPatterns',
    'ToKeyValueString',
    'SliceToMap',
    'ProfileID',
    'Time',
    'FormatTime',
    'TruncateTime',
    'Now',
    'Year',
    'Month',
    'Day',
    'Weekday',
    'Hour',
    'Minute',
    'Second',
    'Nanosecond',
    'Decode',
    'Base64Decode',
    'UUID',
    'UUIDv7',
    'URL',
    'UserAgent',
    'IsInCIDR',
    'CommunityID',
    'IsValidLuhn',
    'ParseInt',
    'ParseSeverity',
    'All',
    'Any',
    'When',
    'Filter',
    'Find',
    'MapEach',
    'MapKeys',
    'Reduce',
  ].map((n) => [n, `converter ${n} is not supported in the preview (it exists in the Collector)`]),
);
