// A small key-value store with expiry: thread context, cooldowns and event de-duplication live behind it.
// In-process (node-cache) by default; a shared implementation (Redis) lets several replicas agree.
import NodeCache from 'node-cache';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  /** Atomically set key if absent. True when this caller claimed it (first delivery, first request). */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Atomically add 1 to a counter (created at 1, expiring ttlSeconds after creation); the new count. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  close(): Promise<void>;
}

export class MemoryStore implements KeyValueStore {
  private readonly cache = new NodeCache({ useClones: false, checkperiod: 60 });

  async get<T>(key: string): Promise<T | undefined> {
    return this.cache.get<T>(key);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.cache.set(key, value, ttlSeconds);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // node-cache is synchronous, so has+set cannot interleave with another caller in this process.
    if (this.cache.has(key)) return false;
    this.cache.set(key, true, ttlSeconds);
    return true;
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    // Synchronous from get to set, so no other caller in this process can interleave.
    const count = (this.cache.get<number>(key) ?? 0) + 1;
    // A counter keeps its first expiry (a fixed window, as in Redis); node-cache's set would reset it.
    const expiresAt = count === 1 ? 0 : (this.cache.getTtl(key) ?? 0);
    this.cache.set(key, count, expiresAt > 0 ? Math.max(0.001, (expiresAt - Date.now()) / 1000) : ttlSeconds);
    return count;
  }

  async close(): Promise<void> {
    this.cache.close();
  }
}
