// End to end with the real core: discord.js <-> loopback Discord, handler = askInThread(ask, MemoryStore).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { ask, complete } from '../../src/core/index.js';
import { askInThread } from '../../src/service/conversation.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import type { Handler } from '../../src/ports/index.js';
import { EMBED_LIMITS } from '../../src/adapters/discord/limits.js';
import { embedTotal } from '../../src/adapters/discord/render.js';
import { BOT_ID, CHANNEL_ID, Op, THREAD_ID, botUser, interaction, message, otherBot, type RecordedRequest } from '../fakes/discord/index.js';
import { startHarness, waitUntil, type Harness } from './harness.js';

const store = new MemoryStore();
const handler: Handler = (q) => askInThread(ask, store, q.threadKey, q.text);

let h: Harness;
beforeAll(async () => {
  h = await startHarness(handler, complete);
});
afterAll(async () => {
  await h?.close();
  await store.close();
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const replyTo = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.body?.message_reference?.message_id === id;
const text = (embeds: APIEmbed[]) => JSON.stringify(embeds);

function withinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
  expect(embedTotal(embeds)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  for (const e of embeds) {
    expect((e.description ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
  }
}

async function command(spec: Parameters<typeof interaction>[0]): Promise<RecordedRequest> {
  const i = interaction(spec);
  h.fake.gateway.dispatch('INTERACTION_CREATE', i);
  return h.fake.rest.waitFor(callbackOf(i.id));
}

async function mention(content: string, extra: Partial<Parameters<typeof message>[0]> = {}): Promise<RecordedRequest> {
  const m = message({ content, mentions: [botUser], ...extra });
  h.fake.gateway.dispatch('MESSAGE_CREATE', m);
  return h.fake.rest.waitFor(replyTo(m.id));
}

describe('with the real core', () => {
  test('/cpulevel size:Standard_D4s_v5 -> an embed saying x86-64-v4, private, nobody pinged', async () => {
    const cb = await command({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.allowed_mentions.parse).toEqual([]);
    const embeds = cb.body.data.embeds as APIEmbed[];
    expect(embeds[0]!.title).toContain('Standard_D4s_v5');
    expect(text(embeds)).toContain('x86-64-v4');
    expect(embeds[0]!.fields!.some((f) => f.name === 'Sources' && /\]\(https:\/\/.+\) · (?:page dated|checked) \d{4}-\d{2}-\d{2}/.test(f.value))).toBe(true);
    withinLimits(embeds);
  });

  test('/azlinux compat with autocompleted values, shared publicly', async () => {
    const cb = await command({ name: 'azlinux', subcommand: 'compat', options: { size: 'Standard_D2s_v3', distro: 'rhel', release: 'rhel 10', public: true } });
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(h.questions.at(-1)!.text).toBe('/azlinux compat Standard_D2s_v3 rhel 10');
    expect(text(cb.body.data.embeds)).toMatch(/Red Hat Enterprise Linux 10/);
    withinLimits(cb.body.data.embeds);
  });

  test('the biggest answers fit: every series guaranteeing x86-64-v3', async () => {
    const cb = await command({ name: 'cpulevel', options: { level: 'x86-64-v3' } });
    withinLimits(cb.body.data.embeds);
    expect(text(cb.body.data.embeds)).toContain('Dsv5');
  });

  test('autocomplete "d4s" -> ≤ 25 ranked choices including Standard_D4s_v5', async () => {
    const cb = await command({ name: 'cpulevel', options: { size: 'd4s' }, focused: 'size' });
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Standard_D4s_v5');
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  test('autocomplete for a release follows the distro already chosen', async () => {
    const cb = await command({ name: 'azlinux', subcommand: 'compat', options: { size: 'Standard_D2s_v3', distro: 'rhel', release: '1' }, focused: 'release' });
    const values = (cb.body.data.choices as { value: string }[]).map((c) => c.value);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatch(/^rhel /);
  });

  test('a mention "what is azure linux 4 based on?" is answered in its channel naming Fedora 43, pinging nobody', async () => {
    const post = await mention(`<@${BOT_ID}> what is azure linux 4 based on?`);
    expect(post.path).toBe(`/channels/${CHANNEL_ID}/messages`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(text(post.body.embeds)).toMatch(/Fedora( Linux)? 43/);
    withinLimits(post.body.embeds);
  });

  test('in a thread, a follow-up leans on what the thread established', async () => {
    const first = await mention(`<@${BOT_ID}> can I run rhel 10 on Standard_D2s_v3?`, { inThread: true });
    expect(first.path).toBe(`/channels/${THREAD_ID}/messages`);
    expect(text(first.body.embeds)).toMatch(/Red Hat Enterprise Linux 10/);
    const follow = await mention(`<@${BOT_ID}> and on Standard_A2_v2?`, { inThread: true });
    // the distro came from the thread, the size from the follow-up
    expect(text(follow.body.embeds)).toMatch(/Red Hat Enterprise Linux 10/);
    expect(text(follow.body.embeds)).toContain('Standard_A2_v2');
  });

  test('another bot mentioning us is ignored', async () => {
    const before = h.questions.length;
    const fromBot = message({ content: `<@${BOT_ID}> what is azure linux 4 based on?`, author: otherBot, mentions: [botUser] });
    h.fake.gateway.dispatch('MESSAGE_CREATE', fromBot);
    await mention(`<@${BOT_ID}> /cpulevel Standard_D4s_v5`); // a later message is answered: the bot's was skipped
    expect(h.fake.rest.requests.some(replyTo(fromBot.id))).toBe(false);
    expect(h.questions.length).toBe(before + 1);
  });

  test('after a dropped connection the session resumes and the bot still answers', async () => {
    const resumes = h.fake.gateway.sent(Op.Resume).length;
    h.fake.gateway.drop();
    await h.fake.gateway.waitForOp(Op.Resume, resumes + 1);
    await waitUntil(() => h.surface.isReady(), 10_000, 'ready after resume');
    const cb = await command({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
    expect(text(cb.body.data.embeds)).toContain('x86-64-v4');
  });
});
