// A set of lookup keys that also answers "does any key start with this?", for the name finder's gate:
// a word no name's key starts with begins no name, so its n-grams need no lookups. Kept as one sorted
// array (the keys already exist in the catalog's maps), searched by halves within the run of keys that
// share the first two characters: no prefix strings stored.

/** What a typed key is to the set: none of its keys starts with it, some do, or it is a key itself. */
export const NONE = 0;
export const PREFIX = 1;
export const KEY = 2;
export type KeyStanding = typeof NONE | typeof PREFIX | typeof KEY;

export interface KeyGate {
  standing(key: string): KeyStanding;
}

/** Key characters ("0"-"9", "a"-"z") as 0..35, in the order the sort puts them; -1 for any other. */
function rank(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  return -1;
}
const RANKS = 36;

export class KeyPrefixes implements KeyGate {
  private readonly sorted: readonly string[];
  /** where the keys at or after each one-character string ("a") begin, and one more: the end */
  private readonly firsts = new Int32Array(RANKS + 1);
  /** where the keys at or after each two-character string ("a0" .. "zz") begin, and one more: the end */
  private readonly pairs = new Int32Array(RANKS * RANKS + 1);

  constructor(keys: Iterable<string>) {
    this.sorted = [...new Set(keys)].sort();
    const name = (r: number) => String.fromCharCode(r < 10 ? 48 + r : 87 + r);
    for (let a = 0; a <= RANKS; a++) this.firsts[a] = a < RANKS ? this.lowerBound(name(a), 0, this.sorted.length) : this.sorted.length;
    for (let p = 0; p <= RANKS * RANKS; p++)
      this.pairs[p] = p < RANKS * RANKS ? this.lowerBound(name(Math.floor(p / RANKS)) + name(p % RANKS), 0, this.sorted.length) : this.sorted.length;
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The keys starting with `key` are one run in the sorted array, beginning where `key` would go; that place lies
   * between where the keys at or after its first two characters begin and where those after them begin. */
  standing(key: string): KeyStanding {
    const a = rank(key.charCodeAt(0));
    const b = key.length > 1 ? rank(key.charCodeAt(1)) : 0;
    let at: number;
    if (a < 0 || b < 0) at = this.lowerBound(key, 0, this.sorted.length);
    else if (key.length === 1) at = this.lowerBound(key, this.firsts[a]!, this.firsts[a + 1]!);
    else at = this.lowerBound(key, this.pairs[a * RANKS + b]!, this.pairs[a * RANKS + b + 1]!);
    const found = this.sorted[at];
    if (found === undefined) return NONE;
    if (found === key) return KEY;
    return found.startsWith(key) ? PREFIX : NONE;
  }

  /** The first place in [lo, hi) whose key is not below `key` (hi when there is none). */
  private lowerBound(key: string, lo: number, hi: number): number {
    const sorted = this.sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** No gate: every key may be a name's (the reference the gated path is tested against). */
export const EVERY_KEY: KeyGate = { standing: () => KEY };
