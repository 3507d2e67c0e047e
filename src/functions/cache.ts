/* global queueMicrotask */

/**
 * A small least-recently-used cache. Excel calls a custom function once per cell, so a results
 * sheet of 21 regions × posts × scenarios asks the same scenario hundreds of times; computing it
 * once per distinct input (by value) is what keeps recalculation fast.
 *
 * With `turnCapacity`, nothing is evicted within one synchronous run of JavaScript (up to that
 * many entries): HyperFormula evaluates a whole workbook synchronously, and Excel hands a batch
 * of calls to the runtime in one go, so a workbook of more scenario columns than `capacity`,
 * evaluated row by row, still computes each scenario once. When the run ends (the next
 * microtask), the cache is cut back to `capacity`, so memory stays bounded between runs.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  private turnOpen = false;
  hits = 0;
  misses = 0;

  constructor(
    private readonly capacity: number,
    private readonly turnCapacity = capacity
  ) {}

  getOrCompute(key: string, compute: () => V): V {
    this.openTurn();
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
    this.trim(this.turnOpen ? this.turnCapacity : this.capacity);
    return value;
  }

  /** Marks the current synchronous run; its end cuts the cache back to `capacity`. */
  private openTurn(): void {
    if (this.turnOpen || this.turnCapacity === this.capacity) return;
    this.turnOpen = true;
    queueMicrotask(() => {
      this.turnOpen = false;
      this.trim(this.capacity);
    });
  }

  /** Drops the least recently used entries beyond `limit`. */
  private trim(limit: number): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= limit) return;
      this.entries.delete(key);
    }
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
