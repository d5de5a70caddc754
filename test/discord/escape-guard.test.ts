// Discord escaping returns text with nothing to escape after one scan: on any text it gives exactly
// what discord.js's escaping (with the renderer's options, and the two line starts added by hand) gives.
import { escapeMarkdown as djsEscapeMarkdown } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeMarkdown } from '../../src/adapters/discord/text.js';

const OPTIONS = { inlineCode: false, inlineCodeContent: false, heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;
const reference = (text: string) => djsEscapeMarkdown(text, OPTIONS).replace(/^(\s*)(>|-#)/gm, '$1\\$2');

describe('the guard in escapeMarkdown', () => {
  test('changes nothing: any text, dense in markdown, escapes as discord.js escapes it', () => {
    const piece = fc.constantFrom(
      '*',
      '**',
      '_',
      '__',
      '~~',
      '`',
      '```',
      '|',
      '||',
      '\\',
      '#',
      '# ',
      '## ',
      '- ',
      '* ',
      '+ ',
      '-# ',
      '> ',
      '1. ',
      '12.',
      '[a](http://x)',
      '[',
      ']',
      '(',
      ')',
      'Standard_D4s_v5',
      'x86-64-v3',
      'E5-2680 v4',
      ' ',
      '\n',
      '\n  ',
      '\t',
      'a',
      '9',
      '.',
      ':',
    );
    const text = fc.oneof(
      fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeMarkdown(t)).toBe(reference(t));
      }),
      { numRuns: 4000, seed: 15 },
    );
  });

  test('text with nothing to escape comes back as it is', () => {
    for (const t of ['Standard D4s v5 guarantees x86-64-v4.', 'Azure Linux 4.0 is built from Fedora 43', 'a (b) c: d, e; f', '1 2 3']) {
      expect(escapeMarkdown(t)).toBe(t);
      expect(reference(t)).toBe(t);
    }
  });
});
