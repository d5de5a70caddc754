// A network failure at start-up is reported as Discord being unreachable, never as a bad token; a token
// Discord refuses is still reported as exactly that. (Slack's side: test/slack/faults.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSurface } from '../../src/adapters/discord/surface.js';
import { ask, complete } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { freePort } from './support/redis-server.js';

const handler = async (q: { text: string }) => ask(q.text);
const silent = { info() {}, warn() {}, error() {} };
let closedPort: number;
let discord: FakeDiscord;
beforeAll(async () => {
  closedPort = await freePort(); // nothing listens there now
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  await discord?.stop();
});

describe('Discord at start-up', () => {
  it('nothing listening at DISCORD_API_URL: "could not be reached", not a token problem', async () => {
    const starting = createDiscordSurface({
      token: 'a-good-token-123',
      apiUrl: `http://127.0.0.1:${closedPort}/api`,
      handler,
      complete,
      store: new MemoryStore(),
      logger: silent,
    });
    const err = await starting.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).toBe(
      `Discord could not be reached at http://127.0.0.1:${closedPort}/api (ECONNREFUSED); check the network, any proxy, and DISCORD_API_URL`,
    );
  }, 30_000);

  it('Discord answering 401 is a rejected DISCORD_TOKEN', async () => {
    discord.rest.route('GET', /^\/gateway\/bot$/, () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }));
    const starting = createDiscordSurface({
      token: 'a-revoked-token-123',
      apiUrl: discord.apiUrl,
      handler,
      complete,
      store: new MemoryStore(),
      logger: silent,
    });
    await expect(starting).rejects.toThrow(/^Discord rejected DISCORD_TOKEN \(.*\); reset it in the Developer Portal/);
  }, 30_000);
});
