// The third held-out set of real questions (GitHub issue 10): 102 questions from 102 public issue and pull-request
// threads none of the other three sets uses, gathered while the second held-out set was being tuned on, so nobody has
// tuned for these (test/corpus/holdout3-questions.json, same schema and checker as real-questions.json). It is now the
// honest measure of issue 10's "right at least 9 times in 10". Its expectations were written from src/data and committed
// before any of its questions was asked of the bot. The checks live in test/corpus/held-out-suite.ts, shared with the
// other held-out sets. `npm run corpus:report -- --holdout3` lists its failures. Do not tune the parser against these
// entries: read the failures by pattern, fix the pattern, and measure here.
import { describeHeldOutSet } from './corpus/held-out-suite.js';
import { loadHoldout2Questions, loadHoldout3Questions, loadHoldoutQuestions, loadRealQuestions } from './corpus/real.js';

/** Floors for the set's size and variety (102 entries, 13 categories, 10 non-English, 52 pasted, 26 multi-part when it
 * landed). */
const MIN_HOLDOUT3 = 100;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 40;
const MIN_MULTI_PART = 20;
/** Share answered right: 75.5 % (77/102) when the set landed, 86.3 % (88/102) after the second set's general rules
 * (measured on main, never tuned on); once the fourth set existed this one became a tuning set, and its misses fixed as
 * general rules gave 97.1 % (99/102), rounded down; raise it as answers improve (issue 10's goal is 0.9). */
const BASELINE = 0.97;
/** Answers stating a level or verdict the data contradicts: 1 when the set landed (the Core i7-14700KF, Raptor Lake,
 * x86-64-v3, answered with the series that guarantee x86-64-v4 because the text said AVX512), 0 since a level or
 * feature named about the asker's own machine is triage, not an Azure level list. */
const MAX_CONTRADICTIONS = 0;

describeHeldOutSet(
  'third held-out real questions',
  loadHoldout3Questions(),
  [
    { name: 'the tuning set (real-questions.json)', entries: loadRealQuestions() },
    { name: 'the first held-out set (holdout-questions.json)', entries: loadHoldoutQuestions() },
    { name: 'the second held-out set (holdout2-questions.json)', entries: loadHoldout2Questions() },
  ],
  {
    minEntries: MIN_HOLDOUT3,
    minCategories: MIN_CATEGORIES,
    minNonEnglish: MIN_NON_ENGLISH,
    minPasted: MIN_PASTED,
    minMultiPart: MIN_MULTI_PART,
    baseline: BASELINE,
    maxContradictions: MAX_CONTRADICTIONS,
  },
);
