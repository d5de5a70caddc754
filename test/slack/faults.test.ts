// A bad day at Slack, over loopback: the fake Web API hangs, answers 429 with Retry-After, 500, or
// resets the connection. Replies get through once Slack answers again, none twice; readiness says
// when Slack is not answering; start-up against a Slack that cannot be reached says so.
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../../src/ports/index.js';
import { createSlackSurface } from '../../src/adapters/slack/surface.js';
import { askInThread } from '../../src/service/conversation.js';
import { ask } from '../../src/core/index.js';
import { MemoryStore, type KeyValueStore } from '../../src/service/memory-store.js';
import { startFakeSlack, type Json } from '../fakes/slack-api.js';
import { commandPayload, mentionEnvelope, shareActionPayload } from '../fakes/slack-sign.js';
import { BOT_TOKEN, captureLogger, SIGNING_SECRET, sleep, startHarness, type Harness } from './harness.js';

const coreHandler =
  (store: KeyValueStore): Handler =>
  (q) =>
    askInThread(ask, store, q.threadKey, q.text);
/**
 * Readiness that reacts within a test's patience. Requests keep the product's own timeouts: on a loaded
 * machine an answer over loopback was seen to take 1.9 s, and a request abandoned after Slack took it
 * is sent again (a reply or a Share posted twice). A 300 ms timeout here made the Share tests flaky.
 */
const transport = { stuckAfterMs: 200, probeEveryMs: 100 };
/** Only where a call hangs for ever: abandoned after this, which ordinary calls under load stay well within. */
const hangTransport = { ...transport, timeoutMs: 3_000 };

