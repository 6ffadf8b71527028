/**
 * A byte scanner that cuts a stream of JSON into pieces small enough to `JSON.parse` one at a
 * time, without ever building the whole text (engine-design.md "Ingest": one large OTLP JSON
 * document is scanned once, tracking string/escape state and brace depth, and each element of
 * `resourceSpans` is cut out; a general streaming tokenizer is several times slower).
 *
 * Cut points (objects only):
 * - elements of an array under a top-level key in `cutKeys` (`resourceSpans`, Jaeger `data`);
 * - elements of a top-level array (Zipkin), and of arrays nested in it (Zipkin v1 batches).
 * The extents of each `scopeSpans[j].spans` array inside a cut `resourceSpans` element are
 * found on demand (`spanRunsOf`, a second pass over that element only), so a huge element can
 * be parsed span by span while the common element costs one pass.
 *
 * Speed (issue #6): inside a cut element only string and bracket state matter, so those bytes
 * go through tight loops (`scanPiece*`) that skip string contents with about one compare per
 * byte; everything else takes the general per-byte state machine. Lines are only reported in
 * line mode, so outside it (and once a newline inside the first value has shown the input is
 * not JSON Lines) the tight loop does not look for newlines and `line` is not advanced inside
 * cut elements. With `layouts`, the tight loop also notes, at strings and brackets no deeper
 * than a span, where the spans of an OTLP element are (`JsonPiece.layout`, in line mode too),
 * so a large element can be parsed in batches of spans without a second pass; and it offers
 * each span object to `onSpan` as it reaches its `{`, which may read the span itself (the
 * column writer's byte reader, decision 0016) and hand back where it ends, so the scan skips
 * it: the bytes of most spans are then looked at once, by that reader. In line mode whole
 * lines are first offered to `onLine`, which may take them without any scan. A piece that lies
 * within one chunk is handed over as a view of that chunk, otherwise as a view of the scanner's
 * buffer (pooled with other scanners': `spareBuffer`): either way only until `onPiece` returns.
 *
 * Whatever is not cut out of a top-level value (its "rest", e.g. `{"resourceSpans":[]}` or a
 * whole bare Jaeger trace) is delivered when the value ends. A stream may hold several
 * top-level values (JSON Lines). In line mode (auto-detected when the first value fits on one
 * line) a newline inside a value ends the record as truncated, so one bad line cannot swallow
 * the next.
 */

import { BACKSLASH, CLOSE_ARR, CLOSE_OBJ, COLON, COMMA, NL, OPEN_ARR, OPEN_OBJ, QUOTE } from './jsonBytes';

const KEY_DEPTH = 8;
const SCOPE_KEYS = new Set(['scopeSpans', 'scope_spans', 'instrumentationLibrarySpans', 'instrumentation_library_spans']);

/** The extents of one `scopeSpans[scopeIndex].spans` array's elements inside a piece. */
export interface SpanRun {
  readonly scopeIndex: number;
  readonly starts: number[];
  readonly ends: number[];
}

export interface JsonPiece {
  /** The piece's bytes: a view valid only until `onPiece` returns (copy to keep). */
  readonly bytes: Uint8Array;
  /** Absolute byte offset of the piece in the stream. */
  readonly offset: number;
  /** 1-based line where the piece starts (line mode; see the module comment). */
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
  /** Depth of the array the piece was cut from (the piece's own `{` opens depth + 1). */
  readonly depth: number;
  /**
   * For an OTLP `resourceSpans` element scanned with `layouts`: where its span objects are,
   * found on the way (see `OtlpLayout`). Absent otherwise.
   */
  readonly layout?: OtlpLayout;
}

/**
 * The shape of one OTLP `resourceSpans` element as the scan saw it, offsets relative to the
 * piece: the arrays directly under the element object, and every object element of an array
 * under a key inside an object element of such an array (`scopeSpans[j].spans[k]` when the
 * element is OTLP). Raw positions only: which keys these are is for the reader to check.
 */
