// What a level, size or series answer (src/core/answers/vm.ts) lists beyond its summary line, against
// ./independent-rules.ts: the level lists grouped by family (exactly which series, with which levels,
// how many held back), the "may land on" list, the examples a "which do not guarantee" answer offers,
// level lists for one family, the yes/no opening when a feature was asked, and the caveats a series
// answer adds when its record does not say so itself.
import { describe, expect, test } from 'vitest';
import { afterLevelVerdict, byFamily, guaranteeOfList, levelAnswer, levelVerdict, seriesAnswer, sizeAnswer } from '../../src/core/answers/vm.js';
import { catalog } from '../../src/core/index.js';
import type { SeriesInfo } from '../../src/core/catalog.js';
import { expectedFamilyLines, parseFamilyLine, PER_FAMILY } from './family-lines.js';
import { cpuLevel, flagsOf, isRetired, ORDER, rank, rawSeries, seriesLevels, type Level, type RawSeries } from './independent-rules.js';

const c = catalog();
const infoOf = (name: string) => c.series.find((s) => s.record.series === name)!;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `name` appears in `text` as a name of its own, not inside a longer one ("Dv5" is not in "Dsv5") */
const names = (text: string, name: string) => new RegExp(`(^|[^\\w-])${escapeRegExp(name)}($|[^\\w-])`).test(text);

/** Current x64 series with a level: the only ones a level list may name. */
const listed = rawSeries.filter((s) => !isRetired(s) && seriesLevels(s).guaranteed !== null);
const families = [...new Set(rawSeries.map((s) => s.family))];
const COMMON = ['General purpose', 'Compute optimized', 'Memory optimized'];
/** The catalog with only these series (everything else as it is). */
const withSeries = (series: SeriesInfo[]): typeof c => Object.assign(Object.create(Object.getPrototypeOf(c) as object) as typeof c, c, { series });

