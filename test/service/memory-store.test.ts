// The in-process store (src/service/memory-store.ts) against the KeyValueStore contract, on an injected
// clock: expiry, claims, fixed-window counters, and the sweep that drops what expired.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/service/memory-store.js';

let stores: MemoryStore[] = [];
afterEach(async () => {
  for (const s of stores) await s.close();
  stores = [];
});

function storeAt(start = 1_000_000) {
  const clock = { now: start };
  const store = new MemoryStore(() => clock.now);
  stores.push(store);
  return { store, clock };
}

describe('MemoryStore', () => {
  it('returns what was set until its time is up, then nothing', async () => {
    const { store, clock } = storeAt();
    const value = { level: 'x86-64-v3' };
    await store.set('k', value, 10);
    expect(await store.get('k')).toBe(value);
    clock.now += 9_999;
    expect(await store.get('k')).toBe(value);
    clock.now += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.get('never')).toBeUndefined();
  });

  it('keeps a value set for 0 seconds until it is overwritten; a set replaces value and expiry', async () => {
    const { store, clock } = storeAt();
    await store.set('forever', 1, 0);
    clock.now += 365 * 24 * 3600 * 1000;
    expect(await store.get('forever')).toBe(1);
    await store.set('forever', 2, 1);
    expect(await store.get('forever')).toBe(2);
    clock.now += 1_000;
    expect(await store.get('forever')).toBeUndefined();
  });

  it('claims a key once while it lives, again once it has expired; a value set there (even false) holds the claim', async () => {
    const { store, clock } = storeAt();
    expect(await store.claim('c', 60)).toBe(true);
    expect(await store.claim('c', 60)).toBe(false);
    clock.now += 60_000;
    expect(await store.claim('c', 60)).toBe(true);
    await store.set('released', false, 1);
    expect(await store.claim('released', 60)).toBe(false);
    clock.now += 1_000;
    expect(await store.claim('released', 60)).toBe(true);
  });

  it('counts within a fixed window: the first increment sets the expiry, later ones keep it', async () => {
    const { store, clock } = storeAt();
    expect(await store.increment('n', 10)).toBe(1);
    clock.now += 6_000;
    expect(await store.increment('n', 10)).toBe(2);
    clock.now += 3_999;
    expect(await store.increment('n', 10)).toBe(3);
    clock.now += 1; // ten seconds after the first, not after the last
    expect(await store.get('n')).toBeUndefined();
    expect(await store.increment('n', 10)).toBe(1);
  });

  it('drops expired entries on a sweep and keeps the live ones', async () => {
    const { store, clock } = storeAt();
    for (let i = 0; i < 100; i++) await store.claim(`short:${i}`, 1);
    for (let i = 0; i < 10; i++) await store.set(`long:${i}`, i, 3600);
    expect(store.size).toBe(110);
    clock.now += 1_000;
    store.sweep();
    expect(store.size).toBe(10);
    expect(await store.get('long:3')).toBe(3);
  });
});
