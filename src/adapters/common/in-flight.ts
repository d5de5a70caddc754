// Work in progress that a stop must let finish. One tracker per service: the surface that receives a
// request (a Slack delivery, a Discord interaction) and the handler that answers it both run it here,
// and it is counted once, by whichever starts first: a run inside a run of the same tracker joins it
// (AsyncLocalStorage follows the request through every await).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkTracker } from '../../ports/index.js';

export class InFlight implements WorkTracker {
  private count = 0;
  private waiters: Array<() => void> = [];
  private readonly inside = new AsyncLocalStorage<true>();

  get size(): number {
    return this.count;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    this.count += 1;
    try {
      return await this.inside.run(true, work);
    } finally {
      this.count -= 1;
      if (this.count === 0) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const wake of waiters) wake();
      }
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
