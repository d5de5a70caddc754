// (4) `npm run ask -- --json` over many questions it has not seen (one process, one JSON object per
// stdin line), against the floor: a bare Node process that reads the same lines and writes the same
// bytes (ask-floor.ts). Both from spawn to exit, so start-up counts on both sides. Run alone: see the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { askWith } from '../src/core/ask.js';
import type { Catalog } from '../src/core/catalog.js';
import { catalog } from '../src/core/index.js';
import { misspell } from './misspellings.js';
import { round } from './stats.js';

/** the ask command as `npm run ask` runs it: the production bundle */
const ASK = fileURLToPath(new URL('../bundle/ask.js', import.meta.url));
const FLOOR = fileURLToPath(new URL('./ask-floor.js', import.meta.url));

export interface AskJsonResult {
  questions: number;
  /** bytes of JSON the bot wrote (the floor writes the same) */
  outputBytes: number;
  rounds: number;
  /** medians over the rounds, ms from spawn to exit */
  botMs: number;
  floorMs: number;
  ratio: number;
  /** the same questions in this process, warm (second pass): ms in the core, and in JSON.stringify of its answers */
  coreMs: number;
  stringifyMs: number;
}

/**
 * Where the bot's time over the floor goes: the questions answered in this process (askWith, as the
 * ask command's core does for questions it has not seen), after a first pass that warms the code,
 * timing the core and the JSON.stringify of each answer apart.
 */
export function askJsonParts(questions: string[]): { coreMs: number; stringifyMs: number } {
  const c = catalog();
  let coreMs = 0;
  let stringifyMs = 0;
  for (let pass = 0; pass < 2; pass++) {
    coreMs = stringifyMs = 0;
    for (const q of questions) {
      const t0 = performance.now();
      const answer = askWith(c, q);
      const t1 = performance.now();
      JSON.stringify(answer);
      coreMs += t1 - t0;
      stringifyMs += performance.now() - t1;
    }
  }
  return { coreMs: round(coreMs), stringifyMs: round(stringifyMs) };
}

/**
 * `count` different questions of every kind, none repeated: each size, series, CPU and distro in
 * commands, in plain words, in compatibility questions against a release, and misspelled.
 */
export function mixedQuestions(c: Catalog, count = 20_000): string[] {
  const sizes = c.sizes.map((s) => s.size.name);
  const series = c.series.map((s) => s.record.series);
  const cpus = [...c.cpus.values()].map((cpu) => cpu.model.model);
  const releases = c.distros.flatMap((d) => d.releases.map((r) => `${d.name} ${r.version}`));
  const distros = c.distros.map((d) => d.name);
  const forms: ((i: number) => string)[] = [
    (i) => `/cpulevel ${sizes[i % sizes.length]}`,
    (i) => `can I run ${releases[i % releases.length]} on ${sizes[(i * 7) % sizes.length]}?`,
    (i) => `/azlinux compat ${sizes[(i * 3) % sizes.length]} ${releases[(i * 5) % releases.length]}`,
    (i) => `which cpu is behind ${sizes[(i * 11) % sizes.length]}`,
    (i) => `/cpulevel ${misspell(sizes[(i * 13) % sizes.length]!, i)}`,
    (i) => `/cpulevel ${series[i % series.length]} series`,
    (i) => `/cpulevel ${cpus[i % cpus.length]}`,
    (i) => `/azlinux lineage ${releases[i % releases.length]}`,
    (i) => `what is ${distros[i % distros.length]} based on? (${i})`,
    (i) => `is ${sizes[(i * 17) % sizes.length]} x86-64-v${2 + (i % 3)}?`,
  ];
  const seen = new Set<string>();
  for (let i = 0; seen.size < count && i < count * 4; i++) seen.add(forms[i % forms.length]!(Math.floor(i / forms.length)));
  return [...seen];
}

/** ms from spawn to exit, and what it wrote to stdout */
function timed(args: string[], input: string): Promise<{ ms: number; out: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', AZLINUX_TODAY: '2026-12-01' } });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0 && code !== 1) reject(new Error(`${args.join(' ')} exited with ${code}`));
      else resolve({ ms, out: Buffer.concat(chunks) });
    });
    child.stdin.end(input);
  });
}

export async function benchAskJson(rounds = 3, count = 20_000): Promise<AskJsonResult> {
  const questions = mixedQuestions(catalog(), count);
  const input = `${questions.join('\n')}\n`;
  const dir = mkdtempSync(join(tmpdir(), 'azlinux-bench-ask-'));
  try {
    const bot: number[] = [];
    const floor: number[] = [];
    let expected: Buffer | undefined;
    const outFile = join(dir, 'answers.jsonl');
    for (let r = 0; r < rounds; r++) {
      const run = await timed([ASK, '--json'], input);
      bot.push(run.ms);
      if (!expected) {
        expected = run.out;
        writeFileSync(outFile, expected);
      }
      const bare = await timed([FLOOR, outFile], input);
      if (!bare.out.equals(expected)) throw new Error('the floor did not write the same bytes');
      floor.push(bare.ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const botMs = median(bot);
    const floorMs = median(floor);
    return {
      questions: questions.length,
      outputBytes: expected!.length,
      rounds,
      botMs: round(botMs),
      floorMs: round(floorMs),
      ratio: round(botMs / floorMs, 2),
      ...askJsonParts(questions),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/ask-json.js [rounds]` (after `npm run build`): this figure alone, measured as `npm run bench` does.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rounds = Number(process.argv[2] ?? 3);
  process.stdout.write(`${JSON.stringify(await benchAskJson(Number.isInteger(rounds) && rounds > 0 ? rounds : 3))}\n`);
}
