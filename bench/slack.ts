// (2) Slack over HTTP: signed slash commands under concurrent load (autocannon, loopback) against the
// whole service (`node dist/src/main.js`, Slack HTTP mode) and against a bare Bolt app that only acks,
// in alternating rounds (bare, bot, bare, bot) so drift on a shared machine hits both alike. Then the
// bot's stack in steps (slack-steps.ts), once each, to show where its extra time goes.
// (3) Start-up to the first answered command, and RSS after the load, for both.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { bundle, projectRoot } from '../scripts/bundle.js';
import { startBenchSlack, type BenchSlack } from './fake-slack.js';
import { startCommand } from './start-command.js';
import { distinctTexts, SLACK_TEXTS } from './slack-texts.js';
import { round, sleep } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const here = fileURLToPath(new URL('.', import.meta.url));
/** the bot as `npm start` runs it: the production bundle (scripts/bundle.ts) */
const MAIN = fileURLToPath(new URL('../bundle/main.js', import.meta.url));
/** the bot compiled by tsc, unbundled (start-up only, to show what the bundle changes) */
const MAIN_UNBUNDLED = fileURLToPath(new URL('../src/main.js', import.meta.url));
/** the floor: a bare Bolt app as people write and run it (tsc output, Node resolving node_modules) */
const BARE = `${here}slack-bare.js`;
/** the same bare Bolt app and the bot's steps, bundled as the bot is (benchTargets) */
const TARGETS_DIR = fileURLToPath(new URL('../bench-bundle/', import.meta.url));
const BARE_BUNDLED = `${TARGETS_DIR}bare.js`;
const STEPS = `${TARGETS_DIR}steps.js`;
/** node's flags as `npm start` (and the Procfile, the Dockerfile) runs the bot: the bot is launched with them */
const BOT_NODE_FLAGS = startCommand(projectRoot()).nodeFlags;

/**
 * Bundles the bare Bolt app and the bot's steps with the bot's bundle options (dist/bench-bundle), so
 * that the bundled bot can be set against a floor that had the same treatment.
 */
export async function bundleTargets(): Promise<void> {
  await bundle(TARGETS_DIR, projectRoot(), { bare: 'bench/slack-bare.ts', steps: 'bench/slack-steps.ts' });
}

/**
 * bot-distinct: the whole bot again, every command a question it has not answered recently;
 * bare-bundled: the floor bundled as the bot is; bot-unbundled: the bot from dist/src (start-up only);
 * bot-no-flags: the bundle started without npm start's node flags (start-up only: what the flags cost)
 */
type Kind = 'bot' | 'bot-distinct' | 'bot-unbundled' | 'bot-no-flags' | 'bare' | 'bare-bundled' | Step;
/** The bot's stack in steps; see slack-steps.ts. */
export type Step = 'receiver-ack' | 'no-core' | 'core';

export interface TargetResult {
  startupMs: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** requests the load generator completed in the measured run */
  requests: number;
  /** 200s whose body was a message (response_type and blocks): the answer, in the ack */
  answeredInAck: number;
  /** CPU time of the target's main (event-loop) thread per request, µs: what bounds its throughput */
  cpuUsPerRequest: number;
  /** CPU time of the whole target process (all threads: GC, compiler) per request, µs */
  processCpuUsPerRequest: number;
  /** VmRSS 300 ms after the load (one reading: where it falls in V8's collection cycle moves it by ±15 MB) */
  rssAfterLoadMb: number;
  /** the median of VmRSS read every RSS_SAMPLE_MS through the measured load (the stabler figure) */
  rssUnderLoadMb: number;
  peakRssMb: number;
}

/** How often resident memory is read during the measured load (the same for every target). */
export const RSS_SAMPLE_MS = 250;

export interface SlackResult {
  connections: number;
  durationSec: number;
  rounds: number;
  /** means over the rounds */
  bot: TargetResult;
  /** the bot with every command a different question (the answer cache never helps) */
  botDistinct: TargetResult;
  bareBolt: TargetResult;
  /** the bare Bolt app bundled as the bot is (transparency: the goals are against bareBolt) */
  bareBoltBundled: TargetResult;
  perRound: ({ bot: TargetResult; botDistinct: TargetResult; bareBolt: TargetResult; bareBoltBundled: TargetResult } & Record<Step, TargetResult>)[];
  /** bot requests/s divided by the bare app's (means over the rounds) */
  ratio: number;
  /** the same for botDistinct */
  ratioDistinct: number;
  /** the same two against the bundled bare app */
  ratioBundled: number;
  ratioDistinctBundled: number;
  /** how many different questions botDistinct cycles through */
  distinctQuestions: number;
  /** replies the bot posted to response_url (answers slower than the ack budget; none expected) */
  repliesPosted: number;
  /** the bot's stack in steps (shorter runs, in the same rounds), means */
  steps: Record<Step, TargetResult>;
  stepDurationSec: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sign = (timestamp: number, body: string) => `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;

let userSeq = 0;
function signedCommand(responseUrl: string, text: string): { headers: Record<string, string>; body: string } {
  userSeq += 1;
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'bench',
    user_id: `U${userSeq}`,
    user_name: 'bench',
    command: '/cpulevel',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${userSeq}.t`,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(timestamp, body),
    },
  };
}

