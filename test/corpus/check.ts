// Judges one Answer from `ask()` against one real-question entry: pass or fail, every reason, and,
// apart, the contradictions — an answer that states a level or verdict the expectation (hence the data)
// contradicts. A contradiction is worse than a miss: a miss says too little, a contradiction says
// something wrong. Used by test/corpus-real.test.ts and `npm run corpus:report`.
import type { Answer } from '../../src/core/answer.js';
import type { Expect, Needle, RealQuestion } from './real.js';

export interface Verdict {
  pass: boolean;
  /** every way the answer falls short, contradictions included, as readable lines */
  problems: string[];
  /** the subset of problems where the answer states a level or verdict the expectation contradicts */
  contradictions: string[];
}

const TEXT_LIMIT = 4000;
/** Slack and Discord broadcast mentions; an answer must never carry one, whatever the input. */
const PING = /@everyone|@here|<!channel>|<!here>|<!everyone>/i;
const LEVEL = /x86-64-v[1-4]/gi;
/** Kinds that present facts about a machine, a distro or a verdict: the wrong thing to give an out-of-scope question. */
const ANSWERING_KINDS = new Set(['vm-size', 'series', 'level', 'compat', 'compare', 'cpu', 'flags', 'distro', 'lineage', 'releases']);

const show = (value: unknown) => JSON.stringify(value);

/** Everything the answer shows, lower-cased, minus the echoed input (so the question cannot answer itself). */
export function haystackOf(answer: Answer): string {
  const { query: _query, ...rest } = answer;
  return `${answer.text}\n${JSON.stringify(rest)}`.toLowerCase();
}

/** The answer's own line: its summary, or the first line of its text. */
function headlineOf(answer: Answer): string {
  const summary = typeof answer.summary === 'string' ? answer.summary.trim() : '';
  return summary !== '' ? summary : ((answer.text ?? '').split('\n').find((l) => l.trim() !== '') ?? '');
}

/** The level the answer presents as *the* level of what it describes, from its structured fields. */
function structuredLevel(answer: Answer): string | null | undefined {
  const fields = answer as unknown as Record<string, unknown>;
  for (const key of ['level', 'guaranteedLevel']) {
    const value = fields[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The verdict the answer's headline opens with ("No — ...", "It depends: ..."), if any. */
export function headlineVerdict(headline: string): 'yes' | 'no' | 'depends' | undefined {
  const m = /^\W*(yes|no|it depends|depends)\b/i.exec(headline);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return word === 'yes' ? 'yes' : word === 'no' ? 'no' : 'depends';
}

function has(hay: string, needle: Needle): boolean {
  const options = Array.isArray(needle) ? needle : [needle];
  return options.some((o) => hay.includes(o.toLowerCase()));
}

function checkLevel(expected: NonNullable<Expect['level']>, answer: Answer, hay: string, v: Verdict): void {
  const stated = structuredLevel(answer);
  if (typeof stated === 'string' && stated !== expected) {
    v.contradictions.push(`states ${stated} (field), the data says ${expected}`);
  }
  const inHeadline = [...new Set((headlineOf(answer).match(LEVEL) ?? []).map((l) => l.toLowerCase()))];
  if (inHeadline.length > 0 && !inHeadline.includes(expected)) {
    v.contradictions.push(`headline names ${inHeadline.join(', ')}, the data says ${expected}`);
  }
  if (!hay.includes(expected)) v.problems.push(`does not state ${expected}`);
}

function checkVerdict(expected: NonNullable<Expect['verdict']>, answer: Answer, v: Verdict): void {
  const fields = answer as unknown as Record<string, unknown>;
  const structured = typeof fields['verdict'] === 'string' ? (fields['verdict'] as string) : undefined;
  const opening = headlineVerdict(headlineOf(answer));
  if (structured !== undefined && structured !== expected) {
    v.contradictions.push(`verdict ${show(structured)}, the data says ${show(expected)}`);
  } else if (opening !== undefined && opening !== expected) {
    v.contradictions.push(`opens with ${show(opening)}, the data says ${show(expected)}`);
  } else if (structured === undefined && opening === undefined) {
    v.problems.push(`gives no verdict (expected ${show(expected)})`);
  }
}

function checkOutOfScope(answer: Answer, v: Verdict): void {
  if (ANSWERING_KINDS.has(answer.kind)) v.problems.push(`answers as ${show(answer.kind)} instead of declining`);
  // the decline itself says what the bot covers; "did you mean" names are not a decline
  if (!headlineOf(answer).toLowerCase().includes('azure')) v.problems.push('the headline does not say what the bot covers (no mention of Azure)');
  if ((answer.suggestions ?? []).length > 0) v.problems.push(`offers far-fetched suggestions (${answer.suggestions.slice(0, 3).join(', ')})`);
}

/** Judge `answer` against `entry`. */
export function check(entry: RealQuestion, answer: Answer): Verdict {
  const v: Verdict = { pass: false, problems: [], contradictions: [] };
  const e = entry.expect;

  // Contract checks that hold for every answer.
  if (typeof answer.text !== 'string' || answer.text.trim() === '') v.problems.push('text is empty');
  else if (answer.text.length > TEXT_LIMIT) v.problems.push(`text is ${answer.text.length} chars (limit ${TEXT_LIMIT})`);
  if (PING.test(answer.text ?? '')) v.problems.push('text contains a broadcast ping');

  const hay = haystackOf(answer);
  if (e.kind !== undefined) {
    const kinds = Array.isArray(e.kind) ? e.kind : [e.kind];
    if (!kinds.includes(answer.kind)) v.problems.push(`kind is ${show(answer.kind)}, expected ${kinds.join(' or ')}`);
  }
  if (e.notKind?.includes(answer.kind)) v.problems.push(`kind is ${show(answer.kind)}, which does not answer this question`);
  if (e.level !== undefined) checkLevel(e.level, answer, hay, v);
  if (e.verdict !== undefined) checkVerdict(e.verdict, answer, v);
  if (e.outOfScope) checkOutOfScope(answer, v);
  for (const needle of e.contains ?? []) {
    if (!has(hay, needle)) {
      const options = Array.isArray(needle) ? needle : [needle];
      v.problems.push(`does not contain ${options.map(show).join(' or ')}`);
    }
  }
  for (const needle of e.notContains ?? []) {
    if (hay.includes(needle.toLowerCase())) v.problems.push(`contains forbidden ${show(needle)}`);
  }

  v.problems.push(...v.contradictions);
  v.pass = v.problems.length === 0;
  return v;
}
