// The in-process key-value store (node-cache): the default behind thread context, cooldowns and event
// de-duplication. A shared implementation (redis-store.ts) lets several replicas agree.
import NodeCache from 'node-cache';
import type { KeyValueStore } from '../ports/store.js';

export type { KeyValueStore };

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
