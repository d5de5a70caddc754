// Direct messages and the App Home tab over loopback: real Bolt, signed requests, the fake Slack API.
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../../src/ports/index.js';
import { EXAMPLE_ACTION_PREFIX } from '../../src/adapters/slack/home.js';
import { askInThread } from '../../src/service/conversation.js';
import { ask, catalog, EXAMPLE_QUESTIONS } from '../../src/core/index.js';
import type { KeyValueStore } from '../../src/service/memory-store.js';
import { allText } from '../fakes/slack-blocks.js';
import type { Json } from '../fakes/slack-api.js';
import { dmEnvelope, homeActionPayload, homeOpenedEnvelope } from '../fakes/slack-sign.js';
import { startHarness, type Harness } from './harness.js';

const coreHandler =
  (store: KeyValueStore): Handler =>
  (q) =>
    askInThread(ask, store, q.threadKey, q.text);
const home = { examples: EXAMPLE_QUESTIONS, asOf: catalog().asOf };

const open: Harness[] = [];
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const posts = (h: Harness, n: number) =>
  h.fake.waitFor(() => (h.fake.callsTo('chat.postMessage').length >= n ? h.fake.callsTo('chat.postMessage') : undefined));

/** The answer's title: the message's header block (the fallback `text` is only its first sentence). */
function title(post: { body: Record<string, unknown> } | undefined): string {
  const [header] = (post?.body['blocks'] ?? []) as Array<{ type: string; text?: { text: string } }>;
  return header?.type === 'header' ? (header.text?.text ?? '') : '';
}

describe('Slack: direct messages (message.im)', () => {
  it('answers in the DM itself, with a thread memory per person: a follow-up leans on the DM so far', async () => {
    const h = await harness(coreHandler);
    expect((await h.sender.event(dmEnvelope({ text: 'can I run rhel 10 on Standard_D1?', ts: '1700001000.000100' }))).status).toBe(200);
    await posts(h, 1);
    await h.sender.event(dmEnvelope({ text: 'and on Standard_A2_v2?', ts: '1700001001.000100' }));
    const [first, second] = await posts(h, 2);
    expect(first?.problems).toEqual([]);
    expect(first?.body).toMatchObject({ channel: 'D0DM' });
    expect(first?.body['thread_ts']).toBeUndefined(); // a DM is answered in the DM, not in a thread
    expect(title(first)).toMatch(/^Red Hat Enterprise Linux 10 on Standard_D1/);
    // the follow-up named no distro: the DM's memory supplied RHEL 10
    expect(title(second)).toMatch(/^Red Hat Enterprise Linux 10 on Standard_A2_v2/);
    expect(h.questions.map((q) => q.threadKey)).toEqual(['slack:T0TEST:im:U0ASKER', 'slack:T0TEST:im:U0ASKER']);
  });

  it("another person's DM does not share that memory", async () => {
    const h = await harness(coreHandler);
    await h.sender.event(dmEnvelope({ text: 'can I run rhel 10 on Standard_D1?', ts: '1700001100.000100' }));
    await posts(h, 1);
    await h.sender.event(dmEnvelope({ text: 'and on Standard_A2_v2?', ts: '1700001101.000100', user: 'U0OTHER' }));
    const [, other] = await posts(h, 2);
    expect(allText(other?.body['blocks']).join('\n')).not.toMatch(/Red Hat Enterprise Linux 10/);
    expect(h.questions[1]?.threadKey).toBe('slack:T0TEST:im:U0OTHER');
  });

  it('a message in a thread of the DM is answered in that thread, with its own memory', async () => {
    const h = await harness(coreHandler);
    await h.sender.event(dmEnvelope({ text: '/cpulevel D4s v5', ts: '1700001200.000200', threadTs: '1700001200.000100' }));
    const [post] = await posts(h, 1);
    expect(post?.body).toMatchObject({ channel: 'D0DM', thread_ts: '1700001200.000100' });
    expect(String(post?.body['text'])).toContain('Standard_D4s_v5');
    expect(h.questions[0]?.threadKey).toBe('slack:T0TEST:im:U0ASKER:1700001200.000100');
  });

  it('answers neither bot posts (its own included), edits nor a redelivery', async () => {
    const h = await harness(coreHandler);
    await h.sender.event(dmEnvelope({ text: 'azl 4', ts: '1700001300.000100', extra: { bot_id: 'B0BOT', user: 'UBOT' } }));
    await h.sender.event(dmEnvelope({ text: 'azl 4', ts: '1700001301.000100', extra: { bot_id: 'B0OTHER', subtype: 'bot_message' } }));
    await h.sender.event(dmEnvelope({ text: 'azl 4', ts: '1700001302.000100', extra: { subtype: 'message_changed' } }));
    const envelope = dmEnvelope({ text: 'what is azure linux 4 based on?', ts: '1700001303.000100', eventId: 'Ev0DMDUP' });
    await h.sender.event(envelope);
    await h.sender.event(envelope, { retryNum: 1, retryReason: 'http_timeout' });
    await h.settled();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.questions.map((q) => q.text)).toEqual(['what is azure linux 4 based on?']);
  });

  it('a DM that pings @channel comes back defused', async () => {
    const h = await harness(coreHandler);
    await h.sender.event(dmEnvelope({ text: '<!channel> what is mariner called now', ts: '1700001400.000100' }));
    const [post] = await posts(h, 1);
    expect(allText(post?.body).join('\n')).not.toMatch(/<!(channel|here|everyone)|@(channel|here|everyone)\b/i);
  });
});