const open: Harness[] = [];
async function harness(options: { transport: typeof transport } = { transport }): Promise<Harness> {
  const h = await startHarness(coreHandler, options);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

let seq = 0;
const nextTs = () => `1750000${String(++seq).padStart(3, '0')}.000100`;
const postsIn = (h: Harness, ts: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.body['thread_ts'] === ts);

async function mention(h: Harness, text = 'Standard_D4s_v5'): Promise<string> {
  const ts = nextTs();
  const ack = await h.sender.event(mentionEnvelope({ text: `<@UBOT> ${text}`, ts }));
  expect(ack.status).toBe(200);
  return ts;
}

function buttonValue(body: Json): string {
  const blocks = (body['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ value?: string }> }>;
  return blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value ?? '';
}

describe('Slack Web API faults', () => {
  it.each([
    ['429 with Retry-After: 1', { kind: '429', retryAfter: 1 }, 1_000],
    ['a 500', { kind: '500' }, 0],
    ['a connection reset', { kind: 'reset' }, 0],
    ['a hang (timed out, then retried)', { kind: 'hang' }, hangTransport.timeoutMs],
  ] as const)('a mention reply hit by %s is retried and posted exactly once', async (_name, fault, atLeastMs) => {
    const h = await harness(fault.kind === 'hang' ? { transport: hangTransport } : undefined);
    h.fake.fail({ ...fault, method: 'chat.postMessage' });
    const started = Date.now();
    const ts = await mention(h);
    await h.fake.waitFor(() => h.fake.chatAnswered.length >= 1, 8_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(atLeastMs);
    expect(h.fake.faulted).toHaveLength(1);
    await h.settled();
    // the faulted call and the retry reached Slack; only the retry was answered, so one post
    expect(postsIn(h, ts)).toHaveLength(1);
    expect(h.fake.chatAnswered).toHaveLength(1);
    expect(h.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });

  it('a Slack that hangs: not ready while calls are stuck, and replies flow again once it answers (even after 100+ hung calls)', async () => {
    const h = await harness({ transport: hangTransport });
    expect(h.surface.isReady()).toBe(true);
    h.fake.fail({ kind: 'hang', where: 'api', times: Infinity });
    // More hung replies than the Web API client's concurrency (100): without a timeout they would hold
    // every slot for ever and no reply would be sent again.
    await Promise.all(Array.from({ length: 105 }, () => mention(h)));
    await h.fake.waitFor(() => h.fake.faulted.length >= 100, 8_000);
    await sleep(transport.stuckAfterMs + 50);
    expect(h.surface.isReady()).toBe(false);

    h.fake.heal();
    // readiness comes back by itself (the probe), before any new traffic
    const t0 = Date.now();
    while (!h.surface.isReady()) {
      if (Date.now() - t0 > 15_000) throw new Error('never ready again');
      await sleep(50);
    }
    const after = await mention(h, 'Standard_D2s_v3');
    await h.fake.waitFor(() => postsIn(h, after).length === 1 && h.fake.chatAnswered.length >= 1, 15_000);
  }, 40_000);

  it('a Slack that answers 500 to everything is not ready until it answers again', async () => {
    const h = await harness();
    h.fake.fail({ kind: '500', where: 'api', times: Infinity });
    await mention(h);
    await h.fake.waitFor(() => h.fake.faulted.length >= 1, 5_000);
    const t0 = Date.now();
    while (h.surface.isReady()) {
      if (Date.now() - t0 > 5_000) throw new Error('still ready while every call fails');
      await sleep(20);
    }
    h.fake.heal();
    while (!h.surface.isReady()) {
      if (Date.now() - t0 > 10_000) throw new Error('never ready again');
      await sleep(20);
    }
  });

  it.each([
    ['429 with Retry-After', { kind: '429', retryAfter: 1 }],
    ['500', { kind: '500' }],
    ['a reset', { kind: 'reset' }],
  ] as const)('a Share whose response_url post is hit by %s is retried and shared once', async (_name, fault) => {
    const h = await harness();
    const ack = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('ask')));
    const value = buttonValue(ack.ackMessage ?? {});
    expect(value).not.toBe('');
    h.fake.fail({ ...fault, where: 'response' });
    const res = await h.sender.action(shareActionPayload(value, h.fake.responseUrl('share')));
    expect(res.status).toBe(200);
    const posts = await h.fake.waitFor(() => {
      const p = h.fake.responses.filter((r) => r.id === 'share');
      return p.length === 2 ? p : undefined;
    }, 8_000);
    expect(posts[0]?.body).toMatchObject({ response_type: 'in_channel' });
    expect(posts[1]?.body).toEqual({ delete_original: true });
    expect(h.fake.faulted).toHaveLength(1);
    expect(h.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

describe('Slack unreachable at start-up', () => {
  it('is reported as unreachable, not as a bad token', async () => {
    const fake = await startFakeSlack();
    fake.fail({ kind: '500', where: 'api', times: Infinity });
    try {
      const started = Date.now();
      const error = await createSlackSurface({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        handler: coreHandler(new MemoryStore()),
        store: new MemoryStore(),
        transport,
        logger: captureLogger(),
      }).then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error).toMatchObject({ code: 'slack_unreachable' });
      expect(error?.message).toMatch(/could not be reached/);
      expect(error?.message).not.toMatch(/rejected SLACK_BOT_TOKEN/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await fake.close();
    }
  });

  it('a closed port is unreachable too; a refused token is still a bad token', async () => {
    const fake = await startFakeSlack();
    const url = fake.apiUrl;
    await fake.close();
    await expect(
      createSlackSurface({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: url,
        handler: coreHandler(new MemoryStore()),
        store: new MemoryStore(),
        transport,
        logger: captureLogger(),
      }),
    ).rejects.toMatchObject({ code: 'slack_unreachable' });

    const refusing = await startFakeSlack();
    refusing.rejectAuth = true;
    try {
      await expect(
        createSlackSurface({
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
          apiUrl: refusing.apiUrl,
          handler: coreHandler(new MemoryStore()),
          store: new MemoryStore(),
          transport,
          logger: captureLogger(),
        }),
      ).rejects.toMatchObject({ code: 'slack_auth_failed', message: expect.stringContaining('invalid_auth') });
    } finally {
      await refusing.close();
    }
  });
});
