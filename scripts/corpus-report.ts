// npm run corpus:report — asks every real question (test/corpus/real-questions.json, or with --holdout the
// held-out set test/corpus/holdout-questions.json that the parser is never tuned on, or with --holdout2 the second
// held-out set test/corpus/holdout2-questions.json, or with --holdout3 the third, test/corpus/holdout3-questions.json,
// or with --holdout4 the fourth, test/corpus/holdout4-questions.json, or with --holdout5 the fifth,
// test/corpus/holdout5-questions.json)
// through `ask()` and
// prints the pass rate by category, by language and by shape, each failure with its reasons, and the
// number of contradictions (answers stating a level or verdict the data contradicts).
// Options: --holdout / --holdout2 / --holdout3 / --holdout4 / --holdout5 (a held-out set instead of the tuning set), --quiet (rates only, no failure list),
// --category <name> (failures of one category only).
import { ask } from '../src/core/index.js';
import { check } from '../test/corpus/check.js';
import {
  loadHoldout2Questions,
  loadHoldout3Questions,
  loadHoldout4Questions,
  loadHoldout5Questions,
  loadHoldoutQuestions,
  loadRealQuestions,
  type RealQuestion,
} from '../test/corpus/real.js';

interface Tally {
  pass: number;
  total: number;
}

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const onlyCategory = args.includes('--category') ? args[args.indexOf('--category') + 1] : undefined;

const holdout5 = args.includes('--holdout5');
const holdout4 = args.includes('--holdout4');
const holdout3 = args.includes('--holdout3');
const holdout2 = args.includes('--holdout2');
const holdout = args.includes('--holdout');
const entries = holdout5
  ? loadHoldout5Questions()
  : holdout4
    ? loadHoldout4Questions()
    : holdout3
      ? loadHoldout3Questions()
      : holdout2
        ? loadHoldout2Questions()
        : holdout
          ? loadHoldoutQuestions()
          : loadRealQuestions();
const setName = holdout5
  ? 'Fifth held-out real questions'
  : holdout4
    ? 'Fourth held-out real questions'
    : holdout3
      ? 'Third held-out real questions'
      : holdout2
        ? 'Second held-out real questions'
        : holdout
          ? 'Held-out real questions'
          : 'Real questions';
const groups = { category: new Map<string, Tally>(), language: new Map<string, Tally>(), shape: new Map<string, Tally>() };
const failures: string[] = [];
let passed = 0;
let contradictions = 0;

function count(map: Map<string, Tally>, key: string, pass: boolean): void {
  const tally = map.get(key) ?? { pass: 0, total: 0 };
  tally.total += 1;
  if (pass) tally.pass += 1;
  map.set(key, tally);
}

function oneLine(entry: RealQuestion): string {
  const q = entry.q.replace(/\s+/g, ' ').trim();
  return q.length > 100 ? `${q.slice(0, 97)}...` : q;
}

const pct = (t: Tally) => `${((100 * t.pass) / t.total).toFixed(1).padStart(5)} %`;

entries.forEach((entry, index) => {
  const answer = ask(entry.q);
  const verdict = check(entry, answer);
  if (verdict.pass) passed += 1;
  contradictions += verdict.contradictions.length > 0 ? 1 : 0;
  count(groups.category, entry.category, verdict.pass);
  count(groups.language, entry.lang ?? 'en', verdict.pass);
  for (const shape of entry.shape ?? ['plain']) count(groups.shape, shape, verdict.pass);
  if (!verdict.pass && (onlyCategory === undefined || onlyCategory === entry.category)) {
    const flag = verdict.contradictions.length > 0 ? ' CONTRADICTION' : '';
    failures.push(
      `#${String(index).padStart(3, '0')} [${entry.category}]${flag} ${oneLine(entry)}\n` +
        `     ${entry.url}\n     answered ${answer.kind}: ${answer.summary.replace(/\s+/g, ' ').slice(0, 140)}\n` +
        verdict.problems.map((p) => `     - ${p}`).join('\n'),
    );
  }
});

if (!quiet && failures.length > 0) {
  console.log(`Failures (${failures.length}):\n`);
  console.log(failures.join('\n\n'));
  console.log('');
}
for (const [title, map] of Object.entries(groups)) {
  console.log(`By ${title}:`);
  const rows = [...map.entries()].sort((a, b) => b[1].total - a[1].total);
  for (const [key, tally] of rows) console.log(`  ${key.padEnd(20)} ${pct(tally)}  (${tally.pass}/${tally.total})`);
}
const total = { pass: passed, total: entries.length };
console.log(`\n${setName} answered right: ${pct(total).trim()} (${passed}/${entries.length})`);
console.log(`Answers contradicting the data (a level or verdict): ${contradictions}`);
