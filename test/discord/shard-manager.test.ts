// The process-per-shard launcher (src/adapters/discord/shard-manager.ts) end to end: the real discord.js
// ShardingManager forks the real service once per shard against the loopback fake Discord, which
// recommends two shards. Each child identifies as its own shard and answers what its shard receives;
// SIGTERM to the manager stops every child, which closes its gateway connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord, Op, interaction, type RecordedRequest } from '../fakes/discord/index.js';
import { ROOT, waitFor } from '../service/support/processes.js';

let fake: FakeDiscord;
let manager: ChildProcess | undefined;
let stdout = '';
let stderr = '';

beforeAll(async () => {
  fake = await new FakeDiscord({ heartbeatIntervalMs: 500, shards: 2 }).start();
  manager = spawn(process.execPath, ['--import', 'tsx', 'src/adapters/discord/shard-manager.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'warn',
      // removed for the children by the manager: with them, each child would also start Slack (and fail)
      SLACK_BOT_TOKEN: 'xoxb-not-for-shards',
      SLACK_SIGNING_SECRET: 'not-for-shards',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  manager.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  manager.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
}, 10_000);

afterAll(async () => {
  if (manager && manager.exitCode === null && manager.signalCode === null) manager.kill('SIGKILL');
  await fake?.stop();
});

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

describe('ShardingManager launcher', () => {
  test('asks the API for the shard count and forks one service per shard, each identifying as its shard', async () => {
    await waitFor(() => fake.gateway.connectedShards().length === 2 || undefined, 40_000, `two shards connected (stderr: ${stderr})`);
    const identified = fake.gateway.sent(Op.Identify).map((p) => p.d.shard as number[]);
    expect(identified.sort((a, b) => a[0]! - b[0]!)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.rest.requests.some((r) => r.method === 'GET' && r.path === '/gateway/bot')).toBe(true);
    const launched = stdout
      .split('\n')
      .filter((l) => l.includes('shard launched'))
      .map((l) => JSON.parse(l) as { shard: number; of: number });
    expect(launched).toEqual([
      { msg: 'discord: shard launched', shard: 0, of: 2 },
      { msg: 'discord: shard launched', shard: 1, of: 2 },
    ]);
  }, 45_000);

  test("each shard's process answers the commands that shard receives", async () => {
    for (const shard of [0, 1]) {
      const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
      fake.gateway.dispatch('INTERACTION_CREATE', i, shard);
      const cb = await fake.rest.waitFor(callbackOf(i.id), 10_000);
      expect(cb.body.type).toBe(4);
      expect(JSON.stringify(cb.body.data.embeds)).toContain('x86-64-v4');
      expect(cb.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  }, 25_000);

  test('SIGTERM stops every shard: each child closes its gateway connection and the manager exits', async () => {
    const exited = new Promise<number | null>((resolve) => manager!.once('exit', (code) => resolve(code)));
    manager!.kill('SIGTERM');
    await waitFor(() => fake.gateway.connectedShards().length === 0 || undefined, 15_000, 'both shards to disconnect');
    expect(await exited).toBe(0);
  }, 25_000);
});
