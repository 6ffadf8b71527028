/**
 * debug exporter (processors-spec §5.1, core 934999f exporter/debugexporter): logs the summary
 * entry `Traces` (resource spans, spans) for every payload and, for verbosity normal/detailed,
 * the rendered text as a second entry. Read the entries with `takeLogs()`.
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { Attributes, TracesData } from '../telemetry/pdata';
import { spanCount } from '../telemetry/pdata';
import { anyValueAsString } from '../ottl/valueText';
import type { DebugLogEntry, DebugLogSource } from './componentOutputs';
import { configObject, stringField } from './configReader';

const KIND = ['Unspecified', 'Internal', 'Server', 'Client', 'Producer', 'Consumer'];
const STATUS = ['Unset', 'Ok', 'Error'];
const TYPE: Record<string, string> = { string: 'Str', int: 'Int', double: 'Double', bool: 'Bool', kvlist: 'Map', array: 'Slice', bytes: 'Bytes', empty: 'Empty' };

/** Go `time.Time.String()` in UTC for a nanosecond timestamp (fraction without trailing zeros). */
export function goTimestampString(ns: bigint): string {
  const sec = ns >= 0n ? ns / 1_000_000_000n : (ns - 999_999_999n) / 1_000_000_000n;
  const frac = ns - sec * 1_000_000_000n;
  const d = new Date(Number(sec) * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const f = frac === 0n ? '' : `.${frac.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${date} ${time}${f} +0000 UTC`;
}

function normalAttributes(m: Attributes): string {
  return m.size === 0 ? '' : ' ' + [...m].map(([k, v]) => `${k}=${anyValueAsString(v)}`).join(' ');
}

/** `normal` verbosity: one line per resource, scope and span (internal/normal/traces.go). */
export function renderNormal(data: TracesData): string {
  let out = '';
  data.resourceSpans.forEach((rs, i) => {
    out += `ResourceTraces #${i}${rs.schemaUrl ? ` [${rs.schemaUrl}]` : ''}${normalAttributes(rs.resource.attributes)}\n`;
    rs.scopeSpans.forEach((ss, j) => {
      const scope = `${ss.scope.name ? ` ${ss.scope.name}` : ''}${ss.scope.version ? `@${ss.scope.version}` : ''}${ss.schemaUrl ? ` [${ss.schemaUrl}]` : ''}`;
      out += `ScopeTraces #${j}${scope}${normalAttributes(ss.scope.attributes)}\n`;
      for (const span of ss.spans) out += `${span.name} ${span.traceId} ${span.spanId}${normalAttributes(span.attributes)}\n`;
    });
  });
  return out;
}

/** `detailed` verbosity: the otlptext form (internal/otlptext/traces.go, databuffer.go). */
export function renderDetailed(data: TracesData): string {
  const lines: string[] = [];
  const attrs = (header: string, m: Attributes): void => {
    if (m.size === 0) return;
    lines.push(`${header}:`);
    const parts = header.split('->');
    const prefix = parts.length > 1 ? `${parts[0] ?? ''}     ->` : '     ->';
    for (const [k, v] of m) lines.push(`${prefix} ${k}: ${TYPE[v.kind] ?? v.kind}(${anyValueAsString(v)})`);
  };
  const attr = (name: string, value: string): void => {
    lines.push(`    ${name.padEnd(15)}: ${value}`);
  };
  data.resourceSpans.forEach((rs, i) => {
    lines.push(`ResourceSpans #${i}`, `Resource SchemaURL: ${rs.schemaUrl}`);
    attrs('Resource attributes', rs.resource.attributes);
    rs.scopeSpans.forEach((ss, j) => {
      lines.push(`ScopeSpans #${j}`, `ScopeSpans SchemaURL: ${ss.schemaUrl}`, `InstrumentationScope ${ss.scope.name} ${ss.scope.version}`);
      attrs('InstrumentationScope attributes', ss.scope.attributes);
      ss.spans.forEach((span, k) => {
        lines.push(`Span #${k}`);
        attr('Trace ID', span.traceId);
        attr('Parent ID', span.parentSpanId);
        attr('ID', span.spanId);
        attr('Name', span.name);
        attr('Kind', KIND[span.kind] ?? '');
        if (span.traceState) attr('TraceState', span.traceState);
        attr('Start time', goTimestampString(span.startTimeUnixNano));
        attr('End time', goTimestampString(span.endTimeUnixNano));
        attr('Status code', STATUS[span.status.code] ?? '');
        attr('Status message', span.status.message);
        attr('DroppedAttributesCount', String(span.droppedAttributesCount));
        attr('DroppedEventsCount', String(span.droppedEventsCount));
        attr('DroppedLinksCount', String(span.droppedLinksCount));
        attrs('Attributes', span.attributes);
        if (span.events.length > 0) {
          lines.push('Events:');
          span.events.forEach((e, n) => {
            lines.push(`SpanEvent #${n}`, `     -> Name: ${e.name}`, `     -> Timestamp: ${goTimestampString(e.timeUnixNano)}`, `     -> DroppedAttributesCount: ${e.droppedAttributesCount}`);
            attrs('     -> Attributes:', e.attributes);
          });
        }
        if (span.links.length > 0) {
          lines.push('Links:');
          span.links.forEach((l, n) => {
            lines.push(`SpanLink #${n}`, `     -> Trace ID: ${l.traceId}`, `     -> ID: ${l.spanId}`, `     -> TraceState: ${l.traceState}`, `     -> DroppedAttributesCount: ${l.droppedAttributesCount}`);
            attrs('     -> Attributes:', l.attributes);
          });
        }
      });
    });
  });
  return lines.map((l) => `${l}\n`).join('');
}

/** Build a debug exporter. It forwards nothing; its output is read with `takeLogs()`. */
export function createDebugExporter(id: string, config: unknown): TracesComponent & DebugLogSource {
  const o = configObject(id, config);
  const verbosity = stringField(id, o, 'verbosity', 'basic').toLowerCase();
  if (!['basic', 'normal', 'detailed'].includes(verbosity)) throw new ComponentConfigError(id, `unrecognized verbosity level "${verbosity}"`);
  let logs: DebugLogEntry[] = [];
  const counts = (resourceSpans: number, spans: number, nowMs: number): void => {
    logs.push({ summary: { message: 'Traces', resourceSpans, spans }, atMs: nowMs });
  };
  return {
    id,
    consume(data, nowMs) {
      if (verbosity === 'basic') {
        counts(data.resourceSpans.length, spanCount(data), nowMs);
        return { emitted: [] };
      }
      const summary = { message: 'Traces', resourceSpans: data.resourceSpans.length, spans: spanCount(data) } as const;
      // Rendered when first read: a run shows only its last entries, so most are never rendered.
      let text: string | undefined;
      logs.push({
        summary,
        atMs: nowMs,
        get text() {
          return (text ??= verbosity === 'normal' ? renderNormal(data) : renderDetailed(data));
        },
      });
      return { emitted: [] };
    },
    ...(verbosity === 'basic' ? { consumeCounts: counts } : {}),
    advance: () => ({ emitted: [] }),
    flush: () => ({ emitted: [] }),
    takeLogs() {
      const out = logs;
      logs = [];
      return out;
    },
  };
}
