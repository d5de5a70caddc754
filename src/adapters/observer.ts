// What a surface tells the service about its platform's API, for the metrics. Optional everywhere: a
// surface without an observer behaves the same.
export interface PlatformObserver {
  /** a call that failed for good (an error answer, a refused request, retries used up) */
  apiError(platform: 'slack' | 'discord', reason: string): void;
  /** a call that failed and is being tried again (rate limited, a server or network error) */
  apiRetry(platform: 'slack' | 'discord'): void;
}

/** A reason fit for a metric label: a platform's own short error code, else a bounded fallback. */
export function reasonLabel(reason: unknown, fallback = 'other'): string {
  return typeof reason === 'string' && /^[a-z0-9_]{1,48}$/.test(reason) ? reason : fallback;
}
