// Against a real redis-server on a random loopback port: the store's contract, and two bot
// instances (two handlers, two RedisStores) sharing thread memory and cooldowns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../../src/service/handler.js';
import { RedisStore } from '../../src/service/redis-store.js';
import { Cooldown } from '../../src/service/cooldown.js';
import { redisTestsEnabled, startRedis, freePort, type RedisServer } from './support/redis-server.js';
import { stubAsk } from './support/stub-ask.js';
import { captureLog } from './support/log-capture.js';

let redis: RedisServer;
const opened: RedisStore[] = [];
async function store(prefix = 'test:'): Promise<RedisStore> {
  const s = new RedisStore({ url: redis.url, prefix });
  opened.push(s);
  await s.connect();
  return s;
}

const enabled = redisTestsEnabled(); // else skipped, with the notice printed once by test/setup/redis-notice.ts

beforeAll(async () => {
  if (!enabled) return;
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await redis?.stop();
});

describe.skipIf(!enabled)('RedisStore', () => {
  it('round-trips JSON values and misses unknown keys', async () => {
    const s = await store();
    await s.set('ctx', { size: 'Standard_D4s_v5', n: [1, 2] }, 60);
    expect(await s.get('ctx')).toEqual({ size: 'Standard_D4s_v5', n: [1, 2] });
    expect(await s.get('nope')).toBeUndefined();
    expect(await s.client.ttl('test:ctx')).toBeGreaterThan(50);
    expect(await s.client.get('test:ctx')).toBe('{"size":"Standard_D4s_v5","n":[1,2]}');
    expect(s.isReady()).toBe(true);
  });

  it('expires values after their TTL', async () => {
    const s = await store();
    await s.set('short', 1, 1);
    expect(await s.get('short')).toBe(1);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await s.get('short')).toBeUndefined();
  });

  it('claims a key exactly once across clients, racing', async () => {
    const [a, b] = [await store(), await store()];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claim('event:Ev1', 600)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.claim('event:Ev2', 600)).toBe(true);
    expect(await b.claim('event:Ev2', 600)).toBe(false);
  });

  it('increments a counter atomically across clients, keeping its first expiry', async () => {
    const [a, b] = [await store(), await store()];
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).increment('count:w', 60)));
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await a.client.ttl('test:count:w')).toBeGreaterThan(50);
    await b.increment('count:short', 1);
    await new Promise((r) => setTimeout(r, 600));
    expect(await a.increment('count:short', 100)).toBe(2);
    await new Promise((r) => setTimeout(r, 600));
    expect(await b.increment('count:short', 1)).toBe(1);
  });

  it('keeps prefixes apart', async () => {
    const [a, b] = [await store('botA:'), await store('botB:')];
    await a.set('k', 'a', 60);
    expect(await b.get('k')).toBeUndefined();
  });

  it('lets a second bot instance continue a thread the first one started', async () => {
    const one = createHandler({ ask: stubAsk, store: await store('bot:'), logger: captureLog().logger, cooldown: { max: 10, windowSeconds: 60 } });
    const two = createHandler({ ask: stubAsk, store: await store('bot:'), logger: captureLog().logger, cooldown: { max: 10, windowSeconds: 60 } });
    const threadKey = 'slack:C1:1700000000.000100';
    expect((await one({ platform: 'slack', userId: 'U1', threadKey, text: 'what about Standard_D2s_v3?' })).text).toBe('size Standard_D2s_v3');
    expect((await two({ platform: 'slack', userId: 'U2', threadKey, text: 'and RHEL 10 on it?' })).text).toBe('size Standard_D2s_v3');
  });

  it('shares cooldowns between instances: the window holds max across both', async () => {
    const [a, b] = [
      new Cooldown(await store('cd:'), { max: 4, windowSeconds: 60, now: () => 0 }),
      new Cooldown(await store('cd:'), { max: 4, windowSeconds: 60, now: () => 0 }),
    ];
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).take('slack:U7')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(4);
  });

  it('refuses to start against a port nobody listens on, without echoing the URL', async () => {
    const url = `redis://:hunter2-secret@127.0.0.1:${await freePort()}`;
    const s = new RedisStore({ url });
    opened.push(s);
    const err = await s.connect().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/cannot reach Redis: .*ECONNREFUSED/);
    expect(err?.message).not.toContain('hunter2');
  });
});
