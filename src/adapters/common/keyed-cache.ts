// A small least-recently-used cache with explicit keys, for what an adapter makes again and again from
// the same question (a rendered reply). Each entry remembers a `check` (what it was made from, e.g. the
// answer's kind and text): a hit whose check differs is made afresh, so a changed answer never gets a
// reply rendered for another one.
export class KeyedCache<V> {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  private readonly entries = new Map<string, { check: string; value: V }>();

  constructor(readonly capacity = 256) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value kept for `key` when it was made with the same `check`; else `make()`'s, kept. */
  get(key: string, check: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.check === check) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = make();
    this.entries.delete(key);
    this.entries.set(key, { check, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