export interface OtlpLayout {
  /** Arrays opened directly in the element object. */
  arrays: number;
  /** Offset of the opening quote of the last string seen directly in the element object before the last such array (its key). */
  arrayKeyAt: number;
  readonly runs: OtlpRun[];
}

/** Object elements of one array found at `...[scope].<key>[k]`. */
export interface OtlpRun {
  /** Offset of the opening quote of the key the array is under (the last string before it in the scope object). */
  readonly keyAt: number;
  /** Index of the scope among the container (object or array) elements of its array. */
  readonly scope: number;
  /** Which of the element's arrays (1-based, see `OtlpLayout.arrays`) holds the scope. */
  readonly array: number;
  readonly starts: number[];
  readonly ends: number[];
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
  /**
   * Line mode only: a whole line starting with `{` (the newline included when there is one),
   * offered before it is scanned, with its text when the scanner already decoded it (else
   * null). Return true when it was handled as top-level value `top` (it then counts as one
   * value and is not scanned), false to have it scanned as usual.
   */
  onLine?(bytes: Uint8Array, offset: number, line: number, top: number, text: string | null): boolean;
  /**
   * With `layouts`: offered each span object of an OTLP element (an object element of a run,
   * see `OtlpLayout`) as the scan reaches its `{` at chunk[i], to read it ahead (chunk[i, n)
   * only; `base` added to an index of chunk gives its offset in the piece, whose stream offset
   * is `piece`). Returns the index after the span's `}` when it took the span — it must then be
   * exactly one JSON object, and hold no newline when `noNewline` — and the scan goes on from
   * there without looking inside it; -1 to have it scanned.
   */
  onSpan?(chunk: Uint8Array, i: number, n: number, base: number, piece: number, noNewline: boolean): number;
}

export interface JsonScanner {
  write(chunk: Uint8Array): void;
  end(): void;
  /** True in line mode (JSON Lines), and while the first value has not yet crossed a newline. */
  readonly lineMode: boolean;
  /** Number of top-level values seen. */
  readonly topCount: number;
}

/** Bytes that end a run of string contents: quote, backslash, newline. */
const STRING_STOP = new Uint8Array(256);
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;
STRING_STOP[NL] = 1;

/** The index of the first quote, backslash or newline in chunk[i, n), or n. */
function skipStringBytes(chunk: Uint8Array, i: number, n: number): number {
  for (; i < n; i++) if (STRING_STOP[chunk[i]!] === 1) return i;
  return n;
}

/**
 * A large buffer no ByteBuffer holds (its last user's, once emptied): the next one that must
 * grow takes it instead of growing from 1 KiB by doubling, so a scan of many large pieces, or
 * scanners one after another, do not allocate and copy ~2× their largest piece each time
 * (fresh large typed arrays are slow to get in Chromium). At most SPARE_MAX bytes are kept.
 */
let spareBuffer: Uint8Array<ArrayBuffer> | null = null;
const SPARE_MIN = 1 << 16;
const SPARE_MAX = 1 << 24;

