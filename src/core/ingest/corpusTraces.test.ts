/**
 * Every file of reference/corpus/traces loads through the streaming ingest, fed in 64 KiB
 * chunks and in 7-byte chunks (to cross every chunk boundary), and yields as many spans as the
 * file holds. The expected count is computed here, independently of the code under test, with
 * a per-format counter over `JSON.parse` (and a tiny wire walker for protobuf). Files the
 * manifest marks as deliberately invalid must load nothing and say what is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResourceSpans, ScopeSpans, TracesData } from '../telemetry/pdata';
import { materialize, rowRange } from '../telemetry/materialize';
import { appendTracesData, attributesKey, createSpanStore } from '../telemetry/spanStore';
import { createTraceIngester, type TraceIngestResult } from './ingestTraces';

const DIR = join(__dirname, '../../../reference/corpus/traces');

interface ManifestFile {
  file: string;
  format: string;
  spans: number;
  expected_validity?: string;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };

type Json = Record<string, unknown>;

function otlpSpans(doc: Json): number {
  let n = 0;
  for (const rs of (doc.resourceSpans ?? doc.resource_spans ?? []) as Json[]) {
    for (const ss of (rs.scopeSpans ?? rs.scope_spans ?? []) as Json[]) n += ((ss.spans ?? []) as unknown[]).length;
  }
  return n;
}

function countJson(doc: unknown): number {
  if (Array.isArray(doc)) return doc.reduce<number>((n, x) => n + (Array.isArray(x) ? countJson(x) : 1), 0); // Zipkin (v1 batches nest)
  const o = doc as Json;
  if ('resourceSpans' in o || 'resource_spans' in o) return otlpSpans(o);
  if ('result' in o) return countJson(o.result);
  if (Array.isArray(o.data)) return (o.data as Json[]).reduce((n, t) => n + (t.spans as unknown[]).length, 0);
  if (Array.isArray(o.spans)) return o.spans.length;
  throw new Error('unknown JSON shape');
}

/** Spans in an OTLP protobuf TracesData: field 1 → ResourceSpans, its field 2 → ScopeSpans, its field 2 → Span. */
function countProtobuf(b: Uint8Array): number {
  function fields(start: number, end: number, want: number, visit: (s: number, e: number) => void): void {
    let p = start;
    const varint = (): number => {
      let v = 0;
      let m = 1;
      for (;;) {
        const x = b[p++]!;
        v += (x & 0x7f) * m;
        m *= 128;
        if (x < 0x80) return v;
      }
    };
    while (p < end) {
      const tag = varint();
      const wt = tag & 7;
      if (wt === 0) varint();
      else if (wt === 1) p += 8;
      else if (wt === 5) p += 4;
      else {
        const len = varint();
        if (tag >>> 3 === want) visit(p, p + len);
        p += len;
      }
    }
  }
  let n = 0;
  fields(0, b.length, 1, (s, e) => fields(s, e, 2, (s2, e2) => fields(s2, e2, 2, () => n++)));
  return n;
}

function expectedSpans(f: ManifestFile, bytes: Uint8Array): number {
  if (f.format === 'otlp-protobuf') return countProtobuf(bytes);
  const text = new TextDecoder().decode(bytes);
  if (f.format === 'otlp-json-lines') return text.split('\n').filter((l) => l.trim()).reduce((n, l) => n + countJson(JSON.parse(l)), 0);
  return countJson(JSON.parse(text));
}

function load(bytes: Uint8Array, chunk: number, fileName: string): { result: TraceIngestResult; payloads: TracesData[] } {
  const payloads: TracesData[] = [];
  const ing = createTraceIngester({ fileName, onData: (d) => payloads.push(d) });
  for (let i = 0; i < bytes.length; i += chunk) ing.write(bytes.subarray(i, i + chunk));
  return { result: ing.end(), payloads };
}

