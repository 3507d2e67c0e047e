/**
 * A small least-recently-used cache. Excel calls a custom function once per cell, so a results
 * sheet of 21 regions × posts × scenarios asks the same scenario hundreds of times; computing it
 * once per distinct input (by value) is what keeps recalculation fast.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  getOrCompute(key: string, compute: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity)
      this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
