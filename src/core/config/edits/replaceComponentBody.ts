import { isMap, isScalar, parseDocument } from 'yaml';
import type { ComponentKind } from '../componentId';
import { findDefinitionNode, normalizeComponentId } from './configNodes';
import { refuse, type EditResult } from './editResult';
import { finishEdit } from './finishEdit';
import { nodeStart } from './nodeSpans';
import { openConfig } from './openConfig';
import { replacePairValue, valueText, type ValueText } from './pairValueEdits';
import { renderFlow } from './renderYaml';
import { usedAnchorInside } from './usedAnchorInside';
import { columnOf, indentOf, isBlankLine } from './textLines';

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * Replaces a component's whole body with YAML typed in the raw-YAML box. The typed text is kept
 * as written (comments, quoting, key order): it is dedented, then indented under the key with
 * the document's line endings. It is parsed first and refused with the parse error when it does
 * not parse, or when it is not a mapping (or empty). A body whose block scalars carry an explicit
 * indentation indicator (`|2`) is re-rendered from its values instead, since re-indenting would
 * change their meaning.
 */
export function replaceComponentBody(text: string, kind: ComponentKind, id: string, yamlBody: string): EditResult {
  const name = `${kind} ${normalizeComponentId(id)}`;
  const body = parseDocument(yamlBody, { prettyErrors: false });
  const error = body.errors[0];
  if (error) {
    const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return refuse(`The YAML for ${name} does not parse (line ${lineOfOffset(yamlBody, error.pos[0])}: ${message}).`);
  }
  const contents = body.contents;
  const empty = contents === null || (isScalar(contents) && contents.value === null);
  if (!empty && !isMap(contents)) return refuse(`The configuration of ${name} must be a mapping of settings (or empty).`);
  const config = openConfig(text);
  if ('ok' in config) return config;
  const definition = findDefinitionNode(config, kind, normalizeComponentId(id));
  if (typeof definition === 'string') return refuse(definition);
  const anchor = usedAnchorInside(config, definition.pair.value);
  if (anchor) return refuse(`The configuration of ${name} holds the anchor &${anchor}, which aliases elsewhere use; replacing it would break them. Edit it in the text editor.`);

  const keyColumn = columnOf(config.text, nodeStart(definition.pair));
  const lines = yamlBody.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && isBlankLine(lines[lines.length - 1]!)) lines.pop();
  while (lines.length > 0 && isBlankLine(lines[0]!)) lines.shift();
  let value: ValueText;
  if (lines.length === 0) {
    value = { inline: '' };
  } else if (definition.section.flow) {
    value = { inline: empty ? '' : ` ${renderFlow(body.toJS())}` };
  } else if (/[|>][+-]?[1-9]/.test(yamlBody) && !empty) {
    // Explicit indentation indicators count from the parent's indent: render from the values.
    value = valueText(config, body.toJS(), keyColumn, false);
  } else if (isMap(contents) && contents.flow && lines.length === 1) {
    value = { inline: ` ${lines[0]!.trim()}` };
  } else {
    const strip = Math.min(...lines.filter((l) => !isBlankLine(l)).map(indentOf));
    const pad = ' '.repeat(keyColumn + config.unit);
    value = { lines: lines.map((l) => (isBlankLine(l) ? '' : pad + l.slice(strip))) };
  }
  return finishEdit(config, replacePairValue(config, definition.pair, value));
}
