// The question corpus (GitHub issue 5, "Questions in plain words"): every entry of
// test/corpus/questions.json is asked through the core port `ask(text, context?)` and its Answer is
// held to the entry's expectations. The corpus is data; this file only walks it.
// How to add an entry: test/corpus/README.md.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Answer, AnswerKind, ConversationContext } from '../src/core/answer.js';
import { ask, QUERY_ECHO_LIMIT } from '../src/core/index.js';
import { ANSWER_KINDS } from './fixtures/answer-kinds.js';

const INTENTS = [
  'upstream',
  'lineage',
  'releases',
  'kernel',
  'package-manager',
  'eol',
  'status',
  'size-level',
  'series-level',
  'cpu-level',
  'level-series',
  'distro-sizes',
  'compat',
  'compare',
  'flags',
  'ld-so',
  'help',
  'clarify',
  'not-found',
  'followup',
  'robustness',
  // issue 10: questions as people ask them
  'foreign-cpu',
  'matrix',
  'yes-no',
  'difference',
  'triage',
  'out-of-scope',
  'typo',
] as const;
type Intent = (typeof INTENTS)[number];

const KINDS: readonly AnswerKind[] = ANSWER_KINDS;

const CONTEXT_KEYS = ['distro', 'release', 'size', 'series', 'cpu', 'topic', 'level'];
const TEXT_LIMIT = 4000;
/** Slack and Discord broadcast mentions; an answer must never carry one, whatever the input. */
const PING = /@everyone|@here|<!channel>|<!here>|<!everyone>/i;

/** A fact the answer must state: a string, or a list of equivalent spellings (any one will do). */
type Needle = string | string[];

interface Entry {
  intent: Intent;
  q: string;
  /** expected kind; a list only where several kinds are equally right (nonsense input: help or not-found) */
  kind: AnswerKind | AnswerKind[];
  contains: Needle[];
  notContains?: string[];
  verdict?: 'yes' | 'no' | 'depends';
  /** JSON-contract fields that must equal these values (arrays of scalars compare as sets) */
  fields?: Record<string, unknown>;
  /** array fields that must include these items (an object item matches an element having those key/values) */
  fieldsInclude?: Record<string, unknown[]>;
  /** array fields that must not include these items */
  fieldsExclude?: Record<string, unknown[]>;
  /** the answer must offer at least one "did you mean" suggestion */
  hasSuggestions?: boolean;
  /** what the thread established before this question */
  context?: ConversationContext;
  note: string;
}

const corpus = JSON.parse(readFileSync(new URL('./corpus/questions.json', import.meta.url), 'utf8')) as Entry[];

// ---------------------------------------------------------------------------------------------
// Matching helpers

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Deep equality, except that two arrays of scalars compare as multisets (order is presentation). */
function sameValue(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (expected.every(isScalar) && actual.every(isScalar)) {
      const key = (v: unknown) => JSON.stringify(v);
      return JSON.stringify(actual.map(key).sort()) === JSON.stringify(expected.map(key).sort());
    }
    return expected.every((item, i) => sameValue(actual[i], item));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    return [...keys].every((k) => sameValue(a[k], e[k]));
  }
  return actual === expected;
}

/** An array element matches an expected item: equal scalar, or an object having every expected key/value. */
function matchesItem(element: unknown, item: unknown): boolean {
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    if (element === null || typeof element !== 'object') return false;
    const el = element as Record<string, unknown>;
    return Object.entries(item as Record<string, unknown>).every(([k, v]) => sameValue(el[k], v));
  }
  return sameValue(element, item);
}

const show = (value: unknown) => JSON.stringify(value);

/** Every way the answer can surface in a channel, minus the echoed input (so the question cannot answer itself). */
function haystackOf(answer: Answer): string {
  const { query: _query, ...rest } = answer;
  return `${answer.text}\n${JSON.stringify(rest)}`.toLowerCase();
}

/** The parts adapters render into a message: text, title, summary, facts, sections, caveats, suggestions. */
function renderedParts(answer: Answer): string {
  const { text, title, summary, facts, sections, caveats, suggestions } = answer;
  return JSON.stringify({ text, title, summary, facts, sections, caveats, suggestions });
}

