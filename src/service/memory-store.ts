// The in-process key-value store: the default behind thread context, cooldowns and event
// de-duplication. A shared implementation (redis-store.ts) lets several replicas agree.
//
// A Map of values with their expiry time. Every Slack command claims its trigger_id and counts its
// asker's cooldown here, so the two cost a lookup and an insert each (node-cache, used before, kept
// statistics, emitted an event and wrapped each value on every write: ~7 µs and ~400 bytes an entry).
// Expired entries are never returned, and a sweep once a minute drops them.
import type { KeyValueStore } from '../ports/store.js';

export type { KeyValueStore };

/** How often expired entries are dropped (they are never returned in between). */
const SWEEP_EVERY_MS = 60_000;

interface Entry {
  value: unknown;
  /** ms since the epoch; Infinity: never */
  expiresAt: number;
}

export class MemoryStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  /** Entries held, expired or not (until the next sweep). */
  get size(): number {
    return this.entries.size;
  }

  /** The live entry for `key`; an expired one is dropped. */
  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** 0 seconds: kept until overwritten (as node-cache, which this replaced, read 0). */
  private expiry(ttlSeconds: number): number {
    return ttlSeconds === 0 ? Number.POSITIVE_INFINITY : this.now() + ttlSeconds * 1000;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.live(key)?.value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: this.expiry(ttlSeconds) });
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // Synchronous from the lookup to the insert: no other caller in this process can interleave.
    if (this.live(key) !== undefined) return false;
    this.entries.set(key, { value: true, expiresAt: this.expiry(ttlSeconds) });
    return true;
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    // A counter keeps its first expiry (a fixed window, as in Redis).
    const entry = this.live(key);
    if (entry === undefined) {
      this.entries.set(key, { value: 1, expiresAt: this.expiry(ttlSeconds) });
      return 1;
    }
    const count = (typeof entry.value === 'number' ? entry.value : 0) + 1;
    entry.value = count;
    return count;
  }

  /** Drop every expired entry. */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  /** Stops the sweep (what is held stays readable, as it did with node-cache). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