describe('Slack: the App Home tab', () => {
  const viewOf = (call: { body: Json } | undefined) => call?.body['view'] as { type: string; blocks: Array<Record<string, unknown>> };

  it('opening Home publishes a view for that person: what the bot answers, the examples as buttons, the as-of date', async () => {
    const h = await harness(coreHandler, { home });
    expect((await h.sender.event(homeOpenedEnvelope('U0HOME'))).status).toBe(200);
    const [publish] = await h.fake.waitFor(() => (h.fake.callsTo('views.publish').length ? h.fake.callsTo('views.publish') : undefined));
    expect(publish?.body['user_id']).toBe('U0HOME');
    const view = viewOf(publish);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = allText(view.blocks).join('\n');
    expect(text).toContain(`Data as of ${catalog().asOf}`);
    expect(text).toMatch(/x86-64 level/);
    const buttons = view.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Array<{ action_id: string; value: string }>);
    expect(buttons.map((b) => b.value)).toEqual([...EXAMPLE_QUESTIONS]);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
  });

  it('opening the Messages tab publishes nothing; without Home content nothing is published either', async () => {
    const withHome = await harness(coreHandler, { home });
    await withHome.sender.event(homeOpenedEnvelope('U0HOME', 'messages'));
    const without = await harness(coreHandler);
    await without.sender.event(homeOpenedEnvelope('U0HOME'));
    await Promise.all([withHome.settled(), without.settled()]);
    expect(withHome.fake.callsTo('views.publish')).toEqual([]);
    expect(without.fake.callsTo('views.publish')).toEqual([]);
  });

  it('every example button answers privately, in the DM with the person who pressed it, with the core answer', async () => {
    const h = await harness(coreHandler, { home });
    for (const [i, question] of EXAMPLE_QUESTIONS.entries()) {
      const res = await h.sender.action(homeActionPayload(`${EXAMPLE_ACTION_PREFIX}${i}`, question, 'U0HOME'));
      expect(res.status).toBe(200);
      const all = await posts(h, i + 1);
      const post = all[i];
      expect(post?.problems).toEqual([]);
      expect(post?.body['channel']).toBe('U0HOME'); // posted to the user id: the app's DM with them
      const expected = ask(question);
      expect(['not-found', 'error', 'help']).not.toContain(expected.kind);
      expect(title(post)).toBe(expected.title);
    }
    expect(h.questions.every((q) => q.userId === 'U0HOME' && q.threadKey === 'slack:T0TEST:im:U0HOME')).toBe(true);
  });
});
