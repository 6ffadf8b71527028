/**
 * Line arithmetic over the raw text. Everything here works on 0-based UTF-16 offsets and treats
 * `\r\n` and `\n` alike, so CRLF files keep their line endings (sync-design.md).
 */

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl < 0 ? 0 : nl + 1;
}

/** The offset where the content of the line holding `offset` ends (before `\r\n` / `\n`). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The offset where the next line starts, or the text length on the last line. */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The column (0-based, in characters) of an offset. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The text of the line starting at `start`, without its line ending. */
export function lineAt(text: string, start: number): string {
  return text.slice(start, lineEnd(text, start));
}

/** Leading whitespace width of a line; tabs count as one character (they only occur in comments). */
export function indentOf(line: string): number {
  return line.length - line.replace(/^[ \t]+/, '').length;
}

/** Whether a line holds only a comment. */
export function isCommentLine(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/** Whether a line holds nothing but whitespace. */
export function isBlankLine(line: string): boolean {
  return line.trim() === '';
}

/** The document's line ending: CRLF when any line uses it, else LF. */
export function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Skips spaces and tabs forward from `offset`. */
export function skipSpaces(text: string, offset: number): number {
  let p = offset;
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return p;
}

/** Moves back over whitespace (including line breaks) from `end`, never before `floor`. */
export function trimBack(text: string, end: number, floor: number): number {
  let p = end;
  while (p > floor && /\s/.test(text[p - 1] ?? '')) p--;
  return p;
}
