// The one deadline race the adapters use: a platform that must hear back within seconds (Slack's 3 s
// ack, Discord's 3 s interaction response) answers at once when the work is quick, else defers.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The promise's outcome if it settles within `ms`, else undefined (the promise keeps running). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled<T> => ({ ok: true, value }),
        (error: unknown): Settled<T> => ({ ok: false, error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
