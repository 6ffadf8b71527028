/**
 * The distinct traces seen at one point of a run (a node's input or output, an edge, an exporter),
 * by trace ordinal: one byte per trace instead of a `Set` of 32-character ids, so counting a span
 * is an array write (performance.md §4: hashing hex ids is what kernel b pays for).
 */
export class TraceMarks {
  private marks = new Uint8Array(1024);
  /** Distinct traces marked so far. */
  size = 0;

  add(ordinal: number): void {
    if (ordinal >= this.marks.length) {
      let length = this.marks.length * 2;
      while (length <= ordinal) length *= 2;
      const grown = new Uint8Array(length);
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.marks[ordinal] === 0) {
      this.marks[ordinal] = 1;
      this.size++;
    }
  }

  /** Marks every ordinal of `ordinals` (the spans of one trace mostly come together: a repeat is skipped). */
  addAll(ordinals: readonly number[]): void {
    let previous = -1;
    for (let i = 0; i < ordinals.length; i++) {
      const ordinal = ordinals[i]!;
      if (ordinal !== previous) this.add(ordinal);
      previous = ordinal;
    }
  }
}