describe('level lists, by family', () => {
  const cases = ORDER.flatMap((level) => [undefined, ...families].flatMap((family) => [false, true].map((negated) => ({ level, family, negated }))));

  test('every level, with and without a family, both ways: exactly the series, their levels and how many are held back', () => {
    let n = 0;
    let grouped = 0;
    let heldBack = 0;
    for (const { level, family, negated } of cases) {
      const what = `${level} ${family ?? 'all'} ${negated ? 'not' : ''}`;
      const current = listed.filter((s) => !family || s.family === family);
      const meets = current.filter((s) => rank(seriesLevels(s).guaranteed!) >= rank(level));
      const below = current.filter((s) => rank(seriesLevels(s).guaranteed!) < rank(level));
      const maybe = below.filter((s) => rank(seriesLevels(s).best!) >= rank(level));
      const a = levelAnswer(c, 'q', level, negated, family);
      if (a.kind !== 'level') throw new Error(a.kind);
      const shownList = negated ? below : meets;
      expect(a.series, what).toEqual(shownList.map((s) => s.series));
      expect(a.context, what).toEqual({ topic: 'level', level });

      // the list section: one line per family, the count, at most 12 names and how many more
      const [list, ...rest] = a.sections;
      expect(list!.title, what).toContain(`(${shownList.length})`);
      const groups = expectedFamilyLines(shownList, (s) => {
        const { guaranteed, best } = seriesLevels(s);
        // "which do not" shows each series' levels: the guaranteed one, and the best when it differs
        return negated ? `${s.series} (${guaranteed}${best !== guaranteed ? `–${best}` : ''})` : s.series;
      });
      if (groups.length === 0) {
        expect(list!.lines, what).toHaveLength(1);
        expect(list!.lines![0], what).not.toMatch(/\(\d+\):/);
        expect(list!.lines![0], what).toMatch(/^\w+$/);
      } else {
        expect(list!.lines!.map(parseFamilyLine), what).toEqual(groups);
        grouped += groups.length > 1 ? 1 : 0;
        heldBack += groups.some((g) => g.more !== null) ? 1 : 0;
      }

      // "may land on" follows a yes list only, and names exactly the series that sometimes reach the level
      const mayLand = !negated && maybe.length > 0;
      expect(rest, what).toHaveLength(mayLand ? 2 : 1);
      if (mayLand) {
        expect(rest[0]!.title, what).toContain(`(${maybe.length})`);
        expect(rest[0]!.title, what).toContain(level);
        const entries = rest[0]!
          .lines!.join(', ')
          .split(', ')
          .map((e) => /^(.+) \(\D*(x86-64-v\d)\)$/.exec(e)?.slice(1));
        expect(entries, what).toEqual(maybe.map((s) => [s.series, seriesLevels(s).guaranteed]));
      }
      // what the level needs, last
      const needs = rest.at(-1)!;
      expect(needs.title, what).toContain(level);
      expect(needs.lines!.join(' '), what).toContain(flagsOf(level).join(' '));
      for (const line of needs.lines!) expect(line.length, what).toBeGreaterThan(20);

      // the summary: the family when one was asked (and no other), no placeholder
      for (const f of families) expect(a.summary.includes(f), `${what}: ${f}`).toBe(f === family);
      expect(a.summary, what).not.toMatch(/undefined|null|Stryker/);
      expect(a.title, what).toContain(level);
      n++;
    }
    expect(n).toBe(ORDER.length * (families.length + 1) * 2);
    // the cases above meet several families in one list, and families longer than 12 names
    expect(grouped).toBeGreaterThan(0);
    expect(heldBack).toBeGreaterThan(0);
  });

  test('"which do not guarantee" offers up to 6 that do: general purpose, compute and memory series, newest (v5-v7) first', () => {
    let offered = 0;
    for (const level of ORDER)
      for (const family of [undefined, ...families]) {
        const current = listed.filter((s) => !family || s.family === family);
        const meets = current.filter((s) => rank(seriesLevels(s).guaranteed!) >= rank(level));
        const common = meets.filter((s) => COMMON.includes(s.family));
        const newest = (s: RawSeries) => /v[5-7]$/.test(s.series);
        const expected = [...common.filter(newest), ...common.filter((s) => !newest(s))].slice(0, 6).map((s) => s.series);
        const not = levelAnswer(c, 'q', level, true, family);
        const yes = levelAnswer(c, 'q', level, false, family);
        const what = `${level} ${family ?? 'all'}`;
        // the examples are named, in that order, and no other series is
        const named = rawSeries.filter((s) => names(not.summary, s.series)).map((s) => s.series);
        expect(named.sort(), what).toEqual([...expected].sort());
        const at = expected.map((s) => not.summary.search(new RegExp(`(^|[^\\w-])${escapeRegExp(s)}($|[^\\w-])`)));
        expect(at, what).toEqual([...at].sort((x, y) => x - y));
        // a yes list's summary counts, and names no series
        expect(
          rawSeries.filter((s) => names(yes.summary, s.series)).map((s) => s.series),
          what,
        ).toEqual([]);
        offered += expected.length;
      }
    expect(offered).toBeGreaterThan(0);
    // among the examples offered for every level at once, older series are passed over for newer ones
    const v1 = listed.filter((s) => COMMON.includes(s.family));
    expect(v1.some((s) => /v[5-7]$/.test(s.series)) && v1.some((s) => !/v[5-7]$/.test(s.series))).toBe(true);
    expect(v1.filter((s) => /v[5-7]$/.test(s.series)).length).toBeGreaterThan(6);
  });

  test('the examples, when few current series are of the newest generations: the newest first, then older ones, 6 at most', () => {
    const gp = c.series.filter(
      (s) => s.record.family === 'General purpose' && s.guaranteed && !isRetired(rawSeries.find((x) => x.series === s.record.series)!),
    );
    const newest = gp.filter((s) => /v[5-7]$/.test(s.record.series));
    const older = gp.filter((s) => !/v[5-7]$/.test(s.record.series));
    expect(newest.length).toBeGreaterThan(2);
    expect(older.length).toBeGreaterThan(6);
    // two of the newest and several older ones, the older listed first in the table
    // older ones with no generation suffix at all ("D") count as older too
    const plain = older.filter((s) => !/v\d$/.test(s.record.series));
    // and the generation is read from the end of the name only
    const renamed = (s: SeriesInfo, series: string): SeriesInfo => ({ ...s, record: { ...s.record, series } });
    const odd = [renamed(older[0]!, 'Xv5 classic'), renamed(older[1]!, 'Xplain'), renamed(older[2]!, 'Xv2')];
    const mixes = [
      [...older.slice(0, 5), ...newest.slice(0, 2)],
      [...older.slice(0, 8)],
      [...newest.slice(0, 1), ...older.slice(0, 2)],
      [newest[0]!, ...older.slice(0, 5)],
      [...plain, newest[0]!],
      [...odd, newest[0]!],
    ];
    older.push(...odd);
    for (const mix of mixes) {
      const a = levelAnswer(withSeries(mix), 'q', 'x86-64-v1', true);
      const expected = [...mix.filter((s) => newest.includes(s)), ...mix.filter((s) => older.includes(s))].slice(0, 6).map((s) => s.record.series);
      const named = mix.map((s) => s.record.series).filter((n) => names(a.summary, n));
      expect(named.sort()).toEqual([...expected].sort());
      const at = expected.map((s) => a.summary.search(new RegExp(`(^|[^\\w-])${escapeRegExp(s)}($|[^\\w-])`)));
      expect(at).toEqual([...at].sort((x, y) => x - y));
    }
  });

  test('byFamily: 12 names a family at most, and the rest counted only when there are more', () => {
    const gp = c.series.filter((s) => s.record.family === 'General purpose');
    const mo = c.series.filter((s) => s.record.family === 'Memory optimized');
    for (const k of [1, PER_FAMILY - 1, PER_FAMILY, PER_FAMILY + 1, PER_FAMILY + 5]) {
      const lines = byFamily([...gp.slice(0, k), ...mo.slice(0, 2)]).map(parseFamilyLine);
      expect(lines, String(k)).toEqual([
        {
          family: 'General purpose',
          count: k,
          shown: gp.slice(0, Math.min(k, PER_FAMILY)).map((s) => s.record.series),
          more: k > PER_FAMILY ? k - PER_FAMILY : null,
        },
        { family: 'Memory optimized', count: 2, shown: mo.slice(0, 2).map((s) => s.record.series), more: null },
      ]);
    }
    const none = byFamily([]);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatch(/^\w+$/);
  });

  test('the caveats say what is left out, and that a guest may see fewer features', () => {
    const guest = seriesAnswer(c, 'q', c.series.find((s) => s.record.arch === 'x64' && s.cpus.length > 0)!).caveats.at(-1)!;
    for (const level of ORDER) {
      const a = levelAnswer(c, 'q', level);
      expect(a.caveats).toContain(guest);
      expect(a.caveats.some((cv) => /retired/i.test(cv) && /Arm64/.test(cv))).toBe(true);
      // the size list's source is dated as checked on the catalog's date
      for (const src of a.sources) expect(['page', 'cited', 'checked']).toContain(src.dated);
      expect(a.sources.find((src) => src.asOf === c.asOf && /sizes/.test(src.url))?.dated).toBe('checked');
    }
  });
});

