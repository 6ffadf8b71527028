/**
 * count connector for traces (processors-spec §4.4): per input ResourceSpans, one delta Sum per
 * configured metric with a data point per distinct attribute set. Emitted with every payload.
 */
import { ComponentConfigError, type TracesComponent } from '../simulation/component';
import type { Metric, MetricsData } from '../telemetry/metrics';
import type { AnyValue, Attributes } from '../telemetry/pdata';
import { compileCondition, type CompiledCondition } from '../ottl/compileCondition';
import { spanContext, spanEventContext, type OttlTraceContext } from '../ottl/ottlContext';
import { cloneAttributes } from '../ottl/ottlValue';
import { anyValueAsString } from '../ottl/valueText';
import type { MetricsEmission, MetricsProducer } from './componentOutputs';
import type { ComponentOptions } from './componentOptions';
import { configObject, listField, objectField, stringField } from './configReader';
import { anyValueFromConfig } from './configValue';
import { ValueIds, intPoint, msToNs } from './metricSeries';

const SCOPE = 'github.com/open-telemetry/opentelemetry-collector-contrib/connector/countconnector';

interface MetricDef {
  readonly name: string;
  readonly description: string;
  readonly conditions: readonly CompiledCondition[];
  readonly attributes: readonly { key: string; fallback?: AnyValue }[];
}

function readDefs(id: string, o: Record<string, unknown>, key: 'spans' | 'spanevents', context: 'span' | 'spanevent', defaultName: string, defaultDescription: string, options: ComponentOptions): MetricDef[] {
  const block = objectField(id, o, key);
  // Defaults apply per map only when the key is absent (§4.4).
  if (!block) return [{ name: defaultName, description: defaultDescription, conditions: [], attributes: [] }];
  return Object.entries(block).map(([name, raw]) => {
    const d = configObject(id, raw);
    const conditions = listField(id, d, 'conditions').map((text) => {
      const c = compileCondition(String(text), context, { featureGates: options.featureGates ?? {} });
      if (!c.ok) throw new ComponentConfigError(id, c.error);
      return c;
    });
    const attributes = listField(id, d, 'attributes').map((a) => {
      const ao = configObject(id, a);
      const k = stringField(id, ao, 'key', '');
      if (k === '') throw new ComponentConfigError(id, `${key}: attribute key missing`);
      const dv = ao.default_value;
      return dv === undefined || dv === null || dv === '' || dv === 0 ? { key: k } : { key: k, fallback: anyValueFromConfig(dv) };
    });
    return { name, description: stringField(id, d, 'description', ''), conditions, attributes };
  });
}

/** Build a count connector. */
export function createCountConnector(id: string, config: unknown, options: ComponentOptions = {}): TracesComponent & MetricsProducer {
  const o = configObject(id, config);
  const spanDefs = readDefs(id, o, 'spans', 'span', 'trace.span.count', 'The number of spans observed.', options);
  const eventDefs = readDefs(id, o, 'spanevents', 'spanevent', 'trace.span.event.count', 'The number of span events observed.', options);
  let out: MetricsEmission[] = [];
  // Series keys from value ids, not JSON per item (metricSeries.ts).
  const ids = new ValueIds();

  return {
    id,
    consume(data, nowMs) {
      const timeNs = msToNs(nowMs);
      const result: MetricsData = { resourceMetrics: [] };
      for (const rs of data.resourceSpans) {
        const counts = new Map<MetricDef, Map<string, { attrs: Attributes; n: number }>>();
        const count = (def: MetricDef, ctx: OttlTraceContext, itemAttrs: Attributes): string | undefined => {
          if (def.conditions.length > 0) {
            let hit = false;
            for (const c of def.conditions) {
              const r = c.evaluate(ctx);
              if (!r.ok) return `failed to eval condition: ${c.text}, ${r.error}`;
              if (r.value) {
                hit = true;
                break;
              }
            }
            if (!hit) return undefined;
          }
          const attrs: Attributes = new Map();
          for (const a of def.attributes) {
            const v = itemAttrs.get(a.key);
            if (v) attrs.set(a.key, v.kind === 'int' || v.kind === 'double' ? v : { kind: 'string', value: anyValueAsString(v) });
            else if (a.fallback) attrs.set(a.key, a.fallback);
            else return undefined; // a configured attribute missing: not counted
          }
          const byAttrs = counts.get(def) ?? new Map();
          counts.set(def, byAttrs);
          const k = ids.mapKey(attrs);
          const e = byAttrs.get(k) ?? { attrs, n: 0 };
          e.n += 1;
          byAttrs.set(k, e);
          return undefined;
        };
        for (const ss of rs.scopeSpans)
          for (const span of ss.spans) {
            for (const def of spanDefs) {
              const err = count(def, spanContext(rs, ss, span), span.attributes);
              if (err) return { emitted: [], error: err };
            }
            for (let i = 0; i < span.events.length; i++) {
              const ev = span.events[i];
              if (!ev) continue;
              for (const def of eventDefs) {
                const err = count(def, spanEventContext(rs, ss, span, i), ev.attributes);
                if (err) return { emitted: [], error: err }; // evaluation errors are returned: nothing emitted
              }
            }
          }
        const metrics: Metric[] = [];
        for (const def of [...spanDefs, ...eventDefs]) {
          const points = counts.get(def);
          if (!points || points.size === 0) continue; // zero counts are omitted
          metrics.push({
            name: def.name,
            description: def.description,
            unit: '',
            data: { type: 'sum', aggregationTemporality: 1, isMonotonic: true, dataPoints: [...points.values()].map((p) => intPoint(p.attrs, p.n, timeNs, timeNs)) },
          });
        }
        if (metrics.length === 0) continue;
        result.resourceMetrics.push({
          resource: { attributes: cloneAttributes(rs.resource.attributes), droppedAttributesCount: 0 },
          schemaUrl: '',
          scopeMetrics: [{ scope: { name: SCOPE, version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', metrics }],
        });
      }
      if (result.resourceMetrics.length > 0) out.push({ data: result, atMs: nowMs });
      return { emitted: [] };
    },
    advance: () => ({ emitted: [] }),
    flush: () => ({ emitted: [] }),
    takeMetrics() {
      const r = out;
      out = [];
      return r;
    },
  };
}
