// The whole service as it runs in production: startService (in-process) and src/main.ts (spawned),
// with Slack and Discord replaced by their loopback fakes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start.js';
import { run, type ProcessLike } from '../../src/service/run.js';
import { FakeDiscord, interaction, type RecordedRequest } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender, commandPayload, mentionEnvelope } from '../fakes/slack-sign.js';
import { logSink } from './support/log-sink.js';
import { freePort } from './support/redis-server.js';
import { reap, spawnMain, waitFor, type Spawned } from './support/processes.js';

const SECRET = 'e2e-signing-secret-5f3c2a1b';
const SLACK_TOKEN = 'xoxb-e2e-secret-token-123';
const DISCORD_TOKEN = 'discord-e2e-secret-token-456';

let slack: FakeSlack;
let discord: FakeDiscord;
beforeAll(async () => {
  slack = await startFakeSlack();
  discord = await new FakeDiscord({ heartbeatIntervalMs: 500 }).start();
});
afterAll(async () => {
  await slack?.close();
  await discord?.stop();
});

const running: RunningService[] = [];
const spawned: Spawned[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop('test over');
  for (const s of spawned.splice(0)) reap(s);
});

function platformEnv(port = 0): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN,
    DISCORD_API_URL: discord.apiUrl,
  };
}

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const callbackOf = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);

describe('startService with Slack (HTTP mode), Discord and HTTP in one process', () => {
  it('serves every surface; /readyz is ready only once both platforms are connected', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Hold Discord's gateway lookup so the service is up while Discord is still connecting.
    discord.rest.route('GET', /^\/gateway\/bot$/, async () => {
      await gate;
      return {
        status: 200,
        body: { url: discord.gateway.url, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 1, max_concurrency: 1 } },
      };
    });
    const logs = logSink();
    const service = await startService({ ...platformEnv(), LOG_LEVEL: 'debug' }, { stdinKind: 'none', logDestination: logs.stream });
    running.push(service);
    expect(service.mode).toBe('server');
    const base = service.url!;

    expect((await getJson(`${base}/healthz`)).status).toBe(200);
    const waiting = await waitFor(
      async () => {
        const r = await getJson(`${base}/readyz`);
        return r.status === 503 && (r.body.checks as Record<string, boolean>).slack === true ? r : undefined;
      },
      10_000,
      'slack up, discord still connecting',
    );
    expect(waiting.body).toMatchObject({ error: 'not ready: discord', checks: { slack: true, discord: false } });

    release();
    await service.started;
    const ready = await waitFor(async () => ((await getJson(`${base}/readyz`)).status === 200 ? true : undefined), 10_000, 'readyz 200');
    expect(ready).toBe(true);

    // HTTP API: the real core's JSON contract
    const api = await getJson(`${base}/api/ask?q=${encodeURIComponent('/cpulevel Standard_D4s_v5')}`);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ kind: 'vm-size', size: 'Standard_D4s_v5', query: '/cpulevel Standard_D4s_v5' });
    expect(String(api.body.text).length).toBeGreaterThan(0);

    // Slack: a signed slash command on the shared port, answered on its response_url
    const sender = new SlackSender(`${base}/slack/events`, SECRET);
    const ack = await sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', slack.responseUrl('e2e-1')));
    expect(ack.status).toBe(200);
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'e2e-1'));
    expect(JSON.stringify(reply.body)).toContain('Standard_D4s_v5');
    expect(reply.problems).toEqual([]);

    // Discord: a slash command through the gateway, answered through the interaction callback
    const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
    discord.gateway.dispatch('INTERACTION_CREATE', i);
    const callback = await discord.rest.waitFor(callbackOf(i.id));
    expect(JSON.stringify(callback.body)).toContain('Standard_D4s_v5');
    expect(callback.body.data.allowed_mentions).toMatchObject({ parse: [] });

    // One log line per question, with request id, platform, kind and duration; never a secret.
    const answered = logs.lines().filter((l) => l.msg === 'answered');
    expect(answered.map((l) => l.platform).sort()).toEqual(['discord', 'http', 'slack']);
    for (const l of answered) expect(l).toMatchObject({ reqId: expect.any(String), kind: 'vm-size', durationMs: expect.any(Number) });

    // /azlinux about on every surface: the snapshot date, counts and version, from the real core
    const about = await getJson(`${base}/api/ask?q=${encodeURIComponent('/azlinux about')}`);
    expect(about.body).toMatchObject({ kind: 'about', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), counts: { series: expect.any(Number) } });
    const aboutAck = await sender.command(commandPayload('/azlinux', 'about', slack.responseUrl('e2e-about')));
    expect(aboutAck.status).toBe(200);
    const aboutReply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'e2e-about'));
    expect(JSON.stringify(aboutReply.body)).toContain(`data as of ${String(about.body.asOf)}`);
    const ai = interaction({ name: 'azlinux', subcommand: 'about', options: {} });
    discord.gateway.dispatch('INTERACTION_CREATE', ai);
    const aboutCallback = await discord.rest.waitFor(callbackOf(ai.id));
    expect(JSON.stringify(aboutCallback.body)).toContain(`data as of ${String(about.body.asOf)}`);

    expect(await service.stop('test')).toBe(0);
    expect(await service.done).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    for (const secret of [SECRET, SLACK_TOKEN, DISCORD_TOKEN]) expect(logs.text()).not.toContain(secret);
  });

  it('runs Slack in Socket Mode when SLACK_APP_TOKEN is set: no /slack/events, readiness follows the socket', async () => {
    const service = await startService(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_APP_TOKEN: 'xapp-e2e-app-token',
        SLACK_API_URL: slack.apiUrl,
      },
      { stdinKind: 'none', logDestination: logSink().stream },
    );
    running.push(service);
    await service.started;
    const base = service.url!;
    expect(await getJson(`${base}/readyz`)).toMatchObject({ status: 200, body: { checks: { slack: true } } });
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: '' })).status).toBe(404);
    slack.sendEnvelope({
      envelope_id: 'env-e2e',
      type: 'slash_commands',
      payload: commandPayload('/cpulevel', 'Standard_D4s_v5', slack.responseUrl('sock-e2e')),
      accepts_response_payload: true,
    });
    const reply = await slack.waitFor(() => slack.responses.find((r) => r.id === 'sock-e2e'));
    expect(JSON.stringify(reply.body)).toContain('Standard_D4s_v5');
    expect(await service.stop('test')).toBe(0);
    await slack.waitFor(() => (slack.socketCount === 0 ? true : undefined));
  });

  it('stops start-up with exit code 1 and a one-line reason when Slack refuses the token', async () => {
    slack.rejectAuth = true;
    const stderr: string[] = [];
    const proc: ProcessLike = {
      on: () => proc,
      exit: (code: number) => {
        throw new Error(`exit(${code}) called`);
      },
      stderr: { write: (s: string) => stderr.push(s) },
    };
    const logs = logSink();
    try {
      const code = await run({ ...platformEnv(), DISCORD_TOKEN: '', DISCORD_API_URL: '' }, proc, { stdinKind: 'none', logDestination: logs.stream });
      expect(code).toBe(1);
    } finally {
      slack.rejectAuth = false;
    }
    expect(stderr.join('')).toMatch(/^azlinux-bot: Slack could not start: .*SLACK_BOT_TOKEN.*\n$/);
    expect(stderr.join('')).not.toContain(SLACK_TOKEN);
    expect(logs.text()).not.toContain(SLACK_TOKEN);
  });
});

