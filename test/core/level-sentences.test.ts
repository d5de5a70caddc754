// The exact sentences a size or series answer builds around its level (src/core/answers/vm.ts): the summary, the
// yes/no verdict, what follows the verdict and what a list of processors adds up to. Every series, every level; the
// expected sentence is built here from the raw tables (./independent-rules.ts): the processors in the table's order,
// "a, b or c" lists, the Arm architecture versions, "falls" for one processor and "fall" for several.
import { describe, expect, test } from 'vitest';
import { afterLevelVerdict, guaranteeOfList, levelAnswer, levelVerdict, seriesAnswer } from '../../src/core/answers/vm.js';
import { catalog } from '../../src/core/index.js';
import { cpuLevel, flagsOf, ORDER, rank, rawCpus, rawSeries, seriesLevels, type Level, type RawSeries } from './independent-rules.js';

const c = catalog();
const infoOf = (name: string) => c.series.find((s) => s.record.series === name)!;
const armArchOf = new Map(rawCpus.map((p) => [p.model, (p as { armArch?: string | null }).armArch ?? null]));
/** "a", "a or b", "a, b or c" */
const either = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
const armArches = (s: RawSeries) => [...new Set(s.processors.map((p) => armArchOf.get(p)).filter((a): a is string => !!a))].join(' / ');
const low = (s: RawSeries) => s.processors.filter((p) => cpuLevel.get(p) === seriesLevels(s).guaranteed);
const displayName = (s: RawSeries) => (/\d/.test(s.series) ? s.series : `the ${s.series} series`);

