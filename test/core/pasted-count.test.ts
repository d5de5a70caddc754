// A bare list of flags is read as a paste when six words at least are flags and two words in five (pasted.ts);
// the count stops once that can no longer be reached. Every length, every count of flags and every order: the
// answer is a paste exactly when the rule says so.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { pastedLevelAnswer } from '../../src/core/pasted.js';

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
