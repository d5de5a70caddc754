// The Slack surface end to end over loopback: real Bolt, real HTTP, signed requests, a fake Slack API.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Handler } from '../../src/ports/index.js';
import { keptReplies } from '../../src/adapters/slack/listeners.js';
import { createSlackSurface, SLACK_EVENTS_PATH } from '../../src/adapters/slack/surface.js';
import type { Answer } from '../../src/core/answer.js';
import { cachedAsk } from '../../src/service/answer-cache.js';
import { askInThread } from '../../src/service/conversation.js';
import { MemoryStore, type KeyValueStore } from '../../src/service/memory-store.js';
import { allText, slackMessageProblems } from '../fakes/slack-blocks.js';
import { FAKE_IDS, startFakeSlack, type Json } from '../fakes/slack-api.js';
import { commandPayload, mentionEnvelope, SlackSender, shareActionPayload, type SentResponse } from '../fakes/slack-sign.js';
import { fixtures } from '../fixtures/answers.js';
import { BOT_TOKEN, captureLogger, SIGNING_SECRET, sleep, startHarness, type Harness } from './harness.js';
import { ask, catalog } from '../../src/core/index.js';

const PING = /<!(channel|here|everyone|subteam)|@(channel|here|everyone)\b/i;

/** The production wiring, minus cooldown and logging: the core behind the answer cache and thread memory. */
const cached = cachedAsk(ask);
const coreHandler =
  (store: KeyValueStore): Handler =>
  (q) =>
    askInThread(cached, store, q.threadKey, q.text);

const open: Harness[] = [];
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

function buttonValue(body: Json): string | undefined {
  const blocks = (body['blocks'] ?? []) as Array<{ type: string; elements?: Array<{ value?: string }> }>;
  return blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value;
}

