// stop(): no new work, replies in flight are finished, then the client disconnects.
import { afterAll, expect, test } from 'vitest';
import { Events } from 'discord.js';
import type { Handler } from '../../src/ports/index.js';
import { BOT_ID, botUser, interaction, message } from '../fakes/discord/index.js';
import { fixtures } from '../fixtures/answers.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterAll(async () => {
  await h?.fake.stop();
});

test('stop waits for the reply in flight, refuses new commands, ignores new mentions, then disconnects', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const handler: Handler = async (q) => {
    if (q.text.includes('wait')) await gate;
    return fixtures['vm-size'];
  };
  h = await startHarness(handler, () => [], { deferAfterMs: 100 });
  const { fake, surface } = h;

  const slow = interaction({ name: 'cpulevel', options: { size: 'wait' } });
  fake.gateway.dispatch('INTERACTION_CREATE', slow);
  await fake.rest.waitFor((r) => r.path.startsWith(`/interactions/${slow.id}/`)); // deferred

  const stopped = surface.stop();
  expect(surface.isReady()).toBe(false);

  // new work while stopping: a command gets a polite private refusal, a mention is ignored
  const late = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
  fake.gateway.dispatch('INTERACTION_CREATE', late);
  const refusal = await fake.rest.waitFor((r) => r.path.startsWith(`/interactions/${late.id}/`));
  expect(refusal.body.data.flags).toBe(64);
  expect(refusal.body.data.embeds[0].description).toContain('Restarting');
  let done = false;
  void stopped.then(() => (done = true));
  // the mention reaches the client (and so the surface's own listener) while stop() is under way
  const mentionSeen = new Promise((r) => surface.client.once(Events.MessageCreate, r));
  fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> hello`, mentions: [botUser] }));
  await mentionSeen;
  expect(done).toBe(false); // still waiting for the slow reply

  release();
  await stopped;
  const edit = fake.rest.requests.find((r) => r.method === 'PATCH' && r.path.includes(slow.token));
  expect(edit?.body.embeds[0].title).toBe(fixtures['vm-size'].title);
  expect(fake.rest.requests.filter((r) => r.path.endsWith('/messages') && r.method === 'POST')).toHaveLength(0);
  // the gateway connection was closed by the client
  expect(fake.gateway.connections.length).toBeGreaterThan(0);
  expect(surface.client.isReady()).toBe(false);
});
