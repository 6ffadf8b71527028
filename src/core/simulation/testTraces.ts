/** Tiny pdata builders for engine tests. */
import { emptySpan, type AnyValue, type Span, type TracesData } from '../telemetry/pdata';

export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name?: string;
  service?: string;
  startMs: number;
  durationMs: number;
  error?: boolean;
  attributes?: Record<string, string | number>;
}

const str = (value: string): AnyValue => ({ kind: 'string', value });

export function tracesOf(spans: readonly TestSpan[]): TracesData {
  const byService = new Map<string, Span[]>();
  for (const t of spans) {
    const span = emptySpan();
    span.traceId = t.traceId.padStart(32, '0');
    span.spanId = t.spanId.padStart(16, '0');
    span.parentSpanId = t.parentSpanId ? t.parentSpanId.padStart(16, '0') : '';
    span.name = t.name ?? 'op';
    span.kind = 2;
    span.startTimeUnixNano = BigInt(t.startMs) * 1_000_000n;
    span.endTimeUnixNano = BigInt(t.startMs + t.durationMs) * 1_000_000n;
    if (t.error) span.status = { code: 2, message: 'boom' };
    for (const [k, v] of Object.entries(t.attributes ?? {})) span.attributes.set(k, typeof v === 'number' ? { kind: 'int', value: BigInt(v) } : str(v));
    const service = t.service ?? 'svc';
    const list = byService.get(service) ?? [];
    list.push(span);
    byService.set(service, list);
  }
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: { attributes: new Map([['service.name', str(service)]]), droppedAttributesCount: 0 },
      schemaUrl: '',
      scopeSpans: [{ scope: { name: 'test', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans: list }],
    })),
  };
}
