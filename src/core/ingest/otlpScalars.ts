/**
 * Scalar fields of OTLP/JSON as the protobuf JSON mapping allows them: 64-bit integers as
 * decimal strings or numbers, enums as numbers or names (engine-design.md "Ingest").
 */
import type { SpanKind, StatusCode } from '../telemetry/pdata';

const U64_MAX = (1n << 64n) - 1n;
const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;
const INT_RE = /^-?\d+$/;

function toBigInt(value: unknown, field: string): bigint | { error: string } {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return { error: `${field} must be an integer (got ${value})` };
    return BigInt(value);
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (INT_RE.test(s)) return BigInt(s);
    // JSON numbers written with an exponent, e.g. "1.7e18", still denote integers
    const n = Number(s);
    if (s !== '' && Number.isInteger(n)) return BigInt(n);
    return { error: `${field} must be an integer (got ${JSON.stringify(value.slice(0, 40))})` };
  }
  return { error: `${field} must be an integer (got ${value === null ? 'null' : typeof value})` };
}

/** An unsigned 64-bit field (fixed64 timestamps); absent → 0n. */
export function parseUint64(value: unknown, field: string): bigint | { error: string } {
  if (value === undefined || value === null) return 0n;
  const v = toBigInt(value, field);
  if (typeof v !== 'bigint') return v;
  if (v < 0n) return { error: `${field} must not be negative (got ${v})` };
  if (v > U64_MAX) return { error: `${field} overflows 64 bits (got ${v})` };
  return v;
}

/** A signed 64-bit field (`intValue`). */
export function parseInt64(value: unknown, field: string): bigint | { error: string } {
  const v = toBigInt(value, field);
  if (typeof v !== 'bigint') return v;
  if (v < I64_MIN || v > I64_MAX) return { error: `${field} overflows int64 (got ${v})` };
  return v;
}

/** A uint32 field (counts, flags); absent → 0. */
export function parseUint32(value: unknown, field: string): number | { error: string } {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'string' && INT_RE.test(value.trim()) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) return { error: `${field} must be an unsigned 32-bit integer (got ${JSON.stringify(value)})` };
  return n;
}

const KIND_NAMES: Record<string, SpanKind> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};

/** `Span.kind` as a number 0–5 or an enum name (absent → unspecified). */
export function parseSpanKind(value: unknown): SpanKind | { error: string } {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 5) return value as SpanKind;
  if (typeof value === 'string' && value in KIND_NAMES) return KIND_NAMES[value]!;
  return { error: `kind must be 0-5 or one of SPAN_KIND_UNSPECIFIED, SPAN_KIND_INTERNAL, SPAN_KIND_SERVER, SPAN_KIND_CLIENT, SPAN_KIND_PRODUCER, SPAN_KIND_CONSUMER (got ${JSON.stringify(value)})` };
}

const STATUS_NAMES: Record<string, StatusCode> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/** `Status.code` as a number 0–2 or an enum name (absent → unset). */
export function parseStatusCode(value: unknown): StatusCode | { error: string } {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2) return value as StatusCode;
  if (typeof value === 'string' && value in STATUS_NAMES) return STATUS_NAMES[value]!;
  return { error: `status.code must be 0-2 or one of STATUS_CODE_UNSET, STATUS_CODE_OK, STATUS_CODE_ERROR (got ${JSON.stringify(value)})` };
}
