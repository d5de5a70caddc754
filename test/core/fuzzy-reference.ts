// "Did you mean" written a second time, plainly, from fuzzy.ts's documented rules: the reference the
// fuzzy tests hold the real one to (optimal-string-alignment distance; a candidate that starts with the
// query, 2+ characters, counts as one edit; nothing further than max(3, ceil(3/4 of the query's length));
// best first, then the shorter key, then the order met; each value once, at its best key).

/** Full optimal-string-alignment distance, no cap, no shortcuts: the whole table, every cell (rows kept in
 * one plain array, reused between calls). */
const table: number[] = [];
export function osa(a: string, b: string): number {
  const w = b.length + 1;
  for (let j = 0; j < w; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    table[i * w] = i;
    for (let j = 1; j < w; j++) {
      let v = Math.min(table[(i - 1) * w + j]! + 1, table[i * w + j - 1]! + 1, table[(i - 1) * w + j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, table[(i - 2) * w + j - 2]! + 1);
      table[i * w + j] = v;
    }
  }
  return table[a.length * w + b.length]!;
}

export function reference<T>(query: string, candidates: Array<[string, T]>, count = 3): T[] {
  const limit = Math.max(3, Math.ceil((query.length * 3) / 4));
  const best = new Map<T, { d: number; len: number; order: number }>();
  for (const [key, value] of candidates) {
    const d = query.length >= 2 && key.startsWith(query) ? Math.min(osa(query, key), 1) : osa(query, key);
    if (d > limit) continue;
    const had = best.get(value);
    if (!had) best.set(value, { d, len: key.length, order: best.size });
    else if (d < had.d || (d === had.d && key.length < had.len)) best.set(value, { d, len: key.length, order: had.order });
  }
  return [...best.entries()]
    .sort((x, y) => x[1].d - y[1].d || x[1].len - y[1].len || x[1].order - y[1].order)
    .slice(0, count)
    .map(([v]) => v);
}
