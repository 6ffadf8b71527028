/** Shared types of the trace ingest (engine-design.md "Ingest"). */

/** Formats the ingest recognises. */
export type TraceFormat = 'otlp-json' | 'otlp-json-lines' | 'otlp-protobuf' | 'jaeger-json' | 'zipkin-v2-json' | 'zipkin-v1-json';

/** A record that could not be read (skipped) or was read with a change worth knowing. */
export interface IngestIssue {
  readonly severity: 'error' | 'warning';
  /** Full message including where, e.g. "line 3: resourceSpans[0].scopeSpans[0].spans[1]: traceId must be 32 hex digits (got 30)". */
  readonly message: string;
  /** Byte offset of the record in the input, when known. */
  readonly offset?: number;
  /** 1-based line of the record, when the input is line-based (JSON Lines). */
  readonly line?: number;
}

/** Progress so far; reported after each record and at the end. */
export interface IngestProgress {
  readonly bytes: number;
  readonly spans: number;
  readonly issues: number;
}

/** Receives a problem for the record being decoded; `where` is a path inside the record. */
export type IssueSink = (severity: 'error' | 'warning', where: string, message: string) => void;