describe('the opening yes/no when a feature or a level was typed', () => {
  // level spellings are not repeated back; a feature is named, with the level it belongs to
  const levelSpellings = (l: Level) => {
    const v = l.slice(-2);
    return [v, l, l.toUpperCase(), `x86_64_${v}`, `x86-64${v}`, `x8664${v}`, `x86_64-${v}`];
  };
  const FEATURE: Record<Level, string[]> = {
    'x86-64-v1': ['sse2'],
    'x86-64-v2': ['sse4.2', 'popcnt'],
    'x86-64-v3': ['avx2', 'fma'],
    'x86-64-v4': ['avx512f', 'avx-512'],
  };
  const count = (text: string, s: string) => text.split(s).length - 1;

  test('every series at every level: the verdict by the rule, what was typed named only when it was a feature', () => {
    let n = 0;
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const { guaranteed, best } = seriesLevels(s);
      for (const level of ORDER)
        for (const typed of [undefined, ...levelSpellings(level), ...FEATURE[level]]) {
          const text = levelVerdict(info, level, typed);
          const bad = (what: string) => problems.push(`${s.series} ${level} ${typed}: ${what}: ${text}`);
          const feature = typed !== undefined && FEATURE[level].includes(typed);
          n++;
          if (!names(text, s.series)) bad('series not named');
          if (s.arch === 'Arm64' || !guaranteed) continue;
          if (feature) {
            if (!text.includes(typed.toUpperCase()) || !text.includes(level)) bad('the feature and its level');
          } else if (typed !== undefined && text.includes(`${typed.toUpperCase()} (`)) bad('a level spelling repeated');
          const branch = rank(guaranteed) >= rank(level) ? 'yes' : best && rank(best) >= rank(level) ? 'some' : 'no';
          seen.add(`${branch} ${feature} ${guaranteed === level}`);
          if (branch === 'yes') {
            if (!text.startsWith('Yes') || !text.includes(guaranteed)) bad('yes');
            // the level asked is said once when it is exactly the guaranteed one, and named beside it otherwise
            if (!feature && count(text, level) !== 1) bad('the level said once');
            if (!feature && guaranteed !== level && count(text, guaranteed) !== 1) bad('the guarantee said once');
          } else if (branch === 'some') {
            if (!text.startsWith('Not guaranteed') || !text.includes(guaranteed) || !text.includes(level)) bad('not guaranteed');
          } else {
            if (!text.startsWith('No') || !text.includes(guaranteed)) bad('no');
            // a plain level question's no names the level it stops at, and only that one
            if (!feature && text.includes(level)) bad('the level asked repeated');
          }
        }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe(rawSeries.length * ORDER.reduce((k, l) => k + 1 + levelSpellings(l).length + FEATURE[l].length, 0));
    for (const b of [
      'yes true true',
      'yes false true',
      'yes true false',
      'yes false false',
      'some true false',
      'some false false',
      'no true false',
      'no false false',
    ])
      expect(seen.has(b), b).toBe(true);
  });
});