class ByteBuffer {
  buf = new Uint8Array(1024);
  len = 0;
  push(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.len + n > this.buf.length) {
      let next: Uint8Array<ArrayBuffer>;
      if (spareBuffer && spareBuffer.length >= this.len + n) {
        next = spareBuffer;
        spareBuffer = null;
      } else {
        let cap = this.buf.length * 2;
        while (cap < this.len + n) cap *= 2;
        next = new Uint8Array(cap);
      }
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.buf.set(src.subarray(from, to), this.len);
    this.len += n;
  }
  /** A copy of the contents; the buffer is emptied. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.clear();
    return out;
  }
  /** A view of the contents, valid until the next push or clear. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
  clear(): void {
    this.len = 0;
    const size = this.buf.length;
    if (size >= SPARE_MIN) {
      // kept for the next large piece, here or in another scanner
      if (size <= SPARE_MAX && (!spareBuffer || spareBuffer.length < size)) spareBuffer = this.buf;
      this.buf = new Uint8Array(1024);
    }
  }
}

/**
 * The `scopeSpans[j].spans[k]` extents inside an OTLP `resourceSpans` piece (relative to its
 * bytes), for parsing a huge element span by span. A second pass over the piece only.
 */
export function spanRunsOf(piece: JsonPiece): SpanRun[] {
  const b = piece.bytes;
  const base = piece.depth;
  const runs: SpanRun[] = [];
  let runOpen: SpanRun | null = null;
  let spanStart = 0;
  let depth = base;
  let inString = false;
  let escape = false;
  let keyCapture: string | null = null;
  let keyDepth = 0;
  const keys: string[] = new Array<string>(KEY_DEPTH + 1).fill('');
  const expectKey = new Uint8Array(KEY_DEPTH + 1);
  const elemIndex = new Uint32Array(KEY_DEPTH + 1);
  let containers = new Uint8Array(Math.max(64, base + 8));
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inString) {
      if (escape) escape = false;
      else if (c === BACKSLASH) escape = true;
      else if (c === QUOTE) {
        inString = false;
        if (keyCapture !== null) {
          keys[keyDepth] = keyCapture;
          keyCapture = null;
        }
      } else if (keyCapture !== null && keyCapture.length < 64) keyCapture += String.fromCharCode(c);
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        if (depth <= KEY_DEPTH && containers[depth] === OPEN_OBJ && expectKey[depth] === 1 && (depth === base + 1 || depth === base + 3)) {
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
        break;
      case OPEN_OBJ:
      case OPEN_ARR: {
        if (c === OPEN_OBJ && depth === base + 4 && containers[depth] === OPEN_ARR && keys[depth - 1] === 'spans' && SCOPE_KEYS.has(keys[base + 1]!)) {
          spanStart = i;
          const scopeIndex = elemIndex[base + 2]!;
          if (!runOpen || runOpen.scopeIndex !== scopeIndex) {
            runOpen = { scopeIndex, starts: [], ends: [] };
            runs.push(runOpen);
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
      case CLOSE_ARR:
        if (depth === base) break;
        depth--;
        if (c === CLOSE_OBJ && runOpen && depth === base + 4 && containers[depth] === OPEN_ARR && keys[depth - 1] === 'spans') {
          runOpen.starts.push(spanStart);
          runOpen.ends.push(i + 1);
        }
        break;
      default:
        break;
    }
  }
  return runs;
}

/**
 * A scanner calling `handlers` as pieces complete. `cutKeys` are the top-level keys whose array
 * elements are cut; `lineMode` forces JSON Lines handling (`'auto'` decides from the first value);
 * `layouts` records `JsonPiece.layout` for OTLP elements.
 */
export function createJsonScanner(handlers: JsonScannerHandlers, options: { cutKeys: ReadonlySet<string>; lineMode?: boolean | 'auto'; layouts?: boolean }): JsonScanner {
  const cutKeys = options.cutKeys;
  const wantLayouts = options.layouts ?? false;
  let lineMode: boolean | 'auto' = options.lineMode ?? 'auto';

  let offset = 0; // absolute offset of the current chunk's byte 0
  let line = 1;
  let depth = 0;
  let inString = false;
  let escape = false;
  let containers = new Uint8Array(256); // type of each open container (grows by doubling below)
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
  const piece = new ByteBuffer();

  // layout recording inside an OTLP element (see OtlpLayout): relative depths 1..5 below
  // pieceDepth, checked only at strings and brackets no deeper than that
  let recording = false;
  let rec1 = -1; // pieceDepth + 1 while recording, else -1 (no depth matches)
  let rec3 = -1;
  let rec4 = -1;
  let rec5 = -1;
  const shallow = new Uint8Array(6);
  let layout: OtlpLayout | null = null;
  let key1At = 0;
  let key3At = 0;
  let scopeOrdinal = -1;
  let run: OtlpRun | null = null;
  let spanStart = -1;

  const spanHandler = handlers.onSpan?.bind(handlers) ?? null;

  /** A span object opens at chunk[i] (at depth rec4, spanStart set): offers it to `onSpan`; the index after it, or -1. */
  function offerSpan(chunk: Uint8Array, i: number, n: number, noNewline: boolean): number {
    const j = spanHandler!(chunk, i, n, offset - pieceOffset, pieceOffset, noNewline);
    if (j < 0) return -1;
    run!.starts.push(spanStart);
    run!.ends.push(offset + j - pieceOffset);
    spanStart = -1;
    return j;
  }

  // whole-line state (line mode with an `onLine` handler)
  const lineHandler = handlers.onLine?.bind(handlers);
  const lineBuf = new ByteBuffer();
  let lineBuffered = false; // lineBuf holds the start of a line whose newline has not come yet
  let lineStart = 0;
  // Line mode decodes each chunk once, up front: newlines are found in the text (a string
  // search is many times faster than a byte search), and a line's text is handed to `onLine`.
  // Only for a chunk that starts and ends on a character boundary and decodes to one char per
  // byte, so string positions are byte positions; other chunks are searched as bytes.
  const lineDecoder = new TextDecoder('utf-8');
  let afterAscii = true; // the previous chunk ended on an ASCII byte (or there was none)
  let lineText: string[] | null = null; // text of the buffered line so far, null when unknown

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
    recording = wantLayouts && (key === 'resourceSpans' || key === 'resource_spans');
    layout = recording ? { arrays: 0, arrayKeyAt: -1, runs: [] } : null;
    setRecordDepths();
    shallow.fill(0);
    shallow[1] = OPEN_OBJ;
    run = null;
    spanStart = -1;
    scopeOrdinal = -1;
  }

  function setRecordDepths(): void {
    rec1 = recording ? pieceDepth + 1 : -1;
    rec3 = recording ? pieceDepth + 3 : -1;
    rec4 = recording ? pieceDepth + 4 : -1;
    rec5 = recording ? pieceDepth + 5 : -1;
  }

  /** A string starts at stream offset `at` at depth `d` (<= rec3). */
  function noteString(d: number, at: number): void {
    if (d === rec1) key1At = at;
    else if (d === rec3) key3At = at;
  }

  /** A container opens at stream offset `at`, from depth `d` (<= rec4) to d + 1. */
  function noteOpen(c: number, d: number, at: number): void {
    const r = d - pieceDepth + 1;
    if (r < 2) return;
    shallow[r] = c;
    if (r === 2) {
      if (c === OPEN_ARR) {
        layout!.arrays++;
        layout!.arrayKeyAt = key1At - pieceOffset;
        scopeOrdinal = -1;
      }
    } else if (r === 3) {
      if (shallow[2] === OPEN_ARR) scopeOrdinal++;
    } else if (r === 4) {
      run = null;
      if (c === OPEN_ARR && shallow[3] === OPEN_OBJ && shallow[2] === OPEN_ARR) {
        run = { keyAt: key3At - pieceOffset, scope: scopeOrdinal, array: layout!.arrays, starts: [], ends: [] };
        layout!.runs.push(run);
      }
    } else {
      spanStart = c === OPEN_OBJ && run !== null ? at - pieceOffset : -1;
    }
  }

  /** A container closes at stream offset `at`, from depth rec5. */
  function noteClose(c: number, at: number): void {
    if (spanStart >= 0 && c === CLOSE_OBJ) {
      run!.starts.push(spanStart);
      run!.ends.push(at + 1 - pieceOffset);
    }
    spanStart = -1;
  }

  function finishPiece(chunk: Uint8Array, i: number): void {
    inPiece = false;
    cutInTop++;
    restSeg = i + 1;
    skipCommaDepth = depth;
    let bytes: Uint8Array;
    if (piece.len === 0) bytes = chunk.subarray(pieceSeg, i + 1);
    else {
      piece.push(chunk, pieceSeg, i + 1);
      bytes = piece.view();
    }
    try {
      const out: JsonPiece = { bytes, offset: pieceOffset, line: pieceLine, top: topCount - 1, key: pieceKey, index: pieceIndex, outer: pieceOuter, nested: pieceNested, depth: pieceDepth, ...(layout ? { layout } : {}) };
      layout = null;
      handlers.onPiece(out);
    } finally {
      piece.clear();
    }
  }

  /**
   * The tight loop inside a piece: tracks only string/escape state and depth. Returns the
   * index of the next byte the general loop must see (the `}` that closes the piece, or a
   * newline when newlines matter), or n.
   */
  function scanPiece(chunk: Uint8Array, i: number, n: number): number {
    // newlines matter only in line mode (or while it is being detected); otherwise lines are
    // never reported, and the loop need not look for them
    if (lineMode === false || (lineMode === 'auto' && newlineInFirst)) return scanPieceNoLines(chunk, i, n);
    if (lineMode === 'auto') return scanPieceFirstValue(chunk, i, n);
    // line mode: a newline goes back to the general loop (truncation, line count; a piece
    // with a newline in it is dropped, so its layout does not matter)
    const stop = pieceDepth + 1;
    let d = depth;
    let str = inString;
    if (str && escape) {
      if (chunk[i] === NL) return i;
      escape = false;
      i++;
    }
    // plain compares beat a table lookup here (one load and mostly one compare per byte)
    for (;;) {
      if (str) {
        for (;;) {
          if (i >= n) {
            inString = true;
            depth = d;
            return n;
          }
          const c = chunk[i]!;
          if (c === QUOTE) break;
          if (c === BACKSLASH) {
            if (i + 1 >= n) {
              escape = true;
              inString = true;
              depth = d;
              return n;
            }
            if (chunk[i + 1] === NL) {
              // let the general loop see the escaped newline (line count, line mode)
              escape = true;
              inString = true;
              depth = d;
              return i + 1;
            }
            i += 2;
            continue;
          }
          if (c === NL) {
            inString = true;
            depth = d;
            return i;
          }
          i++;
        }
        i++;
      }
      for (;;) {
        if (i >= n) {
          inString = false;
          depth = d;
          return n;
        }
        const c = chunk[i]!;
        if (c === QUOTE) {
          if (d <= rec3) noteString(d, offset + i);
          break;
        }
        if (c === OPEN_OBJ || c === OPEN_ARR) {
          if (d <= rec4) {
            noteOpen(c, d, offset + i);
            if (d === rec4 && spanStart >= 0 && spanHandler !== null) {
              const j = offerSpan(chunk, i, n, true);
              if (j >= 0) {
                i = j;
                continue;
              }
            }
          }
          d++;
        } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
          if (d === stop) {
            inString = false;
            depth = d;
            return i;
          }
          if (d === rec5) noteClose(c, offset + i);
          d--;
        } else if (c === NL) {
          inString = false;
          depth = d;
          return i;
        }
        i++;
      }
      i++;
      str = true;
    }
  }

  /** `scanPiece` when newlines do not matter: quote, backslash and brackets only. */
  function scanPieceNoLines(chunk: Uint8Array, i: number, n: number): number {
    const stop = pieceDepth + 1;
    let d = depth;
    if (inString) {
      if (escape) {
        escape = false;
        i++;
      }
      for (;;) {
        if (i >= n) {
          depth = d;
          return n;
        }
        const x = chunk[i++]!;
        if (x === QUOTE) break;
        if (x === BACKSLASH) {
          if (i >= n) {
            escape = true;
            depth = d;
            return n;
          }
          i++;
        }
      }
      inString = false;
    }
    while (i < n) {
      const c = chunk[i++]!;
      if (c === QUOTE) {
        if (d <= rec3) noteString(d, offset + i - 1);
        for (;;) {
          if (i >= n) {
            inString = true;
            depth = d;
            return n;
          }
          const x = chunk[i++]!;
          if (x === QUOTE) break;
          if (x === BACKSLASH) {
            if (i >= n) {
              inString = true;
              escape = true;
              depth = d;
              return n;
            }
            i++;
          }
        }
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (d <= rec4) {
          noteOpen(c, d, offset + i - 1);
          if (d === rec4 && spanStart >= 0 && spanHandler !== null) {
            const j = offerSpan(chunk, i - 1, n, false);
            if (j >= 0) {
              i = j;
              continue;
            }
          }
        }
        d++;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (d === stop) {
          depth = d;
          return i - 1;
        }
        if (d === rec5) noteClose(c, offset + i - 1);
        d--;
      }
    }
    depth = d;
    return n;
  }

  /**
   * `scanPieceNoLines` while line mode is still being detected (inside the first value, no
   * newline yet): the first newline decides it is not line mode, and is counted.
   */
  function scanPieceFirstValue(chunk: Uint8Array, i: number, n: number): number {
    const stop = pieceDepth + 1;
    let d = depth;
    if (inString) {
      if (escape) {
        if (chunk[i] === NL) return i;
        escape = false;
        i++;
      }
      for (;;) {
        if (i >= n) {
          depth = d;
          return n;
        }
        const x = chunk[i++]!;
        if (x <= QUOTE) {
          // one compare for most bytes: quote and newline are both below every letter and digit
          if (x === QUOTE) break;
          if (x === NL) {
            newlineInFirst = true;
            line++;
          }
        } else if (x === BACKSLASH) {
          if (i >= n) {
            escape = true;
            depth = d;
            return n;
          }
          if (chunk[i] === NL) {
            escape = true;
            depth = d;
            return i;
          }
          i++;
        }
      }
      inString = false;
    }
    while (i < n) {
      const c = chunk[i++]!;
      if (c === QUOTE) {
        if (d <= rec3) noteString(d, offset + i - 1);
        for (;;) {
          if (i >= n) {
            inString = true;
            depth = d;
            return n;
          }
          const x = chunk[i++]!;
          if (x <= QUOTE) {
            if (x === QUOTE) break;
            if (x === NL) {
              newlineInFirst = true;
              line++;
            }
          } else if (x === BACKSLASH) {
            if (i >= n) {
              inString = true;
              escape = true;
              depth = d;
              return n;
            }
            if (chunk[i] === NL) {
              inString = true;
              escape = true;
              depth = d;
              return i;
            }
            i++;
          }
        }
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (d <= rec4) {
          noteOpen(c, d, offset + i - 1);
          // a span with a newline in it is scanned: the newline decides it is not line mode
          if (d === rec4 && spanStart >= 0 && spanHandler !== null) {
            const j = offerSpan(chunk, i - 1, n, true);
            if (j >= 0) {
              i = j;
              continue;
            }
          }
        }
        d++;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (d === stop) {
          depth = d;
          return i - 1;
        }
        if (d === rec5) noteClose(c, offset + i - 1);
        d--;
      } else if (c === NL) {
        newlineInFirst = true;
        line++;
      }
    }
    depth = d;
    return n;
  }

  /**
   * Runs the state machine over chunk[from, n) (`offset` is the stream offset of chunk[0]).
   * Returns n, or, when `onLine` is set, the start of the next line as soon as the scanner is
   * between values in line mode (whole lines are then offered to `onLine` first).
   */
  function scanChunk(chunk: Uint8Array, from: number): number {
    restSeg = inTop && !inPiece ? from : -1;
    pieceSeg = from;
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      if (inPiece) {
        i = scanPiece(chunk, i, n);
        if (i === n) break;
      } else if (inString && !escape && keyCapture === null) {
        // most bytes outside pieces that matter are still string contents: skip to the next
        // byte that matters (quote, backslash, or a newline, which line mode must see)
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
            if (lineHandler) return i + 1;
            continue;
          }
          if (topScalar) {
            finishTop(chunk, i);
            continue;
          }
        } else if (!inTop && lineHandler && lineMode === true) return i + 1;
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
          // capture only the keys the cut rules read: top-level keys
          if (depth === 1 && containers[1] === OPEN_OBJ && expectKey[1] === 1) {
            keyCapture = '';
            keyDepth = 1;
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
    return n;
  }

  function isWs(c: number): boolean {
    return c === 0x20 || c === NL || c === 0x0d || c === 0x09;
  }

  /** One whole line (starting between values, in line mode) at stream offset `start`. */
  function takeLine(bytes: Uint8Array, start: number, text: string | null): void {
    const n = bytes.length;
    let k = 0;
    while (k < n && isWs(bytes[k]!)) k++;
    if (k === n) {
      // blank: only newlines count
      if (n > 0 && bytes[n - 1] === NL) line++;
      return;
    }
    if (bytes[k] === OPEN_OBJ && lineHandler!(bytes, start, line, topCount, text)) {
      topCount++;
      if (bytes[n - 1] === NL) line++;
      return;
    }
    const chunkOffset = offset;
    offset = start;
    scanChunk(bytes, 0);
    offset = chunkOffset;
  }

  function write(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    let decoded = false;
    let text: string | null = null; // chunk[textFrom, n) decoded, one char per byte
    let textFrom = 0;
    while (i < n) {
      if (lineBuffered || (lineHandler && lineMode === true && !inTop)) {
        // line mode, between values: take whole lines
        if (!decoded) {
          decoded = true;
          // a chunk that starts and ends on a character boundary (the previous chunk and this
          // one end on an ASCII byte) decodes on its own (the fast, non-streaming decode)
          if (afterAscii && chunk[n - 1]! < 0x80) {
            const t = lineDecoder.decode(chunk.subarray(i));
            if (t.length === n - i) {
              text = t;
              textFrom = i;
            }
          }
        }
        let nl: number;
        if (text !== null) {
          const at = text.indexOf('\n', i - textFrom);
          nl = at < 0 ? -1 : at + textFrom;
        } else nl = chunk.indexOf(NL, i);
        if (nl < 0) {
          if (!lineBuffered) {
            lineStart = offset + i;
            lineText = text !== null ? [] : null;
          }
          if (lineText !== null && text !== null) lineText.push(text.slice(i - textFrom));
          else lineText = null;
          lineBuffered = true;
          lineBuf.push(chunk, i, n);
          break;
        }
        if (lineBuffered) {
          lineBuf.push(chunk, i, nl + 1);
          if (lineText !== null && text !== null) lineText.push(text.slice(i - textFrom, nl + 1 - textFrom));
          else lineText = null;
          lineBuffered = false;
          const whole = lineText !== null ? lineText.join('') : null;
          lineText = null;
          try {
            takeLine(lineBuf.view(), lineStart, whole);
          } finally {
            lineBuf.clear();
          }
        } else takeLine(chunk.subarray(i, nl + 1), offset + i, text !== null ? text.slice(i - textFrom, nl + 1 - textFrom) : null);
        i = nl + 1;
      } else i = scanChunk(chunk, i);
    }
    if (n > 0) afterAscii = chunk[n - 1]! < 0x80;
    offset += n;
  }

  function end(): void {
    if (lineBuffered) {
      // a last line without a newline
      lineBuffered = false;
      const whole = lineText !== null ? lineText.join('') : null;
      lineText = null;
      takeLine(lineBuf.take(), lineStart, whole);
    }
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
