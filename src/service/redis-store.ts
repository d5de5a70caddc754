// KeyValueStore on Redis (ioredis), so several replicas share thread memory, cooldowns and Slack
// event de-duplication. Values are JSON; claim is SET NX EX and increment SET NX EX + INCR in one
// transaction, both atomic across every client.
//
// Redis is a cache and a coordinator here, never the source of an answer: every caller fails open when
// it is away. So a command fails fast: 500 ms at most, at once while the connection is down (no offline
// queue), and at once for a second after any failure (so a request that needs several commands pays
// the timeout once, not per command).
import { Redis, type RedisOptions } from 'ioredis';
import type { KeyValueStore } from '../ports/store.js';

export interface RedisStoreOptions {
  url: string;
  /** prepended to every key, so one Redis can serve several bots */
  prefix?: string;
  /** false for providers with self-signed certificates on rediss:// (Heroku Redis) */
  tlsVerify?: boolean;
  /** ms before a command is given up on (default 500) */
  commandTimeout?: number;
  /** after a failure, commands fail at once for this long (default 1,000 ms) */
  backOffMs?: number;
}

export const REDIS_COMMAND_TIMEOUT_MS = 500;

const seconds = (ttl: number): number => Math.max(1, Math.ceil(ttl));

export class RedisStore implements KeyValueStore {
  readonly client: Redis;
  private readonly prefix: string;
  private readonly backOffMs: number;
  private failedUntil = 0;

  constructor(options: RedisStoreOptions) {
    this.prefix = options.prefix ?? 'azlinux:';
    this.backOffMs = options.backOffMs ?? 1_000;
    const redisOptions: RedisOptions = {
      lazyConnect: true,
      connectTimeout: 5_000,
      commandTimeout: options.commandTimeout ?? REDIS_COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 1,
      // while disconnected a command fails at once instead of waiting in a queue for the reconnect
      enableOfflineQueue: false,
      // Keep reconnecting in the background (a Redis restart must not kill the bot), backing off to 2 s.
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      ...(options.url.startsWith('rediss:') && options.tlsVerify === false ? { tls: { rejectUnauthorized: false } } : {}),
    };
    this.client = new Redis(options.url, redisOptions);
    // Errors surface on the commands that fail; without a listener ioredis would print each reconnect.
    this.client.on('error', () => {});
  }

  /** Connect and check with PING; rejects with the connection error (never the URL). */
  async connect(): Promise<void> {
    const errors: Error[] = [];
    const onError = (err: Error) => errors.push(err);
    this.client.on('error', onError);
    try {
      await this.client.connect();
      await this.client.ping();
    } catch (err) {
      const cause = errors[0] ?? err;
      this.client.disconnect();
      throw new Error(`cannot reach Redis: ${(cause as Error).message ?? String(cause)}`);
    } finally {
      this.client.off('error', onError);
    }
  }

  isReady(): boolean {
    return this.client.status === 'ready';
  }

  /** Run one command, failing at once while a recent failure says Redis is away. */
  private async command<T>(run: () => Promise<T>): Promise<T> {
    if (Date.now() < this.failedUntil) throw new Error(`Redis unavailable (${this.client.status}); skipping it for now`);
    try {
      return await run();
    } catch (err) {
      this.failedUntil = Date.now() + this.backOffMs;
      throw err;
    }
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.command(() => this.client.get(this.prefix + key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.command(() => this.client.set(this.prefix + key, JSON.stringify(value ?? null), 'EX', seconds(ttlSeconds)));
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.command(() => this.client.set(this.prefix + key, '1', 'EX', seconds(ttlSeconds), 'NX'))) === 'OK';
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    // One round trip, atomic: create the counter with its expiry if absent, then INCR (which keeps it).
    const results = await this.command(() =>
      this.client
        .multi()
        .set(this.prefix + key, '0', 'EX', seconds(ttlSeconds), 'NX')
        .incr(this.prefix + key)
        .exec(),
    );
    const [error, count] = results?.[1] ?? [new Error('transaction aborted'), undefined];
    if (error) throw error;
    return Number(count);
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
