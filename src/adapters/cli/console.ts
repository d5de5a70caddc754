// The local console: the embedded default when no platform is configured. Speaks the chat grammar;
// on a TTY it is interactive (prompt, Tab completion, history kept across runs, `exit`/`quit`, Ctrl-C
// ends it with 130 like a shell), with piped input it answers each line (ended by \n, \r\n or \r:
// input-lines.ts) and ends at end of input.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface, type Completer, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { questionCompletions, type CompleteFn } from '../complete-question.js';
import type { Handler, Surface } from '../../ports/index.js';
import { formatForTerminal } from './format.js';
import { inputLines } from './input-lines.js';

export interface ConsoleOptions {
  input?: Readable;
  output?: Writable;
  /** prompt and colour; defaults to whether input and output are TTYs */
  interactive?: boolean;
  /** Tab completion (interactive only): the core's completer */
  complete?: CompleteFn;
  /** where history is kept between runs (interactive only); null: not kept. Default: historyPath(process.env) */
  historyFile?: string | null;
  /** lines of history kept (default 500) */
  historySize?: number;
}

/** How the console ended: input ran out, `exit`/`quit`, or Ctrl-C. */
export type ConsoleEnd = 'end' | 'exit' | 'interrupt';

export interface ConsoleSurface extends Surface {
  /** resolves when input ends (or stop() is called) and every answer has been written */
  readonly done: Promise<ConsoleEnd>;
}

/** A line that is one of these (trimmed, any case) ends the console. */
export const QUIT_WORDS: ReadonlySet<string> = new Set(['exit', 'quit', ':q', '/exit', '/quit']);
/** What Tab offers on an empty line or a lone "/". */
const STARTERS = [
  '/azlinux upstream',
  '/azlinux releases',
  '/azlinux lineage ',
  '/azlinux compat ',
  '/azlinux help',
  '/cpulevel ',
  '/cpulevel flags ',
  '/cpulevel help',
  'exit',
];

/** $XDG_STATE_HOME/azlinux/history when XDG_STATE_HOME is set, else ~/.azlinux_history. */
export function historyPath(env: Record<string, string | undefined>): string {
  const state = env['XDG_STATE_HOME'];
  return state ? join(state, 'azlinux', 'history') : join(env['HOME'] || homedir(), '.azlinux_history');
}

function loadHistory(file: string | null, size: number): string[] {
  if (file === null) return [];
  try {
    // the file is oldest first (readable, appendable); readline wants newest first
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-size)
      .reverse();
  } catch {
    return [];
  }
}

function saveHistory(file: string | null, history: readonly string[]): void {
  if (file === null) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().join('\n')}\n`, { mode: 0o600 });
  } catch {
    // history is a convenience: an unwritable file costs it, never the session
  }
}

/** Tab: the commands on an empty line or a "/" word, else the last word as a size, distro or CPU. */
export function consoleCompleter(complete: CompleteFn | undefined): Completer {
  return (line: string) => {
    if (line.trim() === '' || /^\/\S*$/.test(line)) {
      return [STARTERS.filter((s) => s.startsWith(line.trimStart())), line.trimStart()];
    }
    return [complete ? questionCompletions(line, complete) : [], line];
  };
}

/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR */
const SEPARATOR = /[\u2028\u2029]/;
const SEPARATORS = new RegExp(SEPARATOR.source, 'g');

/**
 * A line ends at Enter, as in the piped console (input-lines.ts). From Node 24 readline also ends one at
 * U+2028 and U+2029 typed or pasted on a terminal (Node 20's inserts them), so a pasted question holding
 * one was asked as two: each is handed on as a space (JavaScript's \s counts both as white space, so the
 * question reads the same). readline passes every keypress to the interface's _ttyWrite (its internal
 * kTtyWrite reads that property, Node 20 to 24).
 */
function oneLinePerEnter(rl: Interface): void {
  const tty = rl as Interface & { _ttyWrite?: (s: string | undefined, key: { sequence?: string } | undefined) => void };
  const write = tty._ttyWrite;
  if (typeof write !== 'function') return;
  tty._ttyWrite = function (s, key) {
    if (typeof s !== 'string' || !SEPARATOR.test(s)) return write.call(this, s, key);
    const spaced = s.replace(SEPARATORS, ' ');
    return write.call(this, spaced, key && { ...key, sequence: key.sequence?.replace(SEPARATORS, ' ') });
  };
}

/**
 * The console as one object with explicit state: open --stop()--> stopped. `done` resolves with how
 * the reading ended (end of input, `exit`, Ctrl-C, stop()) once every answer has been written.
 */
class TerminalConsole implements ConsoleSurface {
  readonly name = 'console';
  readonly done: Promise<ConsoleEnd>;
  private state: 'open' | 'stopped' = 'open';
  private end: ConsoleEnd = 'end';
  /** readline, for the terminal's line editing (interactive only) */
  private readonly rl: Interface | undefined;
  /** the lines to answer: readline's on a terminal, else the piped input's (input-lines.ts) */
  private readonly lines: AsyncIterable<string>;
  private readonly stopping = new AbortController();
  private readonly interactive: boolean;
  private readonly output: Writable;

  constructor(
    private readonly handler: Handler,
    options: ConsoleOptions,
  ) {
    const input = options.input ?? process.stdin;
    const output = (this.output = options.output ?? process.stdout);
    const interactive = (this.interactive =
      options.interactive ?? ((input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true));
    const historySize = options.historySize ?? 500;
    if (interactive) {
      const historyFile = options.historyFile === undefined ? historyPath(process.env) : options.historyFile;
      const rl = createInterface({
        input,
        output,
        terminal: true,
        crlfDelay: Infinity,
        completer: consoleCompleter(options.complete),
        history: loadHistory(historyFile, historySize),
        historySize,
        removeHistoryDuplicates: true,
      });
      oneLinePerEnter(rl);
      rl.on('history', (history: string[]) => saveHistory(historyFile, history));
      // Raw mode turns Ctrl-C into this event instead of a signal: end like an interrupted shell command.
      rl.on('SIGINT', () => {
        this.end = 'interrupt';
        output.write('\n');
        rl.close();
      });
      this.rl = this.lines = rl;
    } else {
      this.lines = inputLines(input, this.stopping.signal);
    }
    this.done = this.read().finally(() => this.rl?.close());
  }

  private async read(): Promise<ConsoleEnd> {
    const { rl, output } = this;
    if (rl) {
      output.write('azlinux-bot — ask about distro upstreams and Azure CPU levels. Type "help"; Tab completes; "exit" or Ctrl-D quits.\n');
      rl.setPrompt('azlinux> ');
      rl.prompt();
    }
    for await (const line of this.lines) {
      if (this.state === 'stopped') break;
      if (QUIT_WORDS.has(line.trim().toLowerCase())) {
        this.end = 'exit';
        break;
      }
      if (line.trim()) {
        const answer = await this.handler({ platform: 'console', userId: 'console', threadKey: 'console', text: line });
        output.write(`${formatForTerminal(answer, this.interactive)}\n\n`);
      }
      rl?.prompt();
    }
    return this.end;
  }

  isReady(): boolean {
    return this.state === 'open';
  }

  async stop(): Promise<void> {
    this.state = 'stopped';
    this.stopping.abort();
    this.rl?.close();
    await this.done.catch(() => undefined);
  }
}

export function startConsole(handler: Handler, options: ConsoleOptions = {}): ConsoleSurface {
  return new TerminalConsole(handler, options);
}
