// The stdin mode of `npm run ask`, without the core: one answer per input line, in order, encoded and
// written in batches. bench/ask-floor.ts runs this same loop with the answers given, as the floor.
import type { Readable, Writable } from 'node:stream';
import { LineSplitter } from './input-lines.js';

/** Room for a new batch buffer, bytes; a larger answer gets a buffer of its own size. */
export const BATCH_BYTES = 1 << 20;

/**
 * Text encoded as UTF-8 into large buffers as it comes, each piece once, and taken out as the bytes
 * added since the last take. Encoding each answer on its own keeps the one-byte answers on V8's fast
 * path; joining them into one string first made the whole batch two-byte as soon as one answer held a
 * character beyond Latin-1 (a dash, a bullet), and then copied it once more to encode it.
 * A buffer handed out is never written again: the next bytes go after it.
 */
export class EncodedBatch {
  private buffer = Buffer.allocUnsafe(0);
  /** where the bytes not yet taken start, and where the next ones go */
  private start = 0;
  private used = 0;
  private readonly full: Buffer[] = [];

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 for 2)
    const room = text.length * 3;
    if (this.used + room > this.buffer.length) {
      if (this.used > this.start) this.full.push(this.buffer.subarray(this.start, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(BATCH_BYTES, room));
      this.start = this.used = 0;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  get empty(): boolean {
    return this.full.length === 0 && this.used === this.start;
  }

  /** the bytes added since the last take, in order (one buffer unless a buffer filled up) */
  take(): Buffer[] {
    const out = this.full.splice(0);
    if (this.used > this.start) out.push(this.buffer.subarray(this.start, this.used));
    this.start = this.used;
    return out;
  }
}

/**
 * Answers every line of `input` on `output`, in order; true when any answer was not-found. A line ends
 * at \n, \r\n or \r (input-lines.ts, as the console reads them: not readline, which on Node 24 also
 * ends a line at U+2028 and U+2029). The lines that arrive together (a piped file: a chunk of them)
 * are answered together and written together (one write per megabyte or so), once the chunk is read:
 * a write per line cost more than the answers. A line that arrives alone (someone typing, a script
 * waiting for each answer) is written as soon as it is answered.
 */
export async function answerLines(input: Readable, output: Writable, answer: (line: string) => { text: string; notFound: boolean }): Promise<boolean> {
  let notFound = false;
  const pending = new EncodedBatch();
  const split = new LineSplitter();
  let flushing = false;
  const answerAll = (lines: string[]): void => {
    for (const line of lines) {
      const a = answer(line);
      if (a.notFound) notFound = true;
      pending.add(a.text);
    }
  };
  const flush = (): void => {
    flushing = false;
    if (pending.empty) return;
    let ok = true;
    for (const bytes of pending.take()) ok = output.write(bytes);
    if (!ok && !input.readableEnded) {
      input.pause();
      output.once('drain', () => input.resume());
    }
  };
  const ended = new Promise<void>((resolve, reject) => {
    input.once('end', resolve);
    input.once('close', resolve);
    input.once('error', reject);
  });
  input.on('data', (chunk: Buffer | string) => {
    answerAll(split.push(chunk));
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  });
  await ended;
  answerAll(split.end());
  flush();
  return notFound;
}
