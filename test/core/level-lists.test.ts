// Size, series and level answers (src/core/answers/vm.ts) for every series and every level, against the
// levels computed in ./independent-rules.ts from the raw tables: which series a level list includes AND
// which it must leave out (retired, Arm64, no documented processor), every branch of the yes/no that opens
// a level question, and the level facts of every series and size.
import { describe, expect, test } from 'vitest';
import { levelAnswer, levelVerdict, seriesAnswer, sizeAnswer } from '../../src/core/answers/vm.js';
import { catalog } from '../../src/core/index.js';
import { cpuLevel, flagsOf, isRetired, ORDER, rank, rawSeries, seriesLevels, type Level, type RawSeries } from './independent-rules.js';

const c = catalog();
const infoOf = (name: string) => c.series.find((s) => s.record.series === name)!;
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const factOf = (a: { facts: Array<{ label: string; value: string }> }, label: string) => a.facts.find((f) => f.label === label)?.value;

/** Current x64 series with a level: the only ones a level list may name. */
const listed = rawSeries.filter((s) => !isRetired(s) && seriesLevels(s).guaranteed !== null);

describe('which series guarantee a level', () => {
  test('the lists leave out retired, Arm64 and processor-less series, and each of those kinds exists', () => {
    expect(rawSeries.filter(isRetired).length).toBeGreaterThan(0);
    expect(rawSeries.filter((s) => s.arch === 'Arm64').length).toBeGreaterThan(0);
    expect(rawSeries.filter((s) => s.arch === 'x64' && s.processors.length === 0).length).toBeGreaterThan(0);
    // a retired series with a level would be listed if retirement were ignored
    expect(rawSeries.filter((s) => isRetired(s) && seriesLevels(s).guaranteed !== null).length).toBeGreaterThan(0);
  });

  test.each(ORDER.map((l) => [l] as const))('%s: exactly the series that guarantee it, and exactly those that do not', (level) => {
    const meets = listed.filter((s) => rank(seriesLevels(s).guaranteed!) >= rank(level));
    const below = listed.filter((s) => rank(seriesLevels(s).guaranteed!) < rank(level));
    const maybe = below.filter((s) => rank(seriesLevels(s).best!) >= rank(level));

    const a = levelAnswer(c, 'q', level);
    if (a.kind !== 'level') throw new Error(a.kind);
    expect(a.level).toBe(level);
    expect(a.series).toEqual(meets.map((s) => s.series));
    expect(a.title).toContain(level);
    expect(a.title).not.toMatch(/not/);
    expect(a.title).toMatch(/guarantee/);
    expect(factOf(a, 'Level')).toBe(level);
    expect(a.summary).toContain(`${meets.length} `);
    expect(a.summary.includes(`${maybe.length} more`)).toBe(maybe.length > 0);
    expect(a.sources.map((x) => x.url)).toContain(c.levels.sources[0]!.url);
    expect(factOf(a, 'Guaranteed by')).toBe(`${meets.length} series`);
    expect(factOf(a, 'Not guaranteed by')).toBe(`${below.length} series`);
    // what the level needs: its own flags, on top of the level below it
    const needs = a.sections.find((s) => s.title.includes('needs'))!.lines!.join(' ');
    expect(needs).toContain(flagsOf(level).join(' '));
    const lower = ORDER[ORDER.indexOf(level) - 1];
    for (const l of ORDER) if (l !== level) expect(needs.includes(l), `${level} needs names ${l}`).toBe(l === lower);

    const not = levelAnswer(c, 'q', level, true);
    if (not.kind !== 'level') throw new Error(not.kind);
    expect(not.series).toEqual(below.map((s) => s.series));
    expect(not.title).toMatch(/do not guarantee/);
    expect(not.title).toContain(level);
    expect(not.summary).toContain(`${below.length} `);
    expect(not.summary.includes(`${maybe.length} of them`)).toBe(maybe.length > 0);
    expect(factOf(not, 'Guaranteed by')).toBe(`${meets.length} series`);
    // never listed, on either side
    for (const s of rawSeries.filter((x) => !listed.includes(x))) {
      expect(a.series, s.series).not.toContain(s.series);
      expect(not.series, s.series).not.toContain(s.series);
    }
  });
});

