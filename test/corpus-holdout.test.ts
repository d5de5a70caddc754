// The held-out real questions (GitHub issue 10): questions from public issue trackers that the question parser is
// never tuned on (test/corpus/holdout-questions.json, same schema and checker as real-questions.json). Tuning a
// parser against a set inflates that set's score; this one measures how the answers generalise. This file checks
// that the held-out set is well formed and really apart from the tuning set, and holds its pass-rate floor (the checks
// live in test/corpus/held-out-suite.ts, shared with the second held-out set, test/corpus-holdout2.test.ts).
// `npm run corpus:report -- --holdout` lists its failures. Do not tune the parser against these entries: read the
// failures by pattern, fix the pattern, and measure here.
import { describeHeldOutSet } from './corpus/held-out-suite.js';
import { loadHoldoutQuestions, loadRealQuestions } from './corpus/real.js';

/** Floors for the held-out set's size and variety (89 entries when it landed). */
const MIN_HOLDOUT = 80;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 20;
const MIN_MULTI_PART = 5;
/** Share of held-out questions answered right, measured on main once the question frame landed (69/89 = 77.5 %,
 * against 92.4 % on the tuning set), then after its 20 misses were read by pattern and each pattern fixed as a general
 * rule (89/89 = 100 %; tuning set 94.2 %), rounded down. Reading its misses spent part of its value as a held-out
 * measure: the second held-out set (holdout2-questions.json) is the honest one now. Before the frame it was 18/89. */
const BASELINE = 1.0;
/** Held-out answers stating a level or verdict the data contradicts: 11 before the frame, 1 with it (a Phenom II
 * without AVX answered "at most x86-64-v2" where the data says x86-64-v1), 0 once "Phenom 2" and the CPU named beside
 * a refusal were read. */
const MAX_CONTRADICTIONS = 0;

describeHeldOutSet('held-out real questions', loadHoldoutQuestions(), [{ name: 'the tuning set (real-questions.json)', entries: loadRealQuestions() }], {
  minEntries: MIN_HOLDOUT,
  minCategories: MIN_CATEGORIES,
  minNonEnglish: MIN_NON_ENGLISH,
  minPasted: MIN_PASTED,
  minMultiPart: MIN_MULTI_PART,
  baseline: BASELINE,
  maxContradictions: MAX_CONTRADICTIONS,
});
