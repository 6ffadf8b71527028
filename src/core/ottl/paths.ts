/**
 * Path resolution for the trace contexts (processors-spec §1.7): turns `span.attributes["k"]`,
 * `resource.schema_url`, `spanevent.name`, … into a getter and (where the Collector allows it) a
 * setter. Unknown paths are start-up errors (§1.9).
 */
import type { PathSegment } from './ast';
import type { Attributes, ResourceSpans, ScopeSpans, Span, SpanEvent, SpanKind, StatusCode } from '../telemetry/pdata';
import { SPAN_KIND_NAMES } from '../telemetry/pdata';
import { indexChain, indexValue, setMapValue } from './indexing';
import { CONTEXT_DEPTH, type OttlContextName, type OttlTraceContext } from './ottlContext';
import {
  bytesToHex,
  hexToBytes,
  OpaqueList,
  OttlCompileError,
  OttlRuntimeError,
  OttlTime,
  toAnyValue,
  typeNameOf,
  type OttlValue,
} from './ottlValue';

export type Getter = (ctx: OttlTraceContext) => OttlValue;
export type Setter = (ctx: OttlTraceContext, value: OttlValue) => void;

export interface PathAccessor {
  readonly get: Getter;
  /** Absent for read-only paths. */
  readonly set?: Setter;
  /** The context the path belongs to (its prefix, or the statement's context). */
  readonly context: OttlContextName;
}

const PREFIXES: Readonly<Record<string, OttlContextName>> = {
  resource: 'resource',
  scope: 'scope',
  instrumentation_scope: 'scope',
  span: 'span',
  spanevent: 'spanevent',
};

/** The context prefix of a path, if its first segment names one (§1.7). */
export function pathPrefix(segments: readonly PathSegment[]): OttlContextName | undefined {
  const first = segments[0];
  if (!first || segments.length < 2 || first.keys.length > 0) return undefined;
  return PREFIXES[first.name];
}

export interface PathOptions {
  /** The statement's context. */
  readonly context: OttlContextName;
  /** Flat / inferred forms: every path must carry a context prefix (§1.7, §1.11). */
  readonly requirePrefix: boolean;
}

/** Resolve a path; `keyGetters` are the compiled keys of each segment, in order. */
export function compilePath(
  segments: readonly PathSegment[],
  keyGetters: readonly (readonly Getter[])[],
  options: PathOptions,
): PathAccessor {
  const text = segments.map((s) => s.name).join('.');
  const prefix = pathPrefix(segments);
  let fields = segments;
  let keys = keyGetters;
  let context = options.context;
  if (prefix) {
    context = prefix;
    fields = segments.slice(1);
    keys = keyGetters.slice(1);
  } else if (options.requirePrefix) {
    throw new OttlCompileError(
      `missing context name for path "${text}", valid options are: "resource", "scope", "span", "spanevent"`,
    );
  }
  if (CONTEXT_DEPTH[context] > CONTEXT_DEPTH[options.context]) {
    throw new OttlCompileError(`path "${text}" of context "${context}" is not valid in the "${options.context}" context`);
  }
  const resolved = resolveField(context, fields, keys, text);
  return { ...resolved, context };
}

type Accessor = { get: Getter; set?: Setter };

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new OttlRuntimeError(`no ${what} in this context`);
  return v;
}

const rs = (ctx: OttlTraceContext): ResourceSpans => ctx.resourceSpans;
const ss = (ctx: OttlTraceContext): ScopeSpans => need(ctx.scopeSpans, 'scope');
const sp = (ctx: OttlTraceContext): Span => need(ctx.span, 'span');
const ev = (ctx: OttlTraceContext): SpanEvent => need(ctx.spanEvent, 'span event');

