// `npm run --silent ask -- [--json] <question>`: one answer, or one answer per stdin line.
// Exit codes: 0 answered, 1 not found (any line, in stdin mode), 2 usage error.
import { pathToFileURL } from 'node:url';
import { ask, setToday, type Answer } from '../../core/index.js';
import { ConfigError, loadToday } from '../../config.js';
import { answerLines } from './answer-lines.js';
import { formatForTerminal } from './format.js';

export { answerLines };

const USAGE = `usage: npm run --silent ask -- [--json] [question...]
  With a question: prints its answer.
  Without one: reads stdin and prints exactly one answer per input line, in order
  (one JSON object per line with --json).
  Exit codes: 0 answered, 1 not found, 2 usage error.`;

export function render(answer: Answer, json: boolean, colour: boolean): string {
  return json ? JSON.stringify(answer) : formatForTerminal(answer, colour);
}

export async function main(argv: string[]): Promise<number> {
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') words.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg.startsWith('--')) {
      process.stderr.write(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    } else words.push(arg);
  }
  const colour = !json && process.stdout.isTTY === true;
  try {
    const day = loadToday(process.env);
    if (day) setToday(day);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 2;
  }

  if (words.length > 0) {
    const answer = ask(words.join(' '));
    process.stdout.write(`${render(answer, json, colour)}\n`);
    return answer.kind === 'not-found' ? 1 : 0;
  }
  if (process.stdin.isTTY) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // one answer per line: in text mode, separate answers with a blank line
  const notFound = await answerLines(process.stdin, process.stdout, (line) => {
    const answer = ask(line);
    return { text: json ? `${render(answer, true, false)}\n` : `${render(answer, false, colour)}\n\n`, notFound: answer.kind === 'not-found' };
  });
  return notFound ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`azlinux-bot: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
