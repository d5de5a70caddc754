// User installs and the Share button, through the real discord.js client and the loopback fake Discord:
// commands carry user-install types and contexts, interactions from a DM or a group DM (no guild) are
// answered, and a private answer can be shared once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';
import type { Handler } from '../../src/ports/index.js';
import { COMMANDS } from '../../src/adapters/discord/commands.js';
import { main as register } from '../../src/adapters/discord/register.js';
import { SHARE_PREFIX } from '../../src/adapters/discord/share.js';
import { askInThread } from '../../src/service/conversation.js';
import { ask, complete } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import {
  APP_ID,
  buttonInteraction,
  DM_CHANNEL_ID,
  FakeDiscord,
  GROUP_DM_ID,
  interaction,
  privateInteraction,
  USER_ID,
  type RecordedRequest,
} from '../fakes/discord/index.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const store = new MemoryStore();
const handler: Handler = (q) => askInThread(ask, store, q.threadKey, q.text);
const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
const webhookPost = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${token}`;
const webhookPatch = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`;

describe('command definitions', () => {
  test('every command can be installed to a server or a user, and used in servers, the bot DM and group DMs', () => {
    for (const c of COMMANDS) {
      expect(c.integration_types).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
      expect(c.integration_types).toEqual([0, 1]);
      expect(c.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
      expect(c.contexts).toEqual([0, 1, 2]);
    }
  });

  test('registering sends them as such; over the guild-install-only definitions it updates once, then changes nothing', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
      // what an older version registered: guild installs only
      fake.rest.commands.set(
        'global',
        COMMANDS.map((c) => ({ ...c, id: '1', application_id: APP_ID, version: '1', integration_types: [0], contexts: [0, 1] })),
      );
      const lines: string[] = [];
      expect(
        await register(
          env,
          (l) => lines.push(l),
          () => undefined,
        ),
      ).toBe(0);
      expect(lines.join('\n')).toMatch(/changed: \/azlinux, \/cpulevel/);
      const puts = () => fake.rest.requests.filter((r) => r.method === 'PUT');
      expect(puts()).toHaveLength(1);
      for (const c of puts()[0]!.body as Array<{ integration_types: number[]; contexts: number[] }>) {
        expect(c.integration_types).toEqual([0, 1]);
        expect(c.contexts).toEqual([0, 1, 2]);
      }
      expect(
        await register(
          env,
          (l) => lines.push(l),
          () => undefined,
        ),
      ).toBe(0);
      expect(lines.at(-1)).toMatch(/nothing changed/);
      expect(puts()).toHaveLength(1);
    } finally {
      await fake.stop();
    }
  });
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness(handler, complete, { deferAfterMs: 2000, store });
});
afterAll(async () => {
  await h?.close();
});

describe('interactions outside a server (user install)', () => {
  test('in the DM with the bot: answered, with the DM as its conversation, and no Share button', async () => {
    const i = privateInteraction({ name: 'cpulevel', options: { size: 'd4s v5' } }, 1);
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(4);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('Standard_D4s_v5');
    expect(cb.body.data.components ?? []).toEqual([]);
    expect(h.questions.at(-1)).toEqual({ platform: 'discord', userId: USER_ID, text: '/cpulevel d4s v5', threadKey: `discord:dm:${DM_CHANNEL_ID}` });
  });

  test('in a group DM the bot is not a member of: answered privately, the group DM its conversation', async () => {
    const i = privateInteraction({ name: 'azlinux', subcommand: 'compat', options: { size: 'Standard_D1', distro: 'rhel', release: '10' } }, 2);
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(cb.body.data.embeds)).toMatch(/It depends/);
    expect(h.questions.at(-1)?.threadKey).toBe(`discord:dm:${GROUP_DM_ID}`);
    // no channel message was needed: the answer went through the interaction's own webhook
    expect(h.fake.rest.requests.some((r) => r.path === `/channels/${GROUP_DM_ID}/messages`)).toBe(false);
  });

  test('in a group DM with public:true: posted for everyone there', async () => {
    const i = privateInteraction({ name: 'azlinux', subcommand: 'upstream', options: { public: true } }, 2);
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('Fedora');
  });

  test('autocomplete works there too', async () => {
    const i = privateInteraction({ name: 'cpulevel', options: { size: 'd4s' }, focused: 'size' }, 2);
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices.length).toBeGreaterThan(0);
  });
});

describe('the Share button', () => {
  async function privateAnswer(options = { size: 'Standard_D4s_v5' }) {
    const i = interaction({ name: 'cpulevel', options, userInstall: true });
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const cb = await h.fake.rest.waitFor(callbackOf(i.id));
    return cb.body.data as { flags: number; embeds: unknown[]; components?: Array<{ components: Array<{ custom_id: string; label: string }> }> };
  }

  test('a private answer carries it; help and not-found do not', async () => {
    const data = await privateAnswer();
    expect(data.flags).toBe(EPHEMERAL);
    const button = data.components?.[0]?.components[0];
    expect(button?.label).toBe('Share in channel');
    expect(button?.custom_id.startsWith(SHARE_PREFIX)).toBe(true);
    expect(button!.custom_id.length).toBeLessThanOrEqual(100);
    const help = await privateAnswer({} as never);
    expect(help.components ?? []).toEqual([]);
    const unknown = await privateAnswer({ size: 'Standard_Q9z_v99' });
    expect(JSON.stringify(unknown.embeds)).toMatch(/Did you mean|don't know/);
    expect(unknown.components ?? []).toEqual([]);
  });

  test('pressing it posts the answer for everyone, crediting the presser, and removes the button; a second press posts nothing', async () => {
    const data = await privateAnswer();
    const customId = data.components![0]!.components[0]!.custom_id;
    const press = buttonInteraction({ customId, embeds: data.embeds });
    h.fake.gateway.dispatch('INTERACTION_CREATE', press);
    const ack = await h.fake.rest.waitFor(callbackOf(press.id));
    expect(ack.body.type).toBe(6); // deferred update of the private message
    const post = await h.fake.rest.waitFor(webhookPost(press.token));
    expect(post.body.flags ?? 0).toBe(0);
    expect(post.body.content).toBe(`Shared by <@${USER_ID}>`);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(post.body.embeds)).toBe(JSON.stringify(data.embeds));
    const edit = await h.fake.rest.waitFor(webhookPatch(press.token));
    expect(edit.body.components).toEqual([]);

    const again = buttonInteraction({ customId, embeds: data.embeds });
    h.fake.gateway.dispatch('INTERACTION_CREATE', again);
    const refused = await h.fake.rest.waitFor(callbackOf(again.id));
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(refused.body.data.embeds)).toContain('already been shared');
    await h.settled();
    expect(h.fake.rest.requests.some(webhookPost(again.token))).toBe(false);
  });

  test('a button whose question has expired (or never was) says so, privately', async () => {
    const press = buttonInteraction({ customId: `${SHARE_PREFIX}00000000-0000-0000-0000-000000000000` });
    h.fake.gateway.dispatch('INTERACTION_CREATE', press);
    const cb = await h.fake.rest.waitFor(callbackOf(press.id));
    expect(cb.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('can no longer be shared');
  });
});
