// Qualifiers on a list of sizes apply wherever the question puts them ("which sizes with AVX-512 and Gen 1 can run
// RHEL 10", "sizes for AlmaLinux 10 that are v5"): every release and every qualifier below, the expectations computed
// from the raw tables (./independent-rules.ts).
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { allReleases, rawCpus, rawSeries } from './independent-rules.js';

const byName = new Map(rawSeries.map((s) => [s.series, s]));
const vendorOf = new Map(rawCpus.map((c) => [c.model, (c as { vendor?: string }).vendor]));
const listed = (q: string) => (ask(q) as unknown as { series?: string[] }).series ?? [];

describe('a list narrowed by qualifiers away from "sizes"', () => {
  const releases = allReleases.filter(({ release }) => release.x86_64Baseline || release.azureImageBaseline);
  const qualifiers: Array<{ words: string; keep: (s: NonNullable<ReturnType<typeof byName.get>>) => boolean }> = [
    { words: 'and are gen 1', keep: (s) => (s.generations ?? []).includes(1) },
    { words: 'that are Generation 2', keep: (s) => (s.generations ?? []).includes(2) },
    { words: 'that are AMD', keep: (s) => s.processors.length > 0 && s.processors.every((p) => vendorOf.get(p) === 'AMD') },
    { words: 'that are v5', keep: (s) => s.series.endsWith('v5') },
    { words: 'and are Intel and v6', keep: (s) => s.series.endsWith('v6') && s.processors.every((p) => vendorOf.get(p) === 'Intel') },
  ];
  test(`every release with a baseline (${releases.length}), ${qualifiers.length} qualifiers after the release`, () => {
    const problems: string[] = [];
    let nonEmpty = 0;
    for (const { label } of releases)
      for (const { words, keep } of qualifiers) {
        const q = `which sizes can run ${label} ${words}?`;
        const names = listed(q);
        if (names.length) nonEmpty++;
        const wrong = names.filter((n) => !keep(byName.get(n)!));
        if (wrong.length) problems.push(`${q}: ${wrong.slice(0, 4).join(', ')}`);
      }
    expect(nonEmpty).toBeGreaterThan(releases.length * 2);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('a release whose images need Generation 2, asked for Gen 1 sizes: none', () => {
    const gen2 = allReleases.filter(({ release: r }) => r.azureImageGenerations?.length === 1 && r.azureImageGenerations[0] === 2);
    expect(gen2.length).toBeGreaterThan(0);
    for (const { label } of gen2) {
      expect(listed(`which gen 1 sizes can run ${label}?`), label).toEqual([]);
      expect(listed(`which sizes can run ${label} on gen 2?`).length, label).toBeGreaterThan(0);
    }
  });
});
