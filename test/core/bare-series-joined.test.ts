// "do the M and Mv2 series support gen 2?", "D, Dv2 and Dv3": a series named by its bare letters, joined by "and",
// "or" or a comma to another series of those letters, is found with it. Every such pair in vm-series.json.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { rawSeries } from './independent-rules.js';

const bare = rawSeries.filter((s) => /^[A-Z]{1,2}$/.test(s.series));
const pairs = bare.flatMap((a) =>
  rawSeries.filter((b) => b !== a && /^[A-Za-z]+v\d+$/.test(b.series) && b.series.toLowerCase().startsWith(a.series.toLowerCase())).map((b) => [a, b] as const),
);

const names = new Set(rawSeries.map((s) => s.series.toLowerCase()));

describe('bare series letters joined to another series', () => {
  test('each of the two is in the answer, for "and", "or" and a comma', () => {
    expect(pairs.length).toBeGreaterThan(3);
    for (const [a, b] of pairs)
      for (const q of [
        `do the ${a.series} and ${b.series} series support gen 2?`,
        `${a.series} or ${b.series}: which guarantees more?`,
        // (the comma is not kept between words: "D, Dv4" reads as the Ddv4 series, a name of its own)
        ...(names.has(`${a.series}${b.series}`.toLowerCase()) ? [] : [`what levels do ${a.series}, ${b.series} have?`]),
      ]) {
        const ans = ask(q);
        expect(ans.kind, q).toBe('compare');
        expect(ans.title, q).toContain(a.series);
        expect(ans.title.split(' vs '), q).toEqual(expect.arrayContaining([a.series, b.series]));
      }
  });
});
