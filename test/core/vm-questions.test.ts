// Questions about a VM size or series answered as asked, every row of the tables walked, the expectations computed
// here from the raw JSON (./independent-rules.ts), never from src/core:
// - a question that only names glibc-hwcaps, ld.so, "flags" or a level is no paste: never a `flags` answer, and its
//   yes/no is the size's guarantee; real `ld.so --help` output still is read (every combination of levels);
// - "is <size> AMD / Intel / Arm64?" opens with Yes, No or It depends, by the vendors of its documented processors;
// - "is <size> still available?" / "is <series> retired?" open with the lifecycle the data holds, or say it holds none;
// - "which arm64 / AMD / v6 sizes can run <release>?" lists only those series;
// - a quoted error is cut at its closing quote; a question about prices says first that prices are not known.
import { describe, expect, test } from 'vitest';
import { ask, catalog, today } from '../../src/core/index.js';
import { isLdsoOutput, pastedLevelAnswer } from '../../src/core/pasted.js';
import { allReleases, cpuLevel, isRetired, ORDER, rank, rawCpus, rawSeries, seriesLevels, type Level, type RawSeries } from './independent-rules.js';

const c = catalog();
const vendorOf = new Map(rawCpus.map((cpu) => [cpu.model, (cpu as { vendor?: string }).vendor]));
const archOf = new Map(rawCpus.map((cpu) => [cpu.model, cpu.arch]));
/** a size of every series (the first), and its series */
const firstSizes = rawSeries.filter((s) => s.sizes.length).map((s) => ({ s, size: s.sizes[0]!.name }));
const allSizes = rawSeries.flatMap((s) => s.sizes.map((z) => ({ s, size: z.name })));

/** "Yes", "Not guaranteed" or "No": what a series guarantees of a level, from the raw tables. */
function levelWord(s: RawSeries, level: Level): RegExp {
  const { guaranteed, best } = seriesLevels(s);
  if (s.arch === 'Arm64') return /^No\b/;
  if (!guaranteed) return /^Unknown\b/;
  if (rank(guaranteed) >= rank(level)) return /^Yes\b/;
  if (best && rank(best) >= rank(level)) return /^Not guaranteed\b/;
  return /^No\b/;
}

