// answerLines(), the stdin mode of `npm run ask`: lines read together are answered together and
// written in one piece; a line that arrives alone is answered before the next one is read; every
// answer comes out once, in order, whatever the output's back-pressure.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { answerLines } from '../../src/adapters/cli/ask.js';

const echo = (line: string) => ({ text: `<${line}>\n`, notFound: line === 'missing' });

function recorder(highWaterMark = 16_384, slow = false): { out: Writable; writes: string[] } {
  const writes: string[] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      writes.push(chunk.toString());
      if (slow) setTimeout(done, 1);
      else done();
    },
  });
  return { out, writes };
}

describe('answerLines', () => {
  test('a chunk of lines: one write holding every answer, in order', async () => {
    const input = new PassThrough();
    const { out, writes } = recorder();
    const done = answerLines(input, out, echo);
    input.end('a\nb\n\nc\n');
    expect(await done).toBe(false);
    expect(writes).toEqual(['<a>\n<b>\n<>\n<c>\n']);
  });

  test('a line on its own is answered before the next one arrives; not-found is reported', async () => {
    const input = new PassThrough();
    const { out, writes } = recorder();
    const done = answerLines(input, out, echo);
    input.write('first\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toEqual(['<first>\n']);
    input.write('missing\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toEqual(['<first>\n', '<missing>\n']);
    input.end('last');
    expect(await done).toBe(true);
    expect(writes.join('')).toBe('<first>\n<missing>\n<last>\n');
  });

  test('a slow output with a small buffer still gets every answer once, in order', async () => {
    const input = new PassThrough();
    const { out, writes } = recorder(8, true);
    const done = answerLines(input, out, echo);
    const lines = Array.from({ length: 300 }, (_, i) => `q${i}`);
    for (let i = 0; i < lines.length; i += 50) input.write(`${lines.slice(i, i + 50).join('\n')}\n`);
    input.end();
    await done;
    await new Promise<void>((resolve) => out.end(resolve));
    expect(writes.join('')).toBe(lines.map((l) => `<${l}>\n`).join(''));
  });

  test('a line ends at \n, \r\n or \r only: U+2028 and U+2029 stay inside their line on every Node', async () => {
    const input = new PassThrough();
    const { out, writes } = recorder();
    const done = answerLines(input, out, echo);
    // a \r\n and a UTF-8 character each cut between two chunks
    const bytes = Buffer.from('a\u2028b\r\nc\u2029d\re→f\r\ng', 'utf8');
    const cuts = [bytes.indexOf(0x0d) + 1, bytes.lastIndexOf(0xe2) + 1];
    input.write(bytes.subarray(0, cuts[0]));
    input.write(bytes.subarray(cuts[0], cuts[1]));
    input.end(bytes.subarray(cuts[1]));
    await done;
    expect(writes.join('')).toBe('<a\u2028b>\n<c\u2029d>\n<e→f>\n<g>\n');
  });
});
