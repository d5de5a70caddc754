// "Did you mean" ranking (src/core/fuzzy.ts) against a plain re-implementation written here from its
// documented rules: optimal-string-alignment distance; a candidate that starts with the query (2+
// characters) counts as one edit away; nothing further than max(3, ceil(¾ of the query's length)); best
// first, then the shorter key, then the order met; each value once, at its best key.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { closest, editDistance, NameIndex, nearestWord } from '../../src/core/fuzzy.js';
import { osa, reference } from './fuzzy-reference.js';

const word = (max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: max });

describe('edit distance', () => {
  test('known distances: insertions, deletions, substitutions and one adjacent swap', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('abcd', 'badc')).toBe(2);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('d4sv5', 'd4sv3')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  test('beyond the cap it answers cap + 1, within the cap the exact distance', () => {
    expect(editDistance('a', 'abcdefghijkl', 8)).toBe(9);
    expect(editDistance('abcdefgh', 'ijklmnop', 3)).toBe(4);
    expect(editDistance('abcd', 'abcdefg', 3)).toBe(3);
    fc.assert(
      fc.property(word(9), word(9), fc.integer({ min: 0, max: 9 }), (a, b, cap) => {
        const exact = osa(a, b);
        const got = editDistance(a, b, cap);
        if (exact <= cap) expect(got).toBe(exact);
        else expect(got).toBeGreaterThan(cap);
        if (exact <= 8) expect(editDistance(a, b)).toBe(exact);
        else expect(editDistance(a, b)).toBeGreaterThan(8);
      }),
      { seed: 16, numRuns: 600 },
    );
  });
});

describe('closest names', () => {
  test('ranks as the rules say, for any query and candidates', () => {
    const candidates = fc.array(fc.tuple(word(8), fc.constantFrom('v0', 'v1', 'v2', 'v3', 'v4', 'v5')), { maxLength: 12 });
    fc.assert(
      fc.property(word(7), candidates, fc.integer({ min: 1, max: 4 }), (q, cands, count) => {
        expect(closest(q, cands, count)).toEqual(reference(q, cands, count));
        expect(closest(q, cands)).toEqual(reference(q, cands, 3));
      }),
      { seed: 16, numRuns: 800 },
    );
  });

  test('a name that starts with the query ranks as one edit away, from two characters on', () => {
    // "ab" -> "abcdefgh" is 6 edits, far beyond the limit of 3, but it starts with "ab"
    expect(closest('ab', [['abcdefgh', 'long']])).toEqual(['long']);
    expect(closest('a', [['abcdefgh', 'long']])).toEqual([]);
    // the prefix counts as one edit: behind an exact match, level with a one-letter slip, ahead of two
    expect(
      closest('abcd', [
        ['abcdxyz', 'prefix'],
        ['abcd', 'exact'],
        ['abxy', 'two'],
      ]),
    ).toEqual(['exact', 'prefix', 'two']);
    expect(
      closest('abcd', [
        ['abcdxyz', 'prefix'],
        ['abce', 'one'],
      ]),
    ).toEqual(['one', 'prefix']);
  });

  test('ties go to the shorter key, then to the first met; a value keeps its best key', () => {
    expect(
      closest('abcd', [
        ['abcdef', 'longer'],
        ['abcde', 'shorter'],
      ]),
    ).toEqual(['shorter', 'longer']);
    expect(
      closest('abcd', [
        ['abce', 'first'],
        ['abcf', 'second'],
      ]),
    ).toEqual(['first', 'second']);
    expect(
      closest('abcd', [
        ['abzz', 'x'],
        ['abce', 'y'],
        ['abcd', 'x'],
      ]),
    ).toEqual(['x', 'y']);
    expect(
      closest('abcd', [
        ['abcd', 'x'],
        ['abzz', 'x'],
        ['abce', 'y'],
      ]),
    ).toEqual(['x', 'y']);
    expect(
      closest('abcd', [
        ['abcdefg', 'x'],
        ['abcde', 'y'],
        ['abcdx', 'x'],
      ]),
    ).toEqual(['x', 'y']);
  });

  test('the limit: max(3, ceil(¾ of the query)) edits, and no further', () => {
    // 8 characters: up to 6 edits
    expect(closest('abcdefgh', [['abzzzzzz', 'six']])).toEqual(['six']);
    expect(closest('abcdefgh', [['azzzzzzz', 'seven']])).toEqual([]);
    // 2 characters: still 3
    expect(closest('ab', [['zzz', 'three']])).toEqual(['three']);
    expect(closest('ab', [['zzzz', 'four']])).toEqual([]);
    // 5 characters: ceil(3.75) = 4
    expect(closest('abcde', [['azzzz', 'four']])).toEqual(['four']);
    expect(closest('abcde', [['zzzzz', 'five']])).toEqual([]);
    // three by default, count when asked
    const many: Array<[string, string]> = ['abce', 'abcf', 'abcg', 'abch'].map((k) => [k, k]);
    expect(closest('abcd', many)).toEqual(['abce', 'abcf', 'abcg']);
    expect(closest('abcd', many, 1)).toEqual(['abce']);
  });

  test('names further than two edits are found as the search widens (2, 4, 8 edits, then the limit)', () => {
    // 12 characters: up to 9 edits
    const names: Array<[string, string]> = [
      ['zzzzzzzzzzkl', 'ten'],
      ['zzzzzzzzzjkl', 'nine'],
      ['abcdezzzzzzz', 'seven'],
      ['abzzzfghijkl', 'three'],
      ['abcdefghijkz', 'one'],
      ['azzzzzghijkl', 'five'],
    ];
    expect(names.map(([k]) => osa('abcdefghijkl', k))).toEqual([10, 9, 7, 3, 1, 5]);
    expect(closest('abcdefghijkl', names)).toEqual(['one', 'three', 'five']);
    expect(closest('abcdefghijkl', names, 4)).toEqual(['one', 'three', 'five', 'seven']);
    expect(closest('abcdefghijkl', names, 9)).toEqual(['one', 'three', 'five', 'seven', 'nine']);
    expect(closest('abcdefghijkl', names, 9)).toEqual(reference('abcdefghijkl', names, 9));
  });
});

