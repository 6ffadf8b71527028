/**
 * Where a processor dragged along its lane ends up: its new index is the number of the lane's
 * other processors whose left edge is left of where it was dropped. Null when nothing moves.
 */
export function reorderTarget(processorXs: readonly number[], from: number, droppedX: number): { from: number; to: number } | null {
  if (from < 0 || from >= processorXs.length) return null;
  const others = processorXs.filter((_, i) => i !== from);
  const to = others.filter((x) => x < droppedX).length;
  return to === from ? null : { from, to };
}