function resolveField(
  context: OttlContextName,
  fields: readonly PathSegment[],
  keys: readonly (readonly Getter[])[],
  text: string,
): Accessor {
  const [head, sub, ...extra] = fields;
  if (!head) throw new OttlCompileError(`invalid path "${text}"`);
  const headKeys = keys[0] ?? [];
  const unknown = (): never => {
    throw new OttlCompileError(
      `segment "${fields.map((f) => f.name).join('.')}" from path "${text}" is not a valid path for the ${context} context`,
    );
  };
  const noKeys = (): void => {
    if (headKeys.length > 0 || (sub && (keys[1]?.length ?? 0) > 0)) throw new OttlCompileError(`path "${text}" cannot be indexed`);
  };
  if (extra.length > 0) unknown();

  // Map-valued fields shared by every context: attributes and cache.
  const mapField = (map: (ctx: OttlTraceContext) => Attributes): Accessor => {
    if (sub) unknown();
    return mapAccessor(map, headKeys);
  };
  if (head.name === 'cache') return mapField((ctx) => ctx.cache);

  switch (context) {
    case 'resource':
      switch (head.name) {
        case 'attributes':
          return mapField((ctx) => rs(ctx).resource.attributes);
        case 'dropped_attributes_count':
          noKeys();
          if (sub) unknown();
          return intField((ctx) => rs(ctx).resource.droppedAttributesCount, (ctx, v) => (rs(ctx).resource.droppedAttributesCount = v));
        case 'schema_url':
          noKeys();
          if (sub) unknown();
          return stringField((ctx) => rs(ctx).schemaUrl, (ctx, v) => (rs(ctx).schemaUrl = v));
      }
      return unknown();
    case 'scope':
      switch (head.name) {
        case 'attributes':
          return mapField((ctx) => ss(ctx).scope.attributes);
        case 'name':
          noKeys();
          if (sub) unknown();
          return stringField((ctx) => ss(ctx).scope.name, (ctx, v) => (ss(ctx).scope.name = v));
        case 'version':
          noKeys();
          if (sub) unknown();
          return stringField((ctx) => ss(ctx).scope.version, (ctx, v) => (ss(ctx).scope.version = v));
        case 'dropped_attributes_count':
          noKeys();
          if (sub) unknown();
          return intField((ctx) => ss(ctx).scope.droppedAttributesCount, (ctx, v) => (ss(ctx).scope.droppedAttributesCount = v));
        case 'schema_url':
          noKeys();
          if (sub) unknown();
          return stringField((ctx) => ss(ctx).schemaUrl, (ctx, v) => (ss(ctx).schemaUrl = v));
      }
      return unknown();
    case 'span':
      return spanField(head, sub, headKeys, noKeys, unknown);
    case 'spanevent':
      switch (head.name) {
        case 'attributes':
          return mapField((ctx) => ev(ctx).attributes);
        case 'name':
          noKeys();
          if (sub) unknown();
          return stringField((ctx) => ev(ctx).name, (ctx, v) => (ev(ctx).name = v));
        case 'time_unix_nano':
          noKeys();
          if (sub) unknown();
          return bigintField((ctx) => ev(ctx).timeUnixNano, (ctx, v) => (ev(ctx).timeUnixNano = v));
        case 'time':
          noKeys();
          if (sub) unknown();
          return timeField((ctx) => ev(ctx).timeUnixNano, (ctx, v) => (ev(ctx).timeUnixNano = v));
        case 'dropped_attributes_count':
          noKeys();
          if (sub) unknown();
          return intField((ctx) => ev(ctx).droppedAttributesCount, (ctx, v) => (ev(ctx).droppedAttributesCount = v));
        case 'event_index':
          noKeys();
          if (sub) unknown();
          return { get: (ctx) => BigInt(need(ctx.eventIndex, 'span event')) };
      }
      return unknown();
  }
}

const KIND_STRINGS = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'] as const;

