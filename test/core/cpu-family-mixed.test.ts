// What the other cpu-family tests leave out (src/core/cpu-family.ts): a "cpu" or "processor" glued to a
// model number ("x5650cpu"), an Intel Core named by its generation in the same sentence as a model number
// (left to right, the generation dropped where it overlaps a model), the generation phrase with extra or
// no spaces, the quick gate built afresh from the rules (its construction, not only its use), the rules
// with back-references that cannot join a gate, which family names the generation matcher accepts, and
// the series prefixes written in lower case only at the start of a model number.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { CpuFamilyIndex, identifyCpu, identifyCpus } from '../../src/core/cpu-family.js';
import type { ArchspecX86Table, CpuFamily, LevelsTable } from '../../src/data/schema.js';
import { CPU_FAMILY_EXAMPLES as EXAMPLES } from '../fixtures/cpu-family-examples.js';

const c = catalog();
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
const archspec = read('archspec-x86.json') as ArchspecX86Table;
const levels = read('x86-64-levels.json') as LevelsTable;
const rules = (read('cpu-families.json') as { families: CpuFamily[] }).families;
const indexOf = (families: CpuFamily[]) => new CpuFamilyIndex({ archspec, families, asOf: '2026-12-06' }, levels);
const rule = (id: string) => rules.find((r) => r.id === id)!;
const found = (text: string) => identifyCpus(c, text).map((m) => [m.family.rule.id, text.slice(m.start, m.end)]);

/** the processor examples whose model number ends the text typed, with a digit or up to three letters after one */
const gluable = EXAMPLES.filter(([typed]) => {
  const m = identifyCpu(c, typed);
  return m?.family.rule.kind === 'processor' && m.end === typed.length && /\d[A-Za-z]{0,3}$/.test(typed);
});

