// Starts a real redis-server on a free loopback port for one test file, with persistence off, and
// stops it afterwards. Tests using it need the Debian package redis-server (.ci/run installs it).
// Where there is none on the PATH they are skipped, with one printed line (test/setup/redis-notice.ts),
// unless AZLINUX_REQUIRE_REDIS=1 (set by .ci/run), which makes a missing server a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createServer } from 'node:net';

/** The variable that turns a missing redis-server from a skip into a failure (CI sets it). */
export const REQUIRE_REDIS_VAR = 'AZLINUX_REQUIRE_REDIS';

/** The redis-server executable on the PATH, or null. */
export function findRedisServer(path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, 'redis-server');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Whether the Redis tests run: a server is on the PATH, or CI demands them (and then fails without one). */
export function redisTestsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return findRedisServer(env.PATH) !== null || env[REQUIRE_REDIS_VAR] === '1';
}

/** The one line printed when the Redis tests are skipped. */
export const REDIS_SKIP_NOTICE = `Redis tests skipped: no redis-server on the PATH. To run them: apt-get install -y redis-server (CI sets ${REQUIRE_REDIS_VAR}=1 so a missing server fails).`;

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would (startRedis(port) brings one back on the same port) */
  kill(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A redis-server on a free port, or on `port` (a restart after kill()). */
export async function startRedis(fixedPort?: number): Promise<RedisServer> {
  for (let attempt = 0; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await ready(child);
      return { url: `redis://127.0.0.1:${port}`, port, stop: () => stop(child), kill: () => stop(child, 'SIGKILL') };
    } catch (err) {
      await stop(child);
      if (attempt >= 2 || fixedPort !== undefined) throw err; // the port was taken between probe and bind, try another
    }
  }
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot run redis-server (apt-get install -y redis-server): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${out}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
