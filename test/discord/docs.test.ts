// docs/discord.md states facts the code must agree with.
import { readFileSync } from 'node:fs';
import { PermissionFlagsBits as P } from 'discord.js';
import { expect, test } from 'vitest';
import { INTENTS } from '../../src/adapters/discord/surface.js';

const doc = readFileSync(new URL('../../docs/discord.md', import.meta.url), 'utf8');

test('the invite URL carries exactly the permissions the bot needs', () => {
  const needed = P.ViewChannel | P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.ReadMessageHistory;
  expect(needed).toBe(274877991936n);
  expect(doc).toContain(`scope=bot+applications.commands&permissions=${needed}`);
});

test('no privileged intent is requested', () => {
  const bits = INTENTS.reduce((a, b) => a | b, 0);
  // GuildMembers (1<<1), GuildPresences (1<<8), MessageContent (1<<15)
  expect(bits & ((1 << 1) | (1 << 8) | (1 << 15))).toBe(0);
});

test.each(['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'npm run discord:register', 'ShardingManager'])(
  'documents %s',
  (word) => expect(doc).toContain(word),
);
