// What a slash command leaves behind in the in-process store: its replay claim and its asker's cooldown
// count, as two compact marks (memory-store.ts), nothing else; and the claim still turns a replay away.
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { commandPayload } from '../fakes/slack-sign.js';
import { startHarness, type Harness } from './harness.js';

/** the cooldown's clock, fixed: every command of a test falls in one window */
const NOW = Date.now();

const open: Array<{ h: Harness; store: MemoryStore }> = [];
afterEach(async () => {
  for (const { h, store } of open.splice(0)) {
    await h.close();
    await store.close();
  }
});

async function harness(): Promise<{ h: Harness; store: MemoryStore }> {
  const store = new MemoryStore();
  const h = await startHarness(
    (s) => createHandler({ ask, store: s, logger: createLogger('silent'), cooldown: { max: 10, windowSeconds: 60, now: () => NOW } }),
    { store },
  );
  const opened = { h, store };
  open.push(opened);
  return opened;
}

describe('a slash command in the store', () => {
  it('leaves its replay claim and its asker cooldown count, each a compact mark, and nothing more', async () => {
    const { h, store } = await harness();
    const users = 30;
    for (let i = 0; i < users; i++) {
      const sent = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl(`q${i}`), `UASKER${i}`));
      expect(JSON.stringify(sent.ackMessage)).toContain('x86-64-v4');
    }
    expect(store.marks).toBe(2 * users);
    // a second question from the same user counts in the same mark; its own claim is one more
    await h.sender.command(commandPayload('/cpulevel', 'Standard_D2s_v3', h.fake.responseUrl('again'), 'UASKER0'));
    expect(store.marks).toBe(2 * users + 1);
    expect(await store.get(`cooldown:slack:UASKER0:${Math.floor(NOW / 60_000)}`)).toBe(2);
  });

  it('still turns a replayed command away after it was answered', async () => {
    const { h, store } = await harness();
    const payload = commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('orig'), 'UVICTIM');
    const first = await h.sender.command(payload);
    expect(JSON.stringify(first.ackMessage)).toContain('x86-64-v4');
    const replay = await h.sender.command(payload);
    expect(replay.ackMessage).toBeUndefined();
    expect(h.questions).toHaveLength(1);
    expect(store.marks).toBe(2);
  });
});
