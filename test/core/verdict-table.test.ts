// Every (series × release) pair, and the same releases with their facts varied (no documented
// architectures, a single architecture, Generation 1 images), judged by the core and by the rule computed
// again in ./independent-rules.ts from the raw tables: the verdict, the shortfall (exactly the short
// processors), the requirement, and a reason naming the fact that decides each check.
import { describe, expect, test } from 'vitest';
import type { DistroRelease, LevelName } from '../../src/data/schema.js';
import { compatAnswer, distroSizesAnswer, judge, requiredLevel } from '../../src/core/answers/compat.js';
import { catalog } from '../../src/core/index.js';
import { expectedFamilyLines, readFamilyLines } from './family-lines.js';
import { allReleases, expectedCompat, isRetired, rawSeries, type Expected, type RawRelease } from './independent-rules.js';

const c = catalog();
const infoOf = (name: string) => c.series.find((s) => s.record.series === name)!;
const distroOf = (id: string) => c.distros.find((d) => d.id === id)!;

/** The real releases, then each with one fact changed, so every branch of the rule meets real series. */
function variants(r: DistroRelease): Array<[string, DistroRelease]> {
  return [
    ['as documented', r],
    ['no documented architectures or baseline', { ...r, arches: [], x86_64Baseline: null, azureImageBaseline: null }],
    ['no documented architectures, a v3 baseline', { ...r, arches: [], x86_64Baseline: 'x86-64-v3', azureImageBaseline: null }],
    ['aarch64 only', { ...r, arches: ['aarch64'] }],
    ['x86_64 only, Azure images v4', { ...r, arches: ['AMD64'], azureImageBaseline: 'x86-64-v4' }],
    ['Generation 1 images only', { ...r, azureImageGenerations: [1] }],
    ['Generation 2 images, no x86-64 minimum', { ...r, azureImageGenerations: [2], x86_64Baseline: null, azureImageBaseline: null }],
    ['Generation 1 or 2 images', { ...r, azureImageGenerations: [1, 2] }],
    ['an empty list of image generations', { ...r, azureImageGenerations: [] }],
    ['"x64" only', { ...r, arches: ['x64'] }],
    ['"ARM64" only', { ...r, arches: ['ARM64'] }],
    ['Azure images v4, a separate v3 build for older CPUs', { ...r, azureImageBaseline: 'x86-64-v4', altBuildBaseline: 'x86-64-v3' }],
  ];
}

const pairs = allReleases.flatMap(({ distro, release, label }) =>
  variants(distroOf(distro.id).releases.find((x) => x.version === release.version)!).flatMap(([how, rel]) =>
    rawSeries.map((s) => ({ s, distroId: distro.id, label, how, rel, expected: expectedCompat(s, label, rel as unknown as RawRelease) })),
  ),
);

const VERDICT_WORD = { yes: /^yes\b/i, no: /^no\b/i, depends: /^(it )?depends\b/i };

/** The reason for one check: the first reason naming all its facts. */
function reasonFor(reasons: string[], names: string[]): string | undefined {
  return reasons.find((r) => names.every((n) => r.includes(n)));
}

/** What is wrong with a judgement's reasons (empty when each check has its reason); plain code, not
 * expect(), so that 80,000 pairs run in a second. */
