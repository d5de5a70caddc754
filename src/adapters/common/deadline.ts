// The one deadline race the adapters use: a platform that must hear back within seconds (Slack's 3 s
// ack, Discord's 3 s interaction response) answers at once when the work is quick, else defers. The
// work never rejects (the handler answers a failure with the apology), so only its value is raced.

/** `{ value }` if the promise resolves within `ms`, else undefined (the promise keeps running). */
export function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  // one timer and one promise: this runs for every Slack command and Discord interaction
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms, undefined);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
