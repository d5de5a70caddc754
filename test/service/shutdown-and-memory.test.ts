// The process on a bad day: a slow client holding a connection at SIGTERM (exit 0 well within 10 s),
// a 200 MB unsigned upload (peak memory of the server process must not move), and the shutdown
// deadline timer that must not outlive a clean stop. src/main.ts runs as a child process for the
// first two, so its memory is its own; run() runs in-process for the last.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run, type ProcessLike } from '../../src/service/run.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { logSink } from './support/log-sink.js';
import { reap, spawnMain, waitFor, type Spawned } from './support/processes.js';
import { freePort } from './support/redis-server.js';

const SECRET = 'shutdown-signing-secret-1234';
let slack: FakeSlack;
const spawned: Spawned[] = [];
const sockets: Socket[] = [];
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of spawned.splice(0)) reap(s);
});

async function startMain(): Promise<{ p: Spawned; port: number }> {
  const port = await freePort();
  const p = spawnMain({
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-shutdown',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    LOG_LEVEL: 'warn',
  });
  spawned.push(p);
  await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined), 20_000, 'the service to be ready');
  return { p, port };
}

function rawConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

/** Linux: the process's peak resident set so far (VmHWM), in kB. */
function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
}

const linux = (() => {
  try {
    readFileSync('/proc/self/status');
    return true;
  } catch {
    return false;
  }
})();

describe('src/main.ts under a bad day', () => {
  it('SIGTERM with slow clients connected (a trickling upload, a half-sent request, an idle keep-alive): exit 0 well within 10 s', async () => {
    const { p, port } = await startMain();
    const trickle = await rawConnection(port);
    trickle.write(
      `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nX-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Slack-Signature: v0=00\r\n\r\n{`,
    );
    const drip = setInterval(() => trickle.write(' '), 200);
    const half = await rawConnection(port);
    half.write('GET /api/ask?q=help HTTP/1.1\r\nHost: x\r\n');
    const idle = await rawConnection(port);
    idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((r) => setTimeout(r, 300));

    const signalled = Date.now();
    p.child.kill('SIGTERM');
    const exit = await p.exited;
    clearInterval(drip);
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(8_000); // the drain grace is 3 s; before the fix: the 10 s deadline, exit 1
    expect(exit.stdout).not.toContain('shutdown deadline passed');
  }, 40_000);

  it.runIf(linux)(
    'a 200 MB unsigned upload, declared or chunked, leaves peak memory where it was',
    async () => {
      const { p, port } = await startMain();
      const pid = p.child.pid!;
      const MB = 1024 * 1024;
      const chunk = Buffer.alloc(MB, 'a');
      const upload = async (headers: string, totalMb = 200): Promise<{ status: string; sentMb: number; ms: number }> => {
        const socket = await rawConnection(port);
        const started = Date.now();
        let response = '';
        const closed = new Promise<void>((r) => socket.once('close', () => r()));
        const answered = new Promise<void>((r) => {
          socket.on('data', (d) => {
            response += d.toString();
            if (response.includes('\r\n\r\n')) r();
          });
        });
        socket.write(
          `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slack-Request-Timestamp: ${Math.floor(Date.now() / 1000)}\r\nX-Slack-Signature: v0=${'0'.repeat(64)}\r\n${headers}\r\n`,
        );
        let sent = 0;
        const chunked = headers.includes('chunked');
        while (sent < totalMb && !socket.destroyed && response === '') {
          const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${MB.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk);
          sent += 1;
          if (!ok) await Promise.race([new Promise((r) => socket.once('drain', r)), closed, answered]);
        }
        await Promise.race([answered, closed, new Promise((r) => setTimeout(r, 5_000))]);
        socket.destroy();
        return { status: response.split('\r\n')[0] ?? '', sentMb: sent, ms: Date.now() - started };
      };

      // Settle first: ordinary requests and the same refusals at 2 MB, until the peak stops moving (start-up
      // and the first requests set it, some of it at the first idle GC); what is measured is whether memory
      // follows the size of an upload.
      let before = 0;
      for (let round = 0; round < 8; round++) {
        for (let i = 0; i < 30; i++) await fetch(`http://127.0.0.1:${port}/api/ask?q=Standard_D4s_v5`).then((r) => r.text());
        await upload(`Content-Length: ${2 * MB}\r\n`, 2);
        await upload('Transfer-Encoding: chunked\r\n', 2);
        await new Promise((r) => setTimeout(r, 300));
        const peak = peakRssKb(pid);
        if (round >= 2 && peak === before) break;
        before = peak;
      }

      const declared = await upload(`Content-Length: ${200 * MB}\r\n`);
      expect(declared.status).toMatch(/^HTTP\/1\.1 413/);
      const chunked = await upload('Transfer-Encoding: chunked\r\n');
      expect(chunked.status).toMatch(/^HTTP\/1\.1 413/);
      for (const u of [declared, chunked]) {
        expect(u.sentMb).toBeLessThan(200); // refused long before the end
        expect(u.ms).toBeLessThan(3_000);
      }
      const grown = peakRssKb(pid) - before;
      console.info(`peak RSS before ${before} kB, growth ${grown} kB after two 200 MB uploads`);
      expect(grown).toBeLessThan(5 * 1024);
      // and it still serves
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    },
    40_000,
  );
});

describe('run(): the shutdown deadline', () => {
  it('is cleared once the service has stopped, so it cannot exit a process that lives on', async () => {
    const handlers = new Map<string, () => void>();
    const exits: number[] = [];
    const proc = {
      on: (event: string, listener: () => void) => {
        handlers.set(event, listener);
        return proc;
      },
      exit: (code: number) => {
        exits.push(code);
      },
      stderr: { write: () => true },
    } as unknown as ProcessLike;
    const env = { PORT: '0', HOST: '127.0.0.1', CONSOLE: 'off' };
    const running = run(env, proc, { stdinKind: 'none', logDestination: logSink().stream }, 300);
    await new Promise((r) => setTimeout(r, 300));
    handlers.get('SIGTERM')!();
    expect(await running).toBe(0);
    await new Promise((r) => setTimeout(r, 600)); // past the deadline
    expect(exits).toEqual([]);
  });
});
