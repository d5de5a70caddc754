// The floor for `ask --json` (ask-json.ts), run as its own process: reads stdin line by line and, for
// each line, writes the next line of a file holding the answers the bot gave (the same bytes), through
// the ask command's own loop (answerLines: the same batches, encoding and back-pressure). Argument:
// that file.
import { readFileSync } from 'node:fs';
import { answerLines } from '../src/adapters/cli/answer-lines.js';

const answers = readFileSync(process.argv[2]!, 'utf8').split('\n');
let i = 0;
await answerLines(process.stdin, process.stdout, () => ({ text: `${answers[i++]}\n`, notFound: false }));
