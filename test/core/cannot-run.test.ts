// "Which sizes can't run RHEL 10?" (distroSizesAnswer, negated) for every release, held to the rule
// computed again from the raw tables (test/core/independent-rules.ts): exactly the current series whose
// verdict is no, the counts of those that depend and those that always can, the list by family, the
// first twelve named in the summary.
import { describe, expect, test } from 'vitest';
import { distroSizesAnswer } from '../../src/core/answers/compat.js';
import { catalog } from '../../src/core/index.js';
import { expectedFamilyLines, readFamilyLines } from './family-lines.js';
import { allReleases, expectedCompat, isRetired, rawSeries } from './independent-rules.js';

const c = catalog();

describe('which series cannot run a release', () => {
  test('the list is exactly the current series whose verdict is no; the depends and always counts match', () => {
    let n = 0;
    let longLists = 0;
    let shortDepends = 0;
    for (const { distro, release, label } of allReleases) {
      const d = c.distros.find((x) => x.id === distro.id)!;
      const rel = d.releases.find((x) => x.version === release.version)!;
      const a = distroSizesAnswer(c, 'q', d, rel, true);
      if (a.kind !== 'level') throw new Error(a.kind);
      const current = rawSeries.filter((s) => !isRetired(s));
      const of = (v: string) => current.filter((s) => expectedCompat(s, label, release).verdict === v);
      const no = of('no').map((s) => s.series);
      const depends = of('depends').map((s) => s.series);
      const yes = of('yes').map((s) => s.series);
      const level = release.azureImageBaseline ?? release.x86_64Baseline ?? 'x86-64-v1';
      expect(a.series, label).toEqual(no);
      expect(a.level, label).toBe(level);
      expect(a.title, label).toBe(`Azure series that cannot run ${label}`);
      // the summary: the count, the need, the first twelve that cannot (and a mark when there are more),
      // the series that depend when there are twelve at most, how many always can
      expect(a.summary.startsWith(`${no.length} current series cannot run ${label} (it needs ${level}`), label).toBe(true);
      expect(a.summary.includes('Generation'), label).toBe(Boolean(release.azureImageGenerations));
      for (const g of release.azureImageGenerations ?? []) expect(a.summary, label).toContain(`Generation ${g}`);
      const named = no.slice(0, 12);
      if (no.length) expect(a.summary, label).toContain(`: ${named.join(', ')}${no.length > 12 ? ' …' : ''};`);
      for (const s of no.slice(12)) expect(a.summary.includes(`${s},`) || a.summary.includes(`${s} `), `${label}: ${s}`).toBe(false);
      expect(a.summary, label).toContain(`; ${depends.length} depend on the processor or undocumented facts`);
      if (depends.length && depends.length <= 12) expect(a.summary, label).toContain(`(${depends.join(', ')})`);
      else expect(a.summary, label).not.toContain('facts (');
      expect(a.summary.endsWith(`; ${yes.length} always can.`), label).toBe(true);
      expect(
        a.facts.map((f) => [f.label, f.value]),
        label,
      ).toEqual([
        ['Needs', level],
        ['Cannot', `${no.length} series`],
        ['Depends', `${depends.length} series`],
        ['Always', `${yes.length} series`],
      ]);
      // the noes by family (or none), then exactly the series that depend (or none)
      expect(
        a.sections.map((x) => x.title),
        label,
      ).toEqual([`Cannot (${no.length}), by family`, `Depends (${depends.length})`]);
      if (no.length) expect(readFamilyLines(a.sections[0]!.lines!), label).toEqual(expectedFamilyLines(of('no')));
      else expect(a.sections[0]!.lines, label).toEqual(['none']);
      expect(a.sections[1]!.lines, label).toEqual([depends.length ? depends.join(', ') : 'none']);
      expect(a.caveats, label).toEqual(rel.caveats);
      expect(a.context, label).toEqual({ topic: 'sizes', distro: d.id, release: rel.version });
      expect(
        a.sources.map((x) => x.url),
        label,
      ).toEqual([...new Set([...rel.sources.slice(0, 3), c.levels.sources[0]!].map((x) => x.url))]);
      if (no.length > 12) longLists++;
      if (depends.length && depends.length <= 12) shortDepends++;
      n++;
    }
    expect(n).toBe(allReleases.length);
    // every branch met: lists past twelve and within, depends named and not, none at all
    expect(longLists).toBeGreaterThan(0);
    expect(longLists).toBeLessThan(n);
    expect(shortDepends).toBeGreaterThan(0);
  });
});