// Keys as the catalog reduces them: letters, digits and a few separators; repeats of a letter are
// common (so counting and letter-set bounds meet real cases), and some characters are outside a-z0-9.
const keyChar = fc.constantFrom('a', 'a', 'b', 'b', 'c', 'd', 'e', 'v', '1', '2', '5', '-', ' ', 'é');
const key = (max: number) => fc.string({ unit: keyChar, maxLength: max });

describe('closest names over a whole index', () => {
  test('an index reused across queries ranks as the rules say, for any count', () => {
    const candidates = fc.array(fc.tuple(key(10), fc.integer({ min: 0, max: 14 })), { maxLength: 40 });
    fc.assert(
      fc.property(candidates, fc.array(key(9), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (cands, queries, count) => {
        const index = new NameIndex(cands);
        for (const q of queries) {
          expect(closest(q, index, count)).toEqual(reference(q, cands, count));
          expect(closest(q, cands, count + 2)).toEqual(reference(q, cands, count + 2));
        }
      }),
      { seed: 1616, numRuns: 150 },
    );
  });

  test('each candidate is found by the query that is its own key, or one edit from it', () => {
    fc.assert(
      fc.property(fc.array(key(12), { minLength: 1, maxLength: 30 }), fc.nat(), (keys, pick) => {
        const cands = keys.map((k, i) => [k, i] as [string, number]);
        const index = new NameIndex(cands);
        const k = keys[pick % keys.length]!;
        for (const q of [k, k.slice(1), `${k}x`, k.length > 2 ? k[1]! + k[0]! + k.slice(2) : k])
          for (const count of [1, 3, 8]) expect(closest(q, index, count)).toEqual(reference(q, cands, count));
      }),
      { seed: 16, numRuns: 120 },
    );
  });

  test('names far longer than a short query, starting with it, are all found through the sorted run', () => {
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1'), minLength: 6, maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom('ab', 'ba', 'a1', 'cab'), fc.array(long, { minLength: 1, maxLength: 30 }), (q, tails) => {
        const cands = tails.map((t, i) => [i % 3 === 0 ? q + t : t, i] as [string, number]);
        const index = new NameIndex(cands);
        expect(closest(q, index, 8)).toEqual(reference(q, cands, 8));
      }),
      { seed: 16, numRuns: 150 },
    );
  });

  test('a value with several keys starting with the query takes its place among equals from its first key', () => {
    // the sorted run meets the keys in key order, not in the order given: 'abzzzzz' (V's first key) comes
    // last, and no key other than those starting with 'ab' is within 3 edits of it
    expect(
      closest('ab', [
        ['abzzzzz', 'V'],
        ['abyyyyy', 'W'],
        ['abaaaaa', 'V'],
      ]),
    ).toEqual(['V', 'W']);
    expect(
      closest('ab', [
        ['abaaaaa', 'V'],
        ['abyyyyy', 'W'],
        ['abzzzzz', 'V'],
      ]),
    ).toEqual(['V', 'W']);
    expect(
      closest('ab', [
        ['abyyyyy', 'W'],
        ['abzzzzz', 'V'],
        ['abaaaaa', 'V'],
      ]),
    ).toEqual(['W', 'V']);
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1'), minLength: 4, maxLength: 10 });
    fc.assert(
      fc.property(
        fc.constantFrom('ab', 'ba', 'a1', 'cab'),
        fc.array(fc.tuple(long, fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 1, max: 8 }),
        (q, rows, count) => {
          const cands = rows.map(([t, starts, v]) => [starts ? q + t : t, v] as [string, number]);
          expect(closest(q, new NameIndex(cands), count)).toEqual(reference(q, cands, count));
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });

  test('the counts of a key past the 36th are its own (a query the plain distance takes, under a cap of 3 or more)', () => {
    // 'aaaé' is within 1 edit of 'aaaa'; 36 keys of 'z' stand before it, each far away. Read at the wrong
    // place, 'aaaa' would take the counts of a 'z' key and be ruled out by counting.
    const cands: Array<[string, string]> = [...Array.from({ length: 36 }, (_, i) => ['zzzzzzzz', `far ${i}`] as [string, string]), ['aaaa', 'near']];
    expect(closest('aaaé', cands)).toEqual(['near']);
    expect(reference('aaaé', cands)).toEqual(['near']);
    const more: Array<[string, string]> = [
      ...Array.from({ length: 72 }, (_, i) => [`${'z'.repeat(8)}${i % 10}`, `far ${i}`] as [string, string]),
      ['baaé', 'near'],
      ['bbbb', 'next'],
    ];
    expect(closest('baaaé', more, 3)).toEqual(reference('baaaé', more, 3));
    expect(closest('baaaé', more, 3)).toContain('near');
  });

  test('a count of zero or less suggests nothing', () => {
    const cands: Array<[string, string]> = [
      ['abcd', 'x'],
      ['abce', 'y'],
      ['abcf', 'z'],
    ];
    for (const count of [0, -1, -2]) expect(closest('abcd', cands, count)).toEqual([]);
    // two exact matches: nothing either
    expect(
      closest(
        'abcd',
        [
          ['abcd', 'x'],
          ['abcd', 'y'],
          ['abce', 'z'],
        ],
        -1,
      ),
    ).toEqual([]);
  });

  test('long keys and many repeats of one letter: nothing is lost to counting or to short rows', () => {
    const a300 = 'a'.repeat(300);
    expect(
      closest(
        a300,
        [
          ['b', 'short'],
          [a300, 'same'],
          [`${'a'.repeat(299)}b`, 'one off'],
        ],
        2,
      ),
    ).toEqual(['same', 'one off']);
    expect(
      closest(`${'a'.repeat(260)}bc`, [
        ['a'.repeat(262), 'x'],
        ['c'.repeat(262), 'y'],
      ]),
    ).toEqual(['x']);
    const long = 'ab1-'.repeat(40);
    const cands: Array<[string, number]> = [0, 1, 2, 3].map((i) => [long.slice(i) + 'z'.repeat(i), i]);
    expect(closest(long, cands, 4)).toEqual(reference(long, cands, 4));
  });
});

describe('closest names over a large index', () => {
  // Hundreds of candidates, met in any order: the sorted run (a key order built by sorting), each key's
  // counts (read from key i * 36 on, so keys past the 36th tell a misread offset), queries that take the
  // plain distance (longer than 32 characters, or holding a character past ASCII) and those that do not.
  const unit = fc.constantFrom('a', 'b', 'c', 'd', '1', '-', 'é');
  const words = (min: number, max: number) => fc.string({ unit, minLength: min, maxLength: max });
  test('ranks as the rules say, for any count', () => {
    const candidates = fc.array(fc.tuple(words(0, 10), fc.integer({ min: 0, max: 80 })), { minLength: 80, maxLength: 240 });
    const query = (cands: Array<[string, number]>) =>
      fc.oneof(
        words(0, 9),
        words(33, 40),
        // the start of some candidate's key (many others start the same): the sorted run's business
        fc.tuple(fc.nat(cands.length - 1), fc.integer({ min: 1, max: 4 })).map(([i, n]) => cands[i]![0].slice(0, n)),
      );
    fc.assert(
      fc.property(
        candidates.chain((cands) => fc.tuple(fc.constant(cands), fc.array(query(cands), { minLength: 3, maxLength: 3 }), fc.integer({ min: 1, max: 12 }))),
        ([cands, queries, count]) => {
          const index = new NameIndex(cands);
          for (const q of queries) expect(closest(q, index, count), q).toEqual(reference(q, cands, count));
        },
      ),
      { seed: 16, numRuns: 60 },
    );
  });
});

describe('edit distance on long strings', () => {
  test('exact for strings longer than any row so far, at any cap', () => {
    const long = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 60, maxLength: 160 });
    fc.assert(
      fc.property(long, long, fc.constantFrom(8, 40, 200), (a, b, cap) => {
        const exact = osa(a, b);
        const got = editDistance(a, b, cap);
        if (exact <= cap) expect(got).toBe(exact);
        else expect(got).toBe(cap + 1);
      }),
      { seed: 16, numRuns: 25 },
    );
    // a first string far longer than the rows (each call may grow them)
    const x = 'ab'.repeat(150);
    expect(editDistance(x, `${x}c`, 500)).toBe(1);
    expect(editDistance(`c${x}`, x, 500)).toBe(1);
    expect(editDistance('x'.repeat(400), 'y'.repeat(400), 500)).toBe(400);
  });

  test('a swap at the very start and next to the band edge counts as one edit', () => {
    expect(editDistance('ba', 'ab', 1)).toBe(1);
    expect(editDistance('bacdefgh', 'abcdefgh', 1)).toBe(1);
    expect(editDistance('abcdefhg', 'abcdefgh', 1)).toBe(1);
    expect(editDistance('a', 'b', 0)).toBe(1);
    expect(editDistance('ab', 'abc', 0)).toBe(1);
  });
});