describe('run(): the process around the service', () => {
  it('exits 1 with a log line when a reply in flight outlasts the shutdown deadline', async () => {
    const port = await freePort();
    const handlers = new Map<string, () => void>();
    const exits: number[] = [];
    const proc = {
      on: (event: string, listener: () => void) => {
        handlers.set(event, listener);
        return proc;
      },
      exit: (code: number) => {
        exits.push(code);
      },
      stderr: { write: () => true },
    } as unknown as ProcessLike;
    const logs = logSink();
    const env = { ...platformEnv(port), DISCORD_TOKEN: '', DISCORD_API_URL: '' };
    const running = run(env, proc, { stdinKind: 'none', logDestination: logs.stream }, 300);
    slack.chatDelayMs = 60_000; // Slack never answers the reply in time
    const posted = () => slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    const before = posted();
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 10_000, 'ready');
      const ack = await new SlackSender(`${base}/slack/events`, SECRET).event(mentionEnvelope({ text: '<@UBOT> d4s v5', ts: '1700009000.000100' }));
      expect(ack.status).toBe(200);
      await waitFor(() => (posted() === before + 1 ? true : undefined), 5_000, 'the reply to be under way');
      handlers.get('SIGTERM')!();
      await waitFor(() => (exits.length > 0 ? true : undefined), 3_000, 'the deadline');
      expect(exits).toEqual([1]);
      expect(logs.lines().find((l) => l.msg === 'shutdown deadline passed; exiting with work unfinished')).toMatchObject({ level: 50, deadlineMs: 300 });
    } finally {
      slack.chatDelayMs = 0;
      slack.releaseHeld(); // the stuck reply is answered now, so the drain ends and the service stops
      await running;
    }
  });
});