describe('a "cpu" or "processor" glued to the model number', () => {
  test('every example with each glued word: the family and model found alone, the word outside the span', () => {
    expect(gluable.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const [typed] of gluable) {
      const alone = identifyCpu(c, typed)!;
      for (const word of ['cpu', 'CPUs', 'processor', 'Processors']) {
        const text = `my ${typed}${word} and an E5-2680 v4 box`;
        const all = identifyCpus(c, text);
        const first = all[0];
        if (first?.family !== alone.family || first.model !== alone.model || first.start !== 3 + alone.start || first.end !== 3 + typed.length)
          problems.push(`${text}: ${first?.model} ${first?.start}-${first?.end}`);
        // the word blanked, not removed: the model after it keeps its place
        const last = all[all.length - 1];
        if (last?.model !== 'Intel Xeon E5-2680 v4' || text.slice(last.start, last.end) !== 'E5-2680 v4') problems.push(`${text}: ${last?.model} last`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('letters between the number and the word; a word not ending there, or not after a number: not blanked', () => {
    expect(found('my i7-4770kcpu is old')).toEqual([['intel-core-4th-gen', 'i7-4770k']]);
    expect(found('x5650cpu is old')).toEqual([['intel-xeon-5600', 'x5650']]);
    for (const text of ['x5650cpux is old', 'x5650cpus2 box', 'x5650processorx', 'x5650cpu5', 'x5650 xcpu']) {
      const hits = identifyCpus(c, text);
      if (text === 'x5650 xcpu')
        expect(
          hits.map((m) => m.typed),
          text,
        ).toEqual(['x5650']);
      else expect(hits, text).toEqual([]);
    }
  });
});

describe('a generation phrase and a model number in one text', () => {
  test('both found, left to right, whichever comes first', () => {
    expect(found('my i7 3rd gen and a Xeon E5-2680 v4')).toEqual([
      ['intel-core-3rd-gen', 'i7 3rd gen'],
      ['intel-xeon-e5-v4', 'Xeon E5-2680 v4'],
    ]);
    expect(found('Xeon E5-2680 v4 or i5 6th gen')).toEqual([
      ['intel-xeon-e5-v4', 'Xeon E5-2680 v4'],
      ['intel-core-6th-gen', 'i5 6th gen'],
    ]);
    expect(found('i7 8th gen,i7-8700K')).toEqual([
      ['intel-core-7th-10th-gen', 'i7 8th gen'],
      ['intel-core-7th-10th-gen', 'i7-8700K'],
    ]);
  });

  test('every example before and after a generation phrase, one space apart: both found, each as alone', () => {
    const problems: string[] = [];
    for (const [typed] of EXAMPLES) {
      const alone = identifyCpu(c, typed)!;
      if (alone.start !== 0 || alone.end !== typed.length) continue;
      for (const [i, text] of [`${typed} i5 6th gen`, `i5 6th gen ${typed}`].entries()) {
        const got = identifyCpus(c, text).map((m) => [m.model, text.slice(m.start, m.end)]);
        const want = [
          [alone.model, typed],
          ['Intel Core i5 (6th generation)', 'i5 6th gen'],
        ];
        if (i === 1) want.reverse();
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${text}: ${JSON.stringify(got)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('a generation phrase overlapping a model number gives way to it, beside other models or not', () => {
    expect(found('8th gen i7 8700K')).toEqual([['intel-core-7th-10th-gen', 'i7 8700K']]);
    expect(found('8th gen i7 8700K and E5-2680 v4')).toEqual([
      ['intel-core-7th-10th-gen', 'i7 8700K'],
      ['intel-xeon-e5-v4', 'E5-2680 v4'],
    ]);
    expect(found('E5-2680 v4 or 3rd gen i7 3770')).toEqual([
      ['intel-xeon-e5-v4', 'E5-2680 v4'],
      ['intel-core-3rd-gen', 'i7 3770'],
    ]);
  });

  test('extra spaces, and none before "gen": the whole phrase', () => {
    for (const [text, id] of [
      ['intel  core  i7 3rd  gen', 'intel-core-3rd-gen'],
      ['i5 6thgen', 'intel-core-6th-gen'],
      ['4th  generation  intel  core  i5', 'intel-core-4th-gen'],
      ['4thgen i5', 'intel-core-4th-gen'],
      ['2nd-gen core i3', 'intel-core-2nd-gen'],
    ] as const) {
      const m = identifyCpu(c, `an old ${text}, fine?`);
      expect(m?.family.rule.id, text).toBe(id);
      expect(m!.typed, text).toBe(text);
    }
  });
});

describe('the quick gate, built afresh from the rules', () => {
  const texts = [...EXAMPLES.map(([typed]) => `my ${typed} box`), 'hello', 'which cpu is behind Standard_D4s_v5?', 'x86-64-v3', 'undefined', ''];
  const someRule = (families: CpuFamily[], text: string) => families.some((r) => new RegExp(r.pattern, 'i').test(text));

  test('says yes exactly when some rule matches: all the rules, and exactly one or two gates full', () => {
    for (const families of [rules, rules.slice(0, 16), rules.slice(0, 32), rules.slice(0, 17)]) {
      const index = indexOf(families);
      expect(texts.filter((t) => someRule(families, t)).length).toBeGreaterThan(2);
      for (const t of texts) expect(index.mayMatch(t), `${families.length} rules: ${t}`).toBe(someRule(families, t));
    }
  });

  test('a rule with a back-reference is found, numbered or named, whichever rules come with it', () => {
    const e5 = rule('intel-xeon-e5-v4');
    const numbered = { ...e5, id: 'numbered', pattern: '\\b(?<n>Q)\\1-\\d' };
    const named = { ...e5, id: 'named', pattern: '\\b(?<n>R)\\k<n>-\\d' };
    for (const families of [[numbered], [e5, numbered], [named, e5], [e5, ...rules.slice(0, 20), named]]) {
      const index = indexOf(families);
      const text = 'QQ-1 or RR-2 or E5-2680 v4';
      const ids = index.findAll(text).map((m) => m.family.rule.id);
      expect(ids, families.map((f) => f.id).join()).toEqual(['numbered', 'named', e5.id].filter((id) => families.some((f) => f.id === id)));
      expect(index.mayMatch('hello')).toBe(true);
    }
  });
});

describe('the family a generation names', () => {
  const core3 = rule('intel-core-3rd-gen');
  const decoy = (over: Partial<CpuFamily>): CpuFamily => ({ ...core3, id: 'decoy', pattern: 'QQQQQ\\d', ...over });

  test('only a processor family named exactly "Intel Core i3/i5/i7 (… generation)" is taken', () => {
    for (const d of [
      decoy({ kind: 'virtual-cpu' as CpuFamily['kind'] }),
      decoy({ family: 'Not Intel Core i3/i5/i7 (3rd generation)' }),
      decoy({ family: 'Intel Core i3/i5/i7 (3rd generation) refurbished' }),
    ]) {
      const [m] = indexOf([d, core3]).findAll('an old i7 3rd gen');
      expect(m?.family.rule.id, JSON.stringify(d.family)).toBe(core3.id);
      expect(m!.model).toBe('Intel Core i7 (3rd generation)');
    }
  });
});

describe('series prefixes in lower case only at the start of a model number', () => {
  test('an I, W or X with a digit inside a part stays as typed, in capitals', () => {
    const e5 = rule('intel-xeon-e5-v4');
    const any = { ...e5, id: 'any', pattern: '\\bQ-(?<n>[\\w-]+)', model: 'Q {n}' };
    const index = indexOf([any]);
    for (const [text, model] of [
      ['Q-12w74', 'Q 12W74'],
      ['Q-9x5-1', 'Q 9X5-1'],
      ['Q-x6425e1', 'Q X6425E1'],
      ['Q-x6425e', 'Q x6425E'],
      ['Q-x5-1', 'Q x5-1'],
      ['Q-i7-1', 'Q i7-1'],
    ] as const)
      expect(index.findAll(text)[0]?.model, text).toBe(model);
  });
});
