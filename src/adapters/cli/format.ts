// Terminal rendering: the core's plain text, with a bold title and dim sources when writing to a TTY.
import type { Answer } from '../../core/index.js';

export function formatForTerminal(answer: Answer, colour: boolean): string {
  if (!colour) return answer.text;
  const [title = '', ...rest] = answer.text.split('\n');
  const body = rest
    .map((line) => (/^(Sources|Caveats):$/.test(line) ? `\x1b[1m${line}\x1b[0m` : line.startsWith('  - http') ? `\x1b[2m${line}\x1b[0m` : line))
    .join('\n');
  return `\x1b[1m${title}\x1b[0m\n${body}`;
}
