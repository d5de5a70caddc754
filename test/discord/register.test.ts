// `npm run discord:register` against the loopback fake REST: registers once, then changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMANDS } from '../../src/adapters/discord/commands.js';
import { main } from '../../src/adapters/discord/register.js';
import { diffCommands, forScope, normalise } from '../../src/adapters/discord/sync-commands.js';
import { APP_ID, GUILD_ID, FakeDiscord } from '../fakes/discord/index.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
});

function run(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return main(
    env,
    (l) => out.push(l),
    (l) => err.push(l),
  ).then((code) => ({ code, out, err }));
}

const puts = (path: string) => fake.rest.requests.filter((r) => r.method === 'PUT' && r.path === path);

describe('register', () => {
  test.each([
    ['global', {}, `/applications/${APP_ID}/commands`],
    ['guild', { DISCORD_GUILD_ID: GUILD_ID }, `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`],
  ])('%s: first run PUTs the definitions, second run only GETs and changes nothing', async (_scope, extra, path) => {
    const env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl, ...extra };

    const first = await run(env);
    expect(first.code).toBe(0);
    expect(first.out.join('\n')).toMatch(/registered; changed: \/azlinux, \/cpulevel/);
    expect(puts(path)).toHaveLength(1);
    // what Discord stored offers every /azlinux subcommand the grammar reads, about included
    const azlinux = (puts(path)[0]!.body as Array<{ name: string; options?: Array<{ name: string }> }>).find((c) => c.name === 'azlinux')!;
    expect(azlinux.options!.map((o) => o.name)).toEqual(['upstream', 'releases', 'lineage', 'compat', 'about', 'help']);
    expect(puts(path)[0]!.headers.authorization).toBe('Bot fake-bot-token');

    const getsBefore = fake.rest.requests.filter((r) => r.method === 'GET' && r.path === path).length;
    const second = await run(env);
    expect(second.code).toBe(0);
    expect(second.out.join('\n')).toMatch(/already up to date; nothing changed/);
    expect(puts(path)).toHaveLength(1); // no second PUT
    expect(fake.rest.requests.filter((r) => r.method === 'GET' && r.path === path).length).toBe(getsBefore + 1);
  });

  test('a changed definition is PUT again, naming what changed', async () => {
    const path = `/applications/${APP_ID}/commands`;
    const stored = fake.rest.commands.get('global')!;
    stored[1] = { ...stored[1]!, description: 'an older description' };
    const result = await run({ DISCORD_TOKEN: 't0ken-fake', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(result.code).toBe(0);
    expect(result.out.join('\n')).toMatch(/changed: \/cpulevel\./);
    expect(puts(path)).toHaveLength(2);
  });

  test.each(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'])('missing %s: a message naming it, exit 2, no request', async (name) => {
    const before = fake.rest.requests.length;
    const env: Record<string, string> = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl };
    delete env[name];
    const result = await run(env);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain(`${name} is not set`);
    expect(fake.rest.requests.length).toBe(before);
  });

  test('a bad id is refused before anything is sent', async () => {
    const result = await run({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: 'my-app' });
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('DISCORD_APPLICATION_ID must be a numeric Discord id');
  });
});

describe('command definitions', () => {
  test('respect Discord limits: names, descriptions, option order (required first), counts', () => {
    const walk = (options: readonly any[] | undefined) => {
      expect((options ?? []).length).toBeLessThanOrEqual(25);
      let seenOptional = false;
      for (const o of options ?? []) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        if (o.type === 1 || o.type === 2) walk(o.options);
        else {
          if (o.required) expect(seenOptional, `${o.name}: required after optional`).toBe(false);
          else seenOptional = true;
        }
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
    };
    for (const c of COMMANDS) {
      expect(c.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(c.description!.length).toBeLessThanOrEqual(100);
      walk(c.options);
    }
  });

  test('normalised comparison ignores what Discord adds and defaults it fills', () => {
    const echoed = COMMANDS.map((c) => ({
      ...c,
      id: '1',
      application_id: APP_ID,
      version: '2',
      dm_permission: true,
      nsfw: false,
      default_member_permissions: null,
      name_localizations: null,
      description_localizations: null,
    }));
    expect(diffCommands(COMMANDS, echoed)).toEqual([]);
    expect(diffCommands(COMMANDS, echoed.slice(1))).toEqual(['azlinux']);
    expect(diffCommands(forScope(COMMANDS, true), [])).toEqual(['azlinux', 'cpulevel']);
    expect(normalise({ b: 1, a: { d: 1, c: 2 } } as never, {})).toEqual({ a: { c: 2, d: 1 }, b: 1 });
  });
});
