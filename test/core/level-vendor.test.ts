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

describe('a series whose processors mix vendors', () => {
  // No current series mixes vendors, so the rule's "every" is checked on one made from two real series:
  // an AMD one's processors and an Intel one's under one name. It belongs to neither vendor's list.
  const amd = c.series.find((s) => s.guaranteed && s.cpus.length > 0 && s.cpus.every((p) => p.model.vendor === 'AMD'))!;
  const intel = c.series.find((s) => s.guaranteed === amd.guaranteed && s.cpus.length > 0 && s.cpus.every((p) => p.model.vendor === 'Intel'))!;
  const mixed = { ...amd, record: { ...amd.record, series: 'Mixed_v0' }, cpus: [...amd.cpus, ...intel.cpus] };
  const withMixed = { ...c, series: [...c.series, mixed] } as typeof c;

  test.each(['AMD', 'Intel'] as const)('is in no %s list, either way, at its own level', (vendor) => {
    const level = mixed.guaranteed!;
    for (const negated of [false, true]) {
      const a = levelAnswer(withMixed, 'q', level, negated, undefined, vendor);
      if (a.kind !== 'level') throw new Error(a.kind);
      expect(a.series).not.toContain('Mixed_v0');
    }
    // and, with no vendor named, it is listed: the filter, not the made-up series, keeps it out
    const all = levelAnswer(withMixed, 'q', level, false);
    if (all.kind !== 'level') throw new Error(all.kind);
    expect(all.series).toContain('Mixed_v0');
  });
});
