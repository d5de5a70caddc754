import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/service/memory-store.js';
import { Cooldown } from '../../src/service/cooldown.js';

describe('Cooldown', () => {
  const stores: MemoryStore[] = [];
  const store = () => {
    const s = new MemoryStore();
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('admits max questions per window, refuses the next with the seconds left, and resets next window', async () => {
    let now = 1_000_000 * 60_000 + 15_000; // 15 s into a 60 s window
    const cd = new Cooldown(store(), { max: 3, windowSeconds: 60, now: () => now });
    for (let i = 0; i < 3; i++) expect(await cd.take('slack:U1')).toEqual({ allowed: true });
    expect(await cd.take('slack:U1')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(await cd.take('slack:U2')).toEqual({ allowed: true });
    now += 45_000;
    expect(await cd.take('slack:U1')).toEqual({ allowed: true });
  });

  it('admits exactly max out of a concurrent burst', async () => {
    const cd = new Cooldown(store(), { max: 5, windowSeconds: 60, now: () => 0 }); // one window, whatever the wall clock
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => cd.take('discord:U9')));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it('is off when max is 0', async () => {
    const cd = new Cooldown(store(), { max: 0, windowSeconds: 60 });
    for (let i = 0; i < 50; i++) expect((await cd.take('http:ip:1')).allowed).toBe(true);
  });
});
