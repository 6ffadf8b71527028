/**
 * A byte scanner that cuts a stream of JSON into pieces small enough to `JSON.parse` one at a
 * time, without ever building the whole text (engine-design.md "Ingest": one large OTLP JSON
 * document is scanned once, tracking string/escape state and brace depth, and each element of
 * `resourceSpans` is cut out; a general streaming tokenizer is several times slower).
 *
 * Cut points (objects only):
 * - elements of an array under a top-level key in `cutKeys` (`resourceSpans`, Jaeger `data`);
 * - elements of a top-level array (Zipkin), and of arrays nested in it (Zipkin v1 batches).
 * Inside a cut `resourceSpans` element the extents of each `scopeSpans[j].spans` array are
 * recorded too, so a huge element can be parsed span by span.
 *
 * Whatever is not cut out of a top-level value (its "rest", e.g. `{"resourceSpans":[]}` or a
 * whole bare Jaeger trace) is delivered when the value ends. A stream may hold several
 * top-level values (JSON Lines). In line mode (auto-detected when the first value fits on one
 * line) a newline inside a value ends the record as truncated, so one bad line cannot swallow
 * the next.
 */

const OPEN_OBJ = 0x7b;
const CLOSE_OBJ = 0x7d;
const OPEN_ARR = 0x5b;
const CLOSE_ARR = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const NL = 0x0a;

const KEY_DEPTH = 8;
const SCOPE_KEYS = new Set(['scopeSpans', 'scope_spans', 'instrumentationLibrarySpans', 'instrumentation_library_spans']);

/** The extents of one `scopeSpans[scopeIndex].spans` array's elements inside a piece. */
export interface SpanRun {
  readonly scopeIndex: number;
  readonly starts: number[];
  readonly ends: number[];
}

export interface JsonPiece {
  readonly bytes: Uint8Array;
  /** Absolute byte offset of the piece in the stream. */
  readonly offset: number;
  /** 1-based line where the piece starts. */
  readonly line: number;
  /** Index of the top-level value holding the piece. */
  readonly top: number;
  /** The top-level key of the array it was cut from ('' for a top-level array). */
  readonly key: string;
  /** Element index in its array; for a nested array, the outer index is `outer`. */
  readonly index: number;
  readonly outer: number;
  /** True for an element of an array nested in a top-level array (Zipkin v1 batches). */
  readonly nested: boolean;
  /** Span arrays found in an OTLP `resourceSpans` element (relative to `bytes`). */
  readonly spanRuns: SpanRun[];
}

export interface JsonRest {
  readonly bytes: Uint8Array;
  readonly offset: number;
  readonly line: number;
  readonly top: number;
  /** Pieces cut out of this value. */
  readonly cut: number;
}

export interface JsonScannerHandlers {
  onPiece(piece: JsonPiece): void;
  onRest(rest: JsonRest): void;
  /** A key of the top-level object, as soon as it is seen (format sniffing, early abort). */
  onTopKey?(key: string, top: number): void;
  /** A record that cannot be complete (truncated line or input). */
  onTruncated(message: string, offset: number, line: number): void;
}

export interface JsonScanner {
  write(chunk: Uint8Array): void;
  end(): void;
  /** True in line mode (JSON Lines), and while the first value has not yet crossed a newline. */
  readonly lineMode: boolean;
  /** Number of top-level values seen. */
  readonly topCount: number;
}

/** The index of the first quote, backslash or newline in chunk[i, n), or n. */
function skipStringBytes(chunk: Uint8Array, i: number, n: number): number {
  for (; i < n; i++) {
    const c = chunk[i]!;
    if (c === QUOTE || c === BACKSLASH || c === NL) return i;
  }
  return n;
}

class ByteBuffer {
  buf = new Uint8Array(1024);
  len = 0;
  push(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.len + n > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.len + n) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.buf.set(src.subarray(from, to), this.len);
    this.len += n;
  }
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    if (this.buf.length > 1 << 24) this.buf = new Uint8Array(1024);
    return out;
  }
  clear(): void {
    this.len = 0;
    if (this.buf.length > 1 << 24) this.buf = new Uint8Array(1024);
  }
}

/**
 * A scanner calling `handlers` as pieces complete. `cutKeys` are the top-level keys whose array
 * elements are cut; `lineMode` forces JSON Lines handling (`'auto'` decides from the first value).
 */
