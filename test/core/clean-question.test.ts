// askWith skips cleanInput's Unicode work for a question in printable ASCII: the text must come out the same.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanQuestion } from '../../src/core/ask.js';
import { cleanInput, MAX_INPUT } from '../../src/core/text.js';

describe('cleanQuestion is cleanInput', () => {
  test('for any ASCII or Unicode text', () => {
    for (const unit of ['binary-ascii', 'grapheme-ascii', 'binary', 'grapheme'] as const)
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 80 }), (s) => {
          expect(cleanQuestion(s)).toBe(cleanInput(s));
        }),
        { numRuns: 500 },
      );
  });

  test('at the edges: spaces, tabs, carriage returns, DEL, full-width letters and text past the limit', () => {
    const cases = [
      '  /cpulevel D4s_v5  ',
      '\t/cpulevel D4s_v5\t',
      '/cpulevel\rD4s_v5',
      'a\u007fb',
      '/cpulevel Ｄ４ｓ_ｖ５',
      'x'.repeat(MAX_INPUT + 10),
      ` ${'y'.repeat(MAX_INPUT)} `,
      '',
    ];
    for (const s of cases) expect(cleanQuestion(s), JSON.stringify(s.slice(0, 30))).toBe(cleanInput(s));
    // the shortcut is taken only where it may be: printable ASCII within the limit
    expect(cleanQuestion('/cpulevel\rD4s_v5')).toBe('/cpulevel D4s_v5');
  });
});
