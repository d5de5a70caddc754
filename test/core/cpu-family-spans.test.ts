// How a family rule's match (src/core/cpu-family.ts) names the model and where it lies in the text,
// over every real model number of test/fixtures/cpu-family-examples.ts: the model the vendor writes
// whatever the typing (case, trademark marks, brand words before it), the span covering the model and
// the brand words glued to it and nothing else, several models in one sentence found left to right
// each as it is found alone, and the family's level the same wherever the model sits.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { identifyCpu, identifyCpus } from '../../src/core/cpu-family.js';
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
      for (const w of numbers) if (w.replace(/^([iw][3579]-|x[5-7]-|x(?=6\d{3}))/, '') !== w.replace(/^([iw][3579]-|x[5-7]-|x(?=6\d{3}))/, '').toUpperCase()) problems.push(`${typed}: ${w} in ${m.model}`);
      // words spelled out are capitalised
      for (const w of m.model.split(' ').filter((x) => /^[a-z]/i.test(x) && !/\d/.test(x))) if (w[0] !== w[0]!.toUpperCase()) problems.push(`${typed}: ${w} in ${m.model}`);
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
        if (got.start === 3 && got.typed !== `${brand}${typed}`.trim()) problems.push(`${text}: typed ${got.typed}`);
        if (got.start !== 3 && got.start !== 3 + brand.length) problems.push(`${text}: starts at ${got.start}`);
        if (text.slice(got.start, got.end) !== got.typed) problems.push(`${text}: span ${got.start}-${got.end}`);
      }
    }
    expect(problems).toEqual([]);
    // "Intel(R) Xeon(R) CPU E5-2680 v4" is taken whole, brand and all
    const whole = identifyCpu(c, 'host: Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz')!;
    expect(whole.typed).toBe('Intel(R) Xeon(R) CPU E5-2680 v4');
    expect(whole.model).toBe('Intel Xeon E5-2680 v4');
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
