/** Trace files bundled under public/samples/ (see public/samples/SOURCES.md), fetched from the same origin. */
export interface BundledSample {
  readonly file: string;
  readonly title: string;
}

export const BUNDLED_SAMPLES: readonly BundledSample[] = [
  { file: 'otlp-example-trace.json', title: 'OTLP/JSON example (opentelemetry-proto)' },
  { file: 'otlp-traces.jsonl', title: 'OTLP JSON Lines, several traces (otlp2parquet)' },
  { file: 'jaeger-example-trace.json', title: 'Jaeger UI JSON trace (jaeger fixtures)' },
  { file: 'zipkin-yelp.json', title: 'Zipkin v2 trace from Yelp (zipkin-lens)' },
];

/** Absolute same-origin URL of a sample (the worker's base URL differs from the page's). */
export function sampleUrl(file: string): string {
  return new URL(`samples/${file}`, document.baseURI).href;
}
