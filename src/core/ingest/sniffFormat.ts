/**
 * First look at an upload: is it JSON, OTLP protobuf, or something else? Decided from the
 * first bytes only (engine-design.md "Ingest": the file is read as a stream). Anything that is
 * not trace data gets a message saying what the file looks like.
 */

export type Sniffed = { kind: 'json'; lineHint: boolean } | { kind: 'protobuf' } | { kind: 'unknown'; message: string };

/** How many leading bytes `sniffFormat` wants (it works with fewer at the end of input). */
export const SNIFF_BYTES = 4096;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function looksLikeProtobuf(b: Uint8Array): boolean {
  // TracesData / ExportTraceServiceRequest: field 1, length-delimited, then a ResourceSpans
  // whose first field is 1 (resource), 2 (scope_spans) or 3 (schema_url), all length-delimited.
  if (b[0] !== 0x0a) return false;
  let i = 1;
  let len = 0;
  let mul = 1;
  for (; i < Math.min(b.length, 11); i++) {
    len += (b[i]! & 0x7f) * mul;
    mul *= 128;
    if (b[i]! < 0x80) break;
  }
  i++;
  if (len === 0) return true;
  const next = b[i];
  return next === undefined || next === 0x0a || next === 0x12 || next === 0x1a;
}

function describeText(text: string, fileName: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const first = lines[0]?.trim() ?? '';
  if (/^<(\?xml|!doctype|html)/i.test(first)) return 'this looks like XML or HTML, not trace data';
  if (/^---/.test(first) || /^(receivers|processors|exporters|service|extensions|connectors)\s*:/m.test(text)) return 'this looks like YAML (an OpenTelemetry Collector config?), not trace data';
  if (lines.length >= 1 && lines.slice(0, 5).every((l) => /^\s*[\w.-]+\s*:(\s|$)/.test(l) || /^\s+-\s/.test(l) || /^\s{2,}\S/.test(l))) return 'this looks like YAML, not trace data';
  const commas = lines.slice(0, 5).map((l) => l.split(',').length);
  if (lines.length >= 1 && commas[0]! > 1 && commas.every((n) => n === commas[0])) return 'this looks like CSV (comma-separated values), not trace data';
  const tabs = lines.slice(0, 5).map((l) => l.split('\t').length);
  if (tabs[0]! > 1 && tabs.every((n) => n === tabs[0])) return 'this looks like tab-separated values, not trace data';
  const name = fileName ? ` (${fileName})` : '';
  return `this looks like plain text${name}: expected OTLP JSON/JSON Lines/protobuf, Jaeger JSON or Zipkin JSON`;
}

/**
 * Classifies the leading bytes of an upload. `fileName` is only a hint (".jsonl" turns on JSON
 * Lines handling, ".pb" prefers protobuf).
 */
export function sniffFormat(head: Uint8Array, fileName = ''): Sniffed {
  const lower = fileName.toLowerCase();
  if (head.length === 0) return { kind: 'unknown', message: 'the file is empty' };
  if (head[0] === 0x1f && head[1] === 0x8b) return { kind: 'unknown', message: 'this is gzip-compressed data: decompress it first (e.g. gunzip) and upload the result' };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'unknown', message: 'this is a ZIP archive: extract the trace file and upload it' };
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return { kind: 'unknown', message: 'this is zstd-compressed data: decompress it first' };
  let i = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  let control = 0;
  for (let k = 0; k < head.length; k++) {
    const c = head[k]!;
    if (c < 0x20 && !isWs(c)) control++;
  }
  const pbName = /\.(pb|bin|binpb|protobuf|proto)$/.test(lower);
  if ((control > 0 || pbName) && looksLikeProtobuf(head)) return { kind: 'protobuf' };
  while (i < head.length && isWs(head[i]!)) i++;
  const c = head[i];
  if (control === 0 && (c === 0x7b || c === 0x5b)) return { kind: 'json', lineHint: /\.(jsonl|ndjson)$/.test(lower) };
  if (control > 0) return { kind: 'unknown', message: 'this is binary data but not an OTLP protobuf ExportTraceServiceRequest/TracesData' };
  const text = new TextDecoder('utf-8').decode(head);
  return { kind: 'unknown', message: describeText(text, fileName) };
}