describe('Slack surface: start-up', () => {
  it('verifies the bot token with auth.test against SLACK_API_URL (slash added) and is then ready', async () => {
    const fake = await startFakeSlack();
    try {
      const surface = await createSlackSurface({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl.replace(/\/$/, ''),
        handler: coreHandler(new MemoryStore()),
        store: new MemoryStore(),
        logger: captureLogger(),
      });
      expect(fake.callsTo('auth.test')).toHaveLength(1);
      expect(fake.callsTo('auth.test')[0]?.auth).toBe(`Bearer ${BOT_TOKEN}`);
      expect(surface).toMatchObject({ name: 'slack', mode: 'http', botUserId: FAKE_IDS.botUser });
      expect(surface.isReady()).toBe(true);
      await surface.stop();
      expect(surface.isReady()).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it('a rejected token stops start-up with a coded error naming SLACK_BOT_TOKEN', async () => {
    const fake = await startFakeSlack();
    fake.rejectAuth = true;
    try {
      const starting = createSlackSurface({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        handler: coreHandler(new MemoryStore()),
        store: new MemoryStore(),
        logger: captureLogger(),
      });
      await expect(starting).rejects.toMatchObject({ code: 'slack_auth_failed', message: expect.stringContaining('SLACK_BOT_TOKEN') });
    } finally {
      await fake.close();
    }
  });

  it('refuses bad option combinations before any network call, saying how to fix them', async () => {
    const base = { botToken: BOT_TOKEN, handler: coreHandler(new MemoryStore()), store: new MemoryStore() };
    await expect(createSlackSurface({ ...base })).rejects.toMatchObject({
      code: 'slack_bad_options',
      message: expect.stringContaining('SLACK_SIGNING_SECRET'),
    });
    await expect(createSlackSurface({ ...base, appToken: 'xoxb-wrong' })).rejects.toMatchObject({
      code: 'slack_bad_options',
      message: expect.stringContaining('xapp-'),
    });
    await expect(createSlackSurface({ ...base, signingSecret: 's', apiUrl: 'ftp://x' })).rejects.toMatchObject({ code: 'slack_bad_options' });
    await expect(createSlackSurface({ ...base, botToken: '', signingSecret: 's' })).rejects.toMatchObject({ code: 'slack_bad_options' });
  });
});

/** The message a slash command's ack carried (the HTTP response to Slack's signed request). */
function ackBody(res: SentResponse): Json {
  expect(res.status).toBe(200);
  expect(res.contentType).toMatch(/^application\/json/);
  return JSON.parse(res.body) as Json;
}

describe('Slack surface: slash commands', () => {
  it('/cpulevel Standard_D4s_v5: answered privately in the ack itself (within 3 s), Block Kit Slack accepts', async () => {
    const h = await harness(coreHandler);
    const res = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('abc')));
    expect(res.ms).toBeLessThan(3000);
    const body = ackBody(res);
    expect(slackMessageProblems(body)).toEqual([]);
    expect(body['response_type']).toBe('ephemeral');
    expect(String(body['text'])).toContain('x86-64-v4');
    expect(allText(body['blocks']).join('\n')).toContain('x86-64-v4');
    expect(buttonValue(body)).toBe('q:/cpulevel Standard_D4s_v5');
    expect(h.questions).toEqual([{ platform: 'slack', userId: 'U0ASKER', text: '/cpulevel Standard_D4s_v5' }]);
    // one exchange: nothing on the response_url (only the ack, as Slack shows it), nothing posted as the bot
    await h.settled();
    expect(h.fake.responses.map((r) => [r.id, r.via])).toEqual([['abc', 'ack']]);
    expect(h.fake.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('a handler slower than the ack budget: acked empty at the budget (under 3 s), answered on the response_url', async () => {
    const h = await harness((store) => async (q) => {
      await sleep(2300);
      return coreHandler(store)(q);
    });
    const res = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('slow')));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.ms).toBeGreaterThanOrEqual(1900); // the default budget, 2 s, was given to the handler
    expect(res.ms).toBeLessThan(2900);
    expect(h.fake.responses).toHaveLength(0);
    const post = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'slow'), 5000);
    expect(post.via).toBe('response_url');
    expect(post.problems).toEqual([]);
    expect(post.body['response_type']).toBe('ephemeral');
    expect(String(post.body['text'])).toContain('x86-64-v4');
    expect(buttonValue(post.body)).toBe('q:/cpulevel Standard_D4s_v5');
    await h.settled();
    expect(h.fake.responses).toHaveLength(1); // answered once, not in the ack as well
  });

  it('ackBudgetMs sets the budget; stop() waits for a slow answer still owed on the response_url', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const h = await harness(
      (store) => async (q) => {
        await gate;
        return coreHandler(store)(q);
      },
      { ackBudgetMs: 100 },
    );
    const res = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5 public', h.fake.responseUrl('owed')));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.ms).toBeLessThan(1000);
    let stopped = false;
    const stopping = h.surface.stop().then(() => {
      stopped = true;
    });
    // a request refused after stop() began: stop() is under way, and still owes the reply
    expect((await h.sender.command(commandPayload('/cpulevel', 'Standard_D2s_v3', h.fake.responseUrl('late')))).status).toBe(503);
    expect(stopped).toBe(false);
    release();
    await stopping;
    const post = h.fake.responses.find((r) => r.id === 'owed');
    expect(post).toMatchObject({ via: 'response_url', problems: [] });
    expect(post?.body['response_type']).toBe('in_channel');
  });

  it("refuses an ack budget that would not leave Slack's 3 s", async () => {
    await expect(
      createSlackSurface({
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        handler: coreHandler(new MemoryStore()),
        store: new MemoryStore(),
        ackBudgetMs: 2900,
      }),
    ).rejects.toMatchObject({ code: 'slack_bad_options', message: expect.stringContaining('ackBudgetMs') });
  });

  it('the Share button re-posts the same answer in the channel and removes the private copy', async () => {
    const h = await harness(coreHandler);
    const first = ackBody(await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('ask'))));
    const value = buttonValue(first);
    expect(value).toBeDefined();

    const res = await h.sender.action(shareActionPayload(value ?? '', h.fake.responseUrl('share')));
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // an action's ack carries nothing; the channel post goes to its response_url
    const posts = await h.fake.waitFor(() => {
      const p = h.fake.responses.filter((r) => r.id === 'share');
      return p.length === 2 ? p : undefined;
    });
    const [shared, removed] = posts;
    expect(shared?.via).toBe('response_url');
    expect(shared?.problems).toEqual([]);
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared?.body['text']).toBe(first['text']);
    const sharedText = allText(shared?.body['blocks']).join('\n');
    expect(sharedText).toContain('<@U0ASKER> asked: `/cpulevel Standard_D4s_v5`');
    expect(sharedText).toContain('x86-64-v4');
    expect(buttonValue(shared?.body ?? {})).toBeUndefined();
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it('a question too long for a button value is parked in the store and still shares', async () => {
    const long = `Standard_D4s_v5 ${'x'.repeat(2500)}`;
    const h = await harness(coreHandler);
    const first = ackBody(await h.sender.command(commandPayload('/cpulevel', long, h.fake.responseUrl('long'))));
    const value = buttonValue(first) ?? '';
    expect(value).toMatch(/^k:[0-9a-f-]{36}$/);
    await h.sender.action(shareActionPayload(value, h.fake.responseUrl('long-share')));
    const shared = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'long-share'));
    expect(shared.body['response_type']).toBe('in_channel');
    expect(h.questions.at(-1)?.text).toBe(`/cpulevel ${long}`);
  });

  it('an expired share says so privately and posts nothing in the channel', async () => {
    const h = await harness(coreHandler);
    await h.sender.action(shareActionPayload('k:00000000-0000-0000-0000-000000000000', h.fake.responseUrl('gone')));
    const post = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'gone'));
    expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(post.body['text'])).toContain('ask again');
  });

  it('the `public` word answers in the channel (response_type in_channel in the ack), with no Share button', async () => {
    const h = await harness(coreHandler);
    const body = ackBody(await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5 public', h.fake.responseUrl('pub'))));
    expect(slackMessageProblems(body)).toEqual([]);
    expect(body['response_type']).toBe('in_channel');
    expect(String(body['text'])).toContain('x86-64-v4');
    expect(allText(body['blocks']).join('\n')).toContain('<@U0ASKER> asked: `/cpulevel Standard_D4s_v5 public`');
    expect(buttonValue(body)).toBeUndefined();
  });

  it('a repeated command gets the same reply as JSON; a public one credits whoever asked it this time', async () => {
    const h = await harness(coreHandler);
    const send = (text: string, user: string) => h.sender.command(commandPayload('/cpulevel', text, h.fake.responseUrl(user), user));
    // first asking: answered afresh; second: kept by the core; third: its kept reply and JSON
    const [first, ...again] = [await send('Standard_E4s_v5', 'U0FIRST'), await send('Standard_E4s_v5', 'U0AGAIN'), await send('Standard_E4s_v5', 'U0THIRD')];
    for (const res of again) {
      expect(ackBody(res)).toEqual(ackBody(first!));
      expect(res.body).toBe(first!.body);
    }
    expect(String(ackBody(first!)['text'])).toContain('Standard_E4s_v5');
    for (const user of ['U0FIRST', 'U0AGAIN', 'U0FIRST', 'U0THIRD']) {
      const body = ackBody(await send('Standard_E4s_v5 public', user));
      expect(body['response_type']).toBe('in_channel');
      const credits = allText(body['blocks']).filter((t) => t.includes(' asked: '));
      expect(credits).toEqual([`<@${user}> asked: \`/cpulevel Standard_E4s_v5 public\``]);
    }
  });

  it('keeps a reply only once the core keeps the answer: commands asked once leave none behind', async () => {
    const h = await harness(coreHandler);
    const sizes = catalog()
      .sizes.slice(-3)
      .map((s) => s.size.name);
    const send = (text: string) => h.sender.command(commandPayload('/cpulevel', text, h.fake.responseUrl('once')));
    const before = keptReplies();
    const first = await Promise.all(sizes.map((size) => send(size)));
    expect(keptReplies()).toBe(before);
    // asked again: the core keeps the answer (frozen), and from then on its reply and JSON are kept too
    const again = await send(sizes[0]!);
    expect(keptReplies()).toBe(before + 1);
    expect(again.body).toBe(first[0]!.body);
    expect((await send(sizes[0]!)).body).toBe(first[0]!.body);
    expect(keptReplies()).toBe(before + 1);
  });

  it('a repeated command whose answer changed gets the new answer, never the reply kept for the old one', async () => {
    let n = 0;
    const h = await harness(() => async (q) => {
      n += 1;
      return { ...fixtures['vm-size'], query: q.text, summary: `answer number ${n}`, text: `answer number ${n}` } as Answer;
    });
    const send = () => h.sender.command(commandPayload('/cpulevel', 'Standard_F2s_v2', h.fake.responseUrl('again')));
    const bodies = [ackBody(await send()), ackBody(await send()), ackBody(await send())];
    for (const [i, body] of bodies.entries()) expect(allText(body['blocks']).join('\n'), `asking ${i + 1}`).toContain(`answer number ${i + 1}`);
  });

  it('help, not-found and errors stay private even when public was asked for', async () => {
    const answers: Answer[] = [
      { ...fixtures.help, visibility: 'public' },
      { ...fixtures['not-found'], visibility: 'public' },
      { ...fixtures.error, visibility: 'public' },
    ];
    let i = 0;
    const h = await harness(() => async () => answers[i++]!);
    for (const [n] of answers.entries()) {
      const body = ackBody(await h.sender.command(commandPayload('/azlinux', 'whatever public', h.fake.responseUrl(`p${n}`))));
      expect(body['response_type']).toBe('ephemeral');
      expect(buttonValue(body)).toBeUndefined();
    }
  });

  it('a handler that throws gets a private apology in the ack, not silence', async () => {
    const h = await harness(() => async () => {
      throw new Error('boom');
    });
    const body = ackBody(await h.sender.command(commandPayload('/azlinux', 'upstream', h.fake.responseUrl('boom'))));
    expect(body['response_type']).toBe('ephemeral');
    expect(String(body['text'])).toContain('something went wrong');
    expect(h.logger.lines.some((l) => l.startsWith('error') && l.includes('boom'))).toBe(true);
  });

  it("an answer beyond Slack's limits is cut visibly and Slack accepts it", async () => {
    const huge: Answer = {
      ...fixtures['vm-size'],
      summary: 'S'.repeat(20_000),
      facts: Array.from({ length: 200 }, (_, n) => ({ label: `Fact ${n}`, value: 'v'.repeat(500) })),
      sections: Array.from({ length: 60 }, (_, n) => ({ title: `Section ${n}`, lines: ['l'.repeat(2000)] })),
    };
    const h = await harness(() => async () => huge);
    const body = ackBody(await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('huge'))));
    expect(slackMessageProblems(body)).toEqual([]);
    expect((body['blocks'] as unknown[]).length).toBeLessThanOrEqual(50);
    expect(allText(body['blocks']).join('\n')).toContain('…(truncated)');
    expect(h.logger.lines.some((l) => l.startsWith('error'))).toBe(false);
  });

  it('logs nothing per answer at info (the service handler logs each question once)', async () => {
    const h = await harness(coreHandler);
    ackBody(await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('quiet'))));
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000150.000100' }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1 || undefined);
    expect(h.logger.lines).toEqual([]);
  });
});

