/** A bounded least-recently-used set of trace IDs (the tail sampler's decision caches, §2.1.4). */
export class LruSet {
  private readonly items = new Set<string>();

  constructor(readonly capacity: number) {}

  has(id: string): boolean {
    if (!this.items.has(id)) return false;
    // Refresh recency, as a Get on the upstream LRU does.
    this.items.delete(id);
    this.items.add(id);
    return true;
  }

  add(id: string): void {
    if (this.capacity <= 0) return;
    this.items.delete(id);
    this.items.add(id);
    if (this.items.size > this.capacity) {
      const oldest = this.items.values().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }
}
