// The local console: the embedded default when no platform is configured. Speaks the chat grammar;
// on a TTY it is interactive, with piped input it answers each line and ends at end of input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Handler, Surface } from '../handler.js';
import { formatForTerminal } from './format.js';

/** Words that end an interactive session (as Ctrl-D does); anywhere else they are just words. */
const QUIT = /^\s*(exit|quit|bye|\\q|:q)\s*$/i;

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** prompt and colour; defaults to whether input and output are TTYs */
  interactive?: boolean;
}

export interface ConsoleSurface extends Surface {
  /** resolves when input ends (or stop() is called) and every answer has been written */
  readonly done: Promise<void>;
}

export function startConsole(handler: Handler, options: ConsoleOptions = {}): ConsoleSurface {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? ((input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  let stopped = false;

  const run = async () => {
    if (interactive) {
      output.write('azlinux-bot — ask about distro upstreams and Azure CPU levels. Type "help"; "exit" or Ctrl-D quits.\n');
      rl.setPrompt('azlinux> ');
      rl.prompt();
    }
    for await (const line of rl) {
      if (stopped) break;
      if (QUIT.test(line)) break;
      if (line.trim()) {
        const answer = await handler({ platform: 'console', userId: 'console', threadKey: 'console', text: line });
        output.write(`${formatForTerminal(answer, interactive)}\n\n`);
      }
      if (interactive) rl.prompt();
    }
  };
  const done = run().finally(() => rl.close());

  return {
    name: 'console',
    done,
    isReady: () => !stopped,
    async stop() {
      stopped = true;
      rl.close();
      await done.catch(() => undefined);
    },
  };
}