/** user + system CPU so far, ms: of the whole process, or of its main thread (whose id is the pid) */
function cpuMs(pid: number, mainThread = false): number {
  const fields =
    readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

/** VmRSS read every RSS_SAMPLE_MS until stopped; stop() gives the readings' median, MB. */
function sampleRss(pid: number): { stop: () => number } {
  const readings: number[] = [];
  const timer = setInterval(() => {
    try {
      readings.push(rssMb(pid).rss);
    } catch {
      // the target went away; the run reports it
    }
  }, RSS_SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      const sorted = readings.sort((a, b) => a - b);
      return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
    },
  };
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: round(kb('VmRSS') / 1024, 1), peak: round(kb('VmHWM') / 1024, 1) };
}

function launch(kind: Kind, port: number, slack: BenchSlack): ChildProcess {
  const bot = kind === 'bot' || kind === 'bot-distinct' || kind === 'bot-unbundled' || kind === 'bot-no-flags';
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...(bot ? { SLACK_BOT_TOKEN: 'xoxb-bench', LOG_LEVEL: 'info' } : {}),
    ...(!bot && kind !== 'bare' && kind !== 'bare-bundled' ? { STEP: kind } : {}),
  };
  const scripts: Partial<Record<Kind, string>> = {
    bot: MAIN,
    'bot-distinct': MAIN,
    'bot-unbundled': MAIN_UNBUNDLED,
    'bot-no-flags': MAIN,
    bare: BARE,
    'bare-bundled': BARE_BUNDLED,
  };
  const script = scripts[kind] ?? STEPS;
  const flags = bot && kind !== 'bot-no-flags' ? BOT_NODE_FLAGS : [];
  return spawn(process.execPath, [...flags, script], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** ms from spawn until a signed slash command is answered 200 */
async function waitUntilAnswering(url: string, slack: BenchSlack, started: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`target exited with ${child.exitCode} before it was ready`);
    try {
      const { headers, body } = signedCommand(slack.responseUrl, 'Standard_D4s_v5');
      const res = await fetch(url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}

async function measure(
  kind: Kind,
  slack: BenchSlack,
  connections: number,
  duration: number,
  warmUp = 2,
  texts: readonly string[] = SLACK_TEXTS,
): Promise<TargetResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const started = performance.now();
  const child = launch(kind, port, slack);
  try {
    const startupMs = await waitUntilAnswering(url, slack, started, child);
    let i = 0;
    let answeredInAck = 0;
    const requests = [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (req: import('autocannon').RawRequest) => ({ ...req, ...signedCommand(slack.responseUrl, texts[i++ % texts.length]!) }),
        onResponse: (status: number, body: string) => {
          if (status === 200 && body.includes('"response_type"') && body.includes('"blocks"')) answeredInAck += 1;
        },
      },
    ];
    await autocannon({ url, connections, duration: warmUp, requests });
    answeredInAck = 0;
    const cpuBefore = cpuMs(child.pid!);
    const mainBefore = cpuMs(child.pid!, true);
    const sampler = sampleRss(child.pid!);
    const result = await autocannon({ url, connections, duration, requests });
    const rssUnderLoad = sampler.stop();
    const mainUsed = cpuMs(child.pid!, true) - mainBefore;
    const cpuUsed = cpuMs(child.pid!) - cpuBefore;
    await sleep(300);
    const mem = rssMb(child.pid!);
    return {
      startupMs: round(startupMs),
      requestsPerSec: round(result.requests.average),
      latencyP50Ms: round(result.latency.p50, 2),
      latencyP99Ms: round(result.latency.p99, 2),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      requests: result.requests.total,
      answeredInAck,
      cpuUsPerRequest: round((mainUsed * 1000) / Math.max(1, result.requests.total)),
      processCpuUsPerRequest: round((cpuUsed * 1000) / Math.max(1, result.requests.total)),
      rssAfterLoadMb: mem.rss,
      rssUnderLoadMb: rssUnderLoad,
      peakRssMb: mem.peak,
    };
  } finally {
    await stopChild(child);
  }
}

/** Field by field mean of a few runs (counts summed). */
function meanOf(runs: TargetResult[]): TargetResult {
  const mean = (f: (r: TargetResult) => number, digits = 0) => round(runs.reduce((n, r) => n + f(r), 0) / runs.length, digits);
  const sum = (f: (r: TargetResult) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
    startupMs: mean((r) => r.startupMs),
    requestsPerSec: mean((r) => r.requestsPerSec),
    latencyP50Ms: mean((r) => r.latencyP50Ms, 1),
    latencyP99Ms: mean((r) => r.latencyP99Ms, 1),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    requests: sum((r) => r.requests),
    answeredInAck: sum((r) => r.answeredInAck),
    cpuUsPerRequest: mean((r) => r.cpuUsPerRequest),
    processCpuUsPerRequest: mean((r) => r.processCpuUsPerRequest),
    rssAfterLoadMb: mean((r) => r.rssAfterLoadMb, 1),
    rssUnderLoadMb: mean((r) => r.rssUnderLoadMb, 1),
    peakRssMb: mean((r) => r.peakRssMb, 1),
  };
}

