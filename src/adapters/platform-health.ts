// Whether a platform's API is answering, from the calls the surface makes to it: readiness that tells
// the truth when Slack's Web API or Discord's REST hangs or fails, not just when the socket is up.
//
// Unhealthy while a call has been waiting longer than `stuckAfterMs`, or when the last call that
// finished failed (a timeout, a reset, a 5xx) and none has succeeded since. A 429 is the platform
// answering, not failing. While unhealthy, `probe` (a cheap call through the same transport) runs every
// `probeEveryMs`, so readiness comes back once the platform does, even with no traffic to carry.

export interface PlatformHealthOptions {
  /** a call still unanswered after this is stuck (default 5 s) */
  stuckAfterMs?: number;
  /** how often to probe while unhealthy (default 5 s) */
  probeEveryMs?: number;
  /** a cheap call whose outcome the transport records (auth.test, GET /users/@me) */
  probe?: () => Promise<unknown>;
  now?: () => number;
}

export type Outcome = 'ok' | 'failed';

export class PlatformHealth {
  private readonly pending = new Map<number, number>();
  private nextId = 0;
  private failing = false;
  private lastError: string | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private stopped = false;
  private readonly stuckAfterMs: number;
  private readonly probeEveryMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PlatformHealthOptions = {}) {
    this.stuckAfterMs = options.stuckAfterMs ?? 5_000;
    this.probeEveryMs = options.probeEveryMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** A call starts; call the returned function with its outcome when it ends. */
  begin(): (outcome: Outcome, error?: unknown) => void {
    const id = this.nextId++;
    this.pending.set(id, this.now());
    this.scheduleProbe();
    let ended = false;
    return (outcome, error) => {
      if (ended) return;
      ended = true;
      this.pending.delete(id);
      this.failing = outcome === 'failed';
      this.lastError = outcome === 'failed' ? describe(error) : undefined;
      this.scheduleProbe();
    };
  }

  /** Calls waiting longer than stuckAfterMs. */
  stuck(): number {
    const since = this.now() - this.stuckAfterMs;
    let n = 0;
    for (const started of this.pending.values()) if (started <= since) n += 1;
    return n;
  }

  healthy(): boolean {
    return !this.failing && this.stuck() === 0;
  }

  /** Why not healthy, for logs and /readyz; undefined when healthy. */
  reason(): string | undefined {
    const stuck = this.stuck();
    if (stuck > 0) return `${stuck} call(s) unanswered for over ${this.stuckAfterMs} ms`;
    if (this.failing) return `last call failed: ${this.lastError ?? 'unknown error'}`;
    return undefined;
  }

  /** Stop probing (the surface is stopping). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
  }

  // Probe only while something looks wrong; the timer is unref'ed so it never holds the process open.
  private scheduleProbe(): void {
    if (this.stopped || this.options.probe === undefined || this.probeTimer !== undefined) return;
    if (!this.failing && this.pending.size === 0) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      if (this.stopped) return;
      if (!this.healthy() && !this.probing) {
        this.probing = true;
        void this.options.probe!()
          .catch(() => undefined)
          .finally(() => {
            this.probing = false;
            this.scheduleProbe();
          });
      } else {
        this.scheduleProbe();
      }
    }, this.probeEveryMs);
    this.probeTimer.unref();
  }
}

function describe(error: unknown): string {
  if (error === undefined) return 'unknown error';
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