const FORMAT_OF: Record<string, string> = {
  'otlp-json': 'otlp-json',
  'otlp-json-lines': 'otlp-json-lines',
  'otlp-protobuf': 'otlp-protobuf',
  'jaeger-ui-json': 'jaeger-json',
  'zipkin-v2-json': 'zipkin-v2-json',
  'zipkin-v1-json': 'zipkin-v1-json',
};

const INVALID_REASONS: Record<string, RegExp> = {
  'otlp2parquet__testdata__invalid__trace_invalid_base64.json': /spans\[0\].*traceId must be 32 hex digits or base64 of 16 bytes \(got "!!!INVALID_BASE64!!!"/,
  'otlp2parquet__testdata__invalid__trace_invalid_kind.json': /spans\[0\].*kind must be 0-5 .*\(got "SPAN_KIND_INVALID_TYPE"\)/,
  'otlp2parquet__testdata__invalid__trace_mixed_encoding.json': /spans\[0\].*traceId must be 32 hex digits or base64 of 16 bytes \(got "zzz", 3 characters\)/,
};

/** Merges identical resources and scopes, as the store shares them (spanStore module comment). */
function mergeGroups(payloads: TracesData[]): TracesData {
  const out: ResourceSpans[] = [];
  const byRes = new Map<string, ResourceSpans>();
  const byScope = new Map<string, ScopeSpans>();
  for (const p of payloads) {
    for (const rs of p.resourceSpans) {
      const rk = `${rs.schemaUrl}|${rs.resource.droppedAttributesCount}|${attributesKey(rs.resource.attributes)}`;
      let r = byRes.get(rk);
      if (!r) {
        r = { resource: rs.resource, schemaUrl: rs.schemaUrl, scopeSpans: [] };
        byRes.set(rk, r);
      }
      for (const ss of rs.scopeSpans) {
        if (ss.spans.length === 0) continue;
        if (!out.includes(r)) out.push(r);
        const sk = `${rk}#${ss.schemaUrl}|${ss.scope.name}|${ss.scope.version}|${ss.scope.droppedAttributesCount}|${attributesKey(ss.scope.attributes)}`;
        let s = byScope.get(sk);
        if (!s) {
          s = { scope: ss.scope, schemaUrl: ss.schemaUrl, spans: [] };
          byScope.set(sk, s);
          r.scopeSpans.push(s);
        }
        s.spans.push(...ss.spans);
      }
    }
  }
  return { resourceSpans: out };
}

describe('trace corpus', () => {
  it('lists 91 files in the manifest', () => {
    expect(manifest.files).toHaveLength(91);
  });

  for (const f of manifest.files) {
    const invalid = f.expected_validity === 'invalid';
    it(`${invalid ? 'reports what is wrong with' : 'loads'} ${f.file}`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, f.file)));
      const big = load(bytes, 64 * 1024, f.file);
      const tiny = load(bytes, 7, f.file);
      expect(big.result.ok).toBe(true);
      expect(big.result.format).toBe(FORMAT_OF[f.format]);
      expect(tiny.result.spans).toBe(big.result.spans);
      expect(tiny.result.issues).toEqual(big.result.issues);
      if (invalid) {
        expect(big.result.spans).toBe(0);
        expect(big.result.errorCount).toBeGreaterThan(0);
        expect(big.result.issues.map((i) => i.message).join('\n')).toMatch(INVALID_REASONS[f.file]!);
        return;
      }
      expect(big.result.errorCount).toBe(0);
      expect(big.result.spans).toBe(expectedSpans(f, bytes));
      expect(big.result.spans).toBe(f.spans);
    });
  }

  for (const f of manifest.files.filter((x) => x.expected_validity !== 'invalid')) {
    it(`round-trips ${f.file} through the span store`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, f.file)));
      const { payloads } = load(bytes, 64 * 1024, f.file);
      const store = createSpanStore(4);
      for (const p of payloads) appendTracesData(store, p);
      expect(materialize(store, rowRange(0, store.count))).toEqual(mergeGroups(payloads));
    });
  }
});
