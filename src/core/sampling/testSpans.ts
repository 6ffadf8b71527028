import { emptySpan, type ResourceSpans, type Span, type TracesData } from '../telemetry/pdata';

/** Test helper: a span with the given overrides (tests only; kept beside the tests). */
export function testSpan(overrides: Partial<Span>): Span {
  return { ...emptySpan(), traceId: '0000000000000000000000000000abcd', spanId: '000000000000abcd', ...overrides };
}

/** Test helper: one ResourceSpans with one scope holding `spans`. */
export function testTraces(spans: Span[], resourceAttributes: ResourceSpans['resource']['attributes'] = new Map()): TracesData {
  return {
    resourceSpans: [
      {
        resource: { attributes: resourceAttributes, droppedAttributesCount: 0 },
        schemaUrl: '',
        scopeSpans: [{ scope: { name: 'test', version: '', attributes: new Map(), droppedAttributesCount: 0 }, schemaUrl: '', spans }],
      },
    ],
  };
}
