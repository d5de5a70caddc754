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
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, rows grown early or exactly as needed give the same distances (rows persist across a test run, so their growth is tested by long strings once)
  if (rowA.length >= size) return;
  // Stryker disable next-line MethodExpression,ArithmeticOperator: rows persist across a test run: long strings test their growth once, not for every mutant
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
  // Stryker disable next-line ConditionalExpression: equivalent, with an empty query the first row already holds the answer
  if (n === 0 || m === 0) return Math.max(n, m);
  // Stryker disable next-line ArithmeticOperator: rows persist across a test run: long strings test their growth once, not for every mutant
  ensureRows(m + 2);
  // prev2: row i-2, prev: row i-1, cur: row i. Only cells with |i - j| <= cap are computed; the cell
  // just outside the band on each side holds `over`, which is all any path through it can be worth.
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  // Stryker disable next-line MethodExpression: equivalent, cells past the band are never read (performance only, the same answer)
  const top = Math.min(m, over);
  for (let j = 0; j <= top; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a wider band computes cells the cap does not need (performance only, the same answer)
    const lo = i - cap > 1 ? i - cap : 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, cells past column m never feed cell m, and a full row is exact
    const hi = i + cap < m ? i + cap : m;
    if (lo === 1) cur[0] = i;
    else cur[lo - 1] = over;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the cell past column m is never read
    if (hi < m) cur[hi + 1] = over;
    const ai = a.charCodeAt(i - 1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UnaryOperator: equivalent, charCodeAt(-1) is NaN, which equals no character either
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    let rowMin = over;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      // Stryker disable next-line EqualityOperator: equivalent, the minimum either way
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      // Stryker disable next-line EqualityOperator: equivalent, the minimum either way
      if (ins < v) v = ins;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,UnaryOperator: equivalent, at the first row or column the characters compared are NaN or -1, which equal none
      if (j > 1 && ai1 !== -1 && ai === b.charCodeAt(j - 2) && ai1 === bj) {
        const t = prev2[j - 2]! + 1;
        // Stryker disable next-line EqualityOperator: equivalent, the minimum either way
        if (t < v) v = t;
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a value past the cap is answered as cap + 1 anyway
      if (v > over) v = over;
      cur[j] = v;
      // Stryker disable next-line EqualityOperator: equivalent, the minimum either way
      if (v < rowMin) rowMin = v;
    }
    // Stryker disable next-line ConditionalExpression: equivalent, an early stop (performance only, the same answer)
    if (rowMin > cap) return over;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  const d = prev[m]!;
  // Stryker disable next-line ConditionalExpression: equivalent, cells are clamped at cap + 1
  return d > cap ? over : d;
}

/** The query's pattern for the bit-parallel distance: for each ASCII code, the positions it holds. */
const pattern = new Int32Array(128);
/** The longest query the bit-parallel distance takes (one bit per character of a 32-bit word). */
const PATTERN_MAX = 32;

/** Set `query` as the pattern of osaDistance(); false when it cannot be one (empty, too long, not ASCII). */
// Stryker disable next-line BlockStatement: equivalent, a query refused here takes the plain distance, which gives the same answer (fuzzy-pattern.test.ts)
function setPattern(query: string): boolean {
  const m = query.length;
  if (m === 0 || m > PATTERN_MAX) return false;
  pattern.fill(0);
  for (let i = 0; i < m; i++) {
    const c = query.charCodeAt(i);
    if (c >= 128) return false;
    pattern[c]! |= 1 << i;
  }
  // Stryker disable next-line BooleanLiteral: equivalent, a query refused here takes the plain distance, which gives the same answer
  return true;
}

/**
 * The same capped distance as editDistance(query, key, cap), bit-parallel (Hyyrö's 2003 algorithm for
 * the optimal string alignment distance): one pass over `key` with a few word operations per
 * character, the query (of length m, set by setPattern) held as bit vectors. Stops once what is left
 * of the key cannot bring the distance back within the cap.
 */
function osaDistance(m: number, key: string, cap: number): number {
  const n = key.length;
  const over = cap + 1;
  // Stryker disable next-line LogicalOperator: equivalent, without this early answer the pass and its early stop answer cap + 1 anyway
  if (n - m > cap || m - n > cap) return over;
  if (n === 0) return m > cap ? over : m;
  const last = 1 << (m - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let pmPrev = 0;
  let dist = m;
  for (let j = 0; j < n; j++) {
    const c = key.charCodeAt(j);
    const pm = c < 128 ? pattern[c]! : 0;
    const tr = ((~d0 & pm) << 1) & pmPrev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    let hp = vn | ~(d0 | vp);
    let hn = d0 & vp;
    if (hp & last) dist++;
    else if (hn & last) dist--;
    // each remaining character of the key can lower the distance by one at most
    if (dist - (n - 1 - j) > cap) return over;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pmPrev = pm;
  }
  return dist > cap ? over : dist;
}

/** editDistance() by the bit-parallel route where it applies (exported for its equivalence test). */
export function patternDistance(query: string, key: string, cap = 8): number {
  return setPattern(query) ? osaDistance(query.length, key, cap) : editDistance(query, key, cap);
}

/** Candidates for "did you mean", their keys reduced once: key i names value i. */
export class NameIndex<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
  /** for each candidate, the earlier candidates with the same value (most have none) */
  private readonly earlier: ReadonlyArray<readonly number[] | undefined>;
  /** candidates by key length, in order */
  readonly byLength: ReadonlyArray<readonly number[] | undefined>;
  /** the same, in runs of keys that hold the same letters (size keys share a few sets: "d4sv5", "d8sv5") */
  readonly runsByLength: ReadonlyArray<readonly LetterRun[] | undefined>;
  /** candidates in key order: those starting with a query are one run of it */
  readonly sorted: readonly number[];
  /** which letters (bits 0-25) and digits (bits 0-9 of the second word) each key holds */
  readonly letters: Int32Array;
  readonly digits: Int32Array;
  /** how many different letters and digits each key holds (the bits of both masks) */
  readonly held: Uint8Array;
  /** how many of each letter and digit each key holds: SYMBOLS counts a key, from key i * SYMBOLS */
  readonly counts: Uint8Array;

  constructor(candidates: Iterable<readonly [key: string, value: T]>) {
    const keys: string[] = [];
    const values: T[] = [];
    const seen = new Map<T, number[]>();
    const earlier: Array<number[] | undefined> = [];
    const byLength: number[][] = [];
    for (const [key, value] of candidates) {
      const i = keys.length;
      keys.push(key);
      values.push(value);
      const before = seen.get(value);
      earlier.push(before && before.length ? [...before] : undefined);
      if (before) before.push(i);
      else seen.set(value, [i]);
      (byLength[key.length] ??= []).push(i);
    }
    this.keys = keys;
    this.values = values;
    this.earlier = earlier;
    this.byLength = byLength;
    this.letters = new Int32Array(keys.length);
    this.digits = new Int32Array(keys.length);
    this.held = new Uint8Array(keys.length);
    // Stryker disable next-line ArithmeticOperator: equivalent, counts read past a short array are undefined, and an undefined count never rules a key out (performance only, the same answer)
    this.counts = new Uint8Array(keys.length * SYMBOLS);
    keys.forEach((key, i) => {
      this.letters[i] = lettersOf(key);
      this.digits[i] = digitsOf(key);
      this.held[i] = bits(this.letters[i]!) + bits(this.digits[i]!);
      countSymbols(key, this.counts, i * SYMBOLS);
    });
    this.runsByLength = byLength.map((bucket) => {
      const runs = new Map<number, number[]>();
      for (const i of bucket) {
        const run = runs.get(this.letters[i]!);
        if (run) run.push(i);
        else runs.set(this.letters[i]!, [i]);
      }
      return [...runs].map(([letters, members]) => ({ letters, held: bits(letters), members }));
    });
    this.sorted = keys
      .map((_, i) => i)
      .sort((x, y) => {
        // Stryker disable next-line EqualityOperator: equivalent, equal keys are one run however ordered ('<' -> '>=' is killed, but switched off with it)
        if (keys[x]! < keys[y]!) return -1;
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent on V8, whose sort passes the later element first, so that a key not below the other is never the earlier one; equal keys are one run however ordered
        return keys[x]! > keys[y]! ? 1 : x - y;
      });
  }

  /** Candidates `i` of the same value as candidate `at`, before it. */
  before(at: number): readonly number[] | undefined {
    return this.earlier[at];
  }

  /** Where the keys starting with `prefix` begin in `sorted`. */
  prefixStart(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[this.sorted[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Candidates of one length whose keys hold the same letters. */
export interface LetterRun {
  letters: number;
  /** how many letters that is */
  held: number;
  members: readonly number[];
}

function lettersOf(key: string): number {
  let mask = 0;
  // Stryker disable next-line EqualityOperator: equivalent, one past the end reads NaN, no letter ('<' -> '>=' too: no letter at all, killed by fuzzy-bounds.test.ts)
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}

function digitsOf(key: string): number {
  let mask = 0;
  // Stryker disable next-line EqualityOperator: equivalent, one past the end reads NaN, no digit ('<' -> '>=' too: no digit at all, killed by fuzzy-bounds.test.ts)
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i) - 48;
    if (c >= 0 && c < 10) mask |= 1 << c;
  }
  return mask;
}

function bits(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * At least this many edits apart: every letter or digit one side holds and the other lacks takes an
 * edit of its own (a deletion or substitution on one side, an insertion or substitution on the other;
 * a transposition changes no letter). Cheap enough to run before the distance itself.
 */
function lowerBound(ql: number, qd: number, kl: number, kd: number): number {
  return apart(bits(ql) + bits(qd), bits(kl) + bits(kd), bits(ql & kl) + bits(qd & kd));
}

/**
 * lowerBound() from its counts: of `q` symbols one side holds and `k` the other, `shared` in common, the one side
 * lacks q - shared and the other k - shared, so the bound is the larger count less the shared ones. closest() counts
 * a run's shared letters once and each key's shared digits, against counts the index keeps.
 */
function apart(q: number, k: number, shared: number): number {
  // Stryker disable next-line EqualityOperator: equivalent, the larger either way ('>' -> '<=' too: the smaller, killed by fuzzy-bounds.test.ts)
  return (q > k ? q : k) - shared;
}

/** Letters a-z and digits 0-9: the characters keys are made of (others are not counted). */
const SYMBOLS = 36;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  return -1;
}

/** Add `key`'s letters and digits to `out` from `at` (saturating at the array's maximum). */
function countSymbols(key: string, out: Uint8Array | Int32Array, at: number): void {
  const max = out instanceof Uint8Array ? 255 : 0x7fffffff;
  // Stryker disable next-line EqualityOperator: equivalent, one past the end reads NaN, no symbol ('<' -> '>=' too: nothing counted, killed by fuzzy-bounds.test.ts)
  for (let i = 0; i < key.length; i++) {
    const s = symbolOf(key.charCodeAt(i));
    if (s >= 0 && out[at + s]! < max) out[at + s]!++;
  }
}

const queryCounts = new Int32Array(SYMBOLS);

/**
 * More than `cap` edits apart, by counting alone: a letter or digit one side holds more of than the
 * other takes an edit per copy (a deletion or substitution on one side, an insertion or substitution on
 * the other; a transposition changes no count), so the distance is at least the larger of the two
 * excesses. Far cheaper than the distance, and it rules out most candidates once the cap is tight.
 */
function countsApart(counts: Uint8Array, at: number, cap: number): boolean {
  let more = 0;
  let less = 0;
  // Stryker disable next-line EqualityOperator: equivalent, one symbol past the last reads NaN, counted neither way ('<' -> '>=' too: nothing counted, killed by fuzzy-bounds.test.ts)
  for (let s = 0; s < SYMBOLS; s++) {
    const d = queryCounts[s]! - counts[at + s]!;
    // Stryker disable next-line EqualityOperator: equivalent, a difference of 0 adds nothing ('>' -> '<=' too, killed by fuzzy-bounds.test.ts)
    if (d > 0) {
      more += d;
      if (more > cap) return true;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a difference of 0 takes nothing away ('<' -> '>=' and 'false' too, killed by fuzzy-bounds.test.ts)
    } else if (d < 0) {
      less -= d;
      if (less > cap) return true;
    }
  }
  return false;
}

interface Best {
  d: number;
  len: number;
  /** the lowest index of a candidate of this value found within the cap: ties after d and len go to
   * the first within the limit (see the look-back) */
  first: number;
}

/**
 * One closest() call: the query's letter and digit counts, the cap and the best found so far. A class, so that take()
 * and run() are made once: as closures made per call, their optimised code went with them, and TurboFan compiled the
 * search again and again (5–7 times over the 20,000 questions of `ask --json`).
 */
class Search<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
  readonly runsByLength: NameIndex<T>['runsByLength'];
  readonly sorted: NameIndex<T>['sorted'];
  readonly held: NameIndex<T>['held'];
  readonly digits: NameIndex<T>['digits'];
  readonly counts: NameIndex<T>['counts'];
  readonly ql: number;
  readonly qd: number;
  readonly qLetters: number;
  readonly qHeld: number;
  readonly prefixRule: boolean;
  readonly bitParallel: boolean;
  readonly m: number;
  readonly best = new Map<T, Best>();
  // How many values are at each distance: the k-th best distance is read off it. Once `count` values
  // are within that distance, a candidate further away can neither enter the result nor improve a
  // value in it, so it becomes the cap.
  readonly atDistance: Int32Array;
  cap: number;
  readonly marks: Int32Array;

  constructor(
    readonly index: NameIndex<T>,
    readonly query: string,
    readonly count: number,
    limit: number,
  ) {
    this.keys = index.keys;
    this.values = index.values;
    this.runsByLength = index.runsByLength;
    this.sorted = index.sorted;
    this.held = index.held;
    this.digits = index.digits;
    this.counts = index.counts;
    this.ql = lettersOf(query);
    this.qd = digitsOf(query);
    this.qLetters = bits(this.ql);
    this.qHeld = this.qLetters + bits(this.qd);
    queryCounts.fill(0);
    countSymbols(query, queryCounts, 0);
    this.prefixRule = query.length >= 2;
    this.bitParallel = setPattern(query);
    this.m = query.length;
    // Stryker disable next-line ArithmeticOperator: equivalent, the trial's cap (2) reads no count past 1, and the full search zeroes 0..limit first
    this.atDistance = histogram(limit + 1);
    this.cap = limit;
    this.marks = marksFor(this.keys.length);
  }

  /** Count candidate i, `d` edits away (within the cap), towards its value's best. */
  take(i: number, d: number): void {
    const key = this.keys[i]!;
    const value = this.values[i]!;
    const had = this.best.get(value);
    if (!had) this.best.set(value, { d, len: key.length, first: i });
    else {
      had.first = Math.min(had.first, i);
      if (d > had.d || (d === had.d && key.length >= had.len)) return;
      this.atDistance[had.d]!--;
      had.d = d;
      had.len = key.length;
    }
    // Stryker disable next-line UpdateOperator: performance only, a count never reached never tightens the cap (the same answer, slower)
    this.atDistance[d]!++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: performance only, fewer than `count` values never reach the count, and a cap tightened later prunes less
    if (this.best.size >= this.count) this.cap = kthDistance(this.atDistance, this.count, this.cap);
  }

  /** One search under the current cap (which tightens as it goes). */
  run(): void {
    // Those starting with the query first (marked, so the lengths below pass them by: a second visit
    // would find the same distance), then by length.
    // Stryker disable next-line UpdateOperator: equivalent, counting down marks each call apart just the same
    const mark = ++generation;
    if (this.prefixRule) {
      for (let at = this.index.prefixStart(this.query); at < this.sorted.length && this.keys[this.sorted[at]!]!.startsWith(this.query); at++) {
        const i = this.sorted[at]!;
        this.marks[i] = mark;
        this.take(i, this.keys[i]!.length === this.m ? 0 : 1);
      }
    }
    for (let off = 0; off <= this.cap; off++) {
      // the shorter keys at this offset, then the longer ones (off 0: the query's own length, once)
      for (let side = off > 0 ? 0 : 1; side < 2; side++) {
        // Stryker disable next-line EqualityOperator: equivalent, the longer keys first, then the shorter: the same candidates, the same answer
        const length = side === 0 ? this.m - off : this.m + off;
        // (read only within the array: a read past either end makes V8 drop the optimised search)
        // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: performance only, a length outside the array reads undefined, skipped below
        if (length < 0 || length >= this.runsByLength.length) continue;
        const runs = this.runsByLength[length];
        if (!runs) continue;
        for (const run of runs) {
          // the letters the run's keys share with the query, counted once for all of them
          const shared = bits(this.ql & run.letters);
          // the letters alone too far apart: every key of the run is (lowerBound with the digits left out)
          // Stryker disable next-line ConditionalExpression: performance only, a run not skipped is checked key by key, the same answer
          if (apart(this.qLetters, run.held, shared) > this.cap) continue;
          for (const i of run.members) {
            // lowerBound(query, key), from the run's shared letters and the key's shared digits
            if (this.marks[i] === mark || apart(this.qHeld, this.held[i]!, shared + bits(this.qd & this.digits[i]!)) > this.cap) continue;
            let d: number;
            if (this.bitParallel) d = osaDistance(this.m, this.keys[i]!, this.cap);
            // counting costs about what a tight cap's band of the distance does: worth it for a wider one
            else if (this.cap >= 3 && countsApart(this.counts, i * SYMBOLS, this.cap)) continue;
            else d = editDistance(this.query, this.keys[i]!, this.cap);
            if (d <= this.cap) this.take(i, d);
          }
        }
        if (off > this.cap) break;
      }
    }
  }
}

/**
 * The `count` closest candidates to `query` (both already reduced to keys), best first.
 * A candidate that starts with the query ranks as if it were one edit away. Nothing further than
 * max(3, ceil(¾ of the query's length)) edits is suggested. Ties go to the shorter key, then to the
 * value met first (within that limit); each value is suggested once, at its best key.
 *
 * The candidates are visited nearest first (those starting with the query, then by how far their
 * length is from the query's) so that the cap tightens early, and only lengths within the cap are
 * visited at all: a key whose length differs by more than d is more than d edits away.
 */
export function closest<T>(query: string, candidates: NameIndex<T> | Iterable<readonly [key: string, value: T]>, count = 3): T[] {
  const index = candidates instanceof NameIndex ? candidates : new NameIndex(candidates);
  // Stryker disable next-line EqualityOperator: equivalent, a count of 0 ends with nothing taken from the ranking ('<=' -> '>' too: nothing for any count, killed)
  if (count <= 0) return [];
  // generous: an unknown name should still get its nearest neighbours, just not absurd ones
  const limit = Math.max(3, Math.ceil(query.length * 0.75));
  const { keys } = index;
  const s = new Search(index, query, count, limit);
  const { best, bitParallel } = s;
  const m = query.length;
  // First under a cap of two edits: a slip leaves most names' nearest neighbours that close, and under a
  // tight cap the letter bound discards nearly every candidate unread. When that finds `count` values,
  // the k-th best is within two edits and nothing further could have ranked: the search is complete.
  // Otherwise, the whole search again under twice the cap (most of the rest have their third name within
  // four edits, where the bounds still discard most candidates), and so on up to the full limit.
  // Stryker disable next-line MethodExpression: performance only, no trial: the full search at once
  s.cap = Math.min(limit, TRIAL_CAP);
  s.run();
  while (best.size < count && s.cap < limit) {
    best.clear();
    s.atDistance.fill(0, 0, limit + 1);
    s.cap = Math.min(limit, s.cap * 2);
    s.run();
  }
  // A value's first candidate within the limit may have been skipped (a cap tighter than the limit,
  // a length visited later): it still decides the value's place among equals. Look back for it.
  for (const entry of best.values()) {
    const before = index.before(entry.first);
    if (!before) continue;
    // (Every key starting with the query was taken in the sorted run, so `first` is at or before any such key
    // of the value: only the distance is left to check here.)
    for (const j of before) {
      const d = bitParallel ? osaDistance(m, keys[j]!, limit) : editDistance(query, keys[j]!, limit);
      if (d <= limit) {
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

/** The cap of closest()'s first, cheap search. */
const TRIAL_CAP = 2;

let counts = new Int32Array(64);
let marks = new Int32Array(0);
/** The mark of the current closest() call: a candidate whose mark is this one was visited already. */
let generation = 0;

/** The marks of `size` candidates (reused; a new call's generation makes the old marks stale). */
function marksFor(size: number): Int32Array {
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: equivalent, marks too short are not kept (a typed array ignores writes past its end), so a marked key is visited again, finding the same distance
  if (marks.length < size) marks = new Int32Array(Math.max(size, marks.length * 2));
  return marks;
}

/** A zeroed count per distance 0..max, reused. */
function histogram(size: number): Int32Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression,ArithmeticOperator: the histogram persists across a test run: long queries test its growth once, not for every mutant
  if (counts.length < size) counts = new Int32Array(Math.max(size, counts.length * 2));
  counts.fill(0, 0, size);
  return counts;
}

/** The smallest distance within which `count` values lie (no more than `cap`, which they already do). */
function kthDistance(atDistance: Int32Array, count: number, cap: number): number {
  let seen = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, a cap never tightened or tightened later only prunes less (performance only, the same answer)
  for (let d = 0; d < cap; d++) {
    // Stryker disable next-line AssignmentOperator: equivalent, a cap never tightened only prunes less (performance only, the same answer)
    seen += atDistance[d]!;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a cap never tightened or tightened later only prunes less (performance only, the same answer)
    if (seen >= count) return d;
  }
  return cap;
}

/** A mistyped command word ("cpulvel", "lineag"): the one known word within two edits (one for short words). */
export function nearestWord(typed: string, words: readonly string[]): string | null {
  const t = typed.toLowerCase();
  if (t.length < 3) return null;
  const limit = t.length >= 6 ? 2 : 1;
  let best: { d: number; word: string } | null = null;
  for (const w of words) {
    let d = editDistance(t, w, limit);
    if (w.startsWith(t) && t.length >= 4) d = Math.min(d, 1);
    if (d <= limit && (!best || d < best.d)) best = { d, word: w };
  }
  return best?.word ?? null;
}

/** The candidate filters closest() relies on, for their exactness tests (test/core/fuzzy-bounds.test.ts). */
export const filtersForTests = {
  lettersOf,
  digitsOf,
  bits,
  lowerBound,
  apart,
  symbolOf,
  countSymbols,
  /** countsApart() for one query and one key, each counted afresh */
  countsApart(query: string, key: string, cap: number): boolean {
    queryCounts.fill(0);
    countSymbols(query, queryCounts, 0);
    const keyCounts = new Uint8Array(SYMBOLS);
    countSymbols(key, keyCounts, 0);
    return countsApart(keyCounts, 0, cap);
  },
};
