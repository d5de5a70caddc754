// The held-out real questions (GitHub issue 10): questions from public issue trackers that the question parser is
// never tuned on (test/corpus/holdout-questions.json, same schema and checker as real-questions.json). Tuning a
// parser against a set inflates that set's score; this one measures how the answers generalise. This file checks
// that the held-out set is well formed and really apart from the tuning set, and holds its pass-rate floor.
// `npm run corpus:report -- --holdout` lists its failures. Do not tune the parser against these entries: read the
// failures by pattern, fix the pattern, and measure here.
import { describe, expect, test } from 'vitest';
import { ask } from '../src/core/index.js';
import { check } from './corpus/check.js';
import { isCheckable, loadHoldoutQuestions, loadRealQuestions } from './corpus/real.js';

/** Floors for the held-out set's size and variety (89 entries when it landed). */
const MIN_HOLDOUT = 80;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 20;
const MIN_MULTI_PART = 5;
/** Share of held-out questions answered right, measured on main once the question frame landed (69/89 = 77.5 %,
 * against 92.4 % on the tuning set), then after its 20 misses were read by pattern and each pattern fixed as a general
 * rule (89/89 = 100 %; tuning set 93.8 %), rounded down. Reading its misses spent part of its value as a held-out
 * measure: the second held-out set (holdout2-questions.json) is the honest one now. Before the frame it was 18/89. */
const BASELINE = 1.0;
/** Held-out answers stating a level or verdict the data contradicts: 11 before the frame, 1 with it (a Phenom II
 * without AVX answered "at most x86-64-v2" where the data says x86-64-v1), 0 once "Phenom 2" and the CPU named beside
 * a refusal were read. */
const MAX_CONTRADICTIONS = 0;

const holdout = loadHoldoutQuestions();
const tuning = loadRealQuestions();

/** A question as text to compare: whitespace collapsed, case folded. */
const normalise = (q: string) => q.replace(/\s+/g, ' ').trim().toLowerCase();
/** An issue or pull request address without a trailing slash, fragment or query, case folded. */
const threadOf = (url: string) => url.replace(/[#?].*$/, '').replace(/\/+$/, '').toLowerCase();

describe('held-out real questions: the data itself', () => {
  test(`has at least ${MIN_HOLDOUT} entries`, () => {
    expect(holdout.length).toBeGreaterThanOrEqual(MIN_HOLDOUT);
  });

  test('every entry has an https URL, a question and at least one checkable expectation', () => {
    const bad = holdout.filter((e) => !isCheckable(e));
    expect(bad.map((e) => e.q.slice(0, 60))).toEqual([]);
  });

  test('no thread and no question appears twice in the held-out set', () => {
    const threads = holdout.map((e) => threadOf(e.url));
    const questions = holdout.map((e) => normalise(e.q));
    expect(threads.filter((t, i) => threads.indexOf(t) !== i)).toEqual([]);
    expect(questions.filter((q, i) => questions.indexOf(q) !== i).map((q) => q.slice(0, 60))).toEqual([]);
  });

  test('shares no thread and no question with the tuning set (real-questions.json)', () => {
    const tuningThreads = new Set(tuning.map((e) => threadOf(e.url)));
    const tuningQuestions = new Set(tuning.map((e) => normalise(e.q)));
    expect(holdout.filter((e) => tuningThreads.has(threadOf(e.url))).map((e) => e.url)).toEqual([]);
    expect(holdout.filter((e) => tuningQuestions.has(normalise(e.q))).map((e) => e.q.slice(0, 60))).toEqual([]);
  });

  test('covers most categories, and holds non-English, pasted-output and multi-part questions', () => {
    expect(new Set(holdout.map((e) => e.category)).size).toBeGreaterThanOrEqual(MIN_CATEGORIES);
    expect(holdout.filter((e) => e.lang !== undefined && e.lang !== 'en').length).toBeGreaterThanOrEqual(MIN_NON_ENGLISH);
    expect(holdout.filter((e) => e.shape?.includes('pasted-output')).length).toBeGreaterThanOrEqual(MIN_PASTED);
    expect(holdout.filter((e) => e.shape?.includes('multi-part')).length).toBeGreaterThanOrEqual(MIN_MULTI_PART);
  });
});

describe('held-out real questions: answers', () => {
  const results = holdout.map((e) => check(e, ask(e.q)));
  const rate = results.filter((r) => r.pass).length / results.length;
  const contradictions = results.filter((r) => r.contradictions.length > 0).length;

  test(`answered right at least ${BASELINE * 100} % of the time (now ${(rate * 100).toFixed(1)} %; npm run corpus:report -- --holdout)`, () => {
    expect(rate).toBeGreaterThanOrEqual(BASELINE);
  });

  test(`no more than ${MAX_CONTRADICTIONS} answers contradict the data (now ${contradictions})`, () => {
    expect(contradictions).toBeLessThanOrEqual(MAX_CONTRADICTIONS);
  });
});
