// The console's line handling: any bytes on stdin, cut into chunks anywhere -> one bounded answer per
// non-blank line (a line ends at \n, \r\n or \r, and at nothing else), written in order, and the console
// ends at end of input.
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { ask } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { QUIT_WORDS, startConsole } from '../../src/adapters/cli/console.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { questionText } from './arbitraries.js';
import { expectAnswer, within } from './checks.js';
import { textSink } from '../cli/text-sink.js';

// Characters some line splitters end a line at and this console does not (Node 24's readline splits at
// U+2028 and U+2029): mixed in often, since the fuzzer's own text holds them rarely.
const notLineEnd = fc.constantFrom('\u2028', '\u2029', '\u0085', '\v', '\f', '\u001c', '\u001d', '\u001e');
const consoleLine = fc.oneof(
  { weight: 3, arbitrary: questionText },
  { weight: 1, arbitrary: fc.array(fc.oneof(questionText, notLineEnd), { maxLength: 5 }).map((parts) => parts.join('')) },
);

/** The questions the console must ask for `text`: its non-blank lines, up to a quit word. */
function expectedQuestions(text: string): string[] {
  const questions: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (QUIT_WORDS.has(line.trim().toLowerCase())) break;
    if (line.trim()) questions.push(line);
  }
  return questions;
}

/** `bytes` cut at the given offsets (taken modulo its length), in order. */
function cut(bytes: Buffer, offsets: number[]): Buffer[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length)).filter((b) => b.length > 0);
}

describe('console line handling under arbitrary input', () => {
  it('answers every line it reads, in order, and finishes at end of input', async () => {
    const store = new MemoryStore();
    const handler = createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 10, windowSeconds: 60 } });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(consoleLine, { maxLength: 8 }),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.boolean(),
          fc.array(fc.nat(), { maxLength: 6 }),
          async (lines, eol, trailing, cuts) => {
            const answers: Answer[] = [];
            const questions: string[] = [];
            const recording = async (q: Parameters<typeof handler>[0]) => {
              questions.push(q.text);
              const a = await handler(q);
              answers.push(a);
              return a;
            };
            const { output, text: written } = textSink();
            const input = new PassThrough();
            const surface = startConsole(recording, { input, output, interactive: false });
            const text = lines.join(eol) + (trailing ? eol : '');
            // as a pipe delivers it: chunks cut anywhere (inside a \r\n, inside a UTF-8 character), each on its own turn
            for (const chunk of cut(Buffer.from(text, 'utf8'), cuts)) {
              input.write(chunk);
              await new Promise((r) => setImmediate(r));
            }
            input.end();
            await within(5_000, 'the console', () => surface.done);

            for (const a of answers) expectAnswer(a as unknown as Record<string, unknown>);
            for (const q of questions) {
              expect(q.trim()).not.toBe('');
              expect(q).not.toMatch(/[\r\n]/);
            }
            expect(questions.length).toBeLessThanOrEqual(lines.join(eol).split(/\r\n|\r|\n/).length);
            // each non-blank line asked once, whole, in order (UTF-8 round trip: lone surrogates arrive as U+FFFD)
            expect(questions).toEqual(expectedQuestions(Buffer.from(text, 'utf8').toString('utf8')));
            expect(written()).toBe(answers.map((a) => `${a.text}\n\n`).join(''));
            expect(surface.isReady()).toBe(true);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      await store.close();
    }
  });
});
