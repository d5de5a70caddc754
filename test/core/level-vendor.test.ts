// "AMD sizes with AVX-512", "Intel memory optimized series that guarantee v3": the level lists narrowed to
// one vendor (levelAnswer's vendor), for every level, both vendors, with and without a family, both ways,
// held to the rule computed again from the raw tables: a series is that vendor's when it has documented
// processors and every one of them is that vendor's.
import { describe, expect, test } from 'vitest';
import { levelAnswer } from '../../src/core/answers/vm.js';
import { catalog } from '../../src/core/index.js';
import { isRetired, ORDER, rank, rawCpus, rawSeries, seriesLevels, type RawSeries } from './independent-rules.js';

const c = catalog();
const vendorOf = new Map(rawCpus.map((cpu) => [cpu.model, (cpu as { vendor?: string }).vendor]));
const listed = rawSeries.filter((s) => !isRetired(s) && seriesLevels(s).guaranteed !== null);
const ofVendor = (s: RawSeries, vendor: string) => s.processors.length > 0 && s.processors.every((p) => vendorOf.get(p) === vendor);
const families = [...new Set(listed.map((s) => s.family))];

describe('level lists of one vendor', () => {
  const cases = ORDER.flatMap((level) =>
    (['AMD', 'Intel'] as const).flatMap((vendor) => [undefined, ...families].map((family) => [level, vendor, family] as const)),
  );

  test(`exactly the series of that vendor, either way (${cases.length} lists)`, () => {
    for (const [level, vendor, family] of cases) {
      const pool = listed.filter((s) => (!family || s.family === family) && ofVendor(s, vendor));
      const label = `${level} ${vendor} ${family ?? ''}`;
      const a = levelAnswer(c, 'q', level, false, family, vendor);
      const not = levelAnswer(c, 'q', level, true, family, vendor);
      if (a.kind !== 'level' || not.kind !== 'level') throw new Error(a.kind);
      expect(a.series, label).toEqual(pool.filter((s) => rank(seriesLevels(s).guaranteed!) >= rank(level)).map((s) => s.series));
      expect(not.series, label).toEqual(pool.filter((s) => rank(seriesLevels(s).guaranteed!) < rank(level)).map((s) => s.series));
      const named = family ? `${vendor} ${family}` : vendor;
      expect(a.summary.startsWith(`${a.series.length} current x64 ${named} series guarantee ${level}`), label).toBe(true);
      expect(not.summary.startsWith(`${not.series.length} current x64 ${named} series do not guarantee ${level}`), label).toBe(true);
    }
    // each vendor has series of its own
    expect(listed.some((s) => ofVendor(s, 'AMD'))).toBe(true);
    expect(listed.some((s) => ofVendor(s, 'Intel'))).toBe(true);
  });
});
