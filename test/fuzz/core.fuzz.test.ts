// The core's ask(): any text, any thread context -> a bounded, non-empty answer, quickly, never a ping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { contextArb, questionText } from './arbitraries.js';
import { BROADCAST, expectAnswer } from './checks.js';

describe('core ask() under arbitrary input', () => {
  it('answers anything with the bounded contract, without throwing or pinging', () => {
    ask('warm up');
    fc.assert(
      fc.property(questionText, fc.option(contextArb, { nil: undefined }), (text, context) => {
        const started = performance.now();
        const answer = ask(text, context);
        expect(performance.now() - started).toBeLessThan(1_000);
        expectAnswer(answer as unknown as Record<string, unknown>);
        expect(answer.text).not.toMatch(BROADCAST);
        expect(answer.query.length).toBeLessThanOrEqual(2_000);
      }),
      // Names that live on Object.prototype are the classic way a lookup table answers what it should not.
      {
        numRuns: 300,
        examples: [
          ['constructor', undefined],
          ['__proto__', undefined],
          ['/cpulevel toString', undefined],
          ['hasOwnProperty', { size: '__proto__' }],
          // Broadcast syntax typed by a user must not come back verbatim (integrations post `text` as-is).
          ['/azlinux <!everyone>', undefined],
          ['/cpulevel @here', undefined],
          ['<!channel> Standard_D4s_v5', undefined],
        ],
      },
    );
  });
});
