import { visit, type Node } from 'yaml';
import type { ConfigDocument } from './openConfig';

/** The first anchor inside a node (the node included) that some alias uses, or null. */
export function usedAnchorInside(config: ConfigDocument, node: unknown): string | null {
  if (node === null || typeof node !== 'object') return null;
  const own = (node as { anchor?: string }).anchor;
  if (own && config.usedAnchors.has(own)) return own;
  let found: string | null = null;
  visit(node as Node, (_, child) => {
    const anchor = (child as { anchor?: string } | null)?.anchor;
    if (anchor && config.usedAnchors.has(anchor)) {
      found = anchor;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
