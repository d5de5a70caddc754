// The bit-parallel distance "did you mean" uses for queries of up to 32 ASCII characters (patternDistance,
// src/core/fuzzy.ts), held to the plain full-table distance of test/core/fuzzy-reference.ts: the capped
// distance (exact within the cap, cap + 1 past it) for any pair, including the queries that must take the
// plain route instead (empty, longer than 32 characters, holding a character outside ASCII).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editDistance, patternDistance } from '../../src/core/fuzzy.js';
import { osa } from './fuzzy-reference.js';

const capped = (a: string, b: string, cap: number) => {
  const exact = osa(a, b);
  return exact <= cap ? exact : cap + 1;
};
const word = (max: number, unit = fc.constantFrom('a', 'b', 'c', 'd', '1')) => fc.string({ unit, maxLength: max });

describe('the bit-parallel distance', () => {
  test('the capped distance for any pair and cap, short alphabets (many transpositions)', () => {
    fc.assert(
      fc.property(word(33), word(36), fc.integer({ min: 0, max: 12 }), (a, b, cap) => {
        expect(patternDistance(a, b, cap)).toBe(capped(a, b, cap));
      }),
      { seed: 15, numRuns: 4000 },
    );
  });

  test('the capped distance for queries of 0 to 45 characters, some past ASCII (the plain route)', () => {
    // \u007f is the last ASCII code, \u0080 the first past it
    const unit = fc.constantFrom('a', 'b', 'c', 'A', '\u007f', '\u0080', 'é', '€');
    const text = (n: number) => fc.string({ unit, minLength: n, maxLength: n });
    const ofLength = fc.integer({ min: 0, max: 45 }).chain(text);
    // the key: any text, or the query with a few characters cut, added or swapped (so within small caps)
    const near = (a: string) =>
      fc.tuple(fc.nat(a.length), fc.nat(3), fc.integer({ min: 0, max: 3 }).chain(text), fc.boolean()).map(([at, cut, add, swap]) => {
        const b = a.slice(0, at) + add + a.slice(at + cut);
        return swap && b.length > at + 1 ? b.slice(0, at) + b[at + 1] + b[at] + b.slice(at + 2) : b;
      });
    const cases = ofLength.chain((a) => fc.tuple(fc.constant(a), fc.oneof(ofLength, near(a)), fc.integer({ min: 0, max: 45 })));
    fc.assert(
      fc.property(cases, ([a, b, cap]) => {
        expect(patternDistance(a, b, cap)).toBe(capped(a, b, cap));
      }),
      { seed: 15, numRuns: 2000 },
    );
    const sample = fc.sample(cases, { seed: 15, numRuns: 2000 });
    // the walk meets every route: empty, longer than 32 characters, outside ASCII, plain ASCII
    expect(sample.filter(([a]) => a.length === 0).length).toBeGreaterThan(10);
    expect(sample.filter(([a]) => a.length > 32).length).toBeGreaterThan(100);
    expect(sample.filter(([a]) => a.length > 0 && a.length <= 32 && /[^\0-\u007f]/.test(a)).length).toBeGreaterThan(100);
    expect(sample.filter(([a]) => a.length > 0 && a.length <= 32 && !/[^\0-\u007f]/.test(a)).length).toBeGreaterThan(10);
    // and many pairs within their cap, not only those past it
    expect(sample.filter(([a, b, cap]) => a !== b && osa(a, b) <= cap).length).toBeGreaterThan(300);
  });

  test('known distances at the edges: 32 and 33 characters, the cap, a swap at the end, the first code past ASCII', () => {
    const q = 'abcdefghijklmnopqrstuvwxyz012345';
    expect(q).toHaveLength(32);
    expect(patternDistance(q, q)).toBe(0);
    expect(patternDistance(q, `${q.slice(0, 30)}54`)).toBe(1);
    expect(patternDistance(q, q.slice(1))).toBe(1);
    expect(patternDistance(q, 'zyx', 40)).toBe(osa(q, 'zyx'));
    expect(osa(q, 'zyx')).toBe(31);
    expect(patternDistance(`${q}6`, `${q}7`)).toBe(1);
    expect(patternDistance(`${q}6`, `6${q}`)).toBe(2);
    expect(patternDistance('kitten', 'sitting', 3)).toBe(3);
    expect(patternDistance('kitten', 'sitting', 2)).toBe(3);
    expect(patternDistance('abcd', 'badc')).toBe(2);
    expect(patternDistance('é', 'e')).toBe(1);
    expect(patternDistance('\u0080', '\u0080')).toBe(0);
    expect(patternDistance('a\u0080b', 'ab')).toBe(1);
    expect(patternDistance('', 'abc')).toBe(3);
    expect(patternDistance('', 'abc', 2)).toBe(3);
    expect(patternDistance('', '')).toBe(0);
    // the plain route agrees wherever both apply
    expect(patternDistance('abcd', 'bacdx')).toBe(editDistance('abcd', 'bacdx'));
  });
});