function spanField(
  head: PathSegment,
  sub: PathSegment | undefined,
  headKeys: readonly Getter[],
  noKeys: () => void,
  unknown: () => never,
): Accessor {
  switch (head.name) {
    case 'attributes':
      if (sub) unknown();
      return mapAccessor((ctx) => sp(ctx).attributes, headKeys);
    case 'name':
      noKeys();
      if (sub) unknown();
      return stringField((ctx) => sp(ctx).name, (ctx, v) => (sp(ctx).name = v));
    case 'kind':
      noKeys();
      if (!sub)
        return {
          get: (ctx) => BigInt(sp(ctx).kind),
          set: (ctx, v) => {
            if (typeof v !== 'bigint') throw new OttlRuntimeError(`span.kind expects an int64 but got ${typeNameOf(v)}`);
            if (v < 0n || v > 5n) throw new OttlRuntimeError(`invalid span kind ${v}`);
            sp(ctx).kind = Number(v) as SpanKind;
          },
        };
      if (sub.name === 'string' || sub.name === 'deprecated_string') {
        const names: readonly string[] = sub.name === 'string' ? KIND_STRINGS : SPAN_KIND_NAMES;
        return {
          get: (ctx) => names[sp(ctx).kind] ?? '',
          set: (ctx, v) => {
            const i = typeof v === 'string' ? names.indexOf(v) : -1;
            if (i < 0) throw new OttlRuntimeError(`unknown span kind ${typeof v === 'string' ? v : typeNameOf(v)}`);
            sp(ctx).kind = i as SpanKind;
          },
        };
      }
      return unknown();
    case 'status':
      noKeys();
      if (sub?.name === 'code')
        return {
          get: (ctx) => BigInt(sp(ctx).status.code),
          set: (ctx, v) => {
            const code = v === null ? 0n : v;
            if (typeof code !== 'bigint') throw new OttlRuntimeError(`span.status.code expects an int64 but got ${typeNameOf(v)}`);
            if (code < 0n || code > 2n) throw new OttlRuntimeError(`invalid status code ${code}`);
            sp(ctx).status.code = Number(code) as StatusCode; // the message is untouched (§1.7)
          },
        };
      if (sub?.name === 'message') return stringField((ctx) => sp(ctx).status.message, (ctx, v) => (sp(ctx).status.message = v));
      if (!sub) throw new OttlCompileError('the path span.status (status object) is not supported in the preview; use span.status.code');
      return unknown();
    case 'trace_id':
      noKeys();
      return idField(16, sub, unknown, (ctx) => sp(ctx).traceId, (ctx, v) => (sp(ctx).traceId = v));
    case 'span_id':
      noKeys();
      return idField(8, sub, unknown, (ctx) => sp(ctx).spanId, (ctx, v) => (sp(ctx).spanId = v));
    case 'parent_span_id':
      noKeys();
      return idField(8, sub, unknown, (ctx) => sp(ctx).parentSpanId, (ctx, v) => (sp(ctx).parentSpanId = v));
    case 'trace_state':
      if (sub) unknown();
      if (headKeys.length === 0) return stringField((ctx) => sp(ctx).traceState, (ctx, v) => (sp(ctx).traceState = v));
      return traceStateEntry(headKeys);
    case 'start_time_unix_nano':
      noKeys();
      if (sub) unknown();
      return bigintField((ctx) => sp(ctx).startTimeUnixNano, (ctx, v) => (sp(ctx).startTimeUnixNano = v));
    case 'end_time_unix_nano':
      noKeys();
      if (sub) unknown();
      return bigintField((ctx) => sp(ctx).endTimeUnixNano, (ctx, v) => (sp(ctx).endTimeUnixNano = v));
    case 'start_time':
      noKeys();
      if (sub) unknown();
      return timeField((ctx) => sp(ctx).startTimeUnixNano, (ctx, v) => (sp(ctx).startTimeUnixNano = v));
    case 'end_time':
      noKeys();
      if (sub) unknown();
      return timeField((ctx) => sp(ctx).endTimeUnixNano, (ctx, v) => (sp(ctx).endTimeUnixNano = v));
    case 'dropped_attributes_count':
      noKeys();
      if (sub) unknown();
      return intField((ctx) => sp(ctx).droppedAttributesCount, (ctx, v) => (sp(ctx).droppedAttributesCount = v));
    case 'dropped_events_count':
      noKeys();
      if (sub) unknown();
      return intField((ctx) => sp(ctx).droppedEventsCount, (ctx, v) => (sp(ctx).droppedEventsCount = v));
    case 'dropped_links_count':
      noKeys();
      if (sub) unknown();
      return intField((ctx) => sp(ctx).droppedLinksCount, (ctx, v) => (sp(ctx).droppedLinksCount = v));
    case 'events':
      noKeys();
      if (sub) unknown();
      return { get: (ctx) => new OpaqueList('ptrace.SpanEventSlice', sp(ctx).events.length) };
    case 'links':
      noKeys();
      if (sub) unknown();
      return { get: (ctx) => new OpaqueList('ptrace.SpanLinkSlice', sp(ctx).links.length) };
  }
  return unknown();
}

function mapAccessor(map: (ctx: OttlTraceContext) => Attributes, keys: readonly Getter[]): Accessor {
  if (keys.length === 0)
    return {
      get: map,
      set: (ctx, v) => {
        const target = map(ctx);
        if (v === null) {
          target.clear(); // allowNil: maps are emptied (§1.12)
          return;
        }
        if (!(v instanceof Map)) throw new OttlRuntimeError(`expected a pcommon.Map but got ${typeNameOf(v)}`);
        const copy = toAnyValue(v);
        target.clear();
        if (copy.kind === 'kvlist') for (const [k, x] of copy.values) target.set(k, x);
      },
    };
  const evalKeys = (ctx: OttlTraceContext): OttlValue[] => keys.map((k) => k(ctx));
  // One key (`attributes["http.route"]`, the common case): no key array per read.
  const only = keys.length === 1 ? keys[0]! : undefined;
  return {
    get: only ? (ctx) => indexValue(map(ctx), only(ctx)) : (ctx) => indexChain(map(ctx), evalKeys(ctx)),
    set: (ctx, v) => setMapValue(map(ctx), evalKeys(ctx), v),
  };
}

