/** The JSON punctuation the byte-level readers look for (`jsonScanner`, `otlpJsonBytes`, sniffing in `ingestTraces`). */
export const OPEN_OBJ = 0x7b;
export const CLOSE_OBJ = 0x7d;
export const OPEN_ARR = 0x5b;
export const CLOSE_ARR = 0x5d;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const NL = 0x0a;
export const MINUS = 0x2d;
export const ZERO = 0x30;
