// The fifth held-out set of real questions (GitHub issue 10): 110 questions from 110 public threads none of the other
// five sets uses, gathered while the fourth held-out set was being tuned on, so nobody has tuned for these
// (test/corpus/holdout5-questions.json, same schema and checker as real-questions.json). It is now the honest measure of
// issue 10's "right at least 9 times in 10". Sources: 107 GitHub issue and pull-request threads, 1 Stack Exchange
// question (unix.stackexchange.com), 1 distribution issue tracker (gitlab.archlinux.org) and 1 forum thread
// (forum.proxmox.com); the other stored forum and Q&A pages searched held articles, not questions. Its expectations were
// written from src/data and committed (f400723) before any of its questions was asked of the bot. The checks live in
// test/corpus/held-out-suite.ts, shared with the other held-out sets. `npm run corpus:report -- --holdout5` lists its
// failures. Do not tune the parser against these entries, and do not copy their questions or misses anywhere the tuning
// work reads.
import { describeHeldOutSet } from './corpus/held-out-suite.js';
import {
  loadHoldout2Questions,
  loadHoldout3Questions,
  loadHoldout4Questions,
  loadHoldout5Questions,
  loadHoldoutQuestions,
  loadRealQuestions,
} from './corpus/real.js';

/** Floors for the set's size and variety (110 entries, 12 categories, 7 non-English, 44 pasted, 33 multi-part when it
 * landed), the same floors the fourth set keeps. */
const MIN_HOLDOUT5 = 100;
const MIN_CATEGORIES = 12;
const MIN_NON_ENGLISH = 5;
const MIN_PASTED = 40;
const MIN_MULTI_PART = 15;
/** Share answered right, never tuned on: 80.0 % (88/110) on main (c2bcb7a) when the set landed; 88.2 % (97/110) on the
 * patterns branch (its misses' patterns fixed as general rules, with main's vmq and lineage work merged), rounded down
 * to the percent; raise it as answers improve (issue 10's goal is 0.9). */
const BASELINE = 0.88;
/** Answers stating a level or verdict the data contradicts, measured at the same time: none. */
const MAX_CONTRADICTIONS = 0;

describeHeldOutSet(
  'fifth held-out real questions',
  loadHoldout5Questions(),
  [
    { name: 'the tuning set (real-questions.json)', entries: loadRealQuestions() },
    { name: 'the first held-out set (holdout-questions.json)', entries: loadHoldoutQuestions() },
    { name: 'the second held-out set (holdout2-questions.json)', entries: loadHoldout2Questions() },
    { name: 'the third held-out set (holdout3-questions.json)', entries: loadHoldout3Questions() },
    { name: 'the fourth held-out set (holdout4-questions.json)', entries: loadHoldout4Questions() },
  ],
  {
    minEntries: MIN_HOLDOUT5,
    minCategories: MIN_CATEGORIES,
    minNonEnglish: MIN_NON_ENGLISH,
    minPasted: MIN_PASTED,
    minMultiPart: MIN_MULTI_PART,
    baseline: BASELINE,
    maxContradictions: MAX_CONTRADICTIONS,
  },
);
