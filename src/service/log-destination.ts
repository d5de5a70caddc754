// Where a server writes its log lines: in batches. Writing each line as it comes was one system call per
// request (pino's asynchronous SonicBoom added a thread-pool round trip to each: ~8 % of a busy Slack
// bot's CPU). Here lines wait until `batchBytes` have gathered or `flushMs` has passed since the first of
// them, and then go out in one synchronous write, so they keep their order and there is never a write in
// flight to wait for. flush() writes what waits now (a graceful stop calls it through pino's
// logger.flush), and every live destination writes what waits when the process exits.
import { writeSync } from 'node:fs';

const live = new Set<BatchedLogDestination>();
let exitHooked = false;

/** How long to wait before trying again when the descriptor is momentarily full (a non-blocking pipe), and how often. */
const BUSY_RETRY_MS = 10;
const BUSY_ATTEMPTS = 100;

export class BatchedLogDestination {
  private waiting: string[] = [];
  private waitingBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private broken = false;

  constructor(
    private readonly fd: number,
    private readonly batchBytes: number,
    private readonly flushMs: number,
  ) {
    live.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const destination of live) destination.flushSync();
      });
    }
  }

  /** pino's call for each line (already ending in a newline). */
  write(line: string): void {
    this.waiting.push(line);
    this.waitingBytes += line.length;
    if (this.waitingBytes >= this.batchBytes) this.flushSync();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flushSync(), this.flushMs);
      this.timer.unref();
    }
  }

  /** pino's logger.flush(cb): what waits is written before cb is called. */
  flush(cb?: (err?: Error) => void): void {
    this.flushSync();
    cb?.();
  }

  /** Writes every waiting line now, in order. */
  flushSync(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.waiting.length === 0) return;
    const text = this.waiting.length === 1 ? this.waiting[0]! : this.waiting.join('');
    this.waiting = [];
    this.waitingBytes = 0;
    if (!this.broken) this.writeAll(Buffer.from(text));
  }

  /** Writes what waits and forgets this destination (its descriptor may be closed after this). */
  close(): void {
    this.flushSync();
    live.delete(this);
  }

  private writeAll(bytes: Buffer): void {
    let offset = 0;
    let busy = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
        busy = 0;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EBUSY') {
          if (++busy < BUSY_ATTEMPTS) {
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_RETRY_MS);
            continue;
          }
          // A reader stalled for a second: this batch is dropped (said on stderr), later ones are tried again.
          tell(`azlinux-bot: the log reader is not reading; ${bytes.length - offset} bytes of log lines dropped\n`);
          return;
        }
        // A reader that went away (EPIPE) or a descriptor that cannot be written: logging stops here
        // rather than taking the service down; stderr says so once.
        this.broken = true;
        tell(`azlinux-bot: log lines can no longer be written (${code ?? String(err)}); logging stops\n`);
        return;
      }
    }
  }
}

/** A line on stderr about the log itself. */
function tell(line: string): void {
  try {
    writeSync(2, line);
  } catch {
    // stderr is gone too: nothing left to tell
  }
}
