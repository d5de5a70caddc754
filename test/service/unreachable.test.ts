// A network failure at start-up is reported as Slack or Discord being unreachable, never as a bad
// token; a token the platform refuses is still reported as exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSurface } from '../../src/adapters/discord/surface.js';
import { createSlackSurface } from '../../src/adapters/slack/surface.js';
import { ask, complete } from '../../src/core/index.js';
import { MemoryStore } from '../../src/core/store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { freePort } from './support/redis-server.js';

const handler = async (q: { text: string }) => ask(q.text);
const silent = { info() {}, warn() {}, error() {} };
let closedPort: number;
let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  closedPort = await freePort(); // nothing listens there now
  slack = await startFakeSlack();
  discord = await new FakeDiscord().start();
});
afterAll(async () => {
  await slack?.close();
  await discord?.stop();
});

describe('Slack at start-up', () => {
  it('nothing listening at SLACK_API_URL: "could not be reached", naming the URL and the system error, not the token', async () => {
    const starting = createSlackSurface({
      botToken: 'xoxb-good-token',
      signingSecret: 'secret',
      apiUrl: `http://127.0.0.1:${closedPort}/api/`,
      handler,
      store: new MemoryStore(),
      logger: silent,
    });
    const err = await starting.then(() => undefined, (e: Error & { code?: string }) => e);
    expect(err?.code).toBe('slack_unreachable');
    expect(err?.message).toContain(`Slack could not be reached at http://127.0.0.1:${closedPort}/api/`);
    expect(err?.message).toContain('ECONNREFUSED');
    expect(err?.message).not.toMatch(/rejected|SLACK_BOT_TOKEN/);
  }, 30_000);

  it('Slack answering invalid_auth is still a rejected token', async () => {
    slack.rejectAuth = true;
    try {
      const starting = createSlackSurface({ botToken: 'xoxb-bad', signingSecret: 's', apiUrl: slack.apiUrl, handler, store: new MemoryStore(), logger: silent });
      await expect(starting).rejects.toMatchObject({ code: 'slack_auth_failed', message: expect.stringMatching(/Slack rejected SLACK_BOT_TOKEN .*invalid_auth/) });
    } finally {
      slack.rejectAuth = false;
    }
  });
});

describe('Discord at start-up', () => {
  it('nothing listening at DISCORD_API_URL: "could not be reached", not a token problem', async () => {
    const starting = createDiscordSurface({ token: 'a-good-token-123', apiUrl: `http://127.0.0.1:${closedPort}/api`, handler, complete, logger: silent });
    const err = await starting.then(() => undefined, (e: Error) => e);
    expect(err?.message).toBe(`Discord could not be reached at http://127.0.0.1:${closedPort}/api (ECONNREFUSED); check the network, any proxy, and DISCORD_API_URL`);
  }, 30_000);

  it('Discord answering 401 is a rejected DISCORD_TOKEN', async () => {
    discord.rest.route('GET', /^\/gateway\/bot$/, () => ({ status: 401, body: { message: '401: Unauthorized', code: 0 } }));
    const starting = createDiscordSurface({ token: 'a-revoked-token-123', apiUrl: discord.apiUrl, handler, complete, logger: silent });
    await expect(starting).rejects.toThrow(/^Discord rejected DISCORD_TOKEN \(.*\); reset it in the Developer Portal/);
  }, 30_000);
});