/** Start-up only, a few times each, median of the runs (the load run's figure is one sample). */
export interface StartupResult {
  /** the bot as deployed (the bundle) */
  botMs: number;
  /** the floor: a bare Bolt app, unbundled */
  bareBoltMs: number;
  /** transparency: the same bare Bolt app bundled as the bot is, and the bot unbundled */
  bareBoltBundledMs: number;
  botUnbundledMs: number;
  /** the bundle started without npm start's node flags (any V8 flag costs Node's built-in code cache) */
  botNoFlagsMs: number;
}

/** The kinds a start-up run spawns, in this order each round. */
export const STARTUP_KINDS = ['bare', 'bare-bundled', 'bot', 'bot-no-flags', 'bot-unbundled'] as const;
export type StartupKind = (typeof STARTUP_KINDS)[number];

/**
 * ms from spawn to the first answered command, `runs` spawns of each kind, in turn (one of each per round)
 * so that drift on a shared machine hits all alike.
 */
export async function startupSamples(runs: number, kinds: readonly StartupKind[] = STARTUP_KINDS): Promise<Record<StartupKind, number[]>> {
  const slack = await startBenchSlack();
  try {
    const times = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<StartupKind, number[]>;
    for (let r = 0; r < runs; r++) {
      for (const kind of kinds) {
        const port = await freePort();
        const started = performance.now();
        const child = launch(kind, port, slack);
        try {
          times[kind].push(await waitUntilAnswering(`http://127.0.0.1:${port}/slack/events`, slack, started, child));
        } finally {
          await stopChild(child);
        }
      }
    }
    return times;
  } finally {
    await slack.close();
  }
}

/** Medians of `runs` spawns of each kind, in turn (startupSamples). */
export async function benchStartup(runs = 3): Promise<StartupResult> {
  const times = await startupSamples(runs);
  const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return {
    botMs: median(times.bot),
    bareBoltMs: median(times.bare),
    bareBoltBundledMs: median(times['bare-bundled']),
    botUnbundledMs: median(times['bot-unbundled']),
    botNoFlagsMs: median(times['bot-no-flags']),
  };
}

const STEP_KINDS = ['receiver-ack', 'no-core', 'core'] as const satisfies readonly Step[];

/** Rounds of bare, bot and the bot's steps in turn, fresh processes each time; means over the rounds. */
export async function benchSlack(connections = 20, duration = 8, rounds = 3, stepDuration = 5): Promise<SlackResult> {
  const slack = await startBenchSlack();
  try {
    const perRound: SlackResult['perRound'] = [];
    const distinct = distinctTexts();
    let repliesPosted = 0;
    for (let r = 0; r < rounds; r++) {
      const bareBolt = await measure('bare', slack, connections, duration);
      const bareBoltBundled = await measure('bare-bundled', slack, connections, duration);
      const before = slack.responses();
      const bot = await measure('bot', slack, connections, duration);
      const botDistinct = await measure('bot-distinct', slack, connections, duration, 2, distinct);
      repliesPosted += slack.responses() - before;
      const steps = {} as Record<Step, TargetResult>;
      for (const step of STEP_KINDS) steps[step] = await measure(step, slack, connections, stepDuration, 1.5);
      perRound.push({ bot, botDistinct, bareBolt, bareBoltBundled, ...steps });
    }
    const bot = meanOf(perRound.map((p) => p.bot));
    const botDistinct = meanOf(perRound.map((p) => p.botDistinct));
    const bareBolt = meanOf(perRound.map((p) => p.bareBolt));
    const bareBoltBundled = meanOf(perRound.map((p) => p.bareBoltBundled));
    const steps = {} as Record<Step, TargetResult>;
    for (const step of STEP_KINDS) steps[step] = meanOf(perRound.map((p) => p[step]));
    return {
      connections,
      durationSec: duration,
      rounds,
      bot,
      botDistinct,
      bareBolt,
      bareBoltBundled,
      perRound,
      ratio: round(bot.requestsPerSec / bareBolt.requestsPerSec, 3),
      ratioDistinct: round(botDistinct.requestsPerSec / bareBolt.requestsPerSec, 3),
      ratioBundled: round(bot.requestsPerSec / bareBoltBundled.requestsPerSec, 3),
      ratioDistinctBundled: round(botDistinct.requestsPerSec / bareBoltBundled.requestsPerSec, 3),
      distinctQuestions: distinct.length,
      repliesPosted,
      steps,
      stepDurationSec: stepDuration,
    };
  } finally {
    await slack.close();
  }
}
