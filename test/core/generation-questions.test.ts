// Generation questions about machines side by side are answered as asked (plan.ts compareMachines, askedOf): "When is
// the Dv2 series retired, and do Dv3 and Dv4 support Generation 2?" gets Dv2's retirement and Dv3's and Dv4's
// generations first, not a comparison of levels. Every run of three neighbouring series of vm-series.json.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { keyOf } from '../../src/core/text.js';
import { rawSeries } from './independent-rules.js';

const c = catalog();
const series = c.series.filter((s) => s.record.retirement?.status !== 'retired' && /\d/.test(s.record.series));
// three neighbours whose names are not inside one another ("Dv2" is inside "NDv2")
const apart = (names: string[]) => names.every((a) => names.every((b) => a === b || !keyOf(b).includes(keyOf(a))));
const triples = series
  .map((_, i) => series.slice(i, i + 3))
  .filter((t) => t.length === 3 && apart(t.map((s) => s.record.series)) && t.every((s) => s.record.generations?.length));

describe('retirement and generations of machines side by side', () => {
  test('each one asked gets its own answer, before the comparison', () => {
    expect(triples.length).toBeGreaterThan(30);
    let checked = 0;
    for (const [a, b, d] of triples) {
      const [na, nb, nd] = [a!.record.series, b!.record.series, d!.record.series];
      const q = `When is the ${na} series retired, and do ${nb} and ${nd} support generation 2?`;
      const ans = ask(q);
      if (ans.kind !== 'compare') continue;
      // where the comparison begins: the first one's level, or that it is Arm64
      const compared = Math.max(ans.summary.indexOf(`${na} guarantees`), ans.summary.indexOf(`${na} is Arm64`));
      expect(compared, q).toBeGreaterThan(0);
      for (const s of [b!, d!]) {
        const gens = s.record.generations!;
        const name = s.record.series;
        const said = gens.includes(2)
          ? `Yes — ${name} supports Generation 2`
          : s.record.generationsComplete
            ? `No — ${name} supports only`
            : `Not stated — the docs give only`;
        const at = ans.summary.indexOf(said);
        expect(at, `${q} -> ${ans.summary}`).toBeGreaterThanOrEqual(0);
        expect(at, q).toBeLessThan(compared);
      }
      // the retirement is asked of the first alone
      expect(ans.summary.slice(0, compared).toLowerCase(), q).toContain(`the ${na.toLowerCase()} series`);
      expect(ans.summary, q).not.toContain(`${na} supports`);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('"gen2", "gen 1", "generation2": every spelling read as a generation, for every size', () => {
  const spellings: Array<[string, 1 | 2]> = [
    ['gen2', 2],
    ['gen1', 1],
    ['gen 2', 2],
    ['Gen 1', 1],
    ['gen-2', 2],
    ['generation2', 2],
    ['Generation 1', 1],
  ];
  test('the answer says whether that generation is supported, and never lists the word as not understood', () => {
    let n = 0;
    for (const s of rawSeries)
      for (const { name } of s.sizes) {
        for (const [typed, g] of spellings) {
          const q = `does ${name} support ${typed}?`;
          const a = ask(q);
          expect(a.caveats.join(' '), q).not.toMatch(/Not understood/);
          const gens = s.generations ?? [];
          const lead = !gens.length
            ? 'Not stated'
            : gens.includes(g)
              ? `Yes — ${name} supports Generation ${g}`
              : s.generationsComplete
                ? `No — ${name} supports only`
                : 'Not stated — the docs give only';
          expect(a.summary.startsWith(lead), `${q} -> ${a.summary.slice(0, 120)}`).toBe(true);
          n++;
        }
      }
    expect(n).toBeGreaterThan(1000);
  });
});
