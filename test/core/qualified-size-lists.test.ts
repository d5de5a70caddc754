// A "which <qualifier> sizes can / can't run <release>" answer (distroSizesAnswer in src/core/answers/compat.ts) and a
// "which <qualifier> sizes guarantee <level>" answer (levelAnswer in src/core/answers/vm.ts), every release with a
// baseline and every qualifier below: the title and summary name the qualifier, count exactly the current series it
// keeps (counted here from the raw tables, ./independent-rules.ts), say what the release needs (an aarch64 build only
// when every series kept is Arm64) and list what cannot run it in the summary's own format.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { allReleases, isRetired, ORDER, rank, rawCpus, rawSeries, seriesLevels, type RawSeries } from './independent-rules.js';

const archOf = new Map(rawCpus.map((c) => [c.model, c.arch]));
const current = rawSeries.filter((s) => !isRetired(s));
type Json = { title: string; summary: string; series?: string[]; sections?: Array<{ title: string; lines: string[] }> };
const json = (q: string) => ask(q) as unknown as Json;

const qualifiers: Array<{ words: string; label: string; keep: (s: RawSeries) => boolean }> = [
  { words: 'arm64', label: 'Arm64', keep: (s) => s.processors.length > 0 && s.processors.every((p) => archOf.get(p) === 'Arm64') },
  { words: 'v5', label: 'v5', keep: (s) => s.series.endsWith('v5') },
  { words: 'gen 1', label: 'Generation 1', keep: (s) => (s.generations ?? []).includes(1) },
  // a version no series has: nothing kept, and so no aarch64 build either
  { words: 'v9', label: 'v9', keep: (s) => s.series.endsWith('v9') },
];

describe('a release asked with a qualifier on the sizes', () => {
  const releases = allReleases.filter(({ release }) => release.x86_64Baseline || release.azureImageBaseline);

  test(`every release with a baseline (${releases.length}), ${qualifiers.length} qualifiers, both ways`, () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const { label: release, release: r } of releases) {
      const plain = json(`which sizes can't run ${release}?`).title;
      const name = plain.replace(/^Azure series that cannot run /, '');
      // unqualified, the plain way round: no label, only "current"
      const all = json(`which sizes can run ${release}?`);
      if (all.title !== `Azure series that can run ${name}` || !new RegExp(`^${all.series?.length} current series always can run `).test(all.summary))
        problems.push(`${release}: unqualified ${all.title} | ${all.summary}`);
      if (name === plain) {
        problems.push(`${release}: unqualified title ${plain}`);
        continue;
      }
      for (const { words, label, keep } of qualifiers) {
        const kept = current.filter(keep);
        const allArm = kept.length > 0 && kept.every((s) => s.arch === 'Arm64');
        const gens = r.azureImageGenerations;
        const needs = `${allArm ? 'an aarch64 build' : (r.azureImageBaseline ?? r.x86_64Baseline)}${gens ? ` and Generation ${gens.join('/')}` : ''}`;
        seen.add(`${allArm ? 'arm' : kept.length ? 'level' : 'none kept'}${gens && gens.length > 1 ? ' gens' : ''}`);
        // negated: every kept series is counted once, as cannot, depends or always can
        const q = `which ${words} sizes can't run ${release}?`;
        const no = json(q);
        const bad = (what: string, text: string) => problems.push(`${q}: ${what}: ${text}`);
        if (no.title !== `Azure ${label} series that cannot run ${name}`) bad('title', no.title);
        const cannot = no.series ?? [];
        const depends = no.sections?.find((s) => s.title.startsWith('Depends ('));
        const nDepends = Number(/\((\d+)\)/.exec(depends?.title ?? '')?.[1] ?? NaN);
        const dependsLine = depends?.lines[0] ?? '';
        // the series that depend, or "none"
        if (nDepends ? dependsLine.split(', ').length !== nDepends : dependsLine !== 'none') bad('depends section', JSON.stringify(depends));
        const always = kept.length - cannot.length - nDepends;
        const expected =
          `${cannot.length} current ${label} series cannot run ${name} (it needs ${needs})` +
          `${cannot.length ? `: ${cannot.slice(0, 12).join(', ')}${cannot.length > 12 ? ' …' : ''}` : ''}` +
          `; ${nDepends} depend on the processor or undocumented facts${nDepends && nDepends <= 12 ? ` (${dependsLine})` : ''}` +
          `; ${always} always can.`;
        if (always < 0 || no.summary !== expected) bad(`summary, expected ${expected}`, no.summary);
        if (cannot.some((n) => !kept.some((s) => s.series === n))) bad('a series the qualifier does not keep', cannot.join(', '));
        if (cannot.length) seen.add('cannot');
        if (nDepends) seen.add('depends');
        // plain: the ones that always can, and the same count of those that depend
        const q2 = `which ${words} sizes can run ${release}?`;
        const yes = json(q2);
        const always2 = yes.series ?? [];
        if (yes.title !== `Azure ${label} series that can run ${name}`) bad('title', yes.title);
        const expected2 = `${always2.length} current ${label} series always can run ${name} (it needs ${needs}); ${nDepends} depend on the processor or undocumented facts.`;
        if (yes.summary !== expected2) bad(`summary, expected ${expected2}`, yes.summary);
        if (always2.length !== always) bad(`${always} always can`, always2.join(', '));
        const depends2 = yes.sections?.find((s) => s.title.startsWith('Depends ('));
        if (JSON.stringify(depends2) !== JSON.stringify(depends)) bad('the same depends section', JSON.stringify(depends2));
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['arm', 'level', 'none kept', 'cannot', 'depends']));
  });
});

describe('a level asked with a qualifier on the sizes', () => {
  const listed = current.filter((s) => seriesLevels(s).guaranteed !== null);
  test('every level, every qualifier: exactly the kept series that guarantee it, the qualifier named', () => {
    const problems: string[] = [];
    let nonEmpty = 0;
    // (Arm64 sizes asked for a level get a no of their own: x86-64 levels do not apply to them)
    for (const level of ORDER)
      for (const { words, label, keep } of qualifiers.filter((x) => x.label !== 'Arm64')) {
        const q = `which ${words} sizes guarantee ${level}?`;
        const a = json(q);
        const expected = listed
          .filter((s) => keep(s) && rank(seriesLevels(s).guaranteed!) >= rank(level))
          .map((s) => s.series)
          .sort();
        const got = [...(a.series ?? [])].sort();
        if (got.length) nonEmpty++;
        if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${q}: ${got.join(', ')} (expected ${expected.join(', ')})`);
        if (!new RegExp(`^${expected.length} current [\\w ]*\\b${label} series guarantee ${level}\\b`).test(a.summary))
          problems.push(`${q}: summary ${a.summary}`);
      }
    // a family and a version together: both kept, both named
    for (const level of ORDER) {
      const q = `which memory optimized v5 sizes guarantee ${level}?`;
      const a = json(q);
      const expected = listed.filter((s) => s.family === 'Memory optimized' && s.series.endsWith('v5') && rank(seriesLevels(s).guaranteed!) >= rank(level));
      if (!a.summary.startsWith(`${expected.length} current x64 Memory optimized v5 series guarantee ${level} `)) problems.push(`${q}: summary ${a.summary}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(nonEmpty).toBeGreaterThan(ORDER.length);
  });
});
