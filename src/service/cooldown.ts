// Per-user flood guard: at most `max` questions per user per fixed window, counted in the shared
// KeyValueStore so every replica agrees. Each admitted question claims one numbered slot of the
// current window (claim = SET NX EX), so two replicas can never hand out the same slot.
import type { KeyValueStore } from '../core/store.js';

export interface CooldownOptions {
  /** questions per window; 0 turns the guard off */
  max: number;
  windowSeconds: number;
  /** injectable clock, ms */
  now?: () => number;
}

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class Cooldown {
  private readonly now: () => number;

  constructor(
    private readonly store: KeyValueStore,
    readonly options: CooldownOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Count one question from `who` (e.g. "slack:U123"); refuse it when the window is full. */
  async take(who: string): Promise<CooldownVerdict> {
    const { max, windowSeconds } = this.options;
    if (max <= 0) return { allowed: true };
    const now = this.now();
    const windowMs = windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const base = `cooldown:${who}:${window}`;
    const ttl = windowSeconds + 1;
    // The last slot this window handed out is a hint so that a busy user costs one claim, not max.
    const hint = (await this.store.get<number>(`${base}:n`)) ?? 0;
    for (let slot = Math.min(Math.max(0, hint), max); slot < max; slot++) {
      if (await this.store.claim(`${base}:${slot}`, ttl)) {
        await this.store.set(`${base}:n`, slot + 1, ttl);
        return { allowed: true };
      }
    }
    await this.store.set(`${base}:n`, max, ttl);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
  }
}
