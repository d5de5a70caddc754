// The real discord.js client, driven through a loopback fake Discord (REST + gateway), with a fixture handler.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import type { Answer } from '../../src/core/answer.js';
import type { Handler } from '../../src/ports/index.js';
import type { CompleteFn } from '../../src/adapters/discord/autocomplete.js';
import {
  BOT_ID,
  BOT_ROLE_ID,
  CHANNEL_ID,
  GUILD_ID,
  Op,
  TEAM_ROLE_ID,
  THREAD_ID,
  interaction,
  message,
  botUser,
  otherBot,
  type RecordedRequest,
} from '../fakes/discord/index.js';
import { fixtures } from '../fixtures/answers.js';
import { startHarness, waitUntil, type Harness } from './harness.js';

const EPHEMERAL = 64;
const sizes = ['Standard_D4s_v5', 'Standard_D4s_v4', 'Standard_D4s_v3', 'Standard_D48s_v5', ...Array.from({ length: 40 }, (_, i) => `Standard_D4${i}s_x`)];
const complete: CompleteFn = (field, partial) =>
  field === 'size' ? sizes.filter((s) => s.toLowerCase().includes(partial.toLowerCase())).map((s) => ({ name: s, value: s })) : [];

/** Fixture answers by question text; "slow" ones take 600 ms (the harness defers after 200 ms). */
const handler: Handler = async (q) => {
  const slow = /slow/.test(q.text);
  if (slow) await new Promise((r) => setTimeout(r, 600));
  if (q.text.includes('help')) return fixtures.help;
  if (q.text.includes('boom')) throw new Error('boom');
  // the core read a trailing `public` into the answer (a free-text option can carry the word)
  if (q.text.includes('Standard_E2s_v5')) return { ...fixtures['vm-size'], visibility: 'public' } as Answer;
  if (q.text.startsWith('/cpulevel')) return fixtures['vm-size'];
  return { ...fixtures.distro, query: q.text } as Answer;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(handler, complete, { deferAfterMs: 200 });
});
afterAll(async () => {
  await h?.close();
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

describe('gateway session', () => {
  test('connects with ?v=10&encoding=json, no compression, and identifies without the MessageContent intent', () => {
    const first = h.fake.gateway.connections[0]!;
    expect(first.query).toEqual({ v: '10', encoding: 'json' });
    const identify = h.fake.gateway.sent(Op.Identify)[0]!;
    expect(identify.d.token).toBe('fake-bot-token');
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages);
    expect(identify.d.intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(h.fake.rest.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    expect(h.surface.name).toBe('discord');
    expect(h.surface.isReady()).toBe(true);
  });

  test('heartbeats are sent and acknowledged', async () => {
    const connections = h.fake.gateway.connections.length;
    // A heartbeat of a ready session carries the last sequence number seen (READY's or later). Not the
    // connection's first one: discord.js sends that a random part of the interval after HELLO, and with
    // no session yet (READY not yet read: a loaded machine) it carries null, as the protocol has it.
    const before = h.fake.gateway.sent(Op.Heartbeat).length;
    const beat = await h.fake.gateway.waitForOp(Op.Heartbeat, before + 1, 5000);
    expect(typeof beat.d).toBe('number');
    expect(beat.d).toBeGreaterThanOrEqual(1);
    // acknowledged: discord.js measures its ping from the ack, keeps beating on the same connection,
    // and would drop a connection whose heartbeat went unacknowledged (a zombie) and reconnect
    await h.fake.gateway.waitForOp(Op.Heartbeat, before + 2, 5000);
    await waitUntil(() => h.surface.client.ws.ping >= 0, 5000, 'a ping measured from a heartbeat ack');
    expect(h.surface.client.ws.ping).toBeGreaterThanOrEqual(0);
    expect(h.fake.gateway.connections.length).toBe(connections);
  });
});

describe('slash commands', () => {
  test('/cpulevel size:Standard_D4s_v5 -> the grammar text, answered with an ephemeral embed and no mentions', async () => {
    const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.path).toBe(`/interactions/${i.id}/${i.token}/callback`);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(cb.body.data.embeds)).toContain('x86-64-v4');
    expect(h.questions.at(-1)).toEqual({ platform: 'discord', userId: i.member.user.id, text: '/cpulevel Standard_D4s_v5' });
  });

  test('public:true shares the answer in the channel; a thread gives the question its thread key', async () => {
    const i = interaction({
      name: 'azlinux',
      subcommand: 'compat',
      options: { size: 'Standard_D2s_v3', distro: 'rhel', release: '10', public: true },
      inThread: true,
    });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(h.questions.at(-1)).toMatchObject({ text: '/azlinux compat Standard_D2s_v3 rhel 10', threadKey: `discord:${GUILD_ID}:${THREAD_ID}` });
  });

  test("the answer's own visibility is honoured: public without public:true is shared in the channel", async () => {
    const i = interaction({ name: 'cpulevel', options: { size: 'Standard_E2s_v5' } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(cb.body.data.components ?? []).toEqual([]);
  });

  test('help is private even when public:true was asked', async () => {
    const i = interaction({ name: 'cpulevel', options: { public: true } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(h.questions.at(-1)!.text).toBe('/cpulevel help');
  });

  test('a usage mistake is answered privately without asking the handler', async () => {
    const before = h.questions.length;
    const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5', cpu: 'EPYC 7763' } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toContain('Give one of');
    expect(h.questions.length).toBe(before);
  });

  test('a slow answer is deferred (private), then the original response is edited', async () => {
    const i = interaction({ name: 'azlinux', subcommand: 'lineage', options: { distro: 'slow' } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await h.fake.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${BOT_ID}/${i.token}/messages/@original`);
    expect(edit.body.embeds[0].title).toBe(fixtures.distro.title);
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test('slow, deferred in public, but the answer is help: placeholder deleted, answered privately', async () => {
    const i = interaction({ name: 'azlinux', subcommand: 'releases', options: { distro: 'slow help', public: true } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body).toEqual({ type: 5, data: { flags: 0 } });
    await h.fake.rest.waitFor((r) => r.method === 'DELETE' && r.path === `/webhooks/${BOT_ID}/${i.token}/messages/@original`);
    const follow = await h.fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/webhooks/${BOT_ID}/${i.token}`);
    expect(follow.body.flags).toBe(EPHEMERAL);
    expect(follow.body.embeds[0].title).toBe(fixtures.help.title);
  });

  test('a handler failure becomes a private apology, not a hung interaction', async () => {
    const i = interaction({ name: 'azlinux', subcommand: 'releases', options: { distro: 'boom' } });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(cb.body.data.embeds[0].description).toContain('something went wrong');
  });

  test('autocomplete for "d4s" answers with ranked choices (type 8), at most 25', async () => {
    const i = interaction({ name: 'cpulevel', options: { size: 'd4s' }, focused: 'size' });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Standard_D4s_v5');
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

describe('mentions', () => {
  const postsTo = (channelId: string, after: number) => (r: RecordedRequest) =>
    r.method === 'POST' && r.path === `/channels/${channelId}/messages` && h.fake.rest.requests.indexOf(r) >= after;

  test('a mention in a thread is answered in that thread, mention stripped, no pings', async () => {
    const mark = h.fake.rest.requests.length;
    const m = message({ content: `<@${BOT_ID}> what is azure linux 4 based on?`, mentions: [botUser], inThread: true });
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    const post = await h.fake.rest.waitFor(postsTo(THREAD_ID, mark));
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.body.message_reference).toMatchObject({ message_id: m.id, fail_if_not_exists: false });
    expect(post.body.embeds[0].title).toBe(fixtures.distro.title);
    expect(h.questions.at(-1)).toEqual({
      platform: 'discord',
      userId: m.author.id,
      threadKey: `discord:${GUILD_ID}:${THREAD_ID}`,
      text: 'what is azure linux 4 based on?',
    });
  });

  test('in a channel, a reply to the bot continues the same conversation (reply-chain root)', async () => {
    // each reply is matched by the message it answers, and each question by its text: a late reply or question from
    // an earlier test on a loaded machine cannot stand in for these
    const repliesTo = (id: string) => (r: RecordedRequest) =>
      r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages` && r.body?.message_reference?.message_id === id;
    const first = message({ content: `<@${BOT_ID}> can I run rhel 10 on d2s v3?`, mentions: [botUser] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', first);
    const answer = await h.fake.rest.waitFor(repliesTo(first.id));
    const firstKey = h.questions.find((q) => q.text === 'can I run rhel 10 on d2s v3?')?.threadKey;
    expect(firstKey).toBe(`discord:${GUILD_ID}:${CHANNEL_ID}:${first.id}`);

    const botMessageId = answer.response.id as string;
    const followUp = message({ content: 'and on Standard_A2_v2?', mentions: [botUser], replyTo: botMessageId });
    h.fake.gateway.dispatch('MESSAGE_CREATE', followUp);
    await h.fake.rest.waitFor(repliesTo(followUp.id));
    expect(h.questions.filter((q) => q.text === 'and on Standard_A2_v2?')).toEqual([expect.objectContaining({ threadKey: firstKey })]);
  });

  test('messages from other bots, from itself, and without a mention are ignored', async () => {
    const before = h.questions.length;
    const mark = h.fake.rest.requests.length;
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> hi`, author: otherBot, mentions: [botUser] }));
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@${BOT_ID}> hi`, author: botUser, mentions: [botUser] }));
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: 'what is azure linux based on?' }));
    // a later mention is answered, so the three above were seen and skipped, not merely still queued
    const marker = message({ content: `<@${BOT_ID}> marker`, mentions: [botUser] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', marker);
    await h.fake.rest.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === marker.id);
    expect(h.questions.length).toBe(before + 1);
    expect(h.fake.rest.requests.slice(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))).toHaveLength(1);
  });

  test("a mention of the bot's managed role is a mention of the bot; another role's is not", async () => {
    const before = h.questions.length;
    const mark = h.fake.rest.requests.length;
    h.fake.gateway.dispatch('MESSAGE_CREATE', message({ content: `<@&${TEAM_ROLE_ID}> what is azure linux based on?`, mentionRoles: [TEAM_ROLE_ID] }));
    const m = message({ content: `<@&${BOT_ROLE_ID}> what is azure linux 4 based on? cc <@&${TEAM_ROLE_ID}>`, mentionRoles: [BOT_ROLE_ID, TEAM_ROLE_ID] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    const post = await h.fake.rest.waitFor(postsTo(CHANNEL_ID, mark));
    expect(post.body.message_reference).toMatchObject({ message_id: m.id });
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.questions.length).toBe(before + 1);
    expect(h.questions.at(-1)).toMatchObject({ text: `what is azure linux 4 based on? cc <@&${TEAM_ROLE_ID}>` });
  });

  test('a DM needs no mention and is its own conversation', async () => {
    const dmChannel = '1200000000000000900';
    const dm = { ...message({ content: 'what is azure linux 4 based on?', channelId: dmChannel }), channel_type: 1, guild_id: undefined, member: undefined };
    delete dm.guild_id;
    delete dm.member;
    h.fake.gateway.dispatch('MESSAGE_CREATE', dm);
    const post = await h.fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/channels/${dmChannel}/messages`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(h.questions.at(-1)).toMatchObject({ threadKey: `discord:dm:${dmChannel}`, text: 'what is azure linux 4 based on?' });
  });

  test('the same message delivered twice is answered once', async () => {
    const m = message({ content: `<@${BOT_ID}> twice`, mentions: [botUser] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    const marker = message({ content: `<@${BOT_ID}> after twice`, mentions: [botUser] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', marker);
    await h.fake.rest.waitFor((r) => r.body?.message_reference?.message_id === marker.id);
    expect(h.fake.rest.requests.filter((r) => r.body?.message_reference?.message_id === m.id)).toHaveLength(1);
  });
});

describe('reconnects', () => {
  test('a dropped connection is resumed (RESUME with the last sequence) and the bot still answers', async () => {
    const resumesBefore = h.fake.gateway.sent(Op.Resume).length;
    h.fake.gateway.drop();
    const resume = await h.fake.gateway.waitForOp(Op.Resume, resumesBefore + 1, 10_000);
    expect(resume.d.session_id).toMatch(/^session-/);
    expect(typeof resume.d.seq).toBe('number');
    await waitUntil(() => h.surface.isReady(), 10_000, 'ready after resume');
    await stillAnswers();
  });

  test('a resume the gateway refuses leads to a fresh IDENTIFY, and the bot still answers', async () => {
    const identifiesBefore = h.fake.gateway.sent(Op.Identify).length;
    h.fake.gateway.rejectNextResume = true;
    h.fake.gateway.drop();
    await h.fake.gateway.waitForOp(Op.Identify, identifiesBefore + 1, 15_000);
    await waitUntil(() => h.surface.isReady(), 10_000, 'ready after re-identify');
    await stillAnswers();
  });
});

async function stillAnswers(): Promise<void> {
  const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
  h.fake.gateway.dispatch('INTERACTION_CREATE', i);
  const cb = await h.fake.rest.waitFor(callbackOf(i.id));
  expect(JSON.stringify(cb.body.data.embeds)).toContain('x86-64-v4');
}