function stringField(get: (ctx: OttlTraceContext) => string, set: (ctx: OttlTraceContext, v: string) => void): Accessor {
  return {
    get,
    set: (ctx, v) => {
      if (v === null) return set(ctx, ''); // allowNil: zero value (§1.12)
      if (typeof v !== 'string') throw new OttlRuntimeError(`expected a string but got ${typeNameOf(v)}`);
      set(ctx, v);
    },
  };
}

function intField(get: (ctx: OttlTraceContext) => number, set: (ctx: OttlTraceContext, v: number) => void): Accessor {
  return {
    get: (ctx) => BigInt(get(ctx)),
    set: (ctx, v) => {
      if (v === null) return set(ctx, 0);
      if (typeof v !== 'bigint') throw new OttlRuntimeError(`expected an int64 but got ${typeNameOf(v)}`);
      set(ctx, Number(v));
    },
  };
}

function bigintField(get: (ctx: OttlTraceContext) => bigint, set: (ctx: OttlTraceContext, v: bigint) => void): Accessor {
  return {
    get,
    set: (ctx, v) => {
      if (v === null) return set(ctx, 0n);
      if (typeof v !== 'bigint') throw new OttlRuntimeError(`expected an int64 but got ${typeNameOf(v)}`);
      set(ctx, v);
    },
  };
}

function timeField(get: (ctx: OttlTraceContext) => bigint, set: (ctx: OttlTraceContext, v: bigint) => void): Accessor {
  return {
    get: (ctx) => new OttlTime(get(ctx)),
    set: (ctx, v) => {
      if (!(v instanceof OttlTime)) throw new OttlRuntimeError(`expected a time.Time but got ${typeNameOf(v)}`);
      set(ctx, v.ns);
    },
  };
}

function idField(
  size: 8 | 16,
  sub: PathSegment | undefined,
  unknown: () => never,
  get: (ctx: OttlTraceContext) => string,
  set: (ctx: OttlTraceContext, v: string) => void,
): Accessor {
  const zero = '0'.repeat(size * 2);
  const normalise = (hex: string): string => (hex === zero ? '' : hex);
  if (sub && sub.name !== 'string') unknown();
  if (sub)
    return {
      get: (ctx) => get(ctx) || zero,
      set: (ctx, v) => {
        if (typeof v !== 'string') throw new OttlRuntimeError(`expected a hex string but got ${typeNameOf(v)}`);
        const bytes = hexToBytes(v);
        if (!bytes || bytes.length !== size) throw new OttlRuntimeError(`invalid id "${v}": expected ${size * 2} hex digits`);
        set(ctx, normalise(v.toLowerCase()));
      },
    };
  return {
    // All-zero ids are still a value, never nil (§1.7).
    get: (ctx) => hexToBytes(get(ctx) || zero) ?? new Uint8Array(size),
    set: (ctx, v) => {
      if (!(v instanceof Uint8Array) || v.length !== size) throw new OttlRuntimeError(`expected a ${size}-byte id but got ${typeNameOf(v)}`);
      set(ctx, normalise(bytesToHex(v)));
    },
  };
}

function parseTraceState(s: string): [string, string][] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
    });
}

function traceStateEntry(keys: readonly Getter[]): Accessor {
  if (keys.length !== 1) throw new OttlCompileError('span.trace_state takes a single key');
  const key = keys[0] as Getter;
  const keyOf = (ctx: OttlTraceContext): string => {
    const k = key(ctx);
    if (typeof k !== 'string') throw new OttlRuntimeError('trace_state must be indexed by a string');
    return k;
  };
  return {
    get: (ctx) => parseTraceState(sp(ctx).traceState).find(([k]) => k === keyOf(ctx))?.[1] ?? null,
    set: (ctx, v) => {
      if (typeof v !== 'string') throw new OttlRuntimeError(`expected a string but got ${typeNameOf(v)}`);
      const k = keyOf(ctx);
      // W3C: an updated entry moves to the front.
      const rest = parseTraceState(sp(ctx).traceState).filter(([x]) => x !== k);
      sp(ctx).traceState = [[k, v], ...rest].map(([a, b]) => `${a}=${b}`).join(',');
    },
  };
}
