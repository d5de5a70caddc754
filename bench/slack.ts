// (2) Slack over HTTP: signed slash commands under concurrent load (autocannon, loopback) against the
// whole service (`node dist/src/main.js`, Slack HTTP mode) and against a bare Bolt app that only acks.
// (3) Start-up to the first answered command, and RSS after the load, for both.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startBenchSlack, type BenchSlack } from './fake-slack.js';
import { round, sleep } from './stats.js';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const here = fileURLToPath(new URL('.', import.meta.url));
const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const BARE = `${here}slack-bare.js`;

export interface TargetResult {
  startupMs: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  rssAfterLoadMb: number;
  peakRssMb: number;
}

export interface SlackResult {
  connections: number;
  durationSec: number;
  bot: TargetResult;
  bareBolt: TargetResult;
  /** bot requests/s divided by the bare app's */
  ratio: number;
  repliesPosted: number;
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

const sign = (timestamp: number, body: string) =>
  `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;

let userSeq = 0;
function signedCommand(responseUrl: string, text: string): { headers: Record<string, string>; body: string } {
  userSeq += 1;
  const body = new URLSearchParams({
    token: 'x', team_id: 'T0BENCH', team_domain: 'bench', channel_id: 'C0BENCH', channel_name: 'bench',
    user_id: `U${userSeq}`, user_name: 'bench', command: '/cpulevel', text, api_app_id: 'A0BENCH',
    is_enterprise_install: 'false', response_url: responseUrl, trigger_id: `${userSeq}.t`,
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

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: round(kb('VmRSS') / 1024, 1), peak: round(kb('VmHWM') / 1024, 1) };
}

function launch(kind: 'bot' | 'bare', port: number, slack: BenchSlack): ChildProcess {
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...(kind === 'bot' ? { SLACK_BOT_TOKEN: 'xoxb-bench', LOG_LEVEL: 'info' } : {}),
  };
  return spawn(process.execPath, [kind === 'bot' ? MAIN : BARE], { env, stdio: ['ignore', 'ignore', 'inherit'] });
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

async function measure(kind: 'bot' | 'bare', slack: BenchSlack, connections: number, duration: number): Promise<TargetResult> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/slack/events`;
  const started = performance.now();
  const child = launch(kind, port, slack);
  try {
    const startupMs = await waitUntilAnswering(url, slack, started, child);
    const texts = ['Standard_D4s_v5', 'Standard_D2s_v3', 'x86-64-v3', 'EPYC 7763', 'flags avx2 bmi2 fma movbe'];
    let i = 0;
    const requests = [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (req: import('autocannon').RawRequest) => ({ ...req, ...signedCommand(slack.responseUrl, texts[i++ % texts.length]!) }),
      },
    ];
    await autocannon({ url, connections, duration: 2, requests }); // warm-up
    const result = await autocannon({ url, connections, duration, requests });
    await sleep(300);
    const mem = rssMb(child.pid!);
    return {
      startupMs: round(startupMs),
      requestsPerSec: round(result.requests.average),
      latencyP50Ms: round(result.latency.p50, 2),
      latencyP99Ms: round(result.latency.p99, 2),
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      rssAfterLoadMb: mem.rss,
      peakRssMb: mem.peak,
    };
  } finally {
    await stopChild(child);
  }
}

/** Start-up only, a few times each, median of the runs (the load run's figure is one sample). */
export async function benchStartup(runs = 3): Promise<{ botMs: number; bareBoltMs: number }> {
  const slack = await startBenchSlack();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    const times: Record<'bot' | 'bare', number[]> = { bot: [], bare: [] };
    for (let r = 0; r < runs; r++) {
      for (const kind of ['bare', 'bot'] as const) {
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
    return { botMs: round(median(times.bot)), bareBoltMs: round(median(times.bare)) };
  } finally {
    await slack.close();
  }
}

export async function benchSlack(connections = 20, duration = 10): Promise<SlackResult> {
  const slack = await startBenchSlack();
  try {
    const bareBolt = await measure('bare', slack, connections, duration);
    const before = slack.responses();
    const bot = await measure('bot', slack, connections, duration);
    return {
      connections,
      durationSec: duration,
      bot,
      bareBolt,
      ratio: round(bot.requestsPerSec / bareBolt.requestsPerSec, 3),
      repliesPosted: slack.responses() - before,
    };
  } finally {
    await slack.close();
  }
}
