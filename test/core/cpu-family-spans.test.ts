// How a family rule's match (src/core/cpu-family.ts) names the model and where it lies in the text,
// over every real model number of test/fixtures/cpu-family-examples.ts: the model the vendor writes
// whatever the typing (case, trademark marks, brand words before it), the span covering the model and
// the brand words glued to it and nothing else, several models in one sentence found left to right
// each as it is found alone, and the family's level the same wherever the model sits.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { CpuFamilyIndex, identifyCpu, identifyCpus } from '../../src/core/cpu-family.js';
import type { ArchspecX86Table, CpuFamily, LevelsTable } from '../../src/data/schema.js';
import { CPU_FAMILY_EXAMPLES as EXAMPLES } from '../fixtures/cpu-family-examples.js';

const c = catalog();
const alone = EXAMPLES.map(([typed]) => ({ typed, m: identifyCpu(c, typed)! }));

describe('the model, as the vendor writes it', () => {
  test('the same model whatever the case it is typed in, with no marks and no stray spaces', () => {
    const problems: string[] = [];
    for (const { typed, m } of alone) {
      for (const t of [typed.toLowerCase(), typed.toUpperCase(), typed.replace(/\(R\)/g, '®').replace(/\(TM\)/g, '™')]) {
        const other = identifyCpu(c, t);
        if (other?.model !== m.model || other.family !== m.family) problems.push(`${typed} as ${t}: ${other?.model}`);
      }
      if (/\((r|tm)\)|[®™]|\s{2}|^\s|\s$/i.test(m.model)) problems.push(`${typed}: ${m.model}`);
      if (m.family.rule.kind !== 'processor') continue;
      // the model number is written in capitals, but for the lower-case series prefixes (i7-, w9-, x5-)
      // and a Xeon's generation (v4)
      const numbers = m.model.split(' ').filter((w) => /\d/.test(w) && !/^v\d$/.test(w));
      for (const w of numbers)
        if (w.replace(/^([iw][3579]-|x[5-7]-|x(?=6\d{3}))/, '') !== w.replace(/^([iw][3579]-|x[5-7]-|x(?=6\d{3}))/, '').toUpperCase())
          problems.push(`${typed}: ${w} in ${m.model}`);
      for (const w of numbers) if (/^([IW][3579]-|X[5-7]-|X6\d{3}[A-Z]+$)/.test(w)) problems.push(`${typed}: the series prefix of ${w} in ${m.model}`);
      // words spelled out are capitalised, and short ones (PRO, AI) written in capitals
      for (const w of m.model.split(' ').filter((x) => /^[a-z]/i.test(x) && !/\d/.test(x))) {
        if (w[0] !== w[0]!.toUpperCase()) problems.push(`${typed}: ${w} in ${m.model}`);
        if (/^[a-z]{2,3}$/i.test(w) && w !== w.toUpperCase()) problems.push(`${typed}: ${w} in ${m.model}`);
      }
    }
    expect(problems).toEqual([]);
    expect(alone.length).toBe(EXAMPLES.length);
  });

  test('brand words and trademark marks before a model are part of what was typed', () => {
    const problems: string[] = [];
    for (const { typed, m } of alone) {
      if (/^(intel|amd|xeon|core|cpu|processor)\b/i.test(typed) || m.family.rule.kind !== 'processor') continue;
      for (const brand of ['Intel(R) Xeon(R) CPU ', 'AMD ', 'intel ', 'Intel® Core™ ']) {
        const text = `my ${brand}${typed} box`;
        const got = identifyCpu(c, text);
        if (!got || got.model !== m.model) {
          problems.push(`${text}: ${got?.model}`);
          continue;
        }
        // the brand is absorbed only when the model itself starts where the brand words end
        if (got.start === 3 && m.start === 0 && got.typed !== `${brand}${m.typed}`.trim()) problems.push(`${text}: typed ${got.typed}`);
        if (got.start !== 3 && got.start !== 3 + brand.length) problems.push(`${text}: starts at ${got.start}`);
        if (text.slice(got.start, got.end) !== got.typed) problems.push(`${text}: span ${got.start}-${got.end}`);
      }
    }
    expect(problems).toEqual([]);
    // "Intel(R) Xeon(R) CPU E5-2680 v4" is taken whole, brand and all
    const whole = identifyCpu(c, 'host: Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz')!;
    expect(whole.typed).toBe('Intel(R) Xeon(R) CPU E5-2680 v4');
    expect(whole.model).toBe('Intel Xeon E5-2680 v4');
    // /proc/cpuinfo pads older model names with spaces; a mark may follow a space
    const padded = identifyCpu(c, 'model name\t: Intel(R) Xeon(R) CPU           X5650  @ 2.67GHz')!;
    expect(padded.typed).toBe('Intel(R) Xeon(R) CPU           X5650');
    expect(padded.model).toBe('Intel Xeon X5650');
    expect(identifyCpu(c, 'an Intel (R) Xeon (R) E5-2680 v4')!.typed).toBe('Intel (R) Xeon (R) E5-2680 v4');
    expect(identifyCpu(c, 'model name\t: Intel(R) Xeon(R) CPU        E5-2680 v4 @ 2.40GHz')!.typed).toBe('Intel(R) Xeon(R) CPU        E5-2680 v4');
  });

  test('brand words glued to another word, or far before the model, are not taken', () => {
    const glued = identifyCpu(c, 'myintel E5-2680 v4')!;
    expect(glued.typed).toBe('E5-2680 v4');
    expect(glued.start).toBe('myintel '.length);
    const spaced = identifyCpu(c, `intel${' '.repeat(60)}E5-2680 v4`)!;
    expect(spaced.typed).toBe('E5-2680 v4');
    // a long run of brand words: those just before the model are taken, and the span stays where the model is
    const run = `${'intel '.repeat(30)}E5-2680 v4`;
    const many = identifyCpu(c, run)!;
    expect(run.slice(many.start, many.end)).toBe(many.typed);
    expect(many.end).toBe(run.length);
    expect(many.typed.length).toBeLessThanOrEqual('E5-2680 v4'.length + 48);
    expect(many.typed.length).toBeGreaterThan('E5-2680 v4'.length + 40);
  });
});

