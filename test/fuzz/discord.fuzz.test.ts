// The Discord surface (real discord.js over the loopback fake gateway and REST): slash commands with
// arbitrary option values, autocomplete with arbitrary partials, mentions with arbitrary content ->
// one reply each, inside Discord's limits, with mentions switched off.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, complete } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { createDiscordSurface, type DiscordSurface } from '../../src/adapters/discord/surface.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { BOT_ID, FakeDiscord, botUser, interaction, message, type RecordedRequest } from '../fakes/discord/index.js';
import { oneLine } from './arbitraries.js';
import { within } from './checks.js';

let fake: FakeDiscord;
let surface: DiscordSurface;
let store: MemoryStore;
/** the surface's work in flight: none once every reply to what it took has been sent */
let inFlight: InFlight;

beforeAll(async () => {
  fake = await new FakeDiscord({ heartbeatIntervalMs: 1_000 }).start();
  store = new MemoryStore();
  const handler = createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 100_000, windowSeconds: 60 } });
  inFlight = new InFlight();
  surface = await createDiscordSurface({ token: 'fake-fuzz-token', apiUrl: fake.apiUrl, handler, complete, store, drainTimeoutMs: 5_000, inFlight });
  await within(10_000, 'discord ready', async () => {
    while (!surface.isReady()) await new Promise((r) => setTimeout(r, 20));
  });
});
afterAll(async () => {
  await surface?.stop();
  await fake?.stop();
  await store?.close();
});

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

/** A message body as Discord would accept it, that shows something and can ping nobody. */
function expectSafeMessage(body: { content?: string; embeds?: Embed[]; allowed_mentions?: { parse?: string[] } }): void {
  expect(body.allowed_mentions?.parse).toEqual([]);
  const embeds = body.embeds ?? [];
  const content = body.content ?? '';
  expect(content.length).toBeLessThanOrEqual(2_000);
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4_096);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1_024);
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6_000);
  expect(content.trim().length + total).toBeGreaterThan(0);
  // Even with mentions off, nothing should read as a broadcast.
  expect(JSON.stringify(body)).not.toMatch(/@(everyone|here)\b/i);
}

/** The interaction's final message: the callback's own data, or the edit after a deferral. */
async function finalReply(id: string, token: string): Promise<RecordedRequest['body']> {
  const callback = await fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${id}/${token}/callback`, 5_000);
  if (callback.body.type !== 5) return callback.body.data;
  const edit = await fake.rest.waitFor((r) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/@original`), 5_000);
  return edit.body;
}

const value = fc.oneof(oneLine, fc.constantFrom('Standard_D4s_v5', 'rhel', '10', 'x86-64-v3', 'avx2 bmi2'));
const azlinux = fc.record({
  name: fc.constant('azlinux' as const),
  subcommand: fc.constantFrom('upstream', 'releases', 'lineage', 'compat', 'help', 'nonsense'),
  options: fc.record({ size: value, distro: value, release: value, public: fc.boolean() }, { requiredKeys: [] }),
});
const cpulevel = fc.record({
  name: fc.constant('cpulevel' as const),
  options: fc.record({ size: value, cpu: value, level: value, flags: value, public: fc.boolean() }, { requiredKeys: [] }),
});

describe('Discord surface under arbitrary input', () => {
  it('slash commands with any option values get one safe reply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(azlinux, cpulevel), fc.boolean(), async (spec, inThread) => {
        const i = interaction({ ...spec, inThread });
        fake.gateway.dispatch('INTERACTION_CREATE', i);
        expectSafeMessage(await finalReply(i.id, i.token));
      }),
      { numRuns: 100 },
    );
  });

  it('autocomplete with any partial gets at most 25 valid choices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('size', 'distro', 'release', 'cpu'), oneLine, async (focused, partial) => {
        const i =
          focused === 'cpu' || focused === 'size'
            ? interaction({ name: 'cpulevel', options: { [focused]: partial }, focused })
            : interaction({ name: 'azlinux', subcommand: 'lineage', options: { [focused]: partial }, focused });
        fake.gateway.dispatch('INTERACTION_CREATE', i);
        const callback = await fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${i.id}/${i.token}/callback`, 5_000);
        expect(callback.body.type).toBe(8);
        const choices = callback.body.data.choices as { name: string; value: string }[];
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(String(c.value).length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('mentions with any content get one safe reply', async () => {
    const asked: string[] = [];
    await fc.assert(
      fc.asyncProperty(oneLine, fc.boolean(), async (text, inThread) => {
        const m = message({ content: `<@${BOT_ID}> ${text}`, mentions: [botUser], inThread });
        asked.push(m.id);
        fake.gateway.dispatch('MESSAGE_CREATE', m);
        const reply = await fake.rest.waitFor(
          (r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === m.id,
          5_000,
        );
        expectSafeMessage(reply.body);
      }),
      { numRuns: 60 },
    );
    expect(await inFlight.drain(10_000)).toBe(true); // every reply sent: none can follow
    const replies = fake.rest.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    for (const id of asked) expect(replies.filter((r) => r.body?.message_reference?.message_id === id)).toHaveLength(1);
  });
});
