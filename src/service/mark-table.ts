// The in-process store's claims and counters (memory-store.ts), kept off the JS heap. A busy Slack bot
// keeps two a command (a replay claim for 15 minutes, a cooldown count for a minute): as strings in Maps
// each cost ~85 bytes of old space, which the heap then multiplies (V8 lets the old generation grow to a
// multiple of what survived its last full collection before it collects again), and every full collection
// walked them all. Here each is one row of typed arrays and its key's UTF-8 bytes in one buffer: ~60 bytes
// in all, none of it on the JS heap.
//
// An open-addressing hash table (linear probing) over rows: a row holds the key's hash, where its bytes
// are, its expiry (ms) and its count (0 for a claim, 1 and up for a counter). A removed row is dead until
// the next rebuild (a sweep, or growth), which copies the live rows down and drops the dead ones' bytes.

const INITIAL_ROWS = 1024;
const INITIAL_BYTES = 32 * 1024;
/** a slot that has never held a row ends a probe; a slot whose row was removed does not */
const EMPTY = 0;
const REMOVED = -1;

/** FNV-1a over bytes. */
function hashOf(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h | 0;
}

const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(2, n)));

export class MarkTable {
  /** row + 1, EMPTY or REMOVED; twice the rows or more, a power of two */
  private slots = new Int32Array(INITIAL_ROWS * 2);
  private hashes = new Int32Array(INITIAL_ROWS);
  /** where a row's key starts in `bytes`; -1 for a removed row */
  private starts = new Int32Array(INITIAL_ROWS);
  private lengths = new Int32Array(INITIAL_ROWS);
  private expiries = new Float64Array(INITIAL_ROWS);
  private counts = new Int32Array(INITIAL_ROWS);
  private bytes = Buffer.allocUnsafe(INITIAL_BYTES);
  private bytesUsed = 0;
  /** rows written so far (live and removed) */
  private rows = 0;
  private live = 0;
  /** the key being looked up, as UTF-8 */
  private scratch = Buffer.allocUnsafe(256);
  private scratchLength = 0;
  private scratchHash = 0;

  /** Rows held now (expired ones not yet swept included). */
  get size(): number {
    return this.live;
  }

  /** The row holding `key`, or -1. */
  find(key: string): number {
    this.encode(key);
    const slot = this.probe();
    const row = this.slots[slot]!;
    return row > 0 ? row - 1 : -1;
  }

  expiry(row: number): number {
    return this.expiries[row]!;
  }

  /** 0 for a claim, else the counter's count */
  count(row: number): number {
    return this.counts[row]!;
  }

  /** Adds or overwrites the row for `key`. */
  put(key: string, expiry: number, count: number): void {
    this.encode(key);
    let row = this.slots[this.probe()]! - 1;
    if (row < 0) {
      if (this.rows === this.hashes.length || this.bytesUsed + this.scratchLength > this.bytes.length || (this.rows + 1) * 2 > this.slots.length) {
        this.rebuild(1, this.scratchLength);
      }
      row = this.rows++;
      this.live += 1;
      this.hashes[row] = this.scratchHash;
      this.starts[row] = this.bytesUsed;
      this.lengths[row] = this.scratchLength;
      this.scratch.copy(this.bytes, this.bytesUsed, 0, this.scratchLength);
      this.bytesUsed += this.scratchLength;
      this.slots[this.freeSlot()] = row + 1;
    }
    this.expiries[row] = expiry;
    this.counts[row] = count;
  }

  setCount(row: number, count: number): void {
    this.counts[row] = count;
  }

  /** Removes the row for `key`, if any. */
  delete(key: string): void {
    this.encode(key);
    const slot = this.probe();
    const row = this.slots[slot]! - 1;
    if (row < 0) return;
    this.slots[slot] = REMOVED;
    this.starts[row] = -1;
    this.live -= 1;
  }

  /** Drops every row whose expiry is at or before `at` (and the bytes of rows removed before). */
  sweep(at: number): void {
    this.rebuild(0, 0, at);
  }

  /** Drops every row, back to the first size. */
  clear(): void {
    this.sweep(Number.POSITIVE_INFINITY);
  }

  /** `key` as UTF-8 in scratch, with its length and hash. */
  private encode(key: string): void {
    if (key.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(nextPowerOfTwo(key.length * 3));
    this.scratchLength = this.scratch.write(key, 0, 'utf8');
    this.scratchHash = hashOf(this.scratch, this.scratchLength);
  }

  /** The slot holding the scratch key's row, else the EMPTY slot that ends its probe. */
  private probe(): number {
    const mask = this.slots.length - 1;
    const length = this.scratchLength;
    for (let slot = this.scratchHash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return slot;
      if (entry === REMOVED) continue;
      const row = entry - 1;
      if (this.hashes[row] !== this.scratchHash || this.lengths[row] !== length) continue;
      const start = this.starts[row]!;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (this.bytes[start + i] !== this.scratch[i]) {
          same = false;
          break;
        }
      }
      if (same) return slot;
    }
  }

  /** The first EMPTY or REMOVED slot on the scratch key's probe (the key is known to be absent). */
  private freeSlot(): number {
    const mask = this.slots.length - 1;
    let slot = this.scratchHash & mask;
    while (this.slots[slot]! > 0) slot = (slot + 1) & mask;
    return slot;
  }

  /**
   * Copies the live rows (those expiring after `at`, when given) into arrays sized for them and
   * `moreRows` more, with room for `moreBytes` more key bytes; removed rows and their bytes are dropped.
   */
  private rebuild(moreRows: number, moreBytes: number, at = Number.NEGATIVE_INFINITY): void {
    let keepRows = 0;
    let keepBytes = 0;
    for (let row = 0; row < this.rows; row++) {
      if (this.starts[row]! < 0 || this.expiries[row]! <= at) continue;
      keepRows += 1;
      keepBytes += this.lengths[row]!;
    }
    // Room to double: a table that grows rebuilds at each power of two (growing costs O(1) a row), and the
    // rows and bytes not written yet are pages never touched.
    const capacity = Math.max(INITIAL_ROWS, nextPowerOfTwo(keepRows + moreRows));
    const byteCapacity = Math.max(INITIAL_BYTES, nextPowerOfTwo(keepBytes + moreBytes));
    const slots = new Int32Array(capacity * 2);
    const hashes = new Int32Array(capacity);
    const starts = new Int32Array(capacity);
    const lengths = new Int32Array(capacity);
    const expiries = new Float64Array(capacity);
    const counts = new Int32Array(capacity);
    const bytes = Buffer.allocUnsafe(byteCapacity);
    const mask = slots.length - 1;
    let used = 0;
    let kept = 0;
    for (let row = 0; row < this.rows; row++) {
      const start = this.starts[row]!;
      if (start < 0 || this.expiries[row]! <= at) continue;
      const length = this.lengths[row]!;
      const hash = this.hashes[row]!;
      this.bytes.copy(bytes, used, start, start + length);
      hashes[kept] = hash;
      starts[kept] = used;
      lengths[kept] = length;
      expiries[kept] = this.expiries[row]!;
      counts[kept] = this.counts[row]!;
      let slot = hash & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = kept + 1;
      used += length;
      kept += 1;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.starts = starts;
    this.lengths = lengths;
    this.expiries = expiries;
    this.counts = counts;
    this.bytes = bytes;
    this.bytesUsed = used;
    this.rows = kept;
    this.live = kept;
  }
}