describe('the sentences around a level, word for word', () => {
  test('every series: its summary', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of rawSeries) {
      const { guaranteed, best } = seriesLevels(s);
      const subject = `The ${s.series} series`;
      let expected: string;
      if (s.arch === 'Arm64') {
        const arm = armArches(s);
        expected = `${subject} is Arm64 (${s.processors.join(', ') || 'Arm processor'}${arm ? `, ${arm}` : ''}): no x86-64 level applies.`;
        seen.add(`arm${s.processors.length > 1 ? ' several' : ''}${arm.includes(' / ') ? ' versions' : ''}`);
      } else if (!s.processors.length) expected = `${subject} has no documented processor, so no x86-64 level can be guaranteed.`;
      else if (!guaranteed)
        continue; // a processor with no level: said elsewhere
      else if (guaranteed === best) {
        expected = `${subject} guarantees ${guaranteed} (${either(s.processors)}).`;
        if (s.processors.length > 2) seen.add('one level, 3+');
      } else {
        expected = `${subject} guarantees ${guaranteed}, since it can land on ${either(low(s))}, and may reach ${best} on its other processors.`;
        if (low(s).length > 1) seen.add('two levels, several low');
      }
      const got = seriesAnswer(c, 'q', infoOf(s.series)).summary;
      if (got !== expected) problems.push(`${s.series}: ${got} (expected ${expected})`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['arm', 'one level, 3+', 'two levels, several low']));
  });

  test('every series at every level: the verdict, the level named once when it was asked as a level', () => {
    const problems: string[] = [];
    for (const s of rawSeries.filter((x) => x.arch === 'x64')) {
      const { guaranteed, best } = seriesLevels(s);
      if (!guaranteed) continue;
      const name = displayName(s);
      for (const level of ORDER) {
        const got = levelVerdict(infoOf(s.series), level);
        const expected =
          rank(guaranteed) >= rank(level)
            ? `Yes: ${name} guarantees ${guaranteed}${guaranteed === level ? '' : `, which includes ${level}`}.`
            : rank(best!) >= rank(level)
              ? `Not guaranteed: ${name} guarantees only ${guaranteed}; it reaches ${level} only on some of its processors.`
              : `No: ${name} stops at ${guaranteed}.`;
        if (got !== expected) problems.push(`${s.series} ${level}: ${got} (expected ${expected})`);
        // a feature typed: named with its level
        const typed = 'avx2';
        const feature = levelVerdict(infoOf(s.series), level, typed);
        const asked = `AVX2 (${level})`;
        const expectedFeature =
          rank(guaranteed) >= rank(level)
            ? `Yes: ${name} guarantees ${guaranteed}, which includes ${asked}.`
            : rank(best!) >= rank(level)
              ? `Not guaranteed: ${name} guarantees only ${guaranteed}; it reaches ${asked} only on some of its processors.`
              : `No: ${name} stops at ${guaranteed}, below ${asked}.`;
        if (feature !== expectedFeature) problems.push(`${s.series} ${level} avx2: ${feature} (expected ${expectedFeature})`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('every series at every level: what follows the verdict', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const s of rawSeries) {
      const { guaranteed, best } = seriesLevels(s);
      const on = s.processors.length > 1 ? 'may land on' : 'runs on';
      for (const level of ORDER) {
        let expected: string;
        if (s.arch === 'Arm64') {
          const arm = armArches(s);
          expected = s.processors.length ? `Label ${on} ${s.processors.join(', ')}${arm ? ` (${arm})` : ''}.` : '';
          seen.add(`arm ${on}${arm ? ' versions' : ''}`);
        } else if (!guaranteed || !best) expected = '';
        else if (guaranteed === best) {
          expected = `Label ${on} ${either(s.processors)}.`;
          seen.add(`one level ${on}`);
        } else if (rank(guaranteed) < rank(level) && rank(best) >= rank(level)) {
          expected = `Label can land on ${either(low(s))}, which ${low(s).length > 1 ? 'fall' : 'falls'} short.`;
          seen.add(`short ${low(s).length > 1 ? 'several' : 'one'}`);
        } else {
          expected = `Label may reach ${best} on some processors, but not on ${either(low(s))}.`;
          if (low(s).length > 1) seen.add('may reach, several low');
        }
        const got = afterLevelVerdict('Label', infoOf(s.series), level as Level);
        if (got !== expected) problems.push(`${s.series} ${level}: ${got} (expected ${expected})`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['arm runs on versions', 'one level may land on', 'one level runs on', 'short one', 'short several', 'may reach, several low']),
    );
  });

  test('an Arm64 series with no documented processor: nothing follows the verdict', () => {
    const arm = c.series.find((s) => s.record.arch === 'Arm64')!;
    expect(afterLevelVerdict('Label', { ...arm, cpus: [] }, 'x86-64-v2')).toBe('');
  });

  // No Arm64 series documents two processors today; one that did would list both, and each Arm version once
  test('an Arm64 series with two processors of different Arm versions: both, and both versions', () => {
    const arm = c.series.find((s) => s.record.arch === 'Arm64' && s.cpus.length === 1)!;
    const models = rawCpus.filter((p) => p.arch === 'Arm64' && armArchOf.get(p.model));
    const other = models.find((p) => armArchOf.get(p.model) !== armArchOf.get(arm.cpus[0]!.model.model))!;
    const cpus = [arm.cpus[0]!, c.series.flatMap((s) => s.cpus).find((x) => x.model.model === other.model)!];
    const two = { ...arm, cpus };
    const [a, b] = cpus.map((x) => x.model.model);
    const versions = `${armArchOf.get(a!)} / ${armArchOf.get(b!)}`;
    expect(afterLevelVerdict('Label', two, 'x86-64-v2')).toBe(`Label may land on ${a}, ${b} (${versions}).`);
    expect(seriesAnswer(c, 'q', two).summary).toBe(`The ${arm.record.series} series is Arm64 (${a}, ${b}, ${versions}): no x86-64 level applies.`);
    expect(guaranteeOfList('Label', two)).toBe('');
  });

  test('every x64 series with several processors: what they add up to, word for word', () => {
    let n = 0;
    for (const s of rawSeries.filter((x) => x.arch === 'x64' && x.processors.length > 1)) {
      const { guaranteed, best } = seriesLevels(s);
      if (!guaranteed) continue;
      n++;
      expect(guaranteeOfList('Label', infoOf(s.series)), s.series).toBe(
        `Label guarantees ${guaranteed}${best !== guaranteed ? ` and may reach ${best}` : ''}.`,
      );
    }
    expect(n).toBeGreaterThan(10);
  });

  test('every level: the flags it adds, on top of the level below it or of nothing', () => {
    ORDER.forEach((level, i) => {
      const a = levelAnswer(c, 'q', level);
      const lines = a.sections.flatMap((s) => s.lines);
      expect(lines, level).toContain(`Flags (cpuinfo spelling) on top of ${ORDER[i - 1] ?? 'nothing'}: ${flagsOf(level).join(' ')}`);
    });
  });
});
