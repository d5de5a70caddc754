// "Which sizes are being retired?": the series the raw table records a retirement for, narrowed as asked, dated and
// cited. Every expectation is computed here from vm-series.json (./independent-rules.ts), never from src/core.
import { describe, expect, test } from 'vitest';
import { ask, today } from '../../src/core/index.js';
import { rawSeries, type RawSeries } from './independent-rules.js';

const now = today();
const dated = rawSeries.filter((s) => s.retirement);
const done = (s: RawSeries) => s.retirement!.status === 'retired' || (s.retirement!.date ?? '9999') < now;
const coming = dated.filter((s) => !done(s));
const gone = dated.filter(done);

function listed(q: string): { kind: string; series: string[]; summary: string; sources: Array<{ title: string }> } {
  const a = ask(q) as unknown as { kind: string; series?: string[]; summary: string; sources: Array<{ title: string }> };
  return { kind: a.kind, series: a.series ?? [], summary: a.summary, sources: a.sources };
}
const sorted = (l: string[]) => [...l].sort();

describe('a list of retirements', () => {
  test('"being retired" lists every announced one still to come, soonest first, with its date, and cites the notice', () => {
    expect(coming.length).toBeGreaterThan(5);
    for (const q of ['Which sizes are being retired?', 'what VM series is Azure retiring?', 'any series scheduled to retire?']) {
      const a = listed(q);
      expect(a.kind, q).toBe('retirements');
      expect(sorted(a.series), q).toEqual(sorted(coming.map((s) => s.series)));
      const soonest = [...coming].sort((x, y) => x.retirement!.date!.localeCompare(y.retirement!.date!))[0]!;
      expect(a.summary, q).toMatch(new RegExp(`^${coming.length} series have their retirement announced`));
      expect(a.summary, q).toContain(`(${soonest.retirement!.date})`);
      expect(
        a.sources.some((s) => /retire/i.test(s.title)),
        q,
      ).toBe(true);
    }
  });

  test('"retired" lists every retired one, latest first', () => {
    const a = listed('which series are retired?');
    expect(sorted(a.series)).toEqual(sorted(gone.map((s) => s.series)));
    expect(a.summary).toMatch(new RegExp(`^${gone.length} series are already retired`));
  });

  test('every year bound ("before YYYY", "in YYYY") keeps exactly the dates inside it', () => {
    const years = [...new Set(dated.map((s) => s.retirement!.date?.slice(0, 4)).filter(Boolean))] as string[];
    expect(years.length).toBeGreaterThan(3);
    for (const y of years) {
      const before = listed(`which sizes retire before ${y}?`);
      expect(sorted(before.series), y).toEqual(sorted(dated.filter((s) => s.retirement!.date && s.retirement!.date < `${y}-01-01`).map((s) => s.series)));
      const inYear = listed(`which series retire in ${y}?`);
      expect(sorted(inYear.series), y).toEqual(sorted(dated.filter((s) => s.retirement!.date?.startsWith(y)).map((s) => s.series)));
    }
  });

  test('every family of the data narrows the list to that family', () => {
    const families = [...new Set(rawSeries.map((s) => s.family))];
    for (const family of families) {
      const a = listed(`which ${family} sizes are being retired?`);
      expect(a.kind, family).toBe('retirements');
      expect(sorted(a.series), family).toEqual(sorted(coming.filter((s) => s.family === family).map((s) => s.series)));
    }
  });

  test('a series named without its version narrows the list to its letters; one series asked about is not a list', () => {
    const a = listed('which D-series sizes are being retired?');
    const want = coming.filter((s) => /^D(?![A-Z])/.test(s.series)).map((s) => s.series);
    expect(want.length).toBeGreaterThan(2);
    expect(sorted(a.series)).toEqual(sorted(want));
    expect(ask('is Dv2 retired?').kind).toBe('series');
  });
});
