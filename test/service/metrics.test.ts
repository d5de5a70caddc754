// GET /metrics on the running service: Prometheus text counting what really happened over loopback
// (answers on HTTP, Slack and Discord, a cooldown refusal, Slack and Discord API errors and retries),
// readiness and build info; and the optional bearer token.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../src/service/start.js';
import { createMetrics } from '../../src/service/metrics.js';
import { catalog } from '../../src/core/index.js';
import { FakeDiscord, interaction, type RecordedRequest } from '../fakes/discord/index.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender, commandPayload, mentionEnvelope } from '../fakes/slack-sign.js';
import { logSink } from './support/log-sink.js';
import { waitFor } from './support/processes.js';

const SECRET = 'metrics-signing-secret-5f3c2a1b';
const TOKEN = 'metrics-token-0123456789abcdef';
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

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
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop('test over');
});

async function start(extra: Record<string, string> = {}): Promise<RunningService> {
  const service = await startService(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-metrics-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-metrics-token',
      DISCORD_API_URL: discord.apiUrl,
      ...extra,
    },
    { stdinKind: 'none', logDestination: logSink().stream },
  );
  running.push(service);
  await service.started;
  return service;
}

/** The value of one sample, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const scrape = async (base: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

describe('/metrics', () => {
  it('counts answers by platform and kind, times them, and reports readiness and build info', async () => {
    const service = await start({ COOLDOWN_MAX: '3' });
    const base = service.url!;
    const before = await scrape(base);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(before.text, 'azlinux_answers_total', { platform: 'http', kind: 'vm-size' })).toBeUndefined();
    expect(sample(before.text, 'azlinux_build_info', { version, node: process.versions.node, data_as_of: catalog().asOf })).toBe(1);
    await waitFor(async () => (sample((await scrape(base)).text, 'azlinux_ready', { check: 'discord' }) === 1 ? true : undefined), 10_000, 'discord ready');
    const ready = (await scrape(base)).text;
    expect(sample(ready, 'azlinux_ready', { check: 'slack' })).toBe(1);
    expect(sample(ready, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    // HTTP: two size answers and one compat, then the fourth question inside the window is refused
    for (const q of ['/cpulevel Standard_D4s_v5', '/cpulevel d2s v3', 'can I run rhel 10 on Standard_D1?', '/cpulevel Standard_D4s_v5']) {
      await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`);
    }
    // Slack: a slash command; Discord: a slash command
    const sender = new SlackSender(`${base}/slack/events`, SECRET);
    await sender.command(commandPayload('/cpulevel', 'Standard_D4s_v5', slack.responseUrl('m1')));
    const i = interaction({ name: 'azlinux', subcommand: 'lineage', options: { distro: 'rocky', release: '10' } });
    discord.gateway.dispatch('INTERACTION_CREATE', i);
    await discord.rest.waitFor((r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${i.id}/`));

    const after = (await scrape(base)).text;
    expect(sample(after, 'azlinux_answers_total', { platform: 'http', kind: 'vm-size' })).toBe(2);
    expect(sample(after, 'azlinux_answers_total', { platform: 'http', kind: 'compat' })).toBe(1);
    expect(sample(after, 'azlinux_answers_total', { platform: 'http', kind: 'error' })).toBe(1);
    expect(sample(after, 'azlinux_cooldown_refusals_total', { platform: 'http' })).toBe(1);
    expect(sample(after, 'azlinux_answers_total', { platform: 'slack', kind: 'vm-size' })).toBe(1);
    expect(sample(after, 'azlinux_answers_total', { platform: 'discord', kind: 'lineage' })).toBe(1);
    expect(sample(after, 'azlinux_answer_duration_seconds_count', { platform: 'http' })).toBe(4);
    expect(sample(after, 'azlinux_answer_duration_seconds_bucket', { platform: 'http', le: '+Inf' })).toBe(4);
    expect(sample(after, 'azlinux_answer_duration_seconds_sum', { platform: 'http' })).toBeGreaterThan(0);

    await service.stop('check readiness');
    const stopped = (await service.metrics.render()).body;
    expect(sample(stopped, 'azlinux_ready', { check: 'slack' })).toBe(0);
  });

  it('counts Slack Web API error answers and rate-limit retries, and Discord REST errors and retries', async () => {
    const service = await start();
    const base = service.url!;
    const sender = new SlackSender(`${base}/slack/events`, SECRET);
    // Slack refuses the first reply to a mention, and rate-limits the second (which is retried)
    slack.failNext.set('chat.postMessage', 'channel_not_found');
    await sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700009000.000100' }));
    await waitFor(
      async () =>
        sample((await scrape(base)).text, 'azlinux_platform_api_errors_total', { platform: 'slack', reason: 'channel_not_found' }) === 1 ? true : undefined,
      5_000,
      'slack error counted',
    );
    slack.rateLimitNext.add('chat.postMessage');
    const posted = slack.callsTo('chat.postMessage').length;
    await sender.event(mentionEnvelope({ text: '<@UBOT> what is azure linux 4 based on?', ts: '1700009001.000100' }));
    await slack.waitFor(() => slack.callsTo('chat.postMessage').length >= posted + 1 || undefined, 10_000);
    await waitFor(
      async () => (sample((await scrape(base)).text, 'azlinux_platform_api_retries_total', { platform: 'slack' }) === 1 ? true : undefined),
      10_000,
      'slack retry counted',
    );

    // Discord answers the interaction callback with a server error once (retried), then 404 (an error)
    await waitFor(
      async () => (service.http!.isReady() && sample((await scrape(base)).text, 'azlinux_ready', { check: 'discord' }) === 1 ? true : undefined),
      10_000,
      'discord ready',
    );
    let calls = 0;
    discord.rest.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, () => {
      calls += 1;
      return calls === 1 ? { status: 502, body: { message: 'Bad Gateway', code: 0 } } : { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    });
    const i = interaction({ name: 'cpulevel', options: { size: 'Standard_D4s_v5' } });
    discord.gateway.dispatch('INTERACTION_CREATE', i);
    const text = await waitFor(
      async () => {
        const t = (await scrape(base)).text;
        return sample(t, 'azlinux_platform_api_errors_total', { platform: 'discord', reason: 'http_404' }) === 1 ? t : undefined;
      },
      10_000,
      'discord error counted',
    );
    expect(sample(text, 'azlinux_platform_api_retries_total', { platform: 'discord' })).toBe(1);
  });

  it('with METRICS_TOKEN: 401 without the bearer token or with a wrong one, 200 with it', async () => {
    const service = await start({ METRICS_TOKEN: TOKEN });
    const base = service.url!;
    const none = await scrape(base);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toMatchObject({ error: 'unauthorised' });
    expect((await scrape(base, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(base, { authorization: TOKEN })).status).toBe(401);
    const ok = await scrape(base, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE azlinux_answers_total counter');
    expect((await fetch(`${base}/metrics`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(405);
  });
});

describe('prom-client loads late', () => {
  it('counts what happened before it was loaded, once, at the first scrape', async () => {
    const metrics = createMetrics({ version: 't', dataAsOf: '2026-12-06', readiness: () => ({ slack: true }), processMetrics: false, loadAfterMs: 60_000 });
    metrics.answered('slack', 'vm-size', 0.001);
    metrics.answered('slack', 'vm-size', 0.002);
    metrics.cooldownRefused('discord');
    metrics.apiError('slack', 'ratelimited');
    metrics.apiRetry('discord');
    const first = (await metrics.render()).body;
    expect(sample(first, 'azlinux_answers_total', { platform: 'slack', kind: 'vm-size' })).toBe(2);
    expect(sample(first, 'azlinux_answer_duration_seconds_count', { platform: 'slack' })).toBe(2);
    expect(sample(first, 'azlinux_cooldown_refusals_total', { platform: 'discord' })).toBe(1);
    expect(sample(first, 'azlinux_platform_api_errors_total', { platform: 'slack', reason: 'ratelimited' })).toBe(1);
    expect(sample(first, 'azlinux_platform_api_retries_total', { platform: 'discord' })).toBe(1);
    metrics.answered('slack', 'vm-size', 0.001);
    const second = (await metrics.render()).body;
    expect(sample(second, 'azlinux_answers_total', { platform: 'slack', kind: 'vm-size' })).toBe(3);
    expect(sample(second, 'azlinux_cooldown_refusals_total', { platform: 'discord' })).toBe(1);
  });
});
