// The one deadline race the adapters use: a platform that must hear back within seconds (Slack's 3 s
// ack, Discord's 3 s interaction response) answers at once when the work is quick, else defers. The
// work never rejects (the handler answers a failure with the apology), so only its value is raced.

/** `{ value }` if the promise resolves within `ms`, else undefined (the promise keeps running). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
