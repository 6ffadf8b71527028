import type { TextEdit } from '../../diagnostics/diagnostic';

/** One edit replacing the changed middle of `before` (common prefix and suffix kept); none when equal. */
export function diffEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ from: start, to: before.length - end, insert: after.slice(start, after.length - end) }];
}