function reasonProblems(reasons: string[], e: Expected, where: string): string[] {
  const out: string[] = [];
  if (reasons.length !== e.checks.length) out.push(`${where}: ${reasons.length} reasons for ${e.checks.length} checks`);
  for (const check of e.checks) {
    const reason = reasonFor(reasons, check.names);
    if (reason === undefined) out.push(`${where}: no ${check.what} reason names ${check.names.join(', ')} in ${JSON.stringify(reasons)}`);
    for (const n of check.notNames) if (reason?.includes(n)) out.push(`${where}: ${n} does not fall short, yet: ${reason}`);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const factOf = (a: { facts: Array<{ label: string; value: string }> }, label: string) => a.facts.find((f) => f.label === label)?.value;

describe('compat verdicts over every series and release', () => {
  test('the table covers every pair and every branch of the rule', () => {
    expect(rawSeries).toHaveLength(c.series.length);
    expect(pairs).toHaveLength(rawSeries.length * allReleases.length * 12);
    expect(allReleases.length).toBeGreaterThanOrEqual(60);
    // every outcome of every check occurs somewhere in the table
    const seen = new Set(pairs.flatMap((p) => p.expected.checks.map((ch) => `${ch.what}:${ch.outcome}`)));
    expect([...seen].sort()).toEqual(
      [
        'arch:yes',
        'arch:no',
        'arch:depends',
        'generation:yes',
        'generation:no',
        'generation:depends',
        'level:yes',
        'level:no',
        'level:depends',
        'older-cpu build:yes',
      ].sort(),
    );
    const verdicts = new Set(pairs.map((p) => p.expected.verdict));
    expect([...verdicts].sort()).toEqual(['depends', 'no', 'yes']);
  });

  test('judge(): verdict, requirement, exact shortfall and a reason per check naming its deciding facts', () => {
    let n = 0;
    const problems: string[] = [];
    for (const p of pairs) {
      const where = `${p.s.series} × ${p.label} (${p.how})`;
      const j = judge(infoOf(p.s.series), distroOf(p.distroId), p.rel);
      if (j.verdict !== p.expected.verdict) problems.push(`${where}: ${j.verdict}, expected ${p.expected.verdict}`);
      if (j.required !== p.expected.required) problems.push(`${where}: requires ${j.required}, expected ${p.expected.required}`);
      if (!same(j.shortfall, p.expected.shortfall)) problems.push(`${where}: short ${j.shortfall}, expected ${p.expected.shortfall}`);
      problems.push(...reasonProblems(j.reasons, p.expected, where));
      n++;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(pairs.length);
  });

  test('a "no" is never overturned by a later "depends", nor a "depends" by a later "yes"', () => {
    // pairs where checks disagree: the worst outcome wins whatever its position
    const mixed = pairs.filter((p) => new Set(p.expected.checks.map((ch) => ch.outcome)).size > 1);
    const noThenDepends = mixed.filter((p) => {
      const o = p.expected.checks.map((ch) => ch.outcome);
      return o.indexOf('no') >= 0 && o.lastIndexOf('depends') > o.indexOf('no');
    });
    const dependsThenNo = mixed.filter((p) => {
      const o = p.expected.checks.map((ch) => ch.outcome);
      return o.indexOf('depends') >= 0 && o.lastIndexOf('no') > o.indexOf('depends');
    });
    expect(noThenDepends.length).toBeGreaterThan(0);
    expect(dependsThenNo.length).toBeGreaterThan(0);
    for (const p of [...noThenDepends, ...dependsThenNo]) expect(judge(infoOf(p.s.series), distroOf(p.distroId), p.rel).verdict).toBe('no');
  });

  test('compatAnswer(): the verdict, its word first, the judged names and the deciding reason in the summary', () => {
    let n = 0;
    const problems: string[] = [];
    const fact = (a: { facts: Array<{ label: string; value: string }> }, label: string) => a.facts.find((f) => f.label === label)?.value;
    for (const p of pairs) {
      if (!['as documented', 'Generation 1 images only', 'aarch64 only', 'Azure images v4, a separate v3 build for older CPUs'].includes(p.how)) continue;
      const where = `${p.s.series} × ${p.label} (${p.how})`;
      const bad = (what: string) => problems.push(`${where}: ${what}`);
      const info = infoOf(p.s.series);
      const a = compatAnswer(c, 'q', { series: info }, distroOf(p.distroId), p.rel, false);
      if (a.kind !== 'compat') throw new Error(`${where}: ${a.kind}`);
      if (a.verdict !== p.expected.verdict) bad(`verdict ${a.verdict}`);
      if (!same(a.shortfall, p.expected.shortfall)) bad(`shortfall ${a.shortfall}`);
      if (!same([a.series, a.size, a.distro, a.release], [p.s.series, p.s.series, p.distroId, p.rel.version])) bad('names the wrong size or release');
      if (!VERDICT_WORD[p.expected.verdict].test(a.summary)) bad(`summary does not open with the verdict: ${a.summary}`);
      if (/undefined|null/.test(a.summary)) bad(`summary: ${a.summary}`);
      // the check that decides: the first whose outcome is the verdict (for yes, the level on x64, else the architecture)
      const deciding =
        p.expected.verdict === 'yes'
          ? p.expected.checks.find((ch) => ch.what === (p.s.arch === 'x64' ? 'level' : 'arch'))!
          : p.expected.checks.find((ch) => ch.outcome === p.expected.verdict)!;
      // a separate build for older CPUs that changes the picture is in the headline too
      const alt = deciding.what === 'level' ? p.expected.checks.find((ch) => ch.what === 'older-cpu build') : undefined;
      for (const name of [...deciding.names, ...(alt?.names ?? [])]) if (!a.summary.includes(name)) bad(`the summary does not name ${name}: ${a.summary}`);
      for (const name of deciding.notNames) if (a.summary.includes(name)) bad(`${name} does not fall short: ${a.summary}`);
      if (fact(a, 'Verdict') !== p.expected.verdict) bad('Verdict fact');
      if (p.s.arch === 'Arm64' && fact(a, 'Needs') !== 'an aarch64 build') bad('Arm Needs fact');
      if (!a.title.includes(p.label) || !a.title.includes(p.s.series)) bad(`title ${a.title}`);
      if (!p.rel.caveats.every((cv) => a.caveats.includes(cv)) || !info.record.caveats.every((cv) => a.caveats.includes(cv))) bad('caveats');
      if (!a.sections[0]?.title) bad('the reasons section has no title');
      if (!same([a.context.topic, a.context.distro, a.context.release, a.context.series], ['compat', p.distroId, p.rel.version, p.s.series]))
        bad(`context ${JSON.stringify(a.context)}`);
      // an Arm series that can run it: the architecture reason, then its processors, each named
      if (p.s.arch === 'Arm64' && p.expected.verdict === 'yes') {
        const arch = a.reasons[0]!.replace(/\.$/, '');
        if (!a.summary.includes(`${arch} (`)) bad(`the Arm headline: ${a.summary}`);
        for (const x of p.s.processors) if (!a.summary.includes(x)) bad(`${x} not named: ${a.summary}`);
        for (let i = 1; i < p.s.processors.length; i++)
          if (a.summary.includes(`${p.s.processors[i - 1]}${p.s.processors[i]}`)) bad(`processors run together: ${a.summary}`);
      }
      // cited: the release's first sources, the series' page and the level rules
      const urls = a.sources.map((x) => x.url);
      for (const src of [...p.rel.sources.slice(0, 3), info.record.sources[0]!, c.levels.sources[0]!])
        if (!urls.includes(src.url)) bad(`does not cite ${src.url}`);
      if (urls.length !== new Set(urls).size) bad('cites a source twice');
      const own = new Set([...info.record.sources, ...info.cpus.flatMap((x) => x.model.sources), ...c.levels.sources].map((x) => x.url));
      if (p.rel.sources.slice(3).some((x) => !own.has(x.url) && urls.includes(x.url))) bad('cites more than the release’s first three sources');
      if (!same(a.reasons, judge(info, distroOf(p.distroId), p.rel).reasons) || !same(a.sections[0]?.lines, a.reasons)) bad('reasons');
      if (fact(a, 'Falls short') !== (p.expected.shortfall.length ? p.expected.shortfall.join(', ') : undefined)) bad('Falls short fact');
      if (p.s.arch === 'x64' && fact(a, 'Needs') !== (p.expected.required ?? 'no documented minimum')) bad('Needs fact');
      // a retired series says so first
      if (isRetired(p.s) ? !new RegExp(`${p.s.series}\\b.*retired`).test(a.caveats[0] ?? '') : a.caveats.some((cv) => /\bis retired\b/.test(cv)))
        bad(`retirement caveat: ${a.caveats[0]}`);
      n++;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(rawSeries.length * allReleases.length * 4);
  });

  test('a size judged names the size, and a defaulted release says so only where the distro has several', () => {
    for (const { distro } of allReleases) {
      const d = distroOf(distro.id);
      const a = compatAnswer(c, 'q', { series: infoOf('Dsv5'), size: 'Standard_D2s_v5' }, d, d.releases[0]!, true);
      if (a.kind !== 'compat') throw new Error(a.kind);
      expect(a.size).toBe('Standard_D2s_v5');
      expect(a.series).toBe('Dsv5');
      expect(a.title).toContain('Standard_D2s_v5');
      expect(a.context).toMatchObject({ distro: d.id, release: d.releases[0]!.version, size: 'Standard_D2s_v5', series: 'Dsv5' });
      expect(
        a.caveats.some((cv) => cv.includes(`${d.name} ${d.releases[0]!.version}`) && /newest/.test(cv)),
        d.id,
      ).toBe(d.releases.length > 1);
    }
  });

  test('a processor of unknown level falls short, and no separate build for older CPUs is said to fit it', () => {
    let n = 0;
    for (const info of c.series.filter((s) => s.record.arch === 'x64' && s.cpus.length > 0)) {
      const unknown = { ...info.cpus[0]!, level: null, model: { ...info.cpus[0]!.model, model: 'Unknown CPU' } };
      const withUnknown = { ...info, cpus: [...info.cpus, unknown] };
      const d = c.distros[0]!;
      const rel = {
        ...d.releases[0]!,
        arches: ['x86_64'],
        azureImageGenerations: null,
        azureImageBaseline: 'x86-64-v4' as const,
        altBuildBaseline: 'x86-64-v1' as const,
      };
      const j = judge(withUnknown, d, rel);
      expect(j.shortfall, info.record.series).toContain('Unknown CPU');
      expect(j.altBuild, info.record.series).toBeUndefined();
      // every processor short and no build for them all: no; some fine: depends
      const allShort = info.cpus.every((x) => x.level !== 'x86-64-v4');
      expect(j.verdict, info.record.series).toBe(allShort ? 'no' : 'depends');
      n++;
    }
    expect(n).toBeGreaterThan(100);
  });

  test('requiredLevel(): the Azure images’ level when stated, else the archive’s', () => {
    let n = 0;
    for (const { release } of allReleases) {
      const want: LevelName | null = release.azureImageBaseline ?? release.x86_64Baseline;
      expect(requiredLevel(release as unknown as DistroRelease)).toBe(want);
      n++;
    }
    expect(n).toBe(allReleases.length);
    expect(allReleases.some(({ release }) => release.azureImageBaseline && release.azureImageBaseline !== release.x86_64Baseline)).toBe(true);
  });
});

describe('which series can run a release', () => {
  test('the list is exactly the current series whose verdict is yes; the depends count matches', () => {
    let n = 0;
    for (const { distro, release, label } of allReleases) {
      const d = distroOf(distro.id);
      const rel = d.releases.find((x) => x.version === release.version)!;
      const a = distroSizesAnswer(c, 'q', d, rel);
      if (a.kind !== 'level') throw new Error(a.kind);
      const current = rawSeries.filter((s) => !isRetired(s));
      const yes = current.filter((s) => expectedCompat(s, label, release).verdict === 'yes').map((s) => s.series);
      const depends = current.filter((s) => expectedCompat(s, label, release).verdict === 'depends').map((s) => s.series);
      expect(a.series, label).toEqual(yes);
      expect(a.level, label).toBe(release.azureImageBaseline ?? release.x86_64Baseline ?? 'x86-64-v1');
      expect(factOf(a, 'Needs'), label).toBe(a.level);
      expect(a.title, label).toContain(label);
      for (const section of a.sections) expect(section.lines?.[0], `${label}: ${section.title}`).toBeTruthy();
      expect(a.summary, label).toContain(a.level!);
      expect(a.summary.includes('Generation'), label).toBe(Boolean(release.azureImageGenerations?.length));
      for (const g of release.azureImageGenerations ?? []) expect(a.summary, label).toContain(String(g));
      expect(a.caveats, label).toEqual(rel.caveats);
      expect(a.context, label).toEqual({ topic: 'sizes', distro: d.id, release: rel.version });
      // the yeses by family, then exactly the series that depend, or none
      const yesRaw = current.filter((s) => yes.includes(s.series));
      expect(
        a.sections.map((x) => x.title.includes(String(yes.length)) || x.title.includes(String(depends.length))),
        label,
      ).toEqual([true, true]);
      expect(readFamilyLines(a.sections[0]!.lines!), label).toEqual(expectedFamilyLines(yesRaw));
      if (depends.length) expect(a.sections[1]!.lines!.join(', ').split(', '), label).toEqual(depends);
      else
        expect(
          a.sections[1]!.lines!.every((l) => !rawSeries.some((s) => l.includes(s.series)) && /\w/.test(l)),
          label,
        ).toBe(true);
      expect(
        a.sources.map((x) => x.url),
        label,
      ).toEqual([...new Set([...rel.sources.slice(0, 3), c.levels.sources[0]!].map((x) => x.url))]);
      expect(a.facts.find((f) => f.label === 'Always')?.value, label).toBe(`${yes.length} series`);
      expect(a.facts.find((f) => f.label === 'Depends')?.value, label).toBe(`${depends.length} series`);
      n++;
    }
    expect(n).toBe(allReleases.length);
  });
});