/** Every way `answer` falls short of `entry`, as readable lines; empty when it passes. */
function problemsWith(entry: Entry, answer: Answer): string[] {
  const problems: string[] = [];
  const fieldsOf = answer as unknown as Record<string, unknown>;

  // Contract checks that hold for every answer.
  if (typeof answer.text !== 'string' || answer.text.trim() === '') problems.push('text is empty');
  else if (answer.text.length > TEXT_LIMIT) problems.push(`text is ${answer.text.length} chars (limit ${TEXT_LIMIT})`);
  if (PING.test(renderedParts(answer))) problems.push('answer contains a broadcast ping (@everyone/@here/<!channel>)');
  // the echo is the input as received, cut to 2,000 characters (the answer stays bounded)
  const echoed = entry.q.length <= QUERY_ECHO_LIMIT ? entry.q : `${entry.q.slice(0, QUERY_ECHO_LIMIT - 1)}…`;
  if (answer.query !== echoed) problems.push(`query is ${show(answer.query)?.slice(0, 80)}, not the input`);
  if (!Array.isArray(answer.sources)) problems.push('sources is not an array');

  const kinds = Array.isArray(entry.kind) ? entry.kind : [entry.kind];
  if (!kinds.includes(answer.kind)) problems.push(`kind is ${show(answer.kind)}, expected ${kinds.join(' or ')}`);

  const hay = haystackOf(answer);
  for (const needle of entry.contains) {
    const options = Array.isArray(needle) ? needle : [needle];
    if (!options.some((o) => hay.includes(o.toLowerCase()))) {
      problems.push(`does not contain ${options.map(show).join(' or ')}`);
    }
  }
  for (const needle of entry.notContains ?? []) {
    if (hay.includes(needle.toLowerCase())) problems.push(`contains forbidden ${show(needle)}`);
  }

  if (entry.verdict !== undefined && fieldsOf['verdict'] !== entry.verdict) {
    problems.push(`verdict is ${show(fieldsOf['verdict'])}, expected ${show(entry.verdict)}`);
  }
  for (const [key, expected] of Object.entries(entry.fields ?? {})) {
    if (!sameValue(fieldsOf[key], expected)) {
      problems.push(`field ${key} is ${show(fieldsOf[key])}, expected ${show(expected)}`);
    }
  }
  for (const [key, items] of Object.entries(entry.fieldsInclude ?? {})) {
    const actual = fieldsOf[key];
    if (!Array.isArray(actual)) {
      problems.push(`field ${key} is not an array (${show(actual)})`);
      continue;
    }
    for (const item of items) {
      if (!actual.some((el) => matchesItem(el, item))) problems.push(`field ${key} lacks ${show(item)}`);
    }
  }
  for (const [key, items] of Object.entries(entry.fieldsExclude ?? {})) {
    const actual = fieldsOf[key];
    if (!Array.isArray(actual)) {
      problems.push(`field ${key} is not an array (${show(actual)})`);
      continue;
    }
    for (const item of items) {
      if (actual.some((el) => matchesItem(el, item))) problems.push(`field ${key} must not include ${show(item)}`);
    }
  }
  if (entry.hasSuggestions && !(Array.isArray(answer.suggestions) && answer.suggestions.length > 0)) {
    problems.push('offers no suggestions');
  }
  return problems;
}

function label(index: number, entry: Entry): string {
  const q = entry.q.replace(/\s+/g, ' ').trim();
  const shown = q === '' ? '(blank)' : q.length > 70 ? `${q.slice(0, 67)}...` : q;
  const ctx = entry.context
    ? ` {${Object.entries(entry.context)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}}`
    : '';
  return `#${String(index).padStart(3, '0')} [${entry.intent}] ${shown}${ctx}`;
}

// ---------------------------------------------------------------------------------------------

describe('question corpus: the data itself', () => {
  test('has at least 200 entries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  test('covers every intent', () => {
    const seen = new Set(corpus.map((e) => e.intent));
    expect(INTENTS.filter((i) => !seen.has(i))).toEqual([]);
  });

  test('every entry is well formed', () => {
    const bad: string[] = [];
    const seen = new Set<string>();
    corpus.forEach((e, i) => {
      const where = label(i, e);
      if (!INTENTS.includes(e.intent)) bad.push(`${where}: unknown intent ${show(e.intent)}`);
      if (typeof e.q !== 'string') bad.push(`${where}: q is not a string`);
      const kinds = Array.isArray(e.kind) ? e.kind : [e.kind];
      if (kinds.length === 0 || kinds.some((k) => !KINDS.includes(k))) bad.push(`${where}: bad kind ${show(e.kind)}`);
      if (!Array.isArray(e.contains)) bad.push(`${where}: contains is not an array`);
      else
        for (const n of e.contains) {
          const options = Array.isArray(n) ? n : [n];
          if (options.length === 0 || options.some((o) => typeof o !== 'string' || o.trim() === '')) {
            bad.push(`${where}: empty needle in contains`);
          }
        }
      if (typeof e.note !== 'string' || e.note.trim() === '') bad.push(`${where}: note missing`);
      if (e.verdict !== undefined && !(['yes', 'no', 'depends'] as const).includes(e.verdict)) {
        bad.push(`${where}: bad verdict ${show(e.verdict)}`);
      }
      if (e.verdict !== undefined && e.kind !== 'compat') bad.push(`${where}: verdict on a non-compat entry`);
      if (e.context && Object.keys(e.context).some((k) => !CONTEXT_KEYS.includes(k))) {
        bad.push(`${where}: unknown context key`);
      }
      if (e.intent === 'followup' && !e.context) bad.push(`${where}: follow-up without context`);
      const key = JSON.stringify([e.q, e.context ?? null]);
      if (seen.has(key)) bad.push(`${where}: duplicate question`);
      seen.add(key);
    });
    expect(bad).toEqual([]);
  });
});

describe('question corpus: answers', () => {
  corpus.forEach((entry, index) => {
    test(label(index, entry), () => {
      const answer = ask(entry.q, entry.context);
      const problems = problemsWith(entry, answer);
      const preview = entry.q.length > 300 ? `${entry.q.slice(0, 300)}...` : entry.q;
      expect(problems, `q: ${JSON.stringify(preview)}\nnote: ${entry.note}\nkind: ${answer?.kind}\ntext:\n${answer?.text}`).toEqual([]);
    });
  });
});
