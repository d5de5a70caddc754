// The name finder's gate (src/core/key-prefixes.ts, nameKeys in entities.ts): a word no name's key starts with
// begins no name, so its n-grams are never looked up. It must change nothing: the gated finder reads every catalog
// name, typed every way, every corpus question and the bench's questions exactly as the finder without it.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { findEntities, flagLevels, levelOf, levelOfAnyWord, nameKeys, type Entities } from '../../src/core/entities.js';
import { keyOf, splitWords } from '../../src/core/text.js';
import { keysOf } from '../../src/core/question/frame.js';
import { EVERY_KEY, KEY, KeyPrefixes, NONE, PREFIX } from '../../src/core/key-prefixes.js';
import { gateTexts } from './name-texts.js';

const c = catalog();

/** What the finder found, by name (the objects are the catalog's own). */
function summary(e: Entities): unknown {
  return {
    sizes: e.sizes.map((s) => s.size.name),
    series: e.series.map((s) => s.record.series),
    cpus: e.cpus.map((x) => x.model.model),
    codenames: e.codenames.map((x) => [x.typed, x.cpus.map((cpu) => cpu.model.model)]),
    releases: e.releases.map((r) => `${r.distro.id} ${r.release.version}`),
    distros: e.distros.map((d) => d.id),
    distroTyped: [...e.distroTyped].map(([d, typed]) => [d.id, typed]),
    namesTyped: [...e.namesTyped].map(([d, typed]) => [d.id, typed]),
    badReleases: e.badReleases.map((b) => [b.distro.id, b.typed]),
    levels: e.levels,
    levelWords: e.levelWords,
    unknown: e.unknown,
    corrections: e.corrections,
    mentions: JSON.stringify(e.mentions, (k, v) => (k === 'family' ? v.rule.model : v)),
  };
}

describe('KeyPrefixes', () => {
  /** the plain definition: a key, some key starts with it, or neither */
  const brute = (keys: string[], typed: string) => (keys.includes(typed) ? KEY : keys.some((k) => k.startsWith(typed)) ? PREFIX : NONE);

  test('answers as the plain definition for every key, every prefix of one, and strings beside them', () => {
    const keys = ['a', 'a0', 'abc', 'abd', 'b', 'standardd4sv5', 'd4sv5', 'zz', 'z9', '0', '09x', 'rhel10', 'rhel', 'ubuntu2404'];
    const set = new KeyPrefixes(keys);
    const typed = new Set<string>(['', 'c', 'aa', 'ab', 'abe', 'zzz', 'z', '1', '9', 'rhel1', 'rhel11', 'rhel100', 'ubuntu24', 'ubuntu2', 'Ä', 'a-', 'y']);
    for (const k of keys) for (let i = 1; i <= k.length + 1; i++) typed.add(k.slice(0, i)), typed.add(`${k.slice(0, i)}x`), typed.add(`${k.slice(0, i)}0`);
    for (const t of typed) expect(set.standing(t), t).toBe(brute(keys, t));
    expect(set.size).toBe(keys.length);
  });

  test('every key of every map the finder looks names up in is a key of the gate', () => {
    const gate = nameKeys(c);
    const maps = [c.sizeByKey, c.seriesByKey, c.cpuByKey, c.releaseByKey, c.distroByKey];
    for (const map of maps)
      for (const k of map.keys()) {
        expect(gate.standing(k), k).toBe(KEY);
        for (let i = 1; i < k.length; i++) expect(gate.standing(k.slice(0, i)), k).not.toBe(NONE);
      }
    for (const k of c.sizeByKey.keys()) expect(gate.standing(`standard${k}`), k).toBe(KEY);
    for (const k of c.seriesByKey.keys()) for (const v of [`${k}series`, `standard${k}`, `standard${k}series`]) expect(gate.standing(v), v).toBe(KEY);
    // "ordinary" words start no name's key
    for (const w of ['which', 'what', 'does', 'guarantee', 'how', 'yes']) expect(gate.standing(w), w).toBe(NONE);
  });
});

const texts = gateTexts(c);

describe('the gated finder reads what the ungated one reads', () => {
  test(`over ${texts.length} texts: every catalog name typed every way, the corpus, the bench's questions`, () => {
    expect(texts.length).toBeGreaterThan(15_000);
    let named = 0;
    for (const text of texts) {
      const gated = summary(findEntities(c, text));
      expect(gated, text).toEqual(summary(findEntities(c, text, EVERY_KEY)));
      const e = findEntities(c, text);
      if (e.sizes.length + e.series.length + e.cpus.length + e.releases.length + e.distros.length > 0) named++;
    }
    // the texts name things: a finder that found nothing would pass the comparison above
    expect(named / texts.length).toBeGreaterThan(0.8);
  });
});

describe("levelOf's gate (a word whose key cannot name a level is not looked at further)", () => {
  const flagLevel = flagLevels(c);
  test('reads every word of every text, every flag, alias and level spelling as the ungated reading does', () => {
    const spellings = [
      ...c.levels.levels.flatMap((step) => [
        ...step.cpuinfoFlags,
        step.level,
        step.level.replace(/-/g, '_'),
        step.level.slice(-2),
        step.level.replace(/-/g, ''),
      ]),
      ...Object.keys(c.levels.flagAliases).flatMap((a) => [a, a.replace(/_/g, '-'), a.replace(/_/g, '.'), a.toUpperCase()]),
      ...['avx512', 'AVX-512', 'avx512f', 'sse42', 'SSE4.2', 'sse4.1', 'x86v64v3', 'x86-64', 'x8664v2', 'v5', 'xsave', 'abm', '__proto__', 'constructor'],
    ];
    const words = new Set([...spellings, ...texts.flatMap((t) => splitWords(t))]);
    let levels = 0;
    for (const w of words) {
      const want = levelOfAnyWord(w, flagLevel, c);
      expect(levelOf(w, flagLevel, c), w).toBe(want);
      if (want) levels++;
    }
    // the words name levels: a reading that found none would pass the comparison above
    expect(levels).toBeGreaterThan(60);
  });
});

describe('keysOf: names keyed once', () => {
  test("a distribution's keys are its name's then its aliases', a release's its aliases', each time asked", () => {
    for (const d of c.distros) {
      expect(keysOf(d)).toEqual([d.name, ...d.aliases].map(keyOf));
      expect(keysOf(d)).toBe(keysOf(d));
      for (const r of d.releases) expect(keysOf(r), `${d.name} ${r.version}`).toEqual(r.aliases.map(keyOf));
    }
  });
});
