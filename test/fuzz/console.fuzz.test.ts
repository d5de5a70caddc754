// The console's line handling: any bytes on stdin -> one bounded answer per non-blank line, written in
// order, and the console ends at end of input.
import { PassThrough, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { ask } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { startConsole } from '../../src/adapters/cli/console.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { questionText } from './arbitraries.js';
import { expectAnswer, within } from './checks.js';

describe('console line handling under arbitrary input', () => {
  it('answers every line it reads, in order, and finishes at end of input', async () => {
    const store = new MemoryStore();
    const handler = createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 10, windowSeconds: 60 } });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(questionText, { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), async (lines, eol, trailing) => {
          const answers: Answer[] = [];
          const questions: string[] = [];
          const recording = async (q: Parameters<typeof handler>[0]) => {
            questions.push(q.text);
            const a = await handler(q);
            answers.push(a);
            return a;
          };
          let written = '';
          const output = new Writable({
            write(chunk: Buffer, _enc, done) {
              written += chunk.toString('utf8');
              done();
            },
          });
          const input = new PassThrough();
          const surface = startConsole(recording, { input, output, interactive: false });
          input.end(lines.join(eol) + (trailing ? eol : ''));
          await within(5_000, 'the console', () => surface.done);

          for (const a of answers) expectAnswer(a as unknown as Record<string, unknown>);
          for (const q of questions) {
            expect(q.trim()).not.toBe('');
            expect(q).not.toMatch(/[\r\n]/);
          }
          expect(questions.length).toBeLessThanOrEqual(lines.join(eol).split(/\r\n|\r|\n/).length);
          expect(written).toBe(answers.map((a) => `${a.text}\n\n`).join(''));
          expect(surface.isReady()).toBe(true);
        }),
        { numRuns: 150 },
      );
    } finally {
      await store.close();
    }
  });
});
