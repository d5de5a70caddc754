// Running the real entry point (src/main.ts through tsx, so no build is needed) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MAIN = 'src/main.ts';

export interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Date.now() when the process exited */
  at: number;
}

export interface Spawned {
  child: ChildProcess;
  exited: Promise<Exited>;
  stdout: () => string;
  stderr: () => string;
}

/** Only PATH and what the test passes: no developer variables leak in. */
export function spawnMain(env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<Exited>((resolve) => {
    child.once('exit', (code, signal) => {
      const at = Date.now();
      // let the pipes flush their last bytes
      setTimeout(() => resolve({ code, signal, stdout, stderr, at }), 50);
    });
  });
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Kill a child that a failed test left running. */
export function reap(spawned: Spawned | undefined): void {
  if (spawned && spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill('SIGKILL');
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
