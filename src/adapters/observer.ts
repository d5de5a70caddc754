// A reason fit for a metric label (the PlatformObserver port lives in src/ports/platform.ts).

/** A reason fit for a metric label: a platform's own short error code, else a bounded fallback. */
export function reasonLabel(reason: unknown, fallback = 'other'): string {
  return typeof reason === 'string' && /^[a-z0-9_]{1,48}$/.test(reason) ? reason : fallback;
}
