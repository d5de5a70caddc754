// Optional process-per-shard launcher (discord.js ShardingManager), for when one process no longer
// holds every guild comfortably (Discord requires sharding from 2,500 guilds; ~1,000 a shard is usual).
//   node dist/src/adapters/discord/shard-manager.js
// asks Discord (DISCORD_API_URL when set) for the recommended shard count and spawns dist/src/main.js
// once per shard; discord.js hands each child its SHARDS / SHARD_COUNT, which the discord.js Client
// reads by itself. See docs/discord.md for how this fits with the rest of the service.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';

const token = process.env.DISCORD_TOKEN?.trim();
if (!token) {
  console.error('DISCORD_TOKEN is not set: the sharding manager needs the bot token to ask Discord for a shard count.');
  process.exit(2);
}
const apiUrl = process.env.DISCORD_API_URL?.trim() || undefined;

// main.js of the same tree as this file (main.ts when run from source with tsx)
const script = fileURLToPath(new URL(`../../main${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** Discord's recommended shard count for this bot (GET /gateway/bot), from DISCORD_API_URL when set. */
async function recommendedShards(): Promise<number> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token!);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  return typeof shards === 'number' && shards >= 1 ? Math.floor(shards) : 1;
}

let totalShards: number;
try {
  totalShards = await recommendedShards();
} catch (err) {
  console.error(`discord: could not get the recommended shard count: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

// execArgv: the children run with this process's Node flags (and loader, when run from source).
const manager = new ShardingManager(script, { token, totalShards, respawn: true, mode: 'process', execArgv: process.execArgv });
manager.on('shardCreate', (shard) => {
  // Each child is a whole service (main.js): give it a free port for its health endpoints, no console,
  // and no Slack (served by the web process; N copies would answer everything N times).
  const env = shard.env as Record<string, string | undefined>;
  Object.assign(env, { PORT: '0', CONSOLE: 'off' });
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL']) delete env[name];
  console.log(JSON.stringify({ msg: 'discord: shard launched', shard: shard.id, of: manager.totalShards }));
});

// SIGTERM: stop respawning and let every child drain its replies (each handles SIGTERM itself).
process.once('SIGTERM', () => {
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.process?.kill('SIGTERM');
});

await manager.spawn({ timeout: 60_000 });
