// The floor for `ask --json` (ask-json.ts), run as its own process: reads stdin line by line as the
// ask command does and writes, for each line, the next line of a file holding the answers the bot gave
// (the same bytes), in the same pieces (the lines read together written together, with the same
// back-pressure). Argument: that file.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const answers = readFileSync(process.argv[2]!, 'utf8').split('\n');
let i = 0;
let pending = '';
let flushing = false;
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
const flush = (): void => {
  flushing = false;
  if (pending === '') return;
  const chunk = pending;
  pending = '';
  if (!process.stdout.write(chunk)) {
    lines.pause();
    process.stdout.once('drain', () => lines.resume());
  }
};
lines.on('line', () => {
  pending += `${answers[i++]}\n`;
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
});
await once(lines, 'close');
flush();
