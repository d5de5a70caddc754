// The in-process key-value store: the default behind thread context, cooldowns and event de-duplication.
// A shared implementation (redis-store.ts) lets several replicas agree.
//
// Values (thread context, parked questions) live in node-cache. Claims (a replayed command, a redelivered
// event) and counters (the cooldown) are two a Slack command and far more numerous: they live in maps from
// the key to its expiry, a small integer, instead of a node-cache entry each (a wrapper object, a boxed
// expiry, a slot in a dictionary-mode object and an internalised key): about half the bytes an entry, and
// bytes kept per command are multiplied in resident memory by the heap's headroom over what it keeps.
import NodeCache from 'node-cache';
import type { KeyValueStore } from '../ports/store.js';

export type { KeyValueStore };

/** Expired claims and counters are swept this often, seconds (node-cache checks its own as often). */
export const SWEEP_SECONDS = 60;
/** Expiries are ms after the store's epoch; the epoch moves on before they would outgrow a small integer. */
const REBASE_AFTER_MS = 2 ** 29;

export interface MemoryStoreOptions {
  /** injectable clock, ms (claims and counters; node-cache keeps its own) */
  now?: () => number;
}

export class MemoryStore implements KeyValueStore {
  private readonly cache = new NodeCache({ useClones: false, checkperiod: SWEEP_SECONDS });
  /** claimed key -> expiry */
  private readonly claims = new Map<string, number>();
  /** counter key -> expiry (the counter's first); its count is 1 unless `counts` says more */
  private readonly counters = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly now: () => number;
  private epoch: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: MemoryStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.epoch = this.now();
    this.sweeper = setInterval(() => this.sweep(), SWEEP_SECONDS * 1000);
    this.sweeper.unref();
  }

  /** Claims and counters held now, expired ones not yet swept included (for tests). */
  get marks(): number {
    return this.claims.size + this.counters.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const at = this.clock();
    if (live(this.claims.get(key), at)) return true as T;
    if (live(this.counters.get(key), at)) return (this.counts.get(key) ?? 1) as T;
    return this.cache.get<T>(key);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    // A value replaces a claim or counter under the same key (a released claim may be claimed once it expires).
    this.forget(key);
    this.cache.set(key, value, ttlSeconds);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    // Synchronous from the checks to the write, so no other caller in this process can interleave.
    const at = this.clock();
    if (live(this.claims.get(key), at) || live(this.counters.get(key), at) || this.cache.has(key)) return false;
    this.counters.delete(key);
    this.counts.delete(key);
    this.claims.set(key, at + ttlSeconds * 1000);
    return true;
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    if (this.cache.has(key)) return this.incrementValue(key, ttlSeconds);
    const at = this.clock();
    const expiry = this.counters.get(key);
    if (!live(expiry, at)) {
      // A counter keeps its first expiry (a fixed window, as in Redis).
      this.claims.delete(key);
      this.counts.delete(key);
      this.counters.set(key, at + ttlSeconds * 1000);
      return 1;
    }
    const count = (this.counts.get(key) ?? 1) + 1;
    this.counts.set(key, count);
    return count;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.claims.clear();
    this.counters.clear();
    this.counts.clear();
    this.cache.close();
  }

  /** Drops expired claims and counters. */
  sweep(): void {
    const at = this.clock();
    for (const [key, expiry] of this.claims) if (!live(expiry, at)) this.claims.delete(key);
    for (const [key, expiry] of this.counters) {
      if (live(expiry, at)) continue;
      this.counters.delete(key);
      this.counts.delete(key);
    }
  }

  /** ms after the epoch; moves the epoch (and every expiry) on before they outgrow a small integer. */
  private clock(): number {
    const at = this.now() - this.epoch;
    if (at < REBASE_AFTER_MS) return at;
    this.epoch += at;
    for (const map of [this.claims, this.counters]) for (const [key, expiry] of map) map.set(key, expiry - at);
    return 0;
  }

  private forget(key: string): void {
    this.claims.delete(key);
    this.counters.delete(key);
    this.counts.delete(key);
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

const live = (expiry: number | undefined, at: number): boolean => expiry !== undefined && expiry > at;