describe('does a series guarantee a level (the opening yes/no)', () => {
  const cases = rawSeries.flatMap((s) => ORDER.map((level) => ({ s, level })));

  function expectedOpening(s: RawSeries, level: Level): RegExp {
    const { guaranteed, best } = seriesLevels(s);
    if (s.arch === 'Arm64') return /^No\b.*Arm64/;
    if (!guaranteed) return /^Unknown\b.*no processor/;
    if (rank(guaranteed) >= rank(level)) return new RegExp(`^Yes\\b.*${guaranteed}`);
    if (rank(best!) >= rank(level)) return new RegExp(`^Not guaranteed\\b.*${guaranteed}.*${level}`);
    return new RegExp(`^No\\b.*${guaranteed}`);
  }

  test('every series at every level, including each boundary', () => {
    let n = 0;
    const problems: string[] = [];
    for (const { s, level } of cases) {
      const text = levelVerdict(infoOf(s.series), level);
      if (!expectedOpening(s, level).test(text)) problems.push(`${s.series} ${level}: ${text}`);
      if (!text.includes(s.series)) problems.push(`${s.series} ${level}: the series is not named: ${text}`);
      n++;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(rawSeries.length * 4);
    // every branch is met, and "exactly the guaranteed level" (the >= boundary) among the yeses
    const branches = new Set(cases.map(({ s, level }) => expectedOpening(s, level).source));
    for (const b of ['^No\\b.*Arm64', '^Unknown\\b', '^Yes\\b', '^Not guaranteed\\b', `^No\\b.*x86`])
      expect(
        [...branches].some((x) => x.startsWith(b)),
        b,
      ).toBe(true);
    expect(cases.some(({ s, level }) => seriesLevels(s).guaranteed === level)).toBe(true);
    expect(cases.some(({ s, level }) => seriesLevels(s).best === level && seriesLevels(s).guaranteed !== level)).toBe(true);
  });
});

describe('size and series answers state the levels of every series', () => {
  test('guaranteed and best level, processors, generations, level facts, status and caveats', () => {
    let n = 0;
    const problems: string[] = [];
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const { guaranteed, best } = seriesLevels(s);
      // its first size, and its first constrained-vCPU size where it has one
      const sizes = c.sizes.filter((x) => x.series === info);
      for (const size of [sizes[0]!, ...sizes.filter((x) => x.size.constrainedFrom).slice(0, 1)])
        for (const a of [seriesAnswer(c, 'q', info), sizeAnswer(c, 'q', size)]) {
          const bad = (what: string) => problems.push(`${s.series} ${a.kind}: ${what}`);
          if (a.kind !== 'series' && a.kind !== 'vm-size') throw new Error(a.kind);
          if (a.guaranteedLevel !== guaranteed || a.bestLevel !== best) bad(`levels ${a.guaranteedLevel}/${a.bestLevel}`);
          if (JSON.stringify(a.processors) !== JSON.stringify(s.processors)) bad('processors');
          if (JSON.stringify(a.generations) !== JSON.stringify(s.generations)) bad('generations');
          if (a.arch !== s.arch || a.series !== s.series) bad('arch or series');
          if (factOf(a, 'Architecture') !== s.arch) bad('Architecture fact');
          if (!a.facts.every((f) => typeof f === 'object' && f.label && f.value)) bad('a fact without label or value');
          if (!a.sections.every((x) => typeof x === 'object' && x.title && x.lines?.length)) bad('a section without title or lines');
          const cpusTitle = a.sections.find((x) => /Processor|May land on/.test(x.title))?.title ?? '';
          if (s.processors.length === 1 && /any of/.test(cpusTitle)) bad(`one processor: ${cpusTitle}`);
          const urls = a.sources.map((x) => x.url);
          if (!urls.includes(info.record.sources[0]!.url) || !urls.includes(c.levels.sources[0]!.url)) bad('sources');
          if (a.kind === 'vm-size') {
            if (a.title !== size.size.name || a.size !== size.size.name) bad('size name');
            if (a.context.size !== size.size.name || a.context.series !== s.series) bad('context');
            if (factOf(a, 'Series') !== s.series || factOf(a, 'Memory') !== `${size.size.memoryGiB} GiB`) bad('size facts');
            const vcpus = factOf(a, 'vCPUs') ?? '';
            if (!vcpus.startsWith(String(size.size.vcpus)) || vcpus.includes('constrained') !== Boolean(size.size.constrainedFrom)) bad(`vCPUs ${vcpus}`);
            const from = size.size.constrainedFrom;
            if (from ? !a.caveats.some((cv) => cv.includes(from) && /same level/.test(cv)) : a.caveats.some((cv) => /Constrained/.test(cv)))
              bad('constrained caveat');
          } else {
            if (!a.title.includes(s.series) || a.context.series !== s.series) bad('series title or context');
            if (
              !same(
                a.sizes,
                s.sizes.map((z) => z.name),
              )
            )
              bad('sizes');
            if (factOf(a, 'Family') !== info.record.family) bad('family');
            const sizesFact = factOf(a, 'Sizes') ?? '';
            if (!sizesFact.startsWith(`${s.sizes.length} `) || !sizesFact.includes(s.sizes[0]!.name) || !sizesFact.includes(s.sizes.at(-1)!.name))
              bad(`Sizes fact ${sizesFact}`);
            if (!same(a.sections.find((x) => x.title === 'Sizes')?.lines, [s.sizes.map((z) => z.name).join(', ')])) bad('sizes section');
          }
          const gens = factOf(a, 'Hyper-V generations') ?? '';
          if (
            s.generations === null
              ? !/not stated/.test(gens)
              : !s.generations.every((g) => gens.includes(`Gen ${g}`)) || /not stated/.test(gens) === s.generationsComplete
          )
            bad(`generations fact ${gens}`);
          // level facts: Arm64 has none, a series with no processor says unknown, best only when it differs
          const g = factOf(a, 'Guaranteed level');
          if (s.arch === 'Arm64') {
            if (factOf(a, 'x86-64 level') !== 'none (Arm64)' || g !== undefined) bad('Arm64 level fact');
          } else if (s.processors.length === 0) {
            if (!/unknown/.test(g ?? '')) bad(`no-processor level fact ${g}`);
          } else if (g !== guaranteed) bad(`Guaranteed level fact ${g}`);
          if (factOf(a, 'Best level') !== (best !== guaranteed ? best : undefined)) bad(`Best level fact ${factOf(a, 'Best level')}`);
          if (guaranteed && !a.summary.includes(guaranteed)) bad(`summary lacks ${guaranteed}: ${a.summary}`);
          if (best && best !== guaranteed && !a.summary.includes(best)) bad(`summary lacks ${best}: ${a.summary}`);
          // the processors section lists every processor, one line each
          const section = a.sections.find((x) => /Processor|May land on/.test(x.title));
          if (s.processors.length === 0 ? section !== undefined : section?.lines?.length !== s.processors.length) bad('processor section');
          if (s.processors.length > 1 && !section?.title.includes(String(s.processors.length))) bad(`processor count: ${section?.title}`);
          // status and caveats say what is true of the series, and only that
          const status = factOf(a, 'Status') ?? '';
          const r = s.retirement;
          if (r?.status === 'retired' ? !/retired/.test(status) || /announced/.test(status) : /retired\b/.test(status)) bad(`status ${status}`);
          if (r?.status === 'announced' ? !/announced/.test(status) : /announced/.test(status)) bad(`status ${status}`);
          if (r?.date && !status.includes(r.date)) bad(`status lacks ${r.date}`);
          if (s.preview !== /preview/.test(status)) bad(`status ${status}`);
          if (!r && !s.preview && status !== 'generally available') bad(`status ${status}`);
          const caveats = a.caveats.join(' ');
          if (r && !/retire/i.test(caveats)) bad('retirement caveat');
          if (s.preview && !/preview/i.test(caveats)) bad('preview caveat');
          if (s.arch === 'x64' && s.processors.length === 0 && !/no processor/i.test(caveats)) bad('no-processor caveat');
          if ((s.arch === 'x64' && s.processors.length > 0) !== /ld\.so --help/.test(caveats)) bad('guest caveat');
        }
      n++;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(rawSeries.length);
  });
});

describe('what a size or series answer says first, and what it adds', () => {
  test('the opening names the levels and exactly the processors that hold the guarantee down', () => {
    let n = 0;
    const problems: string[] = [];
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const a = seriesAnswer(c, 'q', info);
      const bad = (what: string) => problems.push(`${s.series}: ${what}: ${a.summary}`);
      const { guaranteed, best } = seriesLevels(s);
      if (!a.summary.includes(s.series)) bad('the series is not named');
      if (s.arch === 'Arm64') {
        if (!/Arm64/.test(a.summary)) bad('not said to be Arm64');
        for (const p of s.processors) if (!a.summary.includes(p)) bad(`${p} not named`);
        for (const arm of new Set(info.cpus.map((x) => x.model.armArch).filter(Boolean))) if (!a.summary.includes(arm!)) bad(`${arm} not named`);
        if (/x86-64-v\d/.test(a.summary)) bad('an x86-64 level for Arm');
      } else if (s.processors.length === 0) {
        if (!/no documented processor/.test(a.summary) || /x86-64-v\d/.test(a.summary)) bad('a level without a processor');
      } else if (guaranteed === best) {
        for (const p of s.processors) if (!a.summary.includes(p)) bad(`${p} not named`);
      } else {
        // the processors at the guaranteed level, and no other
        const low = s.processors.filter((p) => cpuLevel.get(p) === guaranteed);
        const high = s.processors.filter((p) => cpuLevel.get(p) !== guaranteed && !low.some((l) => l.includes(p)));
        for (const p of low) if (!a.summary.includes(p)) bad(`${p} (the floor) not named`);
        for (const p of high) if (a.summary.includes(p)) bad(`${p} is above the floor`);
      }
      n++;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(rawSeries.length);
  });

  test('caveats the code adds are added once, and only where the record does not already say so', () => {
    let n = 0;
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const a = seriesAnswer(c, 'q', info);
      const count = (list: string[], re: RegExp) => list.filter((cv) => re.test(cv)).length;
      const own = info.record.caveats;
      const cases: Array<[RegExp, boolean]> = [
        [/retire/i, s.retirement !== null],
        [/preview/i, s.preview],
        [/no processor/i, s.arch === 'x64' && s.processors.length === 0],
      ];
      for (const [re, applies] of cases) expect(count(a.caveats, re), `${s.series} ${re}`).toBe(applies ? Math.max(1, count(own, re)) : count(own, re));
      expect(new Set(a.caveats).size, s.series).toBe(a.caveats.length);
      n++;
    }
    expect(n).toBe(rawSeries.length);
  });

  test('every source cited has a title, a URL and a date', () => {
    const answers = [...ORDER.flatMap((l) => [levelAnswer(c, 'q', l), levelAnswer(c, 'q', l, true)]), ...c.series.map((s) => seriesAnswer(c, 'q', s))];
    for (const a of answers) {
      expect(a.sources.length, a.title).toBeGreaterThan(0);
      for (const src of a.sources) {
        expect(src.title, a.title).toBeTruthy();
        expect(src.url, a.title).toMatch(/^https:\/\/\S+$/);
        expect(src.asOf, a.title).toMatch(/^\d{4}-\d{2}-\d{2}/);
      }
    }
    const level = levelAnswer(c, 'q', 'x86-64-v3');
    expect(level.sources.map((x) => x.asOf)).toContain(c.asOf);
    expect(level.sources).toHaveLength(2);
    for (const cv of level.caveats) expect(cv.length).toBeGreaterThan(20);
  });
});