describe('series answers', () => {
  test('a series whose processors share one level says that level once; one with several names both', () => {
    for (const s of rawSeries) {
      const a = seriesAnswer(c, 'q', infoOf(s.series));
      const { guaranteed, best } = seriesLevels(s);
      const levels = a.summary.match(/x86-64-v\d/g) ?? [];
      if (!guaranteed) expect(levels, s.series).toEqual([]);
      else if (guaranteed === best) expect(levels, s.series).toEqual([guaranteed]);
      else expect(new Set(levels), s.series).toEqual(new Set([guaranteed, best]));
    }
    expect(rawSeries.some((s) => seriesLevels(s).guaranteed && seriesLevels(s).guaranteed === seriesLevels(s).best)).toBe(true);
  });

  test('size and series answers belong to the machine topic', () => {
    for (const info of c.series.slice(0, 40)) {
      expect(seriesAnswer(c, 'q', info).context.topic, info.record.series).toBe('machine');
      const size = c.sizes.find((x) => x.series === info)!;
      expect(sizeAnswer(c, 'q', size).context.topic, info.record.series).toBe('machine');
    }
  });

  test('a record that says nothing itself still gets its retirement, preview and missing-processor caveats', () => {
    let n = 0;
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const bare: SeriesInfo = { ...info, record: { ...info.record, caveats: [] } };
      const cv = seriesAnswer(c, 'q', bare).caveats.join(' \n');
      const r = s.retirement;
      expect(/retire/i.test(cv), s.series).toBe(r !== null);
      if (r?.status === 'retired') expect(cv, s.series).toMatch(/\bretired\b/);
      if (r?.status === 'announced') expect(cv, s.series).toMatch(/announced/i);
      if (r?.status === 'announced') expect(cv, s.series).not.toMatch(/\bis retired\b/);
      if (r?.date) expect(cv, s.series).toContain(r.date);
      expect(/preview/i.test(cv), s.series).toBe(s.preview);
      expect(/no processor/i.test(cv), s.series).toBe(s.arch === 'x64' && s.processors.length === 0);
      expect(/ld\.so --help/.test(cv), s.series).toBe(s.arch === 'x64' && s.processors.length > 0);
      expect(cv, s.series).not.toMatch(/undefined|null|Stryker/);
      n++;
    }
    expect(n).toBe(rawSeries.length);
    // each kind is met
    expect(rawSeries.some((s) => s.retirement?.status === 'retired') && rawSeries.some((s) => s.retirement?.status === 'announced')).toBe(true);
    expect(rawSeries.some((s) => s.preview) && rawSeries.some((s) => s.arch === 'x64' && s.processors.length === 0)).toBe(true);
  });

  test('a retirement with no date, and an Arm64 series with no processor documented, say so without a blank', () => {
    const base = c.series.find((s) => s.record.arch === 'x64' && s.cpus.length > 0 && !s.record.retirement)!;
    for (const status of ['retired', 'announced'] as const) {
      const info: SeriesInfo = {
        ...base,
        record: { ...base.record, caveats: [], retirement: { ...c.series.find((s) => s.record.retirement)!.record.retirement!, status, date: null } },
      };
      const a = seriesAnswer(c, 'q', info);
      const text = [a.facts.find((f) => f.label === 'Status')!.value, ...a.caveats].join(' \n');
      expect(text, status).toMatch(status === 'retired' ? /\bretired\b/ : /announced/i);
      expect(text, status).not.toMatch(/undefined|null|Stryker|\s[.,)]|\(\)/);
    }
    const arm = c.series.find((s) => s.record.arch === 'Arm64')!;
    const bareArm: SeriesInfo = { ...arm, cpus: [], record: { ...arm.record, caveats: [] } };
    const a = seriesAnswer(c, 'q', bareArm);
    expect(a.summary).toMatch(/Arm64/);
    expect(a.summary).not.toMatch(/\(\)|\(,|undefined|null|Stryker/);
    expect(a.caveats.join(' ')).not.toMatch(/no processor/i);
  });

  test('a series summary names each processor on its own', () => {
    for (const s of rawSeries) {
      const a = seriesAnswer(c, 'q', infoOf(s.series));
      for (let i = 1; i < s.processors.length; i++) expect(a.summary, s.series).not.toContain(`${s.processors[i - 1]}${s.processors[i]}`);
    }
  });

  test('a status with several parts names each of them', () => {
    for (const s of rawSeries.filter((x) => x.retirement)) {
      const info = infoOf(s.series);
      const a = seriesAnswer(c, 'q', { ...info, record: { ...info.record, preview: true } });
      const status = a.facts.find((f) => f.label === 'Status')!.value;
      expect(status.split(/[^\w-]+/), s.series).toContain('preview');
      expect(
        status.split(/[^\w-]+/).some((w) => /^retire/.test(w)),
        s.series,
      ).toBe(true);
    }
  });
});

