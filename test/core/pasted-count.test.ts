// A bare list of flags is read as a paste when six words at least are flags and two words in five (pasted.ts);
// the count stops once that can no longer be reached. Every length, every count of flags and every order: the
// answer is a paste exactly when the rule says so. The words are split in one pass: the same words as the
// patterns that define them, on every text.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { flagWords, pastedLevelAnswer } from '../../src/core/pasted.js';
import { isSpace } from '../../src/core/text.js';
import { gateTexts } from './name-texts.js';

const c = catalog();
const flags = [...c.levelFlags];

describe('a bare list of flags', () => {
  test('is a paste exactly when six words or more and two in five are flags, wherever they stand', () => {
    let pastes = 0;
    for (let length = 1; length <= 24; length++)
      for (let hits = 0; hits <= length; hits++) {
        // the flags first, last, or spread evenly among ordinary words
        const spread = new Set(Array.from({ length: hits }, (_, k) => Math.floor((k * length) / hits)));
        const placements = [(p: number) => p < hits, (p: number) => p >= length - hits, (p: number) => spread.has(p)];
        for (const isFlag of placements) {
          let f = 0;
          const words = Array.from({ length }, (_, p) => (isFlag(p) ? flags[f++]! : `word${p}`));
          const text = words.join(' ');
          const got = pastedLevelAnswer(c, text, text);
          const want = length >= 6 && hits >= 6 && hits >= length * 0.4;
          expect(got !== null && got.kind === 'flags', `${length} words, ${hits} flags: ${text}`).toBe(want);
          if (want) pastes++;
        }
      }
    expect(pastes).toBeGreaterThan(100);
  });
});

describe('flagWords', () => {
  const definition = (text: string) =>
    text
      .split(/[\s,]+/)
      .filter((w) => /^[a-z0-9_.-]{2,40}$/i.test(w))
      .slice(0, 2000);

  test('isSpace is what \\s matches, over every UTF-16 code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
    expect([0x20, 0x09, 0x0a, 0x3000, 0xfeff].every(isSpace)).toBe(true);
  });

  test('gives the words the patterns give: every text, random ones, long words and more than 2,000 of them', () => {
    for (const t of gateTexts(c)) expect(flagWords(t), t).toEqual(definition(t));
    const unit = fc.constantFrom(...'aZ09_.-,;:/+ \t\n\u00a0\u2003\u3000\ufeffé日'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (t) => {
        expect(flagWords(t)).toEqual(definition(t));
      }),
      { numRuns: 5000 },
    );
    for (const n of [1, 2, 39, 40, 41, 45]) {
      const w = 'a'.repeat(n);
      expect(flagWords(`${w} sse4_2,${w}`)).toEqual(definition(`${w} sse4_2,${w}`));
    }
    const many = Array.from({ length: 2500 }, (_, i) => (i % 7 === 0 ? 'x!' : `f${i}`)).join(' ');
    expect(flagWords(many)).toEqual(definition(many));
    expect(flagWords(many)).toHaveLength(2000);
  });
});