describe('src/main.ts as a process', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ SLACK_BOT_TOKEN: 'xoxb-only-the-token' }, 'SLACK_SIGNING_SECRET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j: exit 2, one line naming %s, no stack trace', async (env, variable) => {
    const p = spawnMain(env as Record<string, string>);
    spawned.push(p);
    const { code, stderr, stdout } = await p.exited;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(variable);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).not.toContain('xoxb-only-the-token');
    expect(stdout).toBe('');
  });

  it('with nothing configured and piped input, answers each line on stdout and exits 0 at end of input', async () => {
    const p = spawnMain({ PORT: String(await freePort()) }, 'pipe');
    spawned.push(p);
    p.child.stdin!.end('/azlinux upstream\n\n/cpulevel Standard_D4s_v5\n/azlinux about\n');
    const { code, stdout, stderr } = await p.exited;
    expect(code).toBe(0);
    expect(stdout).toMatch(/Fedora/);
    expect(stdout).toMatch(/Standard_D4s_v5/);
    expect(stdout).toMatch(/Data snapshot: \d{4}-\d{2}-\d{2}/);
    expect(stdout).not.toMatch(/^\{"level"/m); // logs stay off stdout in console mode
    expect(stderr).toBe('');
  });

  it('SIGTERM under load: stops taking work, finishes every reply in flight, exits 0 within 10 s', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Slack takes its time answering chat.postMessage, and Discord its interaction callbacks, so the
    // replies to mentions and interactions are still in flight when the signal comes. 1.5 s, not less: on a
    // loaded machine posting the twelve mentions alone took longer than 0.6 s, and the first replies landed.
    slack.chatDelayMs = 1500;
    const discordDone: number[] = [];
    discord.rest.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, async () => {
      await new Promise((r) => setTimeout(r, 1500));
      discordDone.push(Date.now());
      return { status: 204 };
    });
    const p = spawnMain({ ...platformEnv(port), LOG_LEVEL: 'info', COOLDOWN_MAX: '1000' });
    spawned.push(p);
    const posted = () => slack.calls.filter((c) => c.method === 'chat.postMessage');
    const before = posted().length;
    const answeredBefore = slack.chatAnswered.length;
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 20_000, 'the service to be ready');
      const sender = new SlackSender(`${base}/slack/events`, SECRET);
      // Slash commands are answered in the ack body: each one's answer is in its HTTP response.
      const acks = await Promise.all(
        Array.from({ length: 4 }, (_, n) =>
          sender.command(commandPayload('/cpulevel', n % 2 ? 'Standard_D2s_v3' : 'x86-64-v3', slack.responseUrl(`c${n}`), `U${n}`)),
        ),
      );
      expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      for (const a of acks) expect(JSON.stringify(a.ackMessage)).toMatch(/x86-64-v/);
      const mentions = 12;
      const events = await Promise.all(
        Array.from({ length: mentions }, (_, n) =>
          sender.event(
            mentionEnvelope({
              text: `<@UBOT> ${n % 2 ? 'd2s v3' : 'what is azure linux 4 based on?'}`,
              ts: `17000091${String(n).padStart(2, '0')}.000100`,
              user: `UM${n}`,
            }),
          ),
        ),
      );
      expect(events.map((a) => a.status)).toEqual(Array(mentions).fill(200));
      const interactions = Array.from({ length: 4 }, (_, n) =>
        interaction({ name: 'cpulevel', options: { size: n % 2 ? 'Standard_D4s_v5' : 'Standard_B2s' } }),
      );
      for (const i of interactions) discord.gateway.dispatch('INTERACTION_CREATE', i);
      await waitFor(() => (posted().length === before + mentions ? true : undefined), 5_000, 'every Slack reply under way');
      expect(slack.chatAnswered.length).toBe(answeredBefore); // none answered yet: all in flight

      const signalled = Date.now();
      p.child.kill('SIGTERM');
      // New work is refused while the drain runs (readiness goes first); what was accepted is still answered.
      const readyz = await waitFor(
        () =>
          fetch(`${base}/readyz`).then(
            (r) => (r.status === 503 ? 503 : undefined),
            () => 'refused',
          ),
        5_000,
        'readyz to drop',
      );
      expect([503, 'refused']).toContain(readyz);
      const during = await fetch(`${base}/api/ask?q=help`).then(
        (r) => r.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(during);

      const exit = await p.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - signalled).toBeLessThan(10_000);
      const answered = slack.chatAnswered.slice(answeredBefore);
      expect(answered).toHaveLength(mentions);
      for (const d of answered) expect(d.at).toBeLessThanOrEqual(exit.at);
      expect(discordDone).toHaveLength(interactions.length);
      for (const at of discordDone) expect(at).toBeLessThanOrEqual(exit.at);
      expect(exit.stdout).toContain('"msg":"stopped"');
      for (const secret of [SECRET, SLACK_TOKEN, DISCORD_TOKEN]) expect(exit.stdout + exit.stderr).not.toContain(secret);
    } finally {
      slack.chatDelayMs = 0;
      slack.releaseHeld();
    }
  });
});
