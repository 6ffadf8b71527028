import { isMap, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { plainEqual } from './plainValues';

function toPlain(doc: Document, node: Node): unknown {
  return node.toJS(doc, { maxAliasCount: 1000 });
}

/**
 * The text of a block mapping nested inside a larger document (e.g. `spec.config:` of an
 * OpenTelemetryCollector), dedented to stand on its own, comments inside it kept. When the slice
 * would not read back as the same data (aliases to anchors outside it, odd indentation), the node
 * is serialised instead, which loses its comments but never its content.
 */
export function blockText(source: string, doc: Document, node: Node): string {
  const expected = toPlain(doc, node);
  const range = node.range;
  if (range && (isMap(node) || isSeq(node))) {
    const start = range[0];
    let lineStart = source.lastIndexOf('\n', start - 1) + 1;
    const indent = start - lineStart;
    // Comment lines just above the first key belong to the block (the parser attaches them before it).
    while (lineStart > 0) {
      const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
      if (!source.slice(previousStart, lineStart - 1).trim().startsWith('#')) break;
      lineStart = previousStart;
    }
    const slice = source.slice(lineStart, range[1]);
    const lines = slice.split('\n').map((line) => {
      const leading = line.length - line.trimStart().length;
      return line.slice(Math.min(leading, indent));
    });
    let candidate = lines.join('\n').replace(/\s+$/, '');
    candidate = `${candidate}\n`;
    const reparsed = parseDocument(candidate, { merge: true, uniqueKeys: false });
    if (reparsed.errors.length === 0 && plainEqual(reparsed.toJS({ maxAliasCount: 1000 }), expected)) return candidate;
  }
  return stringify(expected);
}
