// A writable that keeps what the console writes to it, as text (the console writes whole strings).
import { Writable } from 'node:stream';

export function textSink(): { output: Writable; text: () => string } {
  let written = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  return { output, text: () => written };
}
