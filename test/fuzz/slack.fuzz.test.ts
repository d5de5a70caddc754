// The Slack surface through Bolt, over loopback: signed slash commands and mentions with arbitrary text
// -> acked in time, one reply each, within Slack's limits, never a broadcast or a foreign ping.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createSlackSurface, type SlackSurface } from '../../src/adapters/slack/surface.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender, commandPayload, mentionEnvelope } from '../fakes/slack-sign.js';
import { wellFormed } from './arbitraries.js';

const SECRET = 'fuzz-signing-secret-0123456789';
/** How long a mention may stay in flight: longer than any one reply takes under load, well inside the test's 20 s. */
const REPLY_DEADLINE_MS = 8_000;
let fake: FakeSlack;
let surface: SlackSurface;
let store: MemoryStore;
let inFlight: InFlight;
let sender: SlackSender;

beforeAll(async () => {
  fake = await startFakeSlack();
  store = new MemoryStore();
  const logger = createLogger('silent');
  const handler = createHandler({ ask, store, logger, cooldown: { max: 10, windowSeconds: 60 } });
  inFlight = new InFlight();
  surface = await createSlackSurface({
    botToken: 'xoxb-fuzz',
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    handler,
    store,
    logger,
    drainTimeoutMs: 5_000,
    inFlight,
  });
  const { port } = await surface.listen(0, '127.0.0.1');
  sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, SECRET);
});
afterAll(async () => {
  await surface?.stop();
  await fake?.close();
  await store?.close();
});

/** No broadcast, no group ping, and no user ping other than the asker's own (public answers credit them).
 * Button values are not shown (the share button carries the question back), so they are left out. */
function expectNoPing(message: unknown, asker: string): void {
  const json = JSON.stringify(message, (key, value: unknown) => (key === 'value' ? undefined : value)).replaceAll(`<@${asker}>`, '');
  expect(json).not.toMatch(/<!|<@|<#/);
  expect(json).not.toMatch(/(^|[^\u200d])@(channel|here|everyone)\b/i);
}

function expectBoundedMessage(message: Record<string, unknown>): void {
  expect(typeof message.text).toBe('string');
  expect((message.text as string).trim()).not.toBe('');
  expect((message.text as string).length).toBeLessThanOrEqual(40_000);
}

let n = 0;
describe('Slack surface under arbitrary text', () => {
  it('slash commands: 200 within 3 s, exactly one valid reply on response_url', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/azlinux', '/cpulevel'), wellFormed, async (command, text) => {
        const id = `fz${++n}`;
        const user = `UFZ${n}`;
        const ack = await sender.command(commandPayload(command, text, fake.responseUrl(id), user));
        expect(ack.status).toBe(200);
        expect(ack.ms).toBeLessThan(3_000);
        const reply = await fake.waitFor(() => fake.responses.find((r) => r.id === id), 5_000);
        expect(reply.problems).toEqual([]);
        expectBoundedMessage(reply.body);
        expectNoPing(reply.body, user);
        expect(fake.responses.filter((r) => r.id === id)).toHaveLength(1);
      }),
      { numRuns: 120 },
    );
  });

  // Each mention's reply is found by what identifies it, not by its place in the list of calls: the
  // surface counts a delivery in flight from its arrival until its reply is posted (retries included),
  // so once nothing is in flight every reply it will ever send for that mention is recorded, and the
  // replies recorded since the mention was sent are exactly its own. A late reply fails that run and
  // no other; a mention left unanswered fails at once, not after a wait for a reply in a later slot.
  it('mentions: acked, answered once in the thread, within limits and without pings', async () => {
    const replies = () => fake.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral');
    let mentions = 0;
    const before = replies().length;
    await fc.assert(
      fc.asyncProperty(wellFormed, fc.boolean(), async (text, inThread) => {
        n += 1;
        mentions += 1;
        const ts = `1800000000.${String(n).padStart(6, '0')}`;
        const threadTs = inThread ? '1799999999.000001' : undefined;
        const user = `UFZ${n}`;
        expect(await inFlight.drain(REPLY_DEADLINE_MS)).toBe(true); // the last run's mention is done with
        const from = replies().length;
        const ack = await sender.event(mentionEnvelope({ text: `<@UBOT> ${text}`, ts, ...(threadTs ? { threadTs } : {}), user }));
        expect(ack.status).toBe(200);
        expect(await inFlight.drain(REPLY_DEADLINE_MS)).toBe(true);
        const own = replies().slice(from);
        expect(own).toHaveLength(1); // answered, and once
        const posted = own[0]!;
        expect(posted.body.channel).toBe('C0CHAN');
        expect(posted.body.thread_ts).toBe(threadTs ?? ts);
        if (posted.method === 'chat.postEphemeral') expect(posted.body.user).toBe(user);
        expect(posted.problems).toEqual([]);
        expectBoundedMessage(posted.body);
        expectNoPing(posted.body, user);
      }),
      { numRuns: 80 },
    );
    expect(await inFlight.drain(REPLY_DEADLINE_MS)).toBe(true);
    expect(replies().length - before).toBe(mentions); // one reply per mention, none twice
  });
});
