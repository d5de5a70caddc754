// Every size in the reference, asked through the real core: canonical name, arch, and the level it
// guarantees (lowest across the processors the docs list), computed here from the reference alone.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { expectedBest, expectedGuarantee, refSeries } from '../oracle.js';

const rows = refSeries.flatMap((s) => s.sizes.map((size) => ({ s, size })));

describe('every VM size answers with the right guaranteed level and architecture', () => {
  test('the reference has every size', () => {
    expect(rows.length).toBe(1613); // 1,597 in the snapshot, 16 in the curated Dlsv5 and Dldsv5
  });

  test.each(rows.map((r) => [r.size.name, r] as const))('%s', (_name, { s, size }) => {
    const a = ask(`/cpulevel ${size.name}`);
    expect(a.kind).toBe('vm-size');
    if (a.kind !== 'vm-size') return;
    expect(a.size).toBe(size.name);
    expect(a.series).toBe(s.series);
    expect(a.arch).toBe(s.arch);
    expect(a.guaranteedLevel).toBe(expectedGuarantee(s));
    expect(a.bestLevel).toBe(expectedBest(s));
    if (a.guaranteedLevel) expect(a.text).toContain(a.guaranteedLevel);
    expect(a.sources.length).toBeGreaterThan(0);
  });
});

describe('loose spellings resolve to the canonical name', () => {
  const variants = (name: string) => {
    const bare = name.replace(/^Standard_/, '');
    return [name.toLowerCase(), bare, bare.replace(/_/g, ' '), bare.replace(/_/g, ''), `standard ${bare.toLowerCase()}`];
  };
  test.each(rows.filter((r) => r.size.name.startsWith('Standard_')).map((r) => [r.size.name] as const))('%s', (name) => {
    for (const typed of variants(name)) {
      const a = ask(`/cpulevel ${typed}`);
      // A name with no version typed without "Standard_" ("D2", "B2s") may mean a newer version too:
      // then the bot asks which, and the exact size must be among the choices.
      if (a.kind === 'clarify') {
        expect(/_v\d+$/.test(name) || /standard/i.test(typed), typed).toBe(false);
        expect(a.choices, typed).toContain(name);
        continue;
      }
      expect(a.kind, typed).toBe('vm-size');
      if (a.kind === 'vm-size') expect(a.size, typed).toBe(name);
    }
  });
});

describe('every series answers by its name alone, however short', () => {
  test.each(refSeries.map((s) => [s.series, s] as const))('%s', (_n, s) => {
    for (const typed of [s.series, s.series.toLowerCase()]) {
      const a = ask(`/cpulevel ${typed}`);
      expect(a.kind, typed).toBe('series');
      if (a.kind === 'series') {
        expect(a.series, typed).toBe(s.series);
        expect(a.guaranteedLevel, typed).toBe(expectedGuarantee(s));
      }
    }
    const compat = ask(`/azlinux compat ${s.series} rhel 10`);
    expect(compat.kind, s.series).toBe('compat');
    if (compat.kind === 'compat') expect([compat.series, compat.distro, compat.release]).toEqual([s.series, 'rhel', '10']);
  });
});

describe('every series answers by name', () => {
  test.each(refSeries.map((s) => [s.series, s] as const))('%s', (_n, s) => {
    const a = ask(`/cpulevel ${s.series} series`);
    expect(['series', 'compare']).toContain(a.kind);
    if (a.kind === 'series') {
      expect(a.series).toBe(s.series);
      expect(a.guaranteedLevel).toBe(expectedGuarantee(s));
    }
  });
});
