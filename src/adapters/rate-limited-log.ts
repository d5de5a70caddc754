// A log line that an attacker or an outage can trigger on every request (a forged signature, an
// oversized body, Redis away) is written at most once per interval, with a count of the ones held
// back, so a flood of bad requests cannot flood the log.

/** Opens at most once per `everyMs`: the number of calls held back since, or undefined (hold this one). */
export function logGate(everyMs = 60_000, now: () => number = Date.now): () => { held: number } | undefined {
  let lastAt = Number.NEGATIVE_INFINITY;
  let held = 0;
  return () => {
    const at = now();
    if (at - lastAt < everyMs) {
      held += 1;
      return undefined;
    }
    const open = { held };
    lastAt = at;
    held = 0;
    return open;
  };
}

/** `write`, at most once per `everyMs`; a line after held-back ones says how many. */
export function rateLimitedLog(write: (message: string) => void, everyMs = 60_000, now: () => number = Date.now): (message: string) => void {
  const gate = logGate(everyMs, now);
  return (message) => {
    const open = gate();
    if (open === undefined) return;
    write(open.held > 0 ? `${message} (${open.held} more like it not logged)` : message);
  };
}
