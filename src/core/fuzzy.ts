// "Did you mean": the closest known names to an unknown one.
//
// Bounded: the candidates' keys are reduced once (a NameIndex, built by the catalog), the edit
// distance allocates nothing (three typed-array rows reused across calls), computes only the diagonal
// band the cap allows and stops as soon as a whole row is past the cap, and the cap tightens to the
// k-th best distance found so far. The ranking is exactly that of the plain rules written on closest().

// Rows reused by every call (the core is synchronous: no call can interleave with another).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

function ensureRows(size: number): void {
  if (rowA.length >= size) return;
  const n = Math.max(size, rowA.length * 2);
  rowA = new Int32Array(n);
  rowB = new Int32Array(n);
  rowC = new Int32Array(n);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped for speed:
 * the exact distance when it is at most `cap`, otherwise `cap + 1`.
 */
export function editDistance(a: string, b: string, cap = 8): number {
  const n = a.length;
  const m = b.length;
  const over = cap + 1;
  if (Math.abs(n - m) > cap) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  ensureRows(m + 2);
  // prev2: row i-2, prev: row i-1, cur: row i. Only cells with |i - j| <= cap are computed; the cell
  // just outside the band on each side holds `over`, which is all any path through it can be worth.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  const top = Math.min(m, over);
  for (let j = 0; j <= top; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = i - cap > 1 ? i - cap : 1;
    const hi = i + cap < m ? i + cap : m;
    if (lo === 1) cur[0] = i;
    else cur[lo - 1] = over;
    if (hi < m) cur[hi + 1] = over;
    const ai = a.charCodeAt(i - 1);
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    let rowMin = over;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (j > 1 && ai1 !== -1 && ai === b.charCodeAt(j - 2) && ai1 === bj) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return over;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[m]!;
  return d > cap ? over : d;
}

/** Candidates for "did you mean", their keys reduced once: key i names value i. */
export class NameIndex<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
  /** for each candidate, the earlier candidates with the same value (most have none) */
  private readonly earlier: ReadonlyArray<readonly number[] | undefined>;

  constructor(candidates: Iterable<readonly [key: string, value: T]>) {
    const keys: string[] = [];
    const values: T[] = [];
    const seen = new Map<T, number[]>();
    const earlier: Array<number[] | undefined> = [];
    for (const [key, value] of candidates) {
      const i = keys.length;
      keys.push(key);
      values.push(value);
      const before = seen.get(value);
      earlier.push(before && before.length ? [...before] : undefined);
      if (before) before.push(i);
      else seen.set(value, [i]);
    }
    this.keys = keys;
    this.values = values;
    this.earlier = earlier;
  }

  /** Candidates `i` of the same value as candidate `at`, before it. */
  before(at: number): readonly number[] | undefined {
    return this.earlier[at];
  }
}

/** How far a candidate is from the query, by the ranking's rules, or `over` when past `cap`. */
function distanceOf(query: string, key: string, cap: number): number {
  if (query.length >= 2 && key.startsWith(query)) return key.length === query.length ? 0 : 1;
  return editDistance(query, key, cap);
}

interface Best {
  d: number;
  len: number;
  /** the index of the first candidate of this value within the limit: ties after d and len go to it */
  first: number;
}

/**
 * The `count` closest candidates to `query` (both already reduced to keys), best first.
 * A candidate that starts with the query ranks as if it were one edit away. Nothing further than
 * max(3, ceil(¾ of the query's length)) edits is suggested. Ties go to the shorter key, then to the
 * value met first (within that limit); each value is suggested once, at its best key.
 */
export function closest<T>(query: string, candidates: NameIndex<T> | Iterable<readonly [key: string, value: T]>, count = 3): T[] {
  const index = candidates instanceof NameIndex ? candidates : new NameIndex(candidates);
  if (count <= 0) return [];
  // generous: an unknown name should still get its nearest neighbours, just not absurd ones
  const limit = Math.max(3, Math.ceil(query.length * 0.75));
  const { keys, values } = index;
  const best = new Map<T, Best>();
  // The k-th best distance among distinct values so far: once `count` values are within it, a
  // candidate further away can neither enter the result nor improve a value in it.
  let cap = limit;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const d = distanceOf(query, key, cap);
    if (d > cap) continue;
    const value = values[i]!;
    const had = best.get(value);
    if (!had) best.set(value, { d, len: key.length, first: i });
    else if (d < had.d || (d === had.d && key.length < had.len)) {
      had.d = d;
      had.len = key.length;
    } else continue;
    if (best.size >= count) cap = kthDistance(best, count);
  }
  // A value's first candidate may have been skipped under a cap tighter than the limit, though it was
  // within the limit: it still decides the value's place among equals. Look back for it.
  for (const entry of best.values()) {
    const before = index.before(entry.first);
    if (!before) continue;
    for (const j of before) {
      if (distanceOf(query, keys[j]!, limit) <= limit) {
        entry.first = j;
        break;
      }
    }
  }
  return [...best.entries()]
    .sort((x, y) => x[1].d - y[1].d || x[1].len - y[1].len || x[1].first - y[1].first)
    .slice(0, count)
    .map(([value]) => value);
}

/** The `count`-th smallest distance among the values found (best holds at least `count`). */
function kthDistance<T>(best: Map<T, Best>, count: number): number {
  if (count === 1) {
    let min = Infinity;
    for (const b of best.values()) if (b.d < min) min = b.d;
    return min;
  }
  const ds: number[] = [];
  for (const b of best.values()) ds.push(b.d);
  ds.sort((x, y) => x - y);
  return ds[count - 1]!;
}
