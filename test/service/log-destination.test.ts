// A server's log lines go out asynchronously in batches (serverLogDestination): none is lost or
// reordered, lines written a while ago reach the file without another line behind them, a graceful stop
// writes every line logged before it, and so does an exit.
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, flushLogs, LOG_BATCH_BYTES, LOG_FLUSH_MS, serverLogDestination } from '../../src/service/logger.js';
import { BatchedLogDestination } from '../../src/service/log-destination.js';
import { startService } from '../../src/service/start.js';

const dirs: string[] = [];
const fds: number[] = [];
const destinations: BatchedLogDestination[] = [];
afterEach(() => {
  for (const d of destinations.splice(0)) d.close();
  for (const fd of fds.splice(0)) closeSync(fd);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function destination(fd: number): BatchedLogDestination {
  const d = serverLogDestination(fd);
  destinations.push(d);
  return d;
}

function logFile(): { fd: number; read: () => Record<string, unknown>[] } {
  const dir = mkdtempSync(join(tmpdir(), 'azlinux-logs-'));
  dirs.push(dir);
  const path = join(dir, 'out.log');
  const fd = openSync(path, 'w');
  fds.push(fd);
  return {
    fd,
    read: () =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('server log lines', () => {
  it('are written in batches, every line once and in the order logged', async () => {
    const file = logFile();
    const logger = createLogger('info', destination(file.fd));
    logger.info({ n: 0 }, 'first');
    // one short line waits for its batch: nothing is written per line
    expect(file.read()).toEqual([]);
    const count = 5000;
    for (let n = 1; n < count; n++) {
      logger.info({ n, text: 'x'.repeat(n % 97) }, 'answered');
      if (n % 1000 === 0) await sleep(1); // let batches go out between lines
    }
    await flushLogs(logger);
    const lines = file.read();
    expect(lines.map((l) => l.n)).toEqual(Array.from({ length: count }, (_, n) => n));
    expect(lines[0]).toMatchObject({ msg: 'first', service: 'azlinux-bot', level: 30 });
    expect(LOG_BATCH_BYTES).toBeGreaterThan(1000);
  });

  it('reach the file within the flush interval when no more lines follow', async () => {
    const file = logFile();
    const logger = createLogger('info', destination(file.fd));
    logger.warn('one line alone');
    const deadline = Date.now() + LOG_FLUSH_MS * 20;
    while (file.read().length === 0 && Date.now() < deadline) await sleep(LOG_FLUSH_MS / 4);
    expect(file.read()).toMatchObject([{ msg: 'one line alone', level: 40 }]);
    await flushLogs(logger);
  });

  it('are all written when the service stops, its last line included, before the stop resolves', async () => {
    const file = logFile();
    const service = await startService({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, { stdinKind: 'none', logDestination: destination(file.fd) });
    await service.started;
    await fetch(`${service.url}/healthz`);
    await service.stop('test', 0);
    const messages = file.read().map((l) => l.msg);
    expect(messages[0]).toBe('starting');
    expect(messages.slice(-2)).toEqual(['stopping', 'stopped']);
  });

  it('stop, without an exception, when the descriptor cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azlinux-closed-'));
    dirs.push(dir);
    const fd = openSync(join(dir, 'gone.log'), 'w');
    closeSync(fd);
    // synchronously after the close: no other descriptor can have taken the number yet
    const gone = new BatchedLogDestination(fd, 16, LOG_FLUSH_MS);
    expect(() => {
      gone.write(`${'x'.repeat(20)}\n`); // over the batch size: written at once, EBADF
      gone.write(`${'y'.repeat(20)}\n`);
      gone.close();
    }).not.toThrow();
  });

  it('are all written when the process exits at once (what waits is written synchronously at exit)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'azlinux-exit-'));
    dirs.push(dir);
    const script = join(dir, 'exit.mts');
    const logger = resolve('src/service/logger.ts');
    writeFileSync(
      script,
      `import { createLogger, serverLogDestination } from ${JSON.stringify(logger)};
const logger = createLogger('info', serverLogDestination());
for (let n = 0; n < 200; n++) logger.info({ n }, 'line');
logger.fatal('exiting');
process.exit(3);
`,
    );
    const run = promisify(execFile);
    const out = await run(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() }).then(
      () => {
        throw new Error('the child should exit with 3');
      },
      (err: { code: number; stdout: string }) => err,
    );
    expect(out.code).toBe(3);
    const lines = out.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.n ?? l.msg)).toEqual([...Array.from({ length: 200 }, (_, n) => n), 'exiting']);
  });
});
