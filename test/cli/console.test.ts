// The interactive console, as a terminal drives it (readline in terminal mode over streams): `exit` and
// `quit`, Ctrl-C ending with 130, history kept across runs in a bounded file, Tab completing from the
// core's completer. And, through the service's run(), the exit code a shell sees.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleCompleter, historyPath, startConsole, type ConsoleEnd } from '../../src/adapters/cli/console.js';
import type { Handler } from '../../src/ports/index.js';
import { ask, complete } from '../../src/core/index.js';
import { run, type ProcessLike } from '../../src/service/run.js';
import { textSink } from './text-sink.js';
import { waitUntil } from '../support/wait-until.js';

const dir = mkdtempSync(join(tmpdir(), 'azlinux-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const handler: Handler = async (q) => ask(q.text);

/** A terminal: keystrokes in, everything readline and the console write out. */
function terminal() {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (b: boolean) => void };
  const { output: sink, text } = textSink();
  const output = sink as Writable & { isTTY?: boolean; columns?: number };
  output.columns = 120;
  return { input, output, text };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the interactive console', () => {
  it.each(['exit', 'quit', ' QUIT '])('"%s" ends the session (end: exit), after answering what came before', async (word) => {
    const t = terminal();
    const surface = startConsole(handler, { input: t.input, output: t.output, interactive: true, historyFile: null });
    t.input.write('/cpulevel d4s v5\r');
    await settle();
    t.input.write(`${word}\r`);
    await expect(surface.done).resolves.toBe('exit' satisfies ConsoleEnd);
    expect(t.text()).toContain('Standard_D4s_v5 guarantees x86-64-v4');
  });

  it('Ctrl-C ends it as interrupted; through run() the process exits 130', async () => {
    const t = terminal();
    const surface = startConsole(handler, { input: t.input, output: t.output, interactive: true, historyFile: null });
    t.input.write('\x03');
    await expect(surface.done).resolves.toBe('interrupt' satisfies ConsoleEnd);

    const t2 = terminal();
    const proc: ProcessLike = {
      on: () => proc,
      exit: ((c: number) => {
        throw new Error(`exit ${c}`);
      }) as ProcessLike['exit'],
      stderr: { write: () => true },
    };
    const code = run({ AZLINUX_HISTORY: 'off' }, proc, {
      stdin: t2.input,
      stdout: t2.output,
      stdinKind: 'tty',
      interactive: true,
      logDestination: { write: () => undefined } as never,
    });
    await settle();
    t2.input.write('\x03');
    await expect(code).resolves.toBe(130);
  });

  it('a piped console (no terminal) that runs out of input exits 0', async () => {
    const t = terminal();
    const proc: ProcessLike = {
      on: () => proc,
      exit: ((c: number) => {
        throw new Error(`exit ${c}`);
      }) as ProcessLike['exit'],
      stderr: { write: () => true },
    };
    const code = run({}, proc, { stdin: t.input, stdout: t.output, stdinKind: 'pipe', logDestination: { write: () => undefined } as never });
    t.input.end('azl4\n');
    await expect(code).resolves.toBe(0);
    expect(t.text()).toContain('Azure Linux 4.0');
  });

  it('keeps history across runs in its file, newest last, bounded, without duplicates; offers it with the up arrow', async () => {
    const file = join(dir, 'state', 'azlinux', 'history');
    const first = terminal();
    const one = startConsole(handler, { input: first.input, output: first.output, interactive: true, historyFile: file, historySize: 3 });
    for (const line of ['azl4', '/cpulevel d2s v3', 'azl4', 'dsv5 vs dasv5', 'what is mariner called now']) {
      first.input.write(`${line}\r`);
      await settle();
    }
    first.input.write('exit\r');
    await one.done;
    // the last three distinct lines, oldest first (the repeated azl4 moved up, then fell off the end)
    expect(readFileSync(file, 'utf8')).toBe('dsv5 vs dasv5\nwhat is mariner called now\nexit\n');

    // The next run starts with that history: up twice brings back the last question, Enter asks it again.
    const second = terminal();
    const asked: string[] = [];
    const two = startConsole(async (q) => (asked.push(q.text), ask(q.text)), {
      input: second.input,
      output: second.output,
      interactive: true,
      historyFile: file,
    });
    second.input.write('\x1b[A\x1b[A\r');
    await settle();
    second.input.write('quit\r');
    await two.done;
    expect(asked).toEqual(['what is mariner called now']);
  });

  it('Tab completes the last word from the core completer, and commands on an empty line', async () => {
    const t = terminal();
    const surface = startConsole(handler, { input: t.input, output: t.output, interactive: true, historyFile: null, complete });
    t.input.write('can I run rhel 10 on d4s\t'); // the first Tab completes what all the candidates share
    await waitUntil(() => t.text().includes('azlinux> can I run rhel 10 on Standard_D4s_v'), 10_000, 'the first Tab');
    t.input.write('\t'); // the second lists them
    await waitUntil(() => t.text().includes('can I run rhel 10 on Standard_D4s_v5'), 10_000, 'the second Tab');
    t.input.write('\x15exit\r'); // Ctrl-U clears the line
    await surface.done;

    const [hits, typed] = consoleCompleter(complete)('/cpu');
    expect([hits, typed]).toEqual([['/cpulevel ', '/cpulevel flags ', '/cpulevel help'], '/cpu']);
    expect(consoleCompleter(complete)('lineage of alm')[0]).toContain('lineage of almalinux');
    expect(consoleCompleter(undefined)('lineage of alm')[0]).toEqual([]);
  });

  it.each([
    ['U+2028', 'can I run rhel 10\u2028on a D2s v3?'],
    ['U+2029', '/azlinux compat d2s v3\u2029rhel 10'],
  ])('a question typed or pasted with %s in it is one question, ended by Enter alone', async (_name, question) => {
    // Node 24's readline ends a line at U+2028 and U+2029 on a terminal, as at Enter (Node 20's does not)
    const t = terminal();
    const asked: string[] = [];
    const surface = startConsole(async (q) => (asked.push(q.text), ask(q.text)), { input: t.input, output: t.output, interactive: true, historyFile: null });
    t.input.write(`${question}\r`);
    t.input.write('exit\r');
    await expect(surface.done).resolves.toBe('exit');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.split(/\s+/)).toEqual(question.split(/\s+/)); // JavaScript's \s: both separators are white space
    expect(t.text()).toContain('Red Hat Enterprise Linux 10 on Standard_D2s_v3'); // the verdict asked for, not two halves
  });

  it('an unwritable history file costs the history, not the session', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const t = terminal();
    const surface = startConsole(handler, { input: t.input, output: t.output, interactive: true, historyFile: join(blocker, 'history') });
    t.input.write('azl4\r');
    await settle();
    t.input.write('exit\r');
    await expect(surface.done).resolves.toBe('exit');
    expect(t.text()).toContain('Azure Linux 4.0');
  });

  it('history lives in $XDG_STATE_HOME/azlinux/history, else ~/.azlinux_history', () => {
    expect(historyPath({ XDG_STATE_HOME: '/s', HOME: '/h' })).toBe('/s/azlinux/history');
    expect(historyPath({ HOME: '/h' })).toBe('/h/.azlinux_history');
  });
});