export function createJsonScanner(handlers: JsonScannerHandlers, options: { cutKeys: ReadonlySet<string>; lineMode?: boolean | 'auto' }): JsonScanner {
  const cutKeys = options.cutKeys;
  let lineMode: boolean | 'auto' = options.lineMode ?? 'auto';

  let offset = 0; // absolute offset of the current chunk's byte 0
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  const container = new Uint8Array(256); // type of each open container (grows by doubling below)
  let containers = container;
  const keys: string[] = new Array<string>(KEY_DEPTH + 1).fill('');
  const expectKey = new Uint8Array(KEY_DEPTH + 1);
  const elemIndex = new Uint32Array(KEY_DEPTH + 1);
  let keyCapture: string | null = null;
  let keyDepth = 0;

  // top-level value state
  let inTop = false;
  let topScalar = false;
  let topCount = 0;
  let topOffset = 0;
  let topLine = 1;
  let cutInTop = 0;
  let newlineInFirst = false;
  const rest = new ByteBuffer();
  let restSeg = 0; // start of the pending rest segment in the current chunk (-1: none)
  let skipCommaDepth = -1;

  // piece state
  let inPiece = false;
  let pieceDepth = 0;
  let pieceOffset = 0;
  let pieceLine = 1;
  let pieceKey = '';
  let pieceIndex = 0;
  let pieceOuter = 0;
  let pieceNested = false;
  let pieceSeg = 0;
  let pieceIsOtlp = false;
  const piece = new ByteBuffer();
  let spanRuns: SpanRun[] = [];
  let runOpen: SpanRun | null = null;
  let spanStart = 0;

  function resetValue(): void {
    depth = 0;
    inString = false;
    escape = false;
    keyCapture = null;
    inTop = false;
    topScalar = false;
    inPiece = false;
    piece.clear();
    rest.clear();
    spanRuns = [];
    runOpen = null;
    skipCommaDepth = -1;
  }

  function finishTop(chunk: Uint8Array, endExclusive: number): void {
    if (restSeg >= 0) rest.push(chunk, restSeg, endExclusive);
    restSeg = -1;
    const bytes = rest.take();
    const cut = cutInTop;
    if (lineMode === 'auto' && topCount === 1) lineMode = !newlineInFirst;
    inTop = false;
    topScalar = false;
    handlers.onRest({ bytes, offset: topOffset, line: topLine, top: topCount - 1, cut });
  }

  function startPiece(chunk: Uint8Array, i: number, key: string, index: number, outer: number, nested: boolean): void {
    if (restSeg >= 0) rest.push(chunk, restSeg, i);
    restSeg = -1;
    inPiece = true;
    pieceDepth = depth;
    pieceOffset = offset + i;
    pieceLine = line;
    pieceKey = key;
    pieceIndex = index;
    pieceOuter = outer;
    pieceNested = nested;
    pieceSeg = i;
    pieceIsOtlp = key === 'resourceSpans' || key === 'resource_spans';
    spanRuns = [];
    runOpen = null;
  }

  function finishPiece(chunk: Uint8Array, i: number): void {
    piece.push(chunk, pieceSeg, i + 1);
    inPiece = false;
    cutInTop++;
    restSeg = i + 1;
    skipCommaDepth = depth;
    const bytes = piece.take();
    const runs = spanRuns;
    spanRuns = [];
    handlers.onPiece({ bytes, offset: pieceOffset, line: pieceLine, top: topCount - 1, key: pieceKey, index: pieceIndex, outer: pieceOuter, nested: pieceNested, spanRuns: runs });
  }

  function write(chunk: Uint8Array): void {
    restSeg = inTop && !inPiece ? 0 : -1;
    pieceSeg = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      if (inString && !escape && keyCapture === null) {
        // Fast path: most bytes of OTLP JSON are string contents; skip to the next byte that
        // matters (quote, backslash, or a newline, which line mode must see).
        i = skipStringBytes(chunk, i, n);
        if (i === n) break;
      }
      const c = chunk[i]!;
      if (c === NL) {
        line++;
        if (inTop && (depth > 0 || inString || topScalar)) {
          if (topCount === 1 && lineMode === 'auto') newlineInFirst = true;
          if (lineMode === true) {
            const msg = topScalar ? 'not a JSON object' : 'the line ends inside a JSON value (truncated or invalid JSON)';
            if (topScalar) {
              finishTop(chunk, i);
            } else {
              handlers.onTruncated(msg, topOffset, line - 1);
              resetValue();
            }
            restSeg = -1;
            continue;
          }
          if (topScalar) {
            finishTop(chunk, i);
            continue;
          }
        }
      }
      if (inString) {
        if (escape) escape = false;
        else if (c === BACKSLASH) escape = true;
        else if (c === QUOTE) {
          inString = false;
          if (keyCapture !== null) {
            keys[keyDepth] = keyCapture;
            if (keyDepth === 1 && handlers.onTopKey) handlers.onTopKey(keyCapture, topCount - 1);
            keyCapture = null;
          }
        } else if (keyCapture !== null && keyCapture.length < 64) keyCapture += String.fromCharCode(c);
        continue;
      }
      if (!inTop) {
        if (c === 0x20 || c === NL || c === 0x0d || c === 0x09) continue;
        if (c === 0xef || c === 0xbb || c === 0xbf) continue; // UTF-8 BOM
        inTop = true;
        topCount++;
        topOffset = offset + i;
        topLine = line;
        cutInTop = 0;
        restSeg = i;
        skipCommaDepth = -1;
        if (c !== OPEN_OBJ && c !== OPEN_ARR) {
          topScalar = true;
          continue;
        }
      }
      if (topScalar) continue;
      switch (c) {
        case QUOTE:
          inString = true;
          // capture only the keys the cut rules read: top-level keys, and inside an OTLP
          // element the `scopeSpans` and `spans` keys
          if (depth <= KEY_DEPTH && containers[depth] === OPEN_OBJ && expectKey[depth] === 1 && (depth === 1 || (inPiece && pieceIsOtlp && (depth === pieceDepth + 1 || depth === pieceDepth + 3)))) {
            keyCapture = '';
            keyDepth = depth;
          }
          break;
        case COLON:
          if (depth <= KEY_DEPTH) expectKey[depth] = 0;
          break;
        case COMMA:
          if (depth <= KEY_DEPTH) {
            if (containers[depth] === OPEN_OBJ) expectKey[depth] = 1;
            else elemIndex[depth]!++;
          }
          if (!inPiece && skipCommaDepth === depth) {
            if (restSeg >= 0) rest.push(chunk, restSeg, i);
            restSeg = i + 1;
            skipCommaDepth = -1;
          }
          break;
        case OPEN_OBJ:
        case OPEN_ARR: {
          if (!inPiece && c === OPEN_OBJ) {
            // decide whether this object is a cut element
            if (depth === 1 && containers[1] === OPEN_ARR) startPiece(chunk, i, '', elemIndex[1]!, 0, false);
            else if (depth === 2 && containers[1] === OPEN_ARR && containers[2] === OPEN_ARR) startPiece(chunk, i, '', elemIndex[2]!, elemIndex[1]!, true);
            else if (depth === 2 && containers[1] === OPEN_OBJ && containers[2] === OPEN_ARR && cutKeys.has(keys[1]!)) startPiece(chunk, i, keys[1]!, elemIndex[2]!, 0, false);
          } else if (inPiece && pieceIsOtlp && c === OPEN_OBJ && depth === pieceDepth + 4 && containers[depth] === OPEN_ARR && keys[depth - 1] === 'spans' && SCOPE_KEYS.has(keys[pieceDepth + 1]!)) {
            spanStart = offset + i - pieceOffset;
            const scopeIndex = elemIndex[pieceDepth + 2]!;
            if (!runOpen || runOpen.scopeIndex !== scopeIndex) {
              runOpen = { scopeIndex, starts: [], ends: [] };
              spanRuns.push(runOpen);
            }
          }
          depth++;
          if (depth >= containers.length) {
            const next = new Uint8Array(containers.length * 2);
            next.set(containers);
            containers = next;
          }
          containers[depth] = c;
          if (depth <= KEY_DEPTH) {
            expectKey[depth] = c === OPEN_OBJ ? 1 : 0;
            elemIndex[depth] = 0;
            keys[depth] = '';
          }
          break;
        }
        case CLOSE_OBJ:
        case CLOSE_ARR: {
          if (depth === 0) break;
          depth--;
          if (inPiece && pieceIsOtlp && c === CLOSE_OBJ && runOpen && depth === pieceDepth + 4 && containers[depth] === OPEN_ARR && keys[depth - 1] === 'spans') {
            runOpen.starts.push(spanStart);
            runOpen.ends.push(offset + i + 1 - pieceOffset);
          }
          if (inPiece && depth === pieceDepth) finishPiece(chunk, i);
          if (skipCommaDepth > depth) skipCommaDepth = -1;
          if (depth === 0) finishTop(chunk, i + 1);
          break;
        }
        default:
          break;
      }
    }
    if (inPiece) piece.push(chunk, pieceSeg, n);
    else if (inTop && restSeg >= 0) rest.push(chunk, restSeg, n);
    offset += n;
  }

  function end(): void {
    if (inTop) {
      if (topScalar) {
        finishTop(new Uint8Array(0), 0);
      } else {
        const where = inPiece ? `an element cut at byte ${pieceOffset}` : `the value starting at byte ${topOffset}`;
        handlers.onTruncated(`the input ends inside ${where} (truncated file?)`, inPiece ? pieceOffset : topOffset, inPiece ? pieceLine : topLine);
        resetValue();
      }
    }
  }

  return {
    write,
    end,
    get lineMode() {
      return lineMode === true || (lineMode === 'auto' && !newlineInFirst);
    },
    get topCount() {
      return topCount;
    },
  };
}
