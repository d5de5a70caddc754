// The filters "did you mean" (src/core/fuzzy.ts) runs before the edit distance, each held exactly to what
// it is documented to compute: which letters and digits a key holds, how many bits a mask has, the
// letter/digit lower bound on the distance, each character's symbol, the counts (saturating), and whether
// counting alone puts a key past the cap. A filter that said less would only be slower; one that said
// more would drop real suggestions; these tests catch both.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { filtersForTests as f, NameIndex } from '../../src/core/fuzzy.js';

const text = fc.string({ unit: fc.constantFrom('a', 'b', 'k', 'z', 'y', '0', '5', '9', '-', ' ', '/', ':', '`', '{', 'é', 'A', 'Z'), maxLength: 14 });
const set = (s: string, lo: string, hi: string) => new Set([...s].filter((ch) => ch >= lo && ch <= hi));
const SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const countOf = (s: string) => [...SYMBOLS].map((ch) => [...s].filter((x) => x === ch).length);

describe('letters, digits and bits', () => {
  test('the letter and digit masks hold exactly the a-z and 0-9 a key has', () => {
    fc.assert(
      fc.property(text, (s) => {
        const letters = [...set(s, 'a', 'z')].reduce((m, ch) => m | (1 << (ch.charCodeAt(0) - 97)), 0);
        const digits = [...set(s, '0', '9')].reduce((m, ch) => m | (1 << (ch.charCodeAt(0) - 48)), 0);
        expect(f.lettersOf(s)).toBe(letters);
        expect(f.digitsOf(s)).toBe(digits);
      }),
      { seed: 16, numRuns: 300 },
    );
    expect(f.lettersOf('az')).toBe(1 | (1 << 25));
    expect(f.digitsOf('09')).toBe(1 | (1 << 9));
  });

  test('bits counts the set bits of any 32-bit word', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => {
        expect(f.bits(x)).toBe([...(x >>> 0).toString(2)].filter((b) => b === '1').length);
      }),
      { seed: 16, numRuns: 300 },
    );
    expect(f.bits(-1)).toBe(32);
    expect(f.bits(0)).toBe(0);
  });

  test('the lower bound: the larger of what one key has and the other lacks, letters and digits together', () => {
    fc.assert(
      fc.property(text, text, (q, k) => {
        const lq = set(q, 'a', 'z');
        const lk = set(k, 'a', 'z');
        const dq = set(q, '0', '9');
        const dk = set(k, '0', '9');
        const missing = [...lq].filter((x) => !lk.has(x)).length + [...dq].filter((x) => !dk.has(x)).length;
        const extra = [...lk].filter((x) => !lq.has(x)).length + [...dk].filter((x) => !dq.has(x)).length;
        expect(f.lowerBound(f.lettersOf(q), f.digitsOf(q), f.lettersOf(k), f.digitsOf(k))).toBe(Math.max(missing, extra));
      }),
      { seed: 16, numRuns: 400 },
    );
  });

  test('apart: the larger count less the shared ones', () => {
    for (let q = 0; q <= 12; q++)
      for (let k = 0; k <= 12; k++) for (let shared = 0; shared <= Math.min(q, k); shared++) expect(f.apart(q, k, shared)).toBe(Math.max(q, k) - shared);
  });

  test("the index's counts give the lower bound the way the search composes it: a run's shared letters, each key's shared digits", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 30 }), text, (keys, q) => {
        const index = new NameIndex(keys.map((k, i) => [k, i] as const));
        const ql = f.lettersOf(q);
        const qd = f.digitsOf(q);
        const qHeld = f.bits(ql) + f.bits(qd);
        let seen = 0;
        index.runsByLength.forEach((runs, length) => {
          for (const run of runs ?? []) {
            expect(run.held).toBe(set(keys[run.members[0]!]!, 'a', 'z').size);
            for (const i of run.members) {
              const k = keys[i]!;
              seen++;
              expect(k.length).toBe(length);
              expect(f.lettersOf(k)).toBe(run.letters);
              expect(index.held[i]).toBe(set(k, 'a', 'z').size + set(k, '0', '9').size);
              const composed = f.apart(qHeld, index.held[i]!, f.bits(ql & run.letters) + f.bits(qd & index.digits[i]!));
              expect(composed).toBe(f.lowerBound(ql, qd, f.lettersOf(k), f.digitsOf(k)));
            }
          }
        });
        expect(seen).toBe(keys.length);
      }),
      { seed: 16, numRuns: 200 },
    );
  });
});

describe('symbols and counts', () => {
  test('a-z are 0-25, 0-9 are 26-35, anything else is no symbol', () => {
    for (let code = 0; code < 300; code++) {
      const ch = String.fromCharCode(code);
      const at = SYMBOLS.indexOf(ch);
      expect(f.symbolOf(code), ch).toBe(at);
    }
  });

  test('counts: exact in a wide array, saturating at 255 in a byte array, from the offset given', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 3 }), (s, at) => {
        const wide = new Int32Array(36 * 4);
        f.countSymbols(s, wide, at * 36);
        expect([...wide.slice(at * 36, at * 36 + 36)]).toEqual(countOf(s));
        expect(wide.reduce((a, b) => a + b, 0)).toBe(countOf(s).reduce((a, b) => a + b, 0));
      }),
      { seed: 16, numRuns: 200 },
    );
    const bytes = new Uint8Array(36);
    f.countSymbols(`${'a'.repeat(300)}b`, bytes, 0);
    expect(bytes[0]).toBe(255);
    expect(bytes[1]).toBe(1);
    const wide = new Int32Array(36);
    f.countSymbols('a'.repeat(300), wide, 0);
    expect(wide[0]).toBe(300);
  });

  test('past the cap by counting: one side has more of some symbols than the cap allows', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'a', 'b', 'c', '1', '2', '-'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, (q, k) => {
        for (const cap of [0, 1, 2, 3, 5, 8]) {
          const cq = countOf(q);
          const ck = countOf(k);
          const more = cq.reduce((a, x, i) => a + Math.max(0, x - ck[i]!), 0);
          const less = cq.reduce((a, x, i) => a + Math.max(0, ck[i]! - x), 0);
          expect(f.countsApart(q, k, cap), `${q} ${k} ${cap}`).toBe(more > cap || less > cap);
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