describe('as typed, as the vendor writes it', () => {
  test.each([
    ['atom x6425e', 'Intel Atom x6425E'],
    ['atom x6427fe', 'Intel Atom x6427FE'],
    ['atom x7-z8700', 'Intel Atom x7-Z8700'],
    ['i74770k', 'Intel Core i7-4770K'],
    ['ATOM X5-Z8350', 'Intel Atom x5-Z8350'],
    ['i7  4770k', 'Intel Core i7-4770K'],
    ['I7 - 4770K', 'Intel Core i7-4770K'],
    ['threadripper pro 5995wx', 'AMD Ryzen Threadripper PRO 5995WX'],
    ['xeon w9-3495x', 'Intel Xeon w9-3495X'],
    ['Intel(R) Celeron(R) G6900', 'Intel Celeron G6900'],
    ['celeron® g6900', 'Intel Celeron G6900'],
  ])('%s: %s', (typed, model) => {
    expect(identifyCpu(c, `is the ${typed} ok?`)?.model).toBe(model);
  });
});

describe('several models in one sentence', () => {
  test('each pair of examples, side by side: both found, left to right, each as found alone, spans apart', () => {
    const problems: string[] = [];
    let n = 0;
    for (let i = 1; i < alone.length; i++) {
      const [x, y] = [alone[i - 1]!, alone[i]!];
      for (const sep of [' vs ', ', and ']) {
        const text = `${x.typed}${sep}${y.typed}`;
        const found = identifyCpus(c, text);
        const got = found.map((f) => f.model).join(' | ');
        if (got !== `${x.m.model} | ${y.m.model}`) problems.push(`${text}: ${got}`);
        else {
          if (found[0]!.family !== x.m.family || found[1]!.family !== y.m.family) problems.push(`${text}: families`);
          if (found[0]!.end > found[1]!.start) problems.push(`${text}: spans overlap`);
          for (const f of found) if (text.slice(f.start, f.end) !== f.typed) problems.push(`${text}: span of ${f.model}`);
          // each where it is when found alone
          const off = x.typed.length + sep.length;
          const spans = found.map((f) => `${f.start}-${f.end}`).join(' ');
          if (spans !== `${x.m.start}-${x.m.end} ${y.m.start + off}-${y.m.end + off}`) problems.push(`${text}: spans ${spans}`);
        }
        n++;
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(n).toBe((alone.length - 1) * 2);
  });

  test('a model right after another takes no brand word from it', () => {
    const text = 'Xeon E5-2680 v4 Xeon E5-2690 v3';
    const [a, b] = identifyCpus(c, text);
    expect(a!.typed).toBe('Xeon E5-2680 v4');
    expect(b!.typed).toBe('Xeon E5-2690 v3');
    expect(b!.start).toBe(a!.end + 1);
    // the first match's span is the floor: nothing before it is taken by the second
    const two = identifyCpus(c, 'E5-2680 v4 E5-2690 v3');
    expect(two.map((m) => m.typed)).toEqual(['E5-2680 v4', 'E5-2690 v3']);
  });
});

describe('the family level does not depend on the sentence', () => {
  test('every example, inside text, gives its family and that family’s level', () => {
    for (const { typed, m } of alone) {
      const inside = identifyCpu(c, `Is the ${typed}, on RHEL 10, x86-64-v3?`)!;
      expect(inside.family, typed).toBe(m.family);
      expect(inside.family.level, typed).toBe(m.family.level);
      expect(inside.family.missingForNext, typed).toEqual(m.family.missingForNext);
    }
  });
});

describe('each family rule, compiled', () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
  const archspec = read('archspec-x86.json') as ArchspecX86Table;
  const levels = read('x86-64-levels.json') as LevelsTable;
  const rules = (read('cpu-families.json') as { families: CpuFamily[] }).families;
  const nodes = new Map(archspec.microarchitectures.map((n) => [n.name, n]));
  /** the psABI rule again: the highest level whose flags (and every lower one's) are present, and what the next one lacks */
  function levelOf(flags: readonly string[]): { level: string | null; missing: string[] } {
    let level: string | null = null;
    for (const l of levels.levels) {
      const missing = l.cpuinfoFlags.filter((f) => !flags.includes(f));
      if (missing.length) return { level, missing };
      level = l.level;
    }
    return { level, missing: [] };
  }
  const indexOf = (families: CpuFamily[]) => new CpuFamilyIndex({ archspec, families, asOf: '2026-12-06' }, levels);

  test('the level, what the next level lacks and whether the features are fixed, for every rule', () => {
    expect(c.cpuFamilies.families.map((f) => f.rule.id)).toEqual(rules.map((r) => r.id));
    let fixed = 0;
    for (const f of c.cpuFamilies.families) {
      const node = f.rule.microarchitecture === null ? undefined : nodes.get(f.rule.microarchitecture);
      // a 32-bit node, or `host`, has no level and nothing missing; a node or a virtual CPU's own list has both
      const features = node ? (node.x86_64 ? node.features : null) : f.rule.features;
      const want = features ? levelOf(features) : { level: null, missing: [] };
      expect(f.level, f.rule.id).toBe(want.level);
      expect(f.missingForNext, f.rule.id).toEqual(want.missing);
      expect(f.node?.name ?? null, f.rule.id).toBe(node?.name ?? null);
      expect(f.fixedFeatures, f.rule.id).toBe(Boolean(node) || f.rule.features !== null);
      fixed += f.fixedFeatures ? 1 : 0;
    }
    // every kind is met: a node, a virtual CPU's list, a 32-bit node, and `host`
    expect(fixed).toBe(c.cpuFamilies.families.length - 1);
    expect(c.cpuFamilies.families.some((f) => f.node && !f.node.x86_64)).toBe(true);
    expect(c.cpuFamilies.families.some((f) => !f.node && f.rule.features)).toBe(true);
  });

  test('at one position the rule listed first wins, whichever it is', () => {
    const general = rules.find((r) => r.id === 'intel-xeon-e5-v1')!;
    const specific = rules.find((r) => r.id === 'intel-xeon-e5-v4')!;
    const anyE5 = { ...general, id: 'any-e5', pattern: '\\bE5[\\s-]*(?<n>2\\d{3})(?:\\s*v\\d)?' };
    for (const order of [
      [specific, anyE5],
      [anyE5, specific],
    ]) {
      const [m] = indexOf(order).findAll('my E5-2680 v4 box');
      expect(m!.family.rule.id).toBe(order[0]!.id);
    }
  });

  test('a rule that can match nothing at all is skipped there, not looped on', () => {
    const empty = { ...rules[0]!, id: 'empty', pattern: 'Z*' };
    const found = indexOf([empty, rules.find((r) => r.id === 'intel-xeon-e5-v4')!]).findAll('E5-2680 v4 and ZZ');
    expect(found.map((m) => m.typed)).toEqual(['E5-2680 v4', 'ZZ']);
  });

  test('a model template whose last part is empty leaves no trailing space; the span no leading one', () => {
    const optional = {
      ...rules.find((r) => r.id === 'intel-xeon-e5-v4')!,
      id: 'optional',
      pattern: '\\s?\\bE5-(?<n>\\d{4})(?<s>L)?',
      model: 'Intel Xeon E5-{n} {s}',
    };
    const [m] = indexOf([optional]).findAll('an E5-2680 box');
    expect(m!.model).toBe('Intel Xeon E5-2680');
    expect(m!.typed).toBe('E5-2680');
  });

  test('a brand word glued to a letter at the very start of the look-back is not taken', () => {
    // the model at 60; the look-back starts 48 before it, exactly where "intel" is, glued to the "a" before
    const text = `${'a'.repeat(24)}intel${' '.repeat(31)}E5-2680 v4`;
    expect(text.indexOf('E5')).toBe(60);
    const m = identifyCpu(c, text)!;
    expect(m.typed).toBe('E5-2680 v4');
    expect(m.start).toBe(60);
  });
});