describe('what follows a level’s yes/no, and a list of processors, says only what they did not', () => {
  const count = (text: string, s: string) => text.split(s).length - 1;
  /** The processors `text` names, among the series' own (a name inside a longer one does not count). */
  const named = (text: string, s: RawSeries) => s.processors.filter((p) => new RegExp(`${escapeRegExp(p)}(?![A-Za-z0-9])`).test(text));
  const low = (s: RawSeries) => s.processors.filter((p) => cpuLevel.get(p) === seriesLevels(s).guaranteed);

  test('every series at every level: the processors behind the verdict, no level said again', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of rawSeries) {
      const info = infoOf(s.series);
      const { guaranteed, best } = seriesLevels(s);
      for (const level of ORDER) {
        const text = afterLevelVerdict('Label', info, level);
        const bad = (what: string) => problems.push(`${s.series} ${level}: ${what}: ${text}`);
        if (!s.processors.length) {
          seen.add('none');
          if (text !== '') bad('no processor, nothing to add');
          continue;
        }
        if (!text.startsWith('Label ') || !text.endsWith('.')) bad('one sentence about the machine');
        if (s.arch === 'Arm64' || guaranteed === best) {
          seen.add(s.arch === 'Arm64' ? 'arm' : 'one level');
          // every processor, and no level: the verdict said it
          if (named(text, s).length !== s.processors.length) bad('every processor');
          if (/x86-64-v\d/.test(text)) bad('a level said again');
          if (text.includes('may land on') !== s.processors.length > 1) bad('runs on / may land on');
          continue;
        }
        // the processors that hold it at its guaranteed level, and only those
        if (JSON.stringify(named(text, s)) !== JSON.stringify(low(s))) bad(`the lowest processors ${named(text, s)}`);
        if (text.includes(guaranteed!)) bad('the guaranteed level said again');
        const some = rank(guaranteed!) < rank(level) && rank(best!) >= rank(level);
        seen.add(some ? 'not guaranteed' : 'may reach');
        if (some) {
          // the verdict said it reaches the level on some processors: these fall short of it
          if (!/falls? short/.test(text) || text.includes(best!)) bad('not guaranteed: the ones that fall short');
        } else if (!text.includes(`may reach ${best}`) || !text.includes('but not on')) bad('its best, and not on which');
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect([...seen].sort()).toEqual(['arm', 'may reach', 'none', 'not guaranteed', 'one level']);
  });

  test('a size or series summary says its guaranteed and best level once each, with the processors holding it down', () => {
    const problems: string[] = [];
    for (const s of rawSeries.filter((x) => x.arch === 'x64' && x.processors.length)) {
      const { guaranteed, best } = seriesLevels(s);
      const text = seriesAnswer(c, 'q', infoOf(s.series)).summary;
      const bad = (what: string) => problems.push(`${s.series}: ${what}: ${text}`);
      if (count(text, guaranteed!) !== 1) bad('the guarantee once');
      if (guaranteed === best) {
        if (named(text, s).length !== s.processors.length) bad('every processor');
      } else {
        if (count(text, best!) !== 1) bad('the best once');
        if (JSON.stringify(named(text, s)) !== JSON.stringify(low(s))) bad('the lowest processors');
        if (text.indexOf(guaranteed!) > text.indexOf(best!)) bad('the guarantee first');
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('after a list of processors with their levels: what they add up to, only when there are several', () => {
    for (const s of rawSeries) {
      const { guaranteed, best } = seriesLevels(s);
      const text = guaranteeOfList('Label', infoOf(s.series));
      if (s.arch === 'Arm64' || s.processors.length < 2) expect(text, s.series).toBe('');
      else {
        expect(text.startsWith(`Label guarantees ${guaranteed}`), s.series).toBe(true);
        expect(text.includes(`may reach ${best}`), s.series).toBe(best !== guaranteed);
        expect(named(text, s), s.series).toEqual([]);
      }
    }
  });
});