describe('a question that names glibc-hwcaps, ld.so, flags or a level is not pasted output', () => {
  const phrasings: Array<(size: string, level: Level) => string> = [
    (size, level) => `glibc-hwcaps ${level} on ${size}`,
    (size, level) => `does glibc-hwcaps ${level} work on ${size}?`,
    (size, level) => `glibc-hwcaps subdirectory ${level} on ${size}`,
    (size, level) => `ld.so --help ${level} supported on ${size}?`,
    (size, level) => `${level} on ${size}?`,
  ];
  test(`every size, every level, ${phrasings.length} phrasings: no flags answer, and the size's own yes/no`, () => {
    const problems: string[] = [];
    let n = 0;
    for (const [i, { s, size }] of allSizes.entries()) {
      // every size once per phrasing, the level turning with it so every level meets every phrasing
      for (const [p, phrase] of phrasings.entries()) {
        const level = ORDER[1 + ((i + p) % 3)]!;
        const q = phrase(size, level);
        const a = ask(q);
        n++;
        if (a.kind === 'flags') problems.push(`${q}: read as pasted output: ${a.summary}`);
        else if (a.kind !== 'vm-size' && a.kind !== 'clarify') problems.push(`${q}: ${a.kind}`);
        else if (a.kind === 'vm-size' && !levelWord(s, level).test(a.summary)) problems.push(`${q}: ${a.summary}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBe(allSizes.length * phrasings.length);
  });

  test('"flags:" followed by a question, or features listed in a question, are not a flags line', () => {
    const problems: string[] = [];
    for (const { s, size } of firstSizes) {
      for (const q of [`flags: does ${size} have avx512f`, `cpu flags: avx2 on ${size}?`, `does ${size} have sse sse2 sse3 ssse3 sse4_1 sse4_2 avx avx2`]) {
        const a = ask(q);
        if (a.kind === 'flags') problems.push(`${q}: ${a.summary}`);
        // the highest feature named is what is asked: AVX-512F is x86-64-v4, AVX2 x86-64-v3
        const level: Level = /avx512/.test(q) ? 'x86-64-v4' : 'x86-64-v3';
        if (a.kind === 'vm-size' && !levelWord(s, level).test(a.summary)) problems.push(`${q}: ${a.summary}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  // glibc's own output: a header, then v4, v3, v2, each "(supported, searched)" when the machine has it
  const ldso = (top: number, header: boolean, newlines: boolean) => {
    const lines = ['x86-64-v4', 'x86-64-v3', 'x86-64-v2'].map((l) => `  ${l}${Number(l.at(-1)) <= top ? ' (supported, searched)' : ''}`);
    return [...(header ? ['Subdirectories of glibc-hwcaps directories, in priority order:'] : []), ...lines].join(newlines ? '\n' : ' ');
  };
  test.each([1, 2, 3, 4].flatMap((top) => [true, false].flatMap((header) => [true, false].map((newlines) => [top, header, newlines] as const))))(
    'real ld.so --help output (machine at v%i, header %s, newlines %s) is read',
    (top, header, newlines) => {
      const text = ldso(top, header, newlines);
      const a = pastedLevelAnswer(c, text, text);
      // a machine below x86-64-v2 marks no level: without the header, three level names say nothing
      if (top === 1 && !header) {
        expect(a).toBeNull();
        return;
      }
      expect(isLdsoOutput(text)).toBe(true);
      expect(a?.kind).toBe('flags');
      if (a?.kind === 'flags') expect(a.level).toBe(ORDER[top - 1]);
    },
  );

  test('a level or glibc-hwcaps named alone is not ld.so output', () => {
    for (const level of ORDER.slice(1)) {
      for (const text of [`glibc-hwcaps ${level}`, `${level} supported`, `glibc-hwcaps/${level} directory is searched`])
        expect(isLdsoOutput(text), text).toBe(false);
    }
  });
});

describe('"is <size> AMD?": yes, no or it depends, by the vendors of its processors', () => {
  const brands: Array<[string, (model: string) => boolean]> = [
    ['AMD', (m) => vendorOf.get(m) === 'AMD'],
    ['Intel', (m) => vendorOf.get(m) === 'Intel'],
    ['EPYC', (m) => vendorOf.get(m) === 'AMD'],
    ['Xeon', (m) => vendorOf.get(m) === 'Intel'],
    ['Ampere', (m) => vendorOf.get(m) === 'Ampere'],
    ['arm64', (m) => archOf.get(m) === 'Arm64'],
  ];
  test(`every series and a size of it, ${brands.length} brands`, () => {
    const problems: string[] = [];
    let n = 0;
    for (const { s, size } of firstSizes)
      for (const name of [size, `${s.series} series`])
        for (const [brand, has] of brands) {
          const q = `is the ${name} ${brand}?`;
          const a = ask(q);
          const hits = s.processors.filter(has).length;
          const want = !s.processors.length ? /^Unknown —/ : hits === s.processors.length ? /^Yes —/ : hits === 0 ? /^No —/ : /^It depends —/;
          n++;
          if (!want.test(a.summary)) problems.push(`${q}: ${a.summary.slice(0, 160)}`);
          // the processors it may land on are named
          else if (s.processors.length && !s.processors.every((p) => a.summary.includes(p))) problems.push(`${q}: processors not named`);
        }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBe(firstSizes.length * 2 * brands.length);
  });

  test('"AMD or Intel?" names the vendor it lands on', () => {
    for (const { s, size } of firstSizes.filter(({ s }) => s.processors.length && s.arch === 'x64')) {
      const a = ask(`is ${size} AMD or Intel?`);
      const vendors = [...new Set(s.processors.map((p) => vendorOf.get(p)))];
      const want = vendors.length === 1 ? `${vendors[0]} —` : 'Both';
      expect(a.summary.startsWith(want), `${s.series}: ${a.summary}`).toBe(true);
    }
  });
});

describe('"is <size> still available?", "is <series> retired?": the lifecycle the data holds, first', () => {
  const now = today();
  const stateOf = (s: RawSeries) => (isRetired(s) || (s.retirement?.date && s.retirement.date < now) ? 'retired' : s.retirement ? 'announced' : 'none');
  const restricted = (s: RawSeries) => s.caveats.some((cv) => /capacity[- ]restrict|capacity-limited/i.test(cv));
  test('every series, a size of it, both ways of asking', () => {
    const problems: string[] = [];
    for (const { s, size } of firstSizes) {
      const state = stateOf(s);
      const available = ask(`is ${size} still available?`).summary;
      const retired = ask(`is the ${s.series} series retired?`).summary;
      const wantAvailable = { retired: /^No —/, announced: /^Yes, for now —/, none: restricted(s) ? /^Restricted —/ : /^Yes —/ }[state];
      const wantRetired = { retired: /^Yes —/, announced: /^Not yet —/, none: restricted(s) ? /^No retirement is announced —/ : /^No —/ }[state];
      if (!wantAvailable.test(available)) problems.push(`${size} (${state}): ${available.slice(0, 140)}`);
      if (!wantRetired.test(retired)) problems.push(`${s.series} (${state}): ${retired.slice(0, 140)}`);
      // the date the data gives, and the capacity restriction, are said
      for (const text of [available, retired]) {
        if (s.retirement?.date && !text.includes(s.retirement.date)) problems.push(`${s.series}: no date: ${text.slice(0, 140)}`);
        if (state === 'none' && !/records no retirement/.test(text)) problems.push(`${s.series}: ${text.slice(0, 140)}`);
        if (restricted(s) && !/capacity/i.test(text)) problems.push(`${s.series}: no capacity restriction: ${text.slice(0, 140)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('"which arm64 / AMD / v6 sizes can run <release>?": only those series', () => {
  const filters: Array<[string, (s: RawSeries) => boolean]> = [
    ['arm64', (s) => s.processors.length > 0 && s.processors.every((p) => archOf.get(p) === 'Arm64')],
    ['AMD', (s) => s.processors.length > 0 && s.processors.every((p) => vendorOf.get(p) === 'AMD')],
    ['Intel', (s) => s.processors.length > 0 && s.processors.every((p) => vendorOf.get(p) === 'Intel')],
    ['v6', (s) => s.series.endsWith('v6')],
    ['v5', (s) => s.series.endsWith('v5')],
  ];
  // a release of each distribution, the newest
  const releases = [...new Map(allReleases.map((r) => [r.distro.id, r])).values()];
  test(`${filters.length} qualifiers, ${releases.length} releases: the list is the unqualified one, narrowed`, () => {
    const problems: string[] = [];
    for (const r of releases) {
      const q = (word: string) => `which ${word} sizes can run ${r.distro.name} ${r.release.version}`;
      const all = ask(q('')) as { kind: string; series?: string[] };
      if (all.kind !== 'level') continue; // a release the question does not name exactly
      for (const [word, keep] of filters) {
        const a = ask(q(word));
        if (a.kind !== 'level') {
          problems.push(`${q(word)}: ${a.kind}`);
          continue;
        }
        const want = all.series!.filter((name) => keep(rawSeries.find((s) => s.series === name)!));
        if (JSON.stringify(a.series) !== JSON.stringify(want)) problems.push(`${q(word)}: ${a.series.length} series, want ${want.length}`);
        if (!a.summary.startsWith(`${want.length} current`)) problems.push(`${q(word)}: ${a.summary.slice(0, 120)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('an Arm64 list needs an aarch64 build, not an x86-64 level', () => {
    const a = ask('which arm64 sizes can run azure linux 4');
    expect(a.kind).toBe('level');
    expect(a.summary).toMatch(/aarch64/);
    expect(a.summary).not.toMatch(/x86-64-v\d/);
  });
});

describe('a quoted error ends at its closing quote', () => {
  const messages = ['This kernel requires an x86-64 CPU, but only detected an i686 CPU', 'Fatal glibc error: CPU does not support x86-64-v2'];
  const quotes: Array<[string, string]> = [
    ["'", "'"],
    ['"', '"'],
    ['“', '”'],
    ['`', '`'],
  ];
  test.each(messages.flatMap((m) => quotes.map(([o, cl]) => [m, o, cl] as const)))('%s in %s…%s', (message, open, close) => {
    const a = ask(`I got ${open}${message}${close} on Azure`);
    expect(a.kind).toBe('triage');
    expect(a.title).toBe(`Error: ${message}`);
  });
});

describe('a question about prices says first that prices are not known', () => {
  test('every pair of sizes of two series, asked which is cheaper', () => {
    const pairs = firstSizes.filter(({ s }) => !isRetired(s)).slice(0, 40);
    for (let i = 1; i < pairs.length; i++) {
      const q = `which is cheaper ${pairs[i - 1]!.size} or ${pairs[i]!.size}`;
      const a = ask(q);
      expect(a.summary, q).toMatch(/^Prices and quotas: outside what I know/);
      // then what it can compare: both sizes' levels
      for (const { s } of [pairs[i - 1]!, pairs[i]!]) {
        const g = seriesLevels(s).guaranteed;
        if (g) expect(a.summary, q).toContain(g);
      }
    }
  });

  test('a price said in passing does not lead', () => {
    const a = ask('We moved the default from Standard_D8s_v3 to Standard_D8as_v5 at comparable pricing; what changes in the CPU?');
    expect(a.summary).not.toMatch(/^Prices/);
  });
});

test('cpuLevel covers every processor a series names', () => {
  for (const s of rawSeries) for (const p of s.processors) expect(cpuLevel.has(p), p).toBe(true);
});

describe('machines compared for a feature: each one’s yes or no first', () => {
  test('every pair of neighbouring current series, asked for AVX-512 and for AVX2', () => {
    const series = rawSeries.filter((s) => !isRetired(s) && s.sizes.length);
    const problems: string[] = [];
    let compared = 0;
    for (let i = 1; i < series.length; i++) {
      const [a, b] = [series[i - 1]!, series[i]!];
      if (a.series === b.series) continue;
      for (const [feature, level] of [
        ['AVX-512', 'x86-64-v4'],
        ['AVX2', 'x86-64-v3'],
      ] as const) {
        const q = `${a.sizes[0]!.name} or ${b.sizes[0]!.name} for ${feature}?`;
        const got = ask(q);
        if (got.kind !== 'compare') continue; // two sizes the question does not name both of
        compared++;
        const [first, second] = got.summary.split(/ (?=Standard_\S+ — )/);
        const lead = (s: RawSeries, part: string | undefined) =>
          part?.startsWith(`${s.sizes[0]!.name} — `) && levelWord(s, level).test(part.slice(s.sizes[0]!.name.length + 3));
        if (!lead(a, first) || !lead(b, second)) problems.push(`${q}: ${got.summary.slice(0, 200)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(series.length);
  });
});

describe('a refusal of a level on a size that does not guarantee it says so first', () => {
  test('every current x64 series with a level, every level above what it guarantees', () => {
    const problems: string[] = [];
    let n = 0;
    for (const { s, size } of firstSizes.filter(({ s }) => !isRetired(s) && seriesLevels(s).guaranteed)) {
      const { guaranteed, best } = seriesLevels(s);
      for (const level of ORDER.filter((l) => rank(l) > rank(guaranteed!))) {
        const a = ask(`Fatal glibc error: CPU does not support ${level} on ${size}`);
        const want =
          rank(best!) >= rank(level)
            ? `${size} guarantees only ${guaranteed}, and only some of its hosts reach ${level}`
            : `${size} stops at ${guaranteed}: none of its hosts reach ${level}`;
        n++;
        if (a.kind !== 'triage' || !a.summary.startsWith(want)) problems.push(`${size} ${level}: ${a.summary.slice(0, 160)}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBeGreaterThan(50);
  });
});

describe('a size asked how many vCPUs it has', () => {
  test('every size: the count first', () => {
    const problems: string[] = [];
    for (const s of rawSeries)
      for (const z of s.sizes as Array<{ name: string; vcpus: number }>) {
        const a = ask(`how many vCPUs does ${z.name} have?`);
        if (a.kind === 'vm-size' && !a.summary.startsWith(`${z.name} has ${z.vcpus} vCPU`)) problems.push(`${z.name}: ${a.summary.slice(0, 100)}`);
      }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

test('a list answer gets its own caveats: asking twice adds nothing to the release’s', () => {
  const q = 'which arm64 sizes can run azure linux 4 foo_v99';
  const first = ask(q);
  const second = ask(q);
  expect(second.caveats).toEqual(first.caveats);
  expect(first.caveats.some((cv) => /arm64/.test(cv) && /Not understood/.test(cv))).toBe(false);
});
