// Thread memory that never stands between a question and its answer: when the store (Redis) fails, a
// follow-up is answered without the thread's context and the context is not saved, instead of the
// question getting an apology. Claims and counters are passed through: their callers decide (the
// cooldown and the de-duplication fail open themselves, and say so in the log).
import type { KeyValueStore } from '../ports/store.js';

export function failOpenReads(store: KeyValueStore, warn: (message: string) => void): KeyValueStore {
  const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
  return {
    async get<T>(key: string): Promise<T | undefined> {
      try {
        return await store.get<T>(key);
      } catch (err) {
        warn(`store read failed, answering without it: ${describe(err)}`);
        return undefined;
      }
    },
    async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
      try {
        await store.set(key, value, ttlSeconds);
      } catch (err) {
        warn(`store write failed, not remembered: ${describe(err)}`);
      }
    },
    claim: (key, ttlSeconds) => store.claim(key, ttlSeconds),
    increment: (key, ttlSeconds) => store.increment(key, ttlSeconds),
    close: () => store.close(),
  };
}
