// The console ends on "exit" or "quit" typed alone on a line (as Ctrl-D does), answering what came before.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { startConsole } from '../../src/adapters/cli/console.js';
import type { Question } from '../../src/adapters/handler.js';
import { ask } from '../../src/core/index.js';

async function run(lines: string[]): Promise<{ asked: string[]; written: string }> {
  const asked: string[] = [];
  let written = '';
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  const input = new PassThrough();
  const surface = startConsole(async (q: Question) => (asked.push(q.text), ask(q.text)), { input, output, interactive: false });
  input.write(lines.join('\n') + '\n'); // left open: only the quit word can end the session
  await surface.done;
  input.destroy();
  return { asked, written };
}

describe('console quit words', () => {
  test.each(['exit', 'quit', 'EXIT', '  quit  ', 'bye'])('%j ends the session after the lines before it', async (word) => {
    const { asked, written } = await run(['/cpulevel Standard_D4s_v5', word, '/azlinux releases']);
    expect(asked).toEqual(['/cpulevel Standard_D4s_v5']);
    expect(written).toContain('Standard_D4s_v5');
    expect(written).not.toContain('Azure Linux 4.0');
  });

  test('inside a sentence they are ordinary words', async () => {
    const input = new PassThrough();
    const asked: string[] = [];
    const surface = startConsole(async (q: Question) => (asked.push(q.text), ask(q.text)), { input, output: new PassThrough(), interactive: false });
    input.end('why does rocky 10 quit with illegal instruction\nexit now\n');
    await surface.done;
    expect(asked).toEqual(['why does rocky 10 quit with illegal instruction', 'exit now']);
  });
});
