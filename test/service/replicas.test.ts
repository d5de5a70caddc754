// Two replicas of the whole service sharing one real Redis: a thread started on one continues on the
// other, and an event Slack delivers to both is answered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender, mentionEnvelope } from '../fakes/slack-sign.js';
import { redisTestsEnabled, startRedis, type RedisServer } from './support/redis-server.js';
import { logSink } from './support/log-sink.js';

const SECRET = 'replica-signing-secret-77';

let redis: RedisServer;
let slack: FakeSlack;
const replicas: RunningService[] = [];

const enabled = redisTestsEnabled(); // else skipped, with the notice printed once by test/setup/redis-notice.ts

beforeAll(async () => {
  if (!enabled) return;
  [redis, slack] = await Promise.all([startRedis(), startFakeSlack()]);
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-replica',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
  };
  for (let i = 0; i < 2; i++) {
    const service = await startService(env, { stdinKind: 'none', logDestination: logSink().stream });
    replicas.push(service);
    await service.started;
  }
});
afterAll(async () => {
  for (const s of replicas) await s.stop('test over');
  await slack?.close();
  await redis?.stop();
});

const sender = (i: number) => new SlackSender(`${replicas[i]!.url}/slack/events`, SECRET);
const postsIn = (threadTs: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === threadTs);

describe.skipIf(!enabled)('replicas sharing Redis', () => {
  it('report the store in /readyz', async () => {
    const res = await fetch(`${replicas[0]!.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ checks: { slack: true, store: true } });
  });

  it('continue on replica B a thread that replica A started', async () => {
    const root = '1700000100.000100';
    expect((await sender(0).event(mentionEnvelope({ text: '<@UBOT> what about Standard_D2s_v3?', ts: root }))).status).toBe(200);
    await slack.waitFor(() => postsIn(root).length === 1);
    expect((await sender(1).event(mentionEnvelope({ text: '<@UBOT> can I run rhel 10 on it?', ts: '1700000101.000100', threadTs: root }))).status).toBe(200);
    const [, followUp] = await slack.waitFor(() => (postsIn(root).length === 2 ? postsIn(root) : undefined));
    const said = JSON.stringify(followUp!.body);
    expect(said).toContain('Standard_D2s_v3'); // the size came from the thread, remembered in Redis by replica A
    expect(said).toMatch(/Red Hat Enterprise Linux 10/);
  });

  it('answer an event delivered to both replicas once', async () => {
    const root = '1700000200.000100';
    const envelope = mentionEnvelope({ text: '<@UBOT> /cpulevel Standard_D4s_v5', ts: root, eventId: 'EvReplicaTwice' });
    const acks = await Promise.all([sender(0).event(envelope), sender(1).event(envelope, { retryNum: 1, retryReason: 'http_timeout' })]);
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    await slack.waitFor(() => postsIn(root).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(postsIn(root)).toHaveLength(1);
  });
});
