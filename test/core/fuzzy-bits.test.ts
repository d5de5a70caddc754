// closest() over the real catalog's keys (most queries take the bit-parallel distance, held to the
// reference in fuzzy-pattern.test.ts), for a misspelling of every 10th size and series name, ranked as the
// documented rules say.
import { describe, expect, test } from 'vitest';
import { closest } from '../../src/core/fuzzy.js';
import { catalog } from '../../src/core/index.js';
import { sizeKeyOf } from '../../src/core/text.js';
import { misspell } from '../../bench/misspellings.js';
import { reference } from './fuzzy-reference.js';

/** The documented ranking, written plainly (fuzzy-reference.ts), over an index's keys and values. */
const rankedAsDocumented = (query: string, index: { keys: readonly string[]; values: readonly string[] }, count: number): string[] =>
  reference(
    query,
    index.keys.map((key, i): [string, string] => [key, index.values[i]!]),
    count,
  );

describe('closest() over the real catalog', () => {
  const c = catalog();
  const names = [...c.sizes.map((s) => s.size.name), ...c.series.map((s) => s.record.series)];
  // every 10th name, each with a slip of its own kind and place: a few hundred queries
  const queries = names.filter((_, i) => i % 10 === 0).map((name, i) => sizeKeyOf(misspell(name, i * 10)));

  test(`a misspelling of every 10th size and series name (${queries.length}) gets the reference's three sizes and one series`, () => {
    expect(queries.length).toBeGreaterThan(150);
    for (const q of queries) {
      expect(closest(q, c.fuzzyNames.sizes), q).toEqual(rankedAsDocumented(q, c.fuzzyNames.sizes, 3));
      expect(closest(q, c.fuzzyNames.series, 1), q).toEqual(rankedAsDocumented(q, c.fuzzyNames.series, 1));
    }
  });
});
