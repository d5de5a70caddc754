// "Did you mean": the closest known names to an unknown one.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped for speed. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Stryker disable next-line ArrayDeclaration: equivalent, prev2 is read only from the third row on, once it holds a real row
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    // Stryker disable next-line ArrayDeclaration: equivalent, a JavaScript array grows as it is filled
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = i;
    // Stryker disable next-line EqualityOperator: equivalent for <=, an extra column past the end is never read for the result
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, a character before the start is undefined and matches nothing, so the i > 1 and j > 1 guards never change the result
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      // Stryker disable next-line EqualityOperator: equivalent, <= stores the same minimum
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/**
 * The `count` closest candidates to `query` (both already reduced to keys), best first.
 * A candidate that starts with the query ranks as if it were one edit away.
 */
export function closest<T>(query: string, candidates: Iterable<[key: string, value: T]>, count = 3): T[] {
  const best = new Map<T, { d: number; len: number }>();
  // generous: an unknown name should still get its nearest neighbours, just not absurd ones
  const limit = Math.max(3, Math.ceil(query.length * 0.75));
  for (const [key, value] of candidates) {
    let d = editDistance(query, key, limit);
    if (query.length >= 2 && key.startsWith(query)) d = Math.min(d, 1);
    if (d > limit) continue;
    const had = best.get(value);
    // Stryker disable next-line EqualityOperator: equivalent for <=, an equally good key of the same length replaces a record with an identical one
    if (!had || d < had.d || (d === had.d && key.length < had.len)) best.set(value, { d, len: key.length });
  }
  return [...best.entries()]
    .sort((x, y) => x[1].d - y[1].d || x[1].len - y[1].len)
    .slice(0, count)
    .map(([value]) => value);
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
