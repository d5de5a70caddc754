// Lines of piped input as a shell counts them: a line ends at \n, \r\n or \r, and nothing else. Node's
// readline cannot be used for this: from Node 24 it also ends a line at U+2028 and U+2029 (Node 20's
// does not), so one line holding either character was read as two questions on Node 24 only.
import { on } from 'node:events';
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
 * The lines of `input`, one chunk at a time: the input is paused while a chunk's lines are used, so a
 * slow reader holds back a fast writer. Ends at the end of input (or its close without one), or
 * quietly when `signal` aborts; leaving early leaves the input paused, as readline's close() did.
 */
export async function* inputLines(input: Readable, signal: AbortSignal): AsyncGenerator<string> {
  const split = new LineSplitter();
  const chunks = on(input, 'data', { close: ['end', 'close'], signal });
  input.resume();
  try {
    for await (const [chunk] of chunks) {
      input.pause();
      yield* split.push(chunk as Buffer | string);
      input.resume();
    }
  } catch (err) {
    if (signal.aborted) return;
    throw err;
  }
  yield* split.end();
}
