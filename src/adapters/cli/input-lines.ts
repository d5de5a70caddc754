// Lines of piped input as a shell counts them: a line ends at \n, \r\n or \r, and nothing else. Node's
// readline cannot be used for this: from Node 24 it also ends a line at U+2028 and U+2029 (Node 20's
// does not), so one line holding either character was read as two questions on Node 24 only.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const LINE_END = /\r\n|\r|\n/;

/**
 * Cuts text that arrives in chunks into lines. A \r\n split between two chunks is one line end, a
 * UTF-8 character split between two chunks is one character, and what follows the last line end is
 * the last line when the input ends.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  /** the text after the last line end */
  private partial = '';
  /** the last chunk ended with \r: a \n starting the next one is the same line end */
  private afterReturn = false;

  /** The lines this chunk completes, in order. */
  push(chunk: Buffer | string): string[] {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text === '') return [];
    if (this.afterReturn && text.charCodeAt(0) === 10) text = text.slice(1);
    this.afterReturn = text.endsWith('\r');
    // only the new text is searched: a long line arriving in many chunks is not scanned again each time
    const lines = text.split(LINE_END);
    lines[0] = this.partial + lines[0];
    this.partial = lines.pop() as string;
    return lines;
  }

  /** The last line, when the input ended after text without a line end. */
  end(): string[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest === '' ? [] : [rest];
  }
}

/**
 * The lines of `input`, read a chunk at a time and only when the last chunk's lines have been used:
 * a slow reader holds back a fast writer instead of buffering its input. Ends at the end of input (or
 * its close without one); throws the input's error; ends quietly, leaving the rest unread, when
 * `signal` aborts.
 */
export async function* inputLines(input: Readable, signal: AbortSignal): AsyncGenerator<string> {
  const split = new LineSplitter();
  while (!signal.aborted) {
    const chunk: Buffer | string | null = input.read();
    if (chunk !== null) yield* split.push(chunk);
    else if (input.readableEnded || input.destroyed) break;
    else await nextEvent(input, signal);
  }
  if (input.errored) throw input.errored;
  if (!signal.aborted) yield* split.end();
}

/** Resolves when `input` has more to read, ends or closes, or `signal` aborts; rejects with its error. */
function nextEvent(input: Readable, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: unknown): void => {
      for (const event of ['readable', 'end', 'close', 'error']) input.off(event, settle);
      signal.removeEventListener('abort', wake);
      if (err) reject(err);
      else resolve();
    };
    const wake = (): void => settle();
    for (const event of ['readable', 'end', 'close', 'error']) input.on(event, settle);
    signal.addEventListener('abort', wake);
  });
}
