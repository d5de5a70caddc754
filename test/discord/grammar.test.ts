// Typed options -> the text grammar, and autocomplete choices, without Discord.
import { describe, expect, test } from 'vitest';
import { autocompleteChoices, toChoices, type CompleteFn } from '../../src/adapters/discord/autocomplete.js';
import { toQuestionText, type CommandInput } from '../../src/adapters/discord/grammar.js';
import { stripMention } from '../../src/adapters/discord/mentions.js';
import { restBase } from '../../src/adapters/discord/rest-base.js';
import { placeKey } from '../../src/adapters/discord/threads.js';

const az = (subcommand: string | null, options: CommandInput['options'] = {}) => toQuestionText({ command: 'azlinux', subcommand, options });
const cpu = (options: CommandInput['options'] = {}) => toQuestionText({ command: 'cpulevel', subcommand: null, options });

describe('toQuestionText', () => {
  test.each<[string, ReturnType<typeof az>]>([
    ['/azlinux upstream', az('upstream')],
    ['/azlinux upstream 4.0', az('upstream', { release: ' 4.0 ' })],
    ['/azlinux releases', az('releases')],
    ['/azlinux releases rhel', az('releases', { distro: 'rhel' })],
    ['/azlinux lineage rocky 10', az('lineage', { distro: 'rocky', release: '10' })],
    ['/azlinux compat Standard_D2s_v3', az('compat', { size: 'Standard_D2s_v3' })],
    ['/azlinux compat Standard_D2s_v3 rhel 10', az('compat', { size: 'Standard_D2s_v3', distro: 'rhel', release: '10' })],
    ['/azlinux compat d2s v3 ubuntu 24.04 LTS', az('compat', { size: 'd2s  v3', distro: 'ubuntu', release: '24.04   LTS' })],
    ['/azlinux help', az('help')],
    ['/azlinux about', az('about')],
    // autocompleted releases name their distro: not repeated, and enough on their own
    ['/azlinux compat Standard_D2s_v3 rhel 10', az('compat', { size: 'Standard_D2s_v3', distro: 'rhel', release: 'rhel 10' })],
    ['/azlinux compat Standard_D2s_v3 rocky-linux 10', az('compat', { size: 'Standard_D2s_v3', release: 'rocky-linux 10' })],
    ['/azlinux lineage rocky-linux 10', az('lineage', { distro: 'rocky-linux', release: 'rocky-linux 10' })],
    ['/azlinux upstream azure-linux 4.0', az('upstream', { release: 'azure-linux 4.0' })],
    ['/cpulevel Standard_D4s_v5', cpu({ size: 'Standard_D4s_v5' })],
    ['/cpulevel EPYC 7763', cpu({ cpu: 'EPYC 7763' })],
    ['/cpulevel x86-64-v3', cpu({ level: 'x86-64-v3' })],
    ['/cpulevel flags sse4_2 avx2 bmi2', cpu({ flags: 'sse4_2 avx2 bmi2' })],
    ['/cpulevel help', cpu()],
  ])('%s', (text, result) => {
    expect(result).toMatchObject({ ok: true, text });
  });

  test('public is carried, default private; help is never public', () => {
    expect(cpu({ size: 'D4s_v5', public: true })).toMatchObject({ ok: true, public: true });
    expect(cpu({ size: 'D4s_v5' })).toMatchObject({ ok: true, public: false });
    expect(az('help', { public: true })).toMatchObject({ ok: true, public: false });
    expect(az('about', { public: true })).toMatchObject({ ok: true, public: true, text: '/azlinux about' });
  });

  test('usage mistakes are explained', () => {
    expect(cpu({ size: 'a', cpu: 'b' })).toMatchObject({ ok: false, message: expect.stringContaining('`size` and `cpu`') });
    expect(az('compat', { size: 'Standard_D2s_v3', release: '10' })).toMatchObject({ ok: false });
    expect(az('lineage', {})).toMatchObject({ ok: false });
    expect(az('nope')).toMatchObject({ ok: false });
  });
});

describe('autocomplete', () => {
  const calls: unknown[][] = [];
  const complete: CompleteFn = (...args) => {
    calls.push(args);
    return Array.from({ length: 40 }, (_, i) => ({ name: `choice ${i} ${'x'.repeat(i === 0 ? 200 : 0)}`, value: `v${i % 30}` }));
  };

  test('≤ 25 choices, de-duplicated, names cut to 100, over-long values skipped', () => {
    const choices = autocompleteChoices(complete, { command: 'cpulevel', subcommand: null, focused: 'size', partial: 'd4s', options: {} });
    expect(choices).toHaveLength(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    expect(choices[0]!.name.length).toBe(100);
    expect(choices[0]!.name.endsWith('…')).toBe(true);
    expect(
      toChoices([
        { name: 'a', value: 'x'.repeat(101) },
        { name: 'b', value: 'ok' },
      ]),
    ).toEqual([{ name: 'b', value: 'ok' }]);
    expect(calls.at(-1)).toEqual(['size', 'd4s', { limit: 25 }]);
  });

  test('release completion is scoped to the chosen distro; upstream means Azure Linux', () => {
    autocompleteChoices(complete, { command: 'azlinux', subcommand: 'compat', focused: 'release', partial: '1', options: { distro: 'rhel' } });
    expect(calls.at(-1)).toEqual(['release', '1', { limit: 25, distro: 'rhel' }]);
    autocompleteChoices(complete, { command: 'azlinux', subcommand: 'upstream', focused: 'release', partial: '', options: {} });
    expect(calls.at(-1)).toEqual(['release', '', { limit: 25, distro: 'azure-linux' }]);
  });

  test('a throwing completer yields no choices rather than a failed interaction', () => {
    const boom: CompleteFn = () => {
      throw new Error('x');
    };
    expect(autocompleteChoices(boom, { command: 'cpulevel', subcommand: null, focused: 'size', partial: '', options: {} })).toEqual([]);
  });
});

describe('small pieces', () => {
  test('stripMention removes <@id> and <@!id> only for the bot', () => {
    expect(stripMention('<@42> what is  azure linux <@!42> based on? <@7>', '42')).toBe('what is azure linux based on? <@7>');
    expect(stripMention('<@&9> what is <@&8> azure linux <@42>', '42', ['9'])).toBe('what is <@&8> azure linux');
  });

  test('thread keys: thread and DM are whole conversations; a plain channel has none for commands', () => {
    expect(placeKey({ guildId: 'g', channelId: 't', inThread: true })).toBe('discord:g:t');
    expect(placeKey({ guildId: null, channelId: 'd', inThread: false })).toBe('discord:dm:d');
    expect(placeKey({ guildId: 'g', channelId: 'c', inThread: false })).toBeUndefined();
  });

  test('restBase accepts the base with or without a version or trailing slash', () => {
    expect(restBase('https://discord.com/api')).toBe('https://discord.com/api');
    expect(restBase('https://discord.com/api/v10/')).toBe('https://discord.com/api');
    expect(restBase('http://127.0.0.1:9/api/')).toBe('http://127.0.0.1:9/api');
  });
});