describe('Slack surface: mentions in threads', () => {
  it('answers in the thread under the mention, naming Fedora 43', async () => {
    const h = await harness(coreHandler);
    const res = await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000100.000100' }));
    expect(res.status).toBe(200);
    const [post] = await h.fake.waitFor(() => (h.fake.callsTo('chat.postMessage').length ? h.fake.callsTo('chat.postMessage') : undefined));
    expect(post?.problems).toEqual([]);
    expect(post?.auth).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post?.body).toMatchObject({ channel: 'C0CHAN', thread_ts: '1700000100.000100' });
    // the blocks carry the answer; the fallback text, its first sentence
    expect(allText(post?.body['blocks']).join('\n')).toContain('Fedora 43');
    expect(String(post?.body['text'])).toContain('Azure Linux 4.0');
    expect(h.questions[0]).toEqual({
      platform: 'slack',
      userId: 'U0ASKER',
      threadKey: 'slack:T0TEST:C0CHAN:1700000100.000100',
      text: 'what is azure linux 4 based on?',
    });
  });

  it('a follow-up mention in the same thread leans on what the thread established', async () => {
    const h = await harness(coreHandler);
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000200.000100' }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1);
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> and is it in preview?', ts: '1700000260.000100', threadTs: '1700000200.000100' }));
    const posts = await h.fake.waitFor(() => (h.fake.callsTo('chat.postMessage').length === 2 ? h.fake.callsTo('chat.postMessage') : undefined));
    const followUp = posts[1];
    expect(followUp?.body['thread_ts']).toBe('1700000200.000100');
    expect(h.questions[1]?.threadKey).toBe(h.questions[0]?.threadKey);
    expect(String(followUp?.body['text'])).toMatch(/Azure Linux 4/);
    expect(String(followUp?.body['text'])).toMatch(/preview/i);
  });

  it('the same event delivered twice (X-Slack-Retry-Num: 1) is answered once', async () => {
    const h = await harness(coreHandler);
    const envelope = mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000300.000100', eventId: 'Ev0DUP' });
    expect((await h.sender.event(envelope)).status).toBe(200);
    expect((await h.sender.event(envelope, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await h.settled();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.questions).toHaveLength(1);
  });

  it('two replicas sharing a store answer a redelivered event once between them', async () => {
    const fake = await startFakeSlack();
    const store = new MemoryStore();
    try {
      const a = await harness(coreHandler, { fake, store });
      const b = await harness(coreHandler, { fake, store });
      const envelope = mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000400.000100', eventId: 'Ev0REPLICA' });
      await Promise.all([a.sender.event(envelope), b.sender.event(envelope, { retryNum: 1 })]);
      await Promise.all([a.settled(), b.settled()]);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await Promise.all(open.splice(0).map((h) => h.close()));
      await fake.close();
      await store.close();
    }
  });

  it('a store that cannot claim (Redis down) answers anyway rather than stay silent', async () => {
    const broken = new MemoryStore();
    broken.claim = async () => {
      throw new Error('ECONNREFUSED');
    };
    const h = await harness(coreHandler, { store: broken });
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000450.000100' }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length === 1 || undefined);
    expect(h.logger.lines.some((l) => l.startsWith('warn') && l.includes('ECONNREFUSED'))).toBe(true);
    await broken.close();
  });

  it('user text "<!channel> @here" never comes back as a ping, in a mention or a command', async () => {
    const h = await harness(coreHandler);
    const replies = () => h.fake.calls.filter((c) => c.method.startsWith('chat.'));
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> <!channel> @here <!subteam^S0|@ops> @everyone', ts: '1700000500.000100' }));
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on? <!here> @channel', ts: '1700000501.000100' }));
    const response = ackBody(await h.sender.command(commandPayload('/cpulevel', '<!channel> @here', h.fake.responseUrl('ping'))));
    const echo = ackBody(await h.sender.command(commandPayload('/azlinux', 'lineage @here', h.fake.responseUrl('echo'))));
    await h.fake.waitFor(() => replies().length === 2 || undefined);
    expect(h.questions.map((q) => q.text)).toContain('@channel @here @ops @everyone');
    // the core repeats the unknown name with name characters only: "here", never "@here"
    expect(String(echo['text'])).toMatch(/`here`/);
    for (const text of [...replies().flatMap((c) => allText(c.body)), ...allText(response), ...allText(echo)]) {
      expect(text).not.toMatch(PING);
    }
  });

  it('errors, help and not-found on a mention are told only to the asker (ephemeral, in the thread)', async () => {
    const private_ = [{ ...fixtures.error, summary: 'Too many questions; wait a minute.' }, fixtures.help, fixtures['not-found']];
    let i = 0;
    const h = await harness(() => async () => private_[i++]!);
    for (const [n] of private_.entries()) {
      const ts = `170000060${n}.000100`;
      await h.sender.event(mentionEnvelope({ text: '<@UBOT> hi', ts }));
      const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[n]);
      expect(post.body).toMatchObject({ channel: 'C0CHAN', user: 'U0ASKER', thread_ts: ts });
      expect(post.problems).toEqual([]);
    }
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack surface: request verification', () => {
  it('a forged signature gets 401 and causes no API call and no reply', async () => {
    const h = await harness(coreHandler);
    const forged = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('forged')), {
      signature: `v0=${'0'.repeat(64)}`,
    });
    const forgedEvent = await h.sender.event(mentionEnvelope({ text: '<@UBOT> hi', ts: '1700000700.000100' }), { signature: 'v0=deadbeef' });
    expect(forged.status).toBe(401);
    expect(forgedEvent.status).toBe(401);
    await h.settled();
    expect(h.fake.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.fake.responses).toHaveLength(0);
    expect(h.questions).toHaveLength(0);
  });

  it('a stale timestamp (older than 5 minutes), even correctly signed, gets 401 and causes nothing', async () => {
    const h = await harness(coreHandler);
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', h.fake.responseUrl('stale')), { timestamp });
    expect(res.status).toBe(401);
    await h.settled();
    expect(h.fake.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.fake.responses).toHaveLength(0);
    expect(h.questions).toHaveLength(0);
  });

  it('echoes the url_verification challenge', async () => {
    const h = await harness(coreHandler);
    const res = await h.sender.event({ token: 't', challenge: 'c-3po-challenge', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ challenge: 'c-3po-challenge' });
  });

  it("other paths and methods are not Slack's", async () => {
    const h = await harness(coreHandler);
    expect((await fetch(h.eventsUrl.replace('/slack/events', '/elsewhere'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(h.eventsUrl)).status).toBe(405);
  });
});

describe('Slack surface: mounted on a shared server, and stopping', () => {
  it('requestListener serves /slack/events on a server that also serves /healthz', async () => {
    const fake = await startFakeSlack();
    const surface = await createSlackSurface({
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: fake.apiUrl,
      handler: coreHandler(new MemoryStore()),
      store: new MemoryStore(),
      logger: captureLogger(),
    });
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/healthz') return void res.end('ok');
      if (path === SLACK_EVENTS_PATH) return surface.requestListener(req, res);
      res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok');
      const sender = new SlackSender(`http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, SIGNING_SECRET);
      const mounted = await sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', fake.responseUrl('mounted')));
      expect(String(ackBody(mounted)['text'])).toContain('x86-64-v4');
      await surface.stop();
      // stopped: Slack is told to try again elsewhere; the host server keeps serving its own routes
      expect((await sender.command(commandPayload('/cpulevel', 'x', fake.responseUrl('late')))).status).toBe(503);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).text()).toBe('ok');
    } finally {
      server.close();
      await fake.close();
    }
  });

  it('stop() waits for a reply in flight, refuses new work meanwhile, then closes', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = false;
    const h = await harness((store) => async (q) => {
      entered = true;
      await gate;
      return coreHandler(store)(q);
    });
    await h.sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700000800.000100' }));
    while (!entered) await sleep(10);

    let stopped = false;
    const stopping = h.surface.stop().then(() => {
      stopped = true;
    });
    // a request refused after stop() began: stop() is under way, and still waiting for the reply
    const late = await h.sender.event(mentionEnvelope({ text: '<@UBOT> hi', ts: '1700000801.000100' }));
    expect(late.status).toBe(503);
    expect(stopped).toBe(false);
    expect(h.surface.isReady()).toBe(false); // /readyz turns the router away while draining
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    release();
    await stopping;
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(allText(h.fake.callsTo('chat.postMessage')[0]?.body['blocks']).join('\n')).toContain('Fedora 43');
    expect(h.surface.isReady()).toBe(false);
    await expect(fetch(h.eventsUrl, { method: 'POST' })).rejects.toThrow();
    expect(h.questions).toHaveLength(1);
  });
});
