// A small key-value store with expiry: thread context, cooldowns and event de-duplication live behind
// it. The service picks the implementation (in-process, or Redis so several replicas agree).
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Atomically set key if absent. True when this caller claimed it (first delivery, first request). */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Atomically add 1 to a counter (created at 1, expiring ttlSeconds after creation); the new count. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  close(): Promise<void>;
}

/** How long a conversation (thread memory, Discord's reply chains) is remembered after its last answer. */
export const THREAD_TTL_SECONDS = 6 * 60 * 60;
