// The fourth held-out set of real questions (GitHub issue 10): 105 questions from 105 public issue and pull-request
// threads none of the other four sets uses, gathered while the third held-out set was being tuned on, so nobody has
// tuned for these (test/corpus/holdout4-questions.json, same schema and checker as real-questions.json). It is now the
// honest measure of issue 10's "right at least 9 times in 10". Its expectations were written from src/data and committed
// before any of its questions was asked of the bot. The checks live in test/corpus/held-out-suite.ts, shared with the
// other held-out sets. `npm run corpus:report -- --holdout4` lists its failures. Do not tune the parser against these
// entries, and do not copy their questions or misses anywhere the tuning work reads.
import { describeHeldOutSet } from './corpus/held-out-suite.js';
import { loadHoldout2Questions, loadHoldout3Questions, loadHoldout4Questions, loadHoldoutQuestions, loadRealQuestions } from './corpus/real.js';

/** Floors for the set's size and variety (105 entries, 12 categories, 9 non-English, 50 pasted, 17 multi-part when it
 * landed). */
const MIN_HOLDOUT4 = 100;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 40;
const MIN_MULTI_PART = 15;
/** Share answered right, never tuned on: 88.6 % (93/105) on main (f39b049) when the set landed; 90.5 % (95/105) after
 * the third set's rules (a7e0c11), rounded down to the percent; raise it as answers improve (issue 10's goal is 0.9). */
const BASELINE = 0.9;
/** Answers stating a level or verdict the data contradicts, measured at the same time: none. */
const MAX_CONTRADICTIONS = 0;

describeHeldOutSet(
  'fourth held-out real questions',
  loadHoldout4Questions(),
  [
    { name: 'the tuning set (real-questions.json)', entries: loadRealQuestions() },
    { name: 'the first held-out set (holdout-questions.json)', entries: loadHoldoutQuestions() },
    { name: 'the second held-out set (holdout2-questions.json)', entries: loadHoldout2Questions() },
    { name: 'the third held-out set (holdout3-questions.json)', entries: loadHoldout3Questions() },
  ],
  {
    minEntries: MIN_HOLDOUT4,
    minCategories: MIN_CATEGORIES,
    minNonEnglish: MIN_NON_ENGLISH,
    minPasted: MIN_PASTED,
    minMultiPart: MIN_MULTI_PART,
    baseline: BASELINE,
    maxContradictions: MAX_CONTRADICTIONS,
  },
);
