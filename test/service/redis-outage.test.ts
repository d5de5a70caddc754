// The whole service with a real redis-server that is killed (SIGKILL) mid-run and restarted on the same
// port: while it is down, Slack mentions, slash commands, Discord mentions and the HTTP API are all
// answered (not apologised for), quickly, and the replica stays ready; once it is back, thread memory
// and de-duplication work again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start.js';
import { BOT_ID, botUser, FakeDiscord, message, type RecordedRequest } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender, commandPayload, mentionEnvelope } from '../fakes/slack-sign.js';
import { logSink } from './support/log-sink.js';
import { waitFor } from './support/processes.js';
import { startRedis, type RedisServer } from './support/redis-server.js';

const SECRET = 'redis-outage-signing-secret-9';
const APOLOGY = /something went wrong/i;

let redis: RedisServer;
let slack: FakeSlack;
let discord: FakeDiscord;
let service: RunningService;
let sender: SlackSender;
const logs = logSink();

beforeAll(async () => {
  [redis, slack, discord] = await Promise.all([startRedis(), startFakeSlack(), new FakeDiscord({ heartbeatIntervalMs: 500 }).start()]);
  service = await startService(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-outage',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-outage-token',
      DISCORD_API_URL: discord.apiUrl,
      REDIS_URL: redis.url,
      COOLDOWN_MAX: '1000',
    },
    { stdinKind: 'none', logDestination: logs.stream },
  );
  await service.started;
  sender = new SlackSender(`${service.url}/slack/events`, SECRET);
}, 30_000);
afterAll(async () => {
  await service?.stop('test over');
  await Promise.all([slack?.close(), discord?.stop(), redis?.stop()]);
});

const postsIn = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === ts);
const readyz = async () => {
  const res = await fetch(`${service.url}/readyz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const discordPosts = (after: number) => (r: RecordedRequest) =>
  r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && discord.rest.requests.indexOf(r) >= after;

/** A mention in a thread, answered in that thread: the reply's text. */
async function slackMention(text: string, ts: string, threadTs?: string, eventId?: string): Promise<string> {
  const ack = await sender.event(mentionEnvelope({ text: `<@UBOT> ${text}`, ts, ...(threadTs ? { threadTs } : {}), ...(eventId ? { eventId } : {}) }));
  expect(ack.status).toBe(200);
  const thread = threadTs ?? ts;
  const before = postsIn(thread).length;
  const [post] = await slack.waitFor(() => (postsIn(thread).length > before ? postsIn(thread).slice(-1) : undefined), 5_000);
  return JSON.stringify(post!.body);
}

describe('Redis killed and restarted under a running service', () => {
  it('answers everywhere while Redis is down, stays ready, and uses Redis again once it is back', async () => {
    // Healthy: a thread established in Redis.
    const root = '1770000000.000100';
    expect(await slackMention('what about Standard_D2s_v3?', root)).toContain('Standard_D2s_v3');
    expect(await readyz()).toMatchObject({ status: 200, body: { checks: { store: true } } });

    await redis.kill();
    await waitFor(async () => ((await readyz()).body.checks as Record<string, boolean>).store === false || undefined, 5_000, 'the store to be seen down');

    // Down: still ready (a shared cache going away must not take every replica out)...
    expect(await readyz()).toMatchObject({ status: 200, body: { ok: true, checks: { slack: true, discord: true, store: false }, degraded: ['store'] } });

    // ...Slack mentions, in a thread and not, are answered, not apologised for, and quickly.
    const started = Date.now();
    const inThread = await slackMention('can I run rhel 10 on Standard_D4s_v5?', '1770000001.000100', root);
    expect(inThread).not.toMatch(APOLOGY);
    expect(inThread).toMatch(/Red Hat Enterprise Linux 10/);
    const fresh = await slackMention('/cpulevel Standard_D4s_v5', '1770000002.000100');
    expect(fresh).not.toMatch(APOLOGY);
    expect(fresh).toContain('x86-64-v4');
    expect(Date.now() - started).toBeLessThan(3_000);

    // Slash commands and the HTTP API too.
    const command = await sender.command(commandPayload('/cpulevel', 'Standard_D2s_v3', slack.responseUrl('outage-cmd')));
    expect(command.status).toBe(200);
    expect(JSON.stringify(command.ackMessage)).toContain('Standard_D2s_v3');
    expect(command.ms).toBeLessThan(2_000);
    const api = await fetch(`${service.url}/api/ask?q=${encodeURIComponent('/cpulevel Standard_D4s_v5')}`);
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ kind: 'vm-size', size: 'Standard_D4s_v5' });

    // Discord mentions (whose de-duplication claim used to be unguarded: no reply at all).
    const mark = discord.rest.requests.length;
    discord.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> /cpulevel Standard_D4s_v5`, mentions: [botUser] }));
    const reply = await discord.rest.waitFor(discordPosts(mark), 5_000);
    expect(JSON.stringify(reply.body)).toContain('x86-64-v4');
    expect(JSON.stringify(reply.body)).not.toMatch(APOLOGY);

    expect(logs.lines().filter((l) => l.msg === 'question failed')).toEqual([]);

    // Back on the same port: the store reconnects by itself and is used again.
    redis = await startRedis(redis.port);
    await waitFor(async () => ((await readyz()).body.checks as Record<string, boolean>).store === true || undefined, 10_000, 'the store to be back');
    await new Promise((r) => setTimeout(r, 1_100)); // past the store's back-off after its last failure
    const root2 = '1770000003.000100';
    expect(await slackMention('what about Standard_A2_v2?', root2)).toContain('Standard_A2_v2');
    expect(await slackMention('can I run rhel 10 on it?', '1770000004.000100', root2)).toContain('Standard_A2_v2'); // remembered in Redis
    // and an event delivered twice is answered once again
    const root3 = '1770000005.000100';
    const envelope = mentionEnvelope({ text: '<@UBOT> /cpulevel Standard_D4s_v5', ts: root3, eventId: 'EvAfterOutage' });
    await sender.event(envelope);
    await sender.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    await slack.waitFor(() => postsIn(root3).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(postsIn(root3)).toHaveLength(1);
  }, 40_000);
});
