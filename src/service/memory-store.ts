// The in-process key-value store: the default behind thread context, cooldowns and event de-duplication.
// A shared implementation (redis-store.ts) lets several replicas agree.
//
// Values (thread context, parked questions) live in node-cache. Claims (a replayed command, a redelivered
// event) and counters (the cooldown) are two a Slack command and far more numerous: they live in one
// MarkTable (mark-table.ts), rows of typed arrays with the keys' bytes, off the JS heap: bytes kept per
// command on the heap are multiplied in resident memory by the heap's headroom over what it keeps, and
// walked by every full collection.
import NodeCache from 'node-cache';
import type { KeyValueStore } from '../ports/store.js';
import { MarkTable } from './mark-table.js';

export type { KeyValueStore };

/** Expired claims and counters are swept this often, seconds (node-cache checks its own as often). */
export const SWEEP_SECONDS = 60;

export interface MemoryStoreOptions {
  /** injectable clock, ms (claims and counters; node-cache keeps its own) */
  now?: () => number;
}

export class MemoryStore implements KeyValueStore {
  private readonly cache = new NodeCache({ useClones: false, checkperiod: SWEEP_SECONDS });
  /** claimed or counted key -> its expiry (ms) and count (0: a claim; a counter's count from 1) */
  private readonly table = new MarkTable();
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_SECONDS * 1000);
    this.sweeper.unref();
  }

  /** Claims and counters held now, expired ones not yet swept included (for tests). */
  get marks(): number {
    return this.table.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const row = this.liveMark(key, this.now());
    if (row >= 0) {
      const count = this.table.count(row);
      return (count === 0 ? true : count) as T;
    }
    return this.cache.get<T>(key);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    // A value replaces a claim or counter under the same key (a released claim may be claimed once it expires).
    this.table.delete(key);
    this.cache.set(key, value, ttlSeconds);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // Synchronous from the checks to the write, so no other caller in this process can interleave.
    const at = this.now();
    if (this.liveMark(key, at) >= 0 || this.cache.has(key)) return false;
    this.table.put(key, at + ttlSeconds * 1000, 0);
    return true;
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    if (this.cache.has(key)) return this.incrementValue(key, ttlSeconds);
    const at = this.now();
    const row = this.liveMark(key, at);
    if (row < 0 || this.table.count(row) === 0) {
      // A counter keeps its first expiry (a fixed window, as in Redis); it replaces a claim under its key.
      this.table.put(key, at + ttlSeconds * 1000, 1);
      return 1;
    }
    const count = this.table.count(row) + 1;
    this.table.setCount(row, count);
    return count;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.table.clear();
    this.cache.close();
  }

  /** Drops expired claims and counters. */
  sweep(): void {
    this.table.sweep(this.now());
  }

  /** The row of a claim or counter under `key` that has not expired at `at`, or -1. */
  private liveMark(key: string, at: number): number {
    const row = this.table.find(key);
    return row >= 0 && this.table.expiry(row) > at ? row : -1;
  }

  /** A counter over a number stored with set(): node-cache's entry, keeping its expiry. */
  private incrementValue(key: string, ttlSeconds: number): number {
    // Synchronous from get to set, so no other caller in this process can interleave.
    const count = (this.cache.get<number>(key) ?? 0) + 1;
    const expiresAt = this.cache.getTtl(key) ?? 0;
    this.cache.set(key, count, expiresAt > 0 ? Math.max(0.001, (expiresAt - Date.now()) / 1000) : ttlSeconds);
    return count;
  }
}
