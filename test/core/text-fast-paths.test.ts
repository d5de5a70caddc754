// The parser's text helpers take shortcuts on the common case (src/core/text.ts): ASCII text is split into words
// in one pass, a word that is already a key is its own key, and a pattern's matches are found without matchAll's
// copy of the pattern. Each must give what the general path gives, on every text.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { anyWords, joinMapped, keyOf, mapped, matchesOf, splitWords } from '../../src/core/text.js';
import { fact, pushFact } from '../../src/core/answers/build.js';
import type { Fact } from '../../src/core/answer.js';
import { endsWithTag } from '../../src/core/intent.js';
import { gateTexts } from './name-texts.js';

const c = catalog();
const texts = gateTexts(c);
/** characters that matter to the word splitter and to keys, and a few beyond ASCII */
const tricky = fc.string({ unit: fc.constantFrom(...'aZ09_-.+ /,:()!?\t\n@#İKßé日\ud83d\ude00'.split(''), ...['\ud83d\ude00']), maxLength: 30 });

describe('splitWords', () => {
  test('ASCII text: the one-pass splitter gives the words the patterns give', () => {
    for (const t of texts) if (!/[^\x00-\x7f]/.test(t)) expect(splitWords(t), t).toEqual(anyWords(t));
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (t) => {
        expect(splitWords(t)).toEqual(anyWords(t));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(tricky, (t) => {
        expect(splitWords(t)).toEqual(anyWords(t));
      }),
      { numRuns: 3000 },
    );
  });

  test('the one-pass splitter is what answers ASCII text: words without the hyphens and dots at their ends', () => {
    expect(splitWords('--can I run rhel-10 on D4s_v5...? (x86-64-v3) c++ .NET')).toEqual([
      'can',
      'I',
      'run',
      'rhel-10',
      'on',
      'D4s_v5',
      'x86-64-v3',
      'c++',
      'NET',
    ]);
    expect(splitWords('D4s_v5のCPU')).toEqual(['D4s_v5', 'の', 'CPU']);
  });
});

describe('keyOf', () => {
  const definition = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  test('is lower case, letters and digits only, whether or not the word is one already', () => {
    for (const t of texts) for (const w of t.split(/\s+/)) expect(keyOf(w), w).toBe(definition(w));
    fc.assert(
      fc.property(tricky, (t) => {
        expect(keyOf(t)).toBe(definition(t));
      }),
      { numRuns: 5000 },
    );
    expect(keyOf('Standard_D4s_v5')).toBe('standardd4sv5');
    expect(keyOf('İntel')).toBe('intel');
    expect(keyOf('d4sv5')).toBe('d4sv5');
  });
});

describe('matchesOf', () => {
  const patterns = [/\bv(\d)\b/g, /x*/g, /(?:)/gu, /\b/g, /[\s-]*/gi, /(?<=a)b?/g, /\p{L}+/gu, /./gsu, /$/gm, /\d{3}|kvm/gi];
  test('gives the matches matchAll gives, empty ones and surrogate pairs included, and leaves the pattern as it found it', () => {
    for (const re of patterns)
      fc.assert(
        fc.property(tricky, (t) => {
          const want = [...t.matchAll(re)].map((m) => [m.index, ...m]);
          expect(matchesOf(re, t).map((m) => [m.index, ...m])).toEqual(want);
          expect(re.lastIndex).toBe(0);
        }),
        { numRuns: 500 },
      );
    expect(matchesOf(/\bv(\d)\b/g, 'v2 or v3').map((m) => m[1])).toEqual(['2', '3']);
    expect(matchesOf(/z/g, 'abc')).toEqual([]);
  });

  test('a pattern that is not global is refused, as matchAll refuses it', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
  });
});

describe('endsWithTag ("…, right?")', () => {
  const pattern = /,?\s*(right|correct|true)\s*\?*\s*$/;
  test('is what its pattern tests, read from the end', () => {
    const unit = fc.constantFrom('right', 'correct', 'true', 'rue', 'righ', 't', ' ', '  ', '?', '??', ',', '\t', '\n', '\u3000', 'x', '？');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const t = parts.join('');
        expect(endsWithTag(t), JSON.stringify(t)).toBe(pattern.test(t));
      }),
      { numRuns: 20000 },
    );
    for (const t of texts) expect(endsWithTag(t.toLowerCase()), t).toBe(pattern.test(t.toLowerCase()));
    expect(['rhel 10 needs v3, right?', 'untrue', 'correct ? \n', 'true'].map(endsWithTag)).toEqual([true, true, true, true]);
    expect(['true? ?', 'right now please', ''].map(endsWithTag)).toEqual([false, false, false]);
  });
});

// Lists made for V8's sake (one elements kind, no list per fact): each gives what the plain form gives.
describe('mapped, joinMapped, pushFact', () => {
  test('mapped is map and joinMapped is map then join, for any list and separator', () => {
    const f = (x: string | number) => `<${x}>`;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 8 }), fc.string({ maxLength: 3 }), (xs, sep) => {
        expect(mapped(xs, f)).toEqual(xs.map(f));
        expect(joinMapped(xs, f, sep)).toBe(xs.map(f).join(sep));
      }),
      { numRuns: 2000 },
    );
  });

  test('pushFact adds what fact() returns', () => {
    for (const value of [null, undefined, '', 'x', 0, 2, 'x86-64-v3']) {
      const out: Fact[] = [{ label: 'before', value: 'b' }];
      pushFact(out, 'Label', value);
      expect(out).toEqual([{ label: 'before', value: 'b' }, ...fact('Label', value)]);
    }
  });
});
