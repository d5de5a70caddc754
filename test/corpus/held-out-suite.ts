// The checks every held-out set of real questions gets (GitHub issue 10): the set is well formed, apart from every
// other set (no shared thread, no shared question), varied enough, and answered right at least as often as measured
// when its floor was set, with no more answers contradicting the data than then. test/corpus-holdout.test.ts,
// test/corpus-holdout2.test.ts, test/corpus-holdout3.test.ts, test/corpus-holdout4.test.ts and test/corpus-holdout5.test.ts call it with their own set and floors. A held-out set is never tuned against: read its
// failures by pattern (`npm run corpus:report -- --holdout` / `--holdout2` / `--holdout3` / `--holdout4` / `--holdout5`), fix the pattern, and measure here.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { check } from './check.js';
import { isCheckable, type RealQuestion } from './real.js';

/** The floors a held-out set must keep. */
export interface HeldOutFloors {
  minEntries: number;
  minCategories: number;
  minNonEnglish: number;
  minPasted: number;
  minMultiPart: number;
  /** share of entries answered right, measured on main, rounded down */
  baseline: number;
  /** answers stating a level or verdict the data contradicts, measured at the same time */
  maxContradictions: number;
}

/** A set the held-out one must not overlap, by the name its test reports. */
export interface OtherSet {
  name: string;
  entries: RealQuestion[];
}

/** A question as text to compare: whitespace collapsed, case folded. */
export const normalise = (q: string) => q.replace(/\s+/g, ' ').trim().toLowerCase();
/** An issue or pull request address without a trailing slash, fragment or query, case folded. */
export const threadOf = (url: string) =>
  url
    .replace(/[#?].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();

/** Registers the data and answer checks for one held-out set. */
export function describeHeldOutSet(label: string, set: RealQuestion[], others: OtherSet[], floors: HeldOutFloors): void {
  describe(`${label}: the data itself`, () => {
    test(`has at least ${floors.minEntries} entries`, () => {
      expect(set.length).toBeGreaterThanOrEqual(floors.minEntries);
    });

    test('every entry has an https URL, a question and at least one checkable expectation', () => {
      const bad = set.filter((e) => !isCheckable(e));
      expect(bad.map((e) => e.q.slice(0, 60))).toEqual([]);
    });

    test('no thread and no question appears twice in the set', () => {
      const threads = set.map((e) => threadOf(e.url));
      const questions = set.map((e) => normalise(e.q));
      expect(threads.filter((t, i) => threads.indexOf(t) !== i)).toEqual([]);
      expect(questions.filter((q, i) => questions.indexOf(q) !== i).map((q) => q.slice(0, 60))).toEqual([]);
    });

    for (const other of others) {
      test(`shares no thread and no question with ${other.name}`, () => {
        const otherThreads = new Set(other.entries.map((e) => threadOf(e.url)));
        const otherQuestions = new Set(other.entries.map((e) => normalise(e.q)));
        expect(set.filter((e) => otherThreads.has(threadOf(e.url))).map((e) => e.url)).toEqual([]);
        expect(set.filter((e) => otherQuestions.has(normalise(e.q))).map((e) => e.q.slice(0, 60))).toEqual([]);
      });
    }

    test('covers most categories, and holds non-English, pasted-output and multi-part questions', () => {
      expect(new Set(set.map((e) => e.category)).size).toBeGreaterThanOrEqual(floors.minCategories);
      expect(set.filter((e) => e.lang !== undefined && e.lang !== 'en').length).toBeGreaterThanOrEqual(floors.minNonEnglish);
      expect(set.filter((e) => e.shape?.includes('pasted-output')).length).toBeGreaterThanOrEqual(floors.minPasted);
      expect(set.filter((e) => e.shape?.includes('multi-part')).length).toBeGreaterThanOrEqual(floors.minMultiPart);
    });
  });

  describe(`${label}: answers`, () => {
    const results = set.map((e) => check(e, ask(e.q)));
    const rate = results.filter((r) => r.pass).length / results.length;
    const contradictions = results.filter((r) => r.contradictions.length > 0).length;

    test(`answered right at least ${floors.baseline * 100} % of the time (now ${(rate * 100).toFixed(1)} %)`, () => {
      expect(rate).toBeGreaterThanOrEqual(floors.baseline);
    });

    test(`no more than ${floors.maxContradictions} answers contradict the data (now ${contradictions})`, () => {
      expect(contradictions).toBeLessThanOrEqual(floors.maxContradictions);
    });
  });
}
