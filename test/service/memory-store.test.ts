// The in-process store's contract (the same as Redis's, test/service/redis-store.test.ts): values with
// expiry, claims that succeed once until they expire or a value replaces them, counters that keep their
// first expiry; and claims and counters kept compactly: swept once expired, never outliving the store.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore, SWEEP_SECONDS } from '../../src/service/memory-store.js';

const stores: MemoryStore[] = [];
function store(now?: () => number): MemoryStore {
  const s = new MemoryStore(now ? { now } : {});
  stores.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

describe('MemoryStore', () => {
  it('keeps a value until it is replaced', async () => {
    const s = store();
    expect(await s.get('thread:a')).toBeUndefined();
    await s.set('thread:a', { distro: 'rhel' }, 60);
    expect(await s.get('thread:a')).toEqual({ distro: 'rhel' });
    await s.set('thread:a', { distro: 'debian' }, 60);
    expect(await s.get('thread:a')).toEqual({ distro: 'debian' });
  });

  it('claims a key once, until the claim expires', async () => {
    let now = 1_800_000_000_000;
    const s = store(() => now);
    expect(await s.claim('slack:command:1.t', 900)).toBe(true);
    expect(await s.claim('slack:command:1.t', 900)).toBe(false);
    expect(await s.get('slack:command:1.t')).toBe(true);
    expect(await s.claim('slack:command:2.t', 900)).toBe(true);
    now += 899_999;
    expect(await s.claim('slack:command:1.t', 900)).toBe(false);
    now += 1;
    expect(await s.get('slack:command:1.t')).toBeUndefined();
    expect(await s.claim('slack:command:1.t', 900)).toBe(true);
    expect(await s.claim('slack:command:1.t', 900)).toBe(false);
  });

  it('lets a value replace a claim, and claims nothing a value holds', async () => {
    const s = store();
    expect(await s.claim('slack:share-click:C1:1.2:U1', 900)).toBe(true);
    // Claims.release: a failed Share may be clicked again once this short-lived value expires
    await s.set('slack:share-click:C1:1.2:U1', false, 1);
    expect(await s.get('slack:share-click:C1:1.2:U1')).toBe(false);
    expect(await s.claim('slack:share-click:C1:1.2:U1', 900)).toBe(false);
    await s.set('share:x', 'question', 60);
    expect(await s.claim('share:x', 60)).toBe(false);
  });

  it('counts from 1 and keeps the first expiry (a fixed window, as in Redis)', async () => {
    let now = 1_800_000_000_000;
    const s = store(() => now);
    expect(await s.increment('cooldown:slack:U1:7', 61)).toBe(1);
    now += 30_000;
    expect(await s.increment('cooldown:slack:U1:7', 61)).toBe(2);
    expect(await s.increment('cooldown:slack:U2:7', 61)).toBe(1);
    expect(await s.get('cooldown:slack:U1:7')).toBe(2);
    now += 30_999; // 60.999 s after the first count: still its window
    expect(await s.increment('cooldown:slack:U1:7', 61)).toBe(3);
    now += 1;
    expect(await s.get('cooldown:slack:U1:7')).toBeUndefined();
    expect(await s.increment('cooldown:slack:U1:7', 61)).toBe(1);
    expect(await s.increment('cooldown:slack:U2:7', 61)).toBe(2); // 31 s into its own window
  });

  it('counts exactly under a concurrent burst', async () => {
    const s = store();
    const counts = await Promise.all(Array.from({ length: 50 }, () => s.increment('cooldown:http:ip:1:1', 60)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const claims = await Promise.all(Array.from({ length: 20 }, () => s.claim('slack:event:Ev1', 60)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('continues a counter over a number stored as a value', async () => {
    const s = store();
    await s.set('n', 4, 60);
    expect(await s.increment('n', 60)).toBe(5);
    expect(await s.get('n')).toBe(5);
  });

  it('sweeps expired claims and counters, and keeps live ones', async () => {
    let now = 1_800_000_000_000;
    const s = store(() => now);
    for (let i = 0; i < 1000; i++) {
      await s.claim(`slack:command:${i}.t`, 900);
      await s.increment(`cooldown:slack:U${i}:7`, 61);
    }
    await s.increment('cooldown:slack:U1:7', 61);
    expect(s.marks).toBe(2000);
    now += 61_000;
    s.sweep();
    expect(s.marks).toBe(1000); // the counters' window is over, the claims live on
    expect(await s.claim('slack:command:999.t', 900)).toBe(false);
    expect(await s.increment('cooldown:slack:U1:7', 61)).toBe(1); // its count went with it
    now += 900_000;
    s.sweep();
    expect(s.marks).toBe(0);
    await s.claim('slack:command:0.t', 900);
    await s.close();
    expect(s.marks).toBe(0);
  });

  it(`sweeps on its own every ${SWEEP_SECONDS} s`, async () => {
    vi.useFakeTimers();
    try {
      const s = store();
      await s.claim('slack:command:1.t', 1);
      await s.increment('cooldown:slack:U1:7', 2);
      vi.advanceTimersByTime(SWEEP_SECONDS * 1000 - 1);
      expect(s.marks).toBe(2);
      vi.advanceTimersByTime(1);
      expect(s.marks).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps expiries exact across the epoch moving on (a process up for weeks)', async () => {
    let now = 1_800_000_000_000;
    const s = store(() => now);
    expect(await s.claim('old', 10 * 24 * 3600)).toBe(true);
    expect(await s.increment('count', 10 * 24 * 3600)).toBe(1);
    now += 2 ** 29 + 5; // past the point where expiries are moved back to small integers
    expect(await s.claim('new', 60)).toBe(true);
    expect(await s.claim('old', 60)).toBe(false);
    expect(await s.increment('count', 60)).toBe(2);
    now += 10 * 24 * 3600 * 1000 - 2 ** 29 - 6; // 1 ms before the counter's first expiry
    expect(await s.increment('count', 60)).toBe(3);
    now += 1;
    expect(await s.increment('count', 60)).toBe(1);
    expect(await s.claim('new', 60)).toBe(true); // long expired
  });
});
