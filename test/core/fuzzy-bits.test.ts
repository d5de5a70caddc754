// closest() over the real catalog's keys (most queries take the bit-parallel distance, held to the
// reference in fuzzy-pattern.test.ts), for a misspelling of every 10th size and series name, ranked as the
// documented rules say.
import { describe, expect, test } from 'vitest';
import { closest, editDistance } from '../../src/core/fuzzy.js';
import { catalog } from '../../src/core/index.js';
import { sizeKeyOf } from '../../src/core/text.js';
import { misspell } from '../../bench/misspellings.js';

/** The documented ranking, written plainly (as in fuzzy.test.ts) over editDistance with no real cap. */
function reference(query: string, candidates: { keys: readonly string[]; values: readonly string[] }, count: number): string[] {
  const limit = Math.max(3, Math.ceil((query.length * 3) / 4));
  const best = new Map<string, { d: number; len: number; order: number }>();
  candidates.keys.forEach((key, i) => {
    const value = candidates.values[i]!;
    const full = editDistance(query, key, 64);
    const d = query.length >= 2 && key.startsWith(query) ? Math.min(full, 1) : full;
    if (d > limit) return;
    const had = best.get(value);
    if (!had) best.set(value, { d, len: key.length, order: best.size });
    else if (d < had.d || (d === had.d && key.length < had.len)) best.set(value, { d, len: key.length, order: had.order });
  });
  return [...best.entries()]
    .sort((x, y) => x[1].d - y[1].d || x[1].len - y[1].len || x[1].order - y[1].order)
    .slice(0, count)
    .map(([v]) => v);
}

describe('closest() over the real catalog', () => {
  const c = catalog();
  const names = [...c.sizes.map((s) => s.size.name), ...c.series.map((s) => s.record.series)];
  // every 10th name, each with a slip of its own kind and place: a few hundred queries
  const queries = names.filter((_, i) => i % 10 === 0).map((name, i) => sizeKeyOf(misspell(name, i * 10)));

  test(`a misspelling of every 10th size and series name (${queries.length}) gets the reference's three sizes and one series`, () => {
    expect(queries.length).toBeGreaterThan(150);
    for (const q of queries) {
      expect(closest(q, c.fuzzyNames.sizes), q).toEqual(reference(q, c.fuzzyNames.sizes, 3));
      expect(closest(q, c.fuzzyNames.series, 1), q).toEqual(reference(q, c.fuzzyNames.series, 1));
    }
  });
});