describe('a mistyped command word', () => {
  /** the rule written again: within one edit (two from six letters on), a word starting with 4+ typed letters counts as one edit, first best wins */
  function nearest(typed: string, words: readonly string[]): string | null {
    const t = typed.toLowerCase();
    if (t.length < 3) return null;
    const limit = t.length >= 6 ? 2 : 1;
    let best: { d: number; w: string } | null = null;
    for (const w of words) {
      const d = w.startsWith(t) && t.length >= 4 ? Math.min(osa(t, w), 1) : osa(t, w);
      if (d <= limit && (best === null || d < best.d)) best = { d, w };
    }
    return best?.w ?? null;
  }
  const WORDS = ['cpulevel', 'lineage', 'levels', 'help', 'size', 'sizes', 'series', 'distro', 'about', 'lev'];

  test('for any typed word, the rule', () => {
    const typed = fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: fc.constantFrom('a', 'e', 'i', 'l', 'v', 's', 'z', 'E', 'L'), maxLength: 9 }));
    const mangled = fc.tuple(fc.constantFrom(...WORDS), fc.nat(), fc.constantFrom('drop', 'swap', 'add', 'upper', 'cut')).map(([w, i, how]) => {
      const at = i % w.length;
      if (how === 'drop') return w.slice(0, at) + w.slice(at + 1);
      if (how === 'swap') return w.slice(0, at) + (w[at + 1] ?? '') + w[at] + w.slice(at + 2);
      if (how === 'add') return `${w.slice(0, at)}x${w.slice(at)}`;
      if (how === 'upper') return w.toUpperCase();
      return w.slice(0, Math.max(1, at));
    });
    fc.assert(
      fc.property(fc.oneof(typed, mangled), (t) => {
        expect(nearestWord(t, WORDS)).toBe(nearest(t, WORDS));
      }),
      { seed: 16, numRuns: 600 },
    );
  });

  test('by example: a slip, a shortened word, too short, too far', () => {
    expect(nearestWord('cpulvel', WORDS)).toBe('cpulevel');
    expect(nearestWord('LINEAG', WORDS)).toBe('lineage');
    expect(nearestWord('hlep', WORDS)).toBe('help');
    expect(nearestWord('dist', WORDS)).toBe('distro');
    expect(nearestWord('lin', WORDS)).toBeNull();
    expect(nearestWord('he', WORDS)).toBeNull();
    expect(nearestWord('hxxp', WORDS)).toBeNull();
    expect(nearestWord('sizs', WORDS)).toBe('size');
    expect(nearestWord('serxxs', WORDS)).toBe('series');
    expect(nearestWord('serxxx', WORDS)).toBeNull();
    expect(nearestWord('anything', [])).toBeNull();
  });
});
