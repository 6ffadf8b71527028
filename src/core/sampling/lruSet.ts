/** A bounded least-recently-used set of trace keys (the tail sampler's decision caches, §2.1.4). */
export class LruSet<K = string> {
  private readonly items = new Set<K>();

  constructor(readonly capacity: number) {}

  has(id: K): boolean {
    if (!this.items.has(id)) return false;
    // Refresh recency, as a Get on the upstream LRU does.
    this.items.delete(id);
    this.items.add(id);
    return true;
  }

  add(id: K): void {
    if (this.capacity <= 0) return;
    this.items.delete(id);
    this.items.add(id);
    if (this.items.size > this.capacity) {
      const oldest = this.items.values().next();
      if (!oldest.done) this.items.delete(oldest.value);
    }
  }
}
