// The floor for `ask --json` (ask-json.ts), run as its own process: reads stdin line by line as the
// ask command does and writes, for each line, the next line of a file holding the answers the bot gave
// (the same bytes), with the same back-pressure. Argument: that file.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const answers = readFileSync(process.argv[2]!, 'utf8').split('\n');
let i = 0;
for await (const _line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const ok = process.stdout.write(`${answers[i++]}\n`);
  if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
