// Optional process-per-shard launcher (discord.js ShardingManager), for when one process no longer
// holds every guild comfortably (Discord requires sharding from 2,500 guilds; ~1,000 a shard is usual).
//   node dist/src/adapters/discord/shard-manager.js
// spawns dist/src/main.js once per shard; discord.js hands each child its SHARDS / SHARD_COUNT, which the
// discord.js Client reads by itself. See docs/discord.md for how this fits with the rest of the service.
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';

const token = process.env.DISCORD_TOKEN?.trim();
if (!token) {
  console.error('DISCORD_TOKEN is not set: the sharding manager needs the bot token to ask Discord for a shard count.');
  process.exit(2);
}
const script = fileURLToPath(new URL('../../main.js', import.meta.url));
const manager = new ShardingManager(script, { token, totalShards: 'auto', respawn: true, mode: 'process' });
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
