// The plain-words parser's cost, alone: askWith over the plain-words questions of the bench's 20,000 mixed
// questions (ask-json.ts), over its slash commands (which read their names with the same entity finder), and over
// every question of the corpus (test/corpus/*.json). Not a test, and not part of `npm run bench`: run it before and
// after a change to the parser, and under --cpu-prof to see where the time goes.
//
//   npm run build && node dist/bench/plain-words.js [rounds]
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/plain-words.js 1
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { askWith } from '../src/core/ask.js';
import { catalog } from '../src/core/index.js';
import { mixedQuestions } from './ask-json.js';
import { round } from './stats.js';

const CORPUS = fileURLToPath(new URL('../../test/corpus/', import.meta.url));

function corpusQuestions(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('-questions.json') || f === 'questions.json')) {
    const rows = JSON.parse(readFileSync(CORPUS + file, 'utf8')) as Array<{ q: string }>;
    for (const row of rows) out.push(row.q);
  }
  return out;
}

function time(label: string, questions: readonly string[], rounds: number): void {
  const c = catalog();
  // CPU time, not wall time: the machine is shared, and another process's load would count otherwise
  const passes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = process.cpuUsage();
    for (const q of questions) askWith(c, q);
    const used = process.cpuUsage(started);
    passes.push((used.user + used.system) / 1000);
  }
  const perQ = passes.map((ms) => round((ms * 1000) / questions.length, 1));
  console.log(
    `${label.padEnd(24)} ${String(questions.length).padStart(6)} questions  CPU ms per pass: ${passes.map((ms) => round(ms)).join(' ')}  us each: ${perQ.join(' ')}`,
  );
}

const rounds = Number(process.argv[2] ?? 3);
const started = performance.now();
catalog();
console.log(`catalog ${round(performance.now() - started)} ms`);
const mixed = mixedQuestions(catalog());
time(
  'q20k plain words',
  mixed.filter((q) => !q.startsWith('/')),
  rounds,
);
time(
  'q20k commands',
  mixed.filter((q) => q.startsWith('/')),
  rounds,
);
time('corpus', corpusQuestions(), rounds);
