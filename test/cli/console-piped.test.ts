// The console with piped input: a line ends at \n, \r\n or \r and at nothing else, however the input is
// cut into chunks; each non-blank line is asked once, as it was written; stop() ends it while it waits.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../src/adapters/cli/console.js';
import { LineSplitter } from '../../src/adapters/cli/input-lines.js';
import { ask } from '../../src/core/index.js';
import type { Handler } from '../../src/ports/index.js';
import { textSink } from './text-sink.js';

/** A piped console whose handler records each question and answers (the core's answer) with its number. */
function piped() {
  const asked: string[] = [];
  const handler: Handler = async (q) => {
    asked.push(q.text);
    return { ...ask(q.text), text: `answer ${asked.length}` };
  };
  const { output, text } = textSink();
  const input = new PassThrough();
  const surface = startConsole(handler, { input, output, interactive: false });
  return { input, surface, asked, written: text };
}

/** Writes each chunk on its own turn of the event loop, as a pipe delivers them, then ends the input. */
async function feed(input: PassThrough, chunks: (string | Buffer)[]): Promise<void> {
  for (const chunk of chunks) {
    input.write(chunk);
    await new Promise((r) => setImmediate(r));
  }
  input.end();
}

// Characters that some line splitters take for a line end (Node 24's readline: U+2028 and U+2029;
// Unicode's NEL; vertical tab, form feed and the file, group and record separators in Python's
// splitlines) but a shell, a terminal and this console do not.
const NOT_LINE_ENDS = ['\u2028', '\u2029', '\u0085', '\v', '\f', '\u001c', '\u001d', '\u001e'];

describe('the piped console', () => {
  it.each(NOT_LINE_ENDS.map((c) => [`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`, c]))(
    'asks a line holding %s once, with the character kept',
    async (_name, c) => {
      const { input, surface, asked, written } = piped();
      input.end(`azl4${c}rhel 10\n`);
      await expect(surface.done).resolves.toBe('end');
      expect(asked).toEqual([`azl4${c}rhel 10`]);
      expect(written()).toBe('answer 1\n\n');
    },
  );

  it('ends a line at \\n, \\r\\n and \\r, skips blank lines, and asks the text after the last line end', async () => {
    const { input, surface, asked, written } = piped();
    input.end('one\ntwo\r\nthree\rfour\n\n \r\n\t\rfive');
    await expect(surface.done).resolves.toBe('end');
    expect(asked).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(written()).toBe('answer 1\n\nanswer 2\n\nanswer 3\n\nanswer 4\n\nanswer 5\n\n');
  });

  it('takes a \\r\\n cut between two chunks as one line end, and a \\r then a later \\r\\n as two', async () => {
    const splitter = new LineSplitter();
    expect([...splitter.push('a\r'), ...splitter.push('\nb\r'), ...splitter.push('\r\n'), ...splitter.push('c'), ...splitter.end()]).toEqual([
      'a',
      'b',
      '',
      'c',
    ]);
    const { input, surface, asked } = piped();
    await feed(input, ['one\r', '\ntwo\r', '\r\nthree']);
    await expect(surface.done).resolves.toBe('end');
    expect(asked).toEqual(['one', 'two', 'three']);
  });

  it('joins a UTF-8 character cut between chunks, and keeps a line that arrives in many chunks whole', async () => {
    const bytes = Buffer.from('Cobalt 100 – ✓ 🙂\nrhel 10', 'utf8');
    const { input, surface, asked } = piped();
    await feed(
      input,
      [...bytes].map((b) => Buffer.from([b])),
    );
    await expect(surface.done).resolves.toBe('end');
    expect(asked).toEqual(['Cobalt 100 – ✓ 🙂', 'rhel 10']);
  });

  it('stops at exit, leaving the rest unread', async () => {
    const { input, surface, asked } = piped();
    input.end('azl4\n EXIT \nrhel 10\n');
    await expect(surface.done).resolves.toBe('exit');
    expect(asked).toEqual(['azl4']);
  });

  it('stop() ends it while it waits for input, after the answers so far', async () => {
    const { input, surface, asked, written } = piped();
    input.write('azl4\nrhel');
    while (written() === '') await new Promise((r) => setImmediate(r));
    await surface.stop();
    await expect(surface.done).resolves.toBe('end');
    expect(surface.isReady()).toBe(false);
    // the unfinished line is not asked: stopping is not the end of the input; what comes after is left unread
    input.write(' 10\nazl3\n');
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual(['azl4']);
    expect(written()).toBe('answer 1\n\n');
    expect(input.readableLength).toBeGreaterThan(0);
  });

  it('reads no further while a question is being answered: a fast writer is held back, not buffered', async () => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    // a writer with 500 KB ready, handing over a line (1 KB) each time the stream asks for more
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i} ${'x'.repeat(1_000 - String(i).length)}`);
    let handedOver = 0;
    const input = new Readable({
      read() {
        this.push(handedOver < lines.length ? `${lines[handedOver++]}\n` : null);
      },
    });
    const surface = startConsole(
      async (q) => {
        asked.push(q.text);
        await held;
        return ask(q.text);
      },
      { input, output: new PassThrough().resume(), interactive: false },
    );
    while (asked.length === 0) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    // while the first line is answered, the console has taken one read's worth, and the stream has
    // buffered its next: at most twice the stream's buffer (16 KB on Node 20, 64 KB on Node 24)
    expect(asked).toEqual([lines[0]]);
    expect(handedOver * 1_006).toBeLessThanOrEqual(2 * input.readableHighWaterMark + 1_006);
    release();
    await expect(surface.done).resolves.toBe('end');
    expect(asked).toEqual(lines);
  });
});
