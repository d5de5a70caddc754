// EncodedBatch, the byte batches of `npm run ask`'s stdin mode: every text comes out as its UTF-8
// bytes, in order, whatever its characters and size, and bytes handed out are never written again.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { answerLines, BATCH_BYTES, EncodedBatch } from '../../src/adapters/cli/answer-lines.js';

const TEXTS = ['plain ascii\n', 'Latin-1: café, naïve\n', 'dash — bullet • arrow →\n', 'emoji 🐧 and CJK 非法指令\n', '', 'lone surrogate \ud800 end\n'];

describe('EncodedBatch', () => {
  test('each text is its UTF-8 bytes, in order, across takes', () => {
    const batch = new EncodedBatch();
    const taken: Buffer[] = [];
    for (const [i, text] of TEXTS.entries()) {
      batch.add(text);
      if (i % 2 === 1) taken.push(...batch.take());
    }
    taken.push(...batch.take());
    expect(Buffer.concat(taken).equals(Buffer.from(TEXTS.join(''), 'utf8'))).toBe(true);
    expect(batch.empty).toBe(true);
    expect(batch.take()).toEqual([]);
  });

  test('texts larger than a batch buffer, and many that fill several: every byte once, in order', () => {
    const big = `${'é'.repeat(BATCH_BYTES / 2)}—\n`;
    const many = Array.from({ length: 3000 }, (_, i) => `answer ${i}: ${'•'.repeat(i % 300)}\n`);
    const batch = new EncodedBatch();
    batch.add('start\n');
    batch.add(big);
    for (const t of many) batch.add(t);
    const pieces = batch.take();
    expect(pieces.length).toBeGreaterThan(2);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(`start\n${big}${many.join('')}`);
  });

  test('bytes handed out keep their content while more is added', () => {
    const batch = new EncodedBatch();
    batch.add('first answer\n');
    const [first] = batch.take();
    const copy = Buffer.from(first!);
    for (let i = 0; i < 2000; i++) batch.add(`later ${i} ${'x'.repeat(i % 700)}\n`);
    batch.take();
    expect(first!.equals(copy)).toBe(true);
  });
});

describe('answerLines with characters beyond ASCII', () => {
  test('a chunk of lines whose answers hold any characters: the exact UTF-8 bytes', async () => {
    const input = new PassThrough();
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const done = answerLines(input, out, (line) => ({ text: `${TEXTS[Number(line) % TEXTS.length]}|${line}\n`, notFound: false }));
    const lines = Array.from({ length: 600 }, (_, i) => String(i));
    input.end(`${lines.join('\n')}\n`);
    await done;
    // compared as bytes: a lone surrogate is written as U+FFFD, as Buffer.from writes it
    expect(Buffer.concat(chunks).equals(Buffer.from(lines.map((l) => `${TEXTS[Number(l) % TEXTS.length]}|${l}\n`).join(''), 'utf8'))).toBe(true);
  });
});
