// Work in progress that a stop must let finish. One tracker per service: the surface that receives a
// request (a Slack delivery, a Discord interaction) and the handler that answers it both run it here,
// and it is counted once, by whichever starts first. Said explicitly, without AsyncLocalStorage (whose
// async hooks cost every promise in the process ~5 % of a busy Slack bot's CPU): a run started while
// another run of the same tracker is starting its work, or inside join(), is part of that request.
// A surface calls its handler through join() (joined, below): the delivery is counted already.
import type { Handler, WorkTracker } from '../../ports/index.js';

export class InFlight implements WorkTracker {
  private count = 0;
  private waiters: Array<() => void> = [];
  /** > 0 while a counted request's code runs synchronously (starting its work, or a join) */
  private joining = 0;

  get size(): number {
    return this.count;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.joining > 0) return work();
    this.count += 1;
    try {
      return await this.join(work);
    } finally {
      this.count -= 1;
      if (this.count === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  join<T>(work: () => T): T {
    this.joining += 1;
    try {
      return work();
    } finally {
      this.joining -= 1;
    }
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, timeoutMs);
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
    });
  }
}

/** The handler as a surface calls it for a request it counts in `tracker`: the question joins that request. */
export function joined(tracker: WorkTracker, handler: Handler): Handler {
  return (question) => tracker.join(() => handler(question));
}
