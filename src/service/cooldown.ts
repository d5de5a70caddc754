// Per-user flood guard: at most `max` questions per user per fixed window, counted in the shared
// KeyValueStore so every replica agrees. One atomic increment per question: the count that comes back
// says whether this question is within the window's allowance.
import type { KeyValueStore } from '../ports/store.js';

export interface CooldownOptions {
  /** questions per window; 0 turns the guard off */
  max: number;
  windowSeconds: number;
  /** injectable clock, ms */
  now?: () => number;
}

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const ALLOWED: CooldownVerdict = Object.freeze({ allowed: true });

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
    if (max <= 0) return ALLOWED;
    const now = this.now();
    const windowMs = windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    // The window's number is in the key, so the counter only has to outlive the window.
    const count = await this.store.increment(`cooldown:${who}:${window}`, windowSeconds + 1);
    if (count <= max) return ALLOWED;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
  }
}
