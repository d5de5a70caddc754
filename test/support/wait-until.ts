// Waiting for a condition rather than for time: polled until it holds, or an error naming what never
// happened once a deadline generous enough for a loaded machine has passed. A test that sleeps instead
// fails on a slow machine (the thing has not happened yet) or passes for the wrong reason (the thing
// that must not happen has not had time to).

export async function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
