// The real-question corpus (GitHub issue 10): questions people asked in public issue trackers, forums
// and Q&A sites, kept as their authors typed them, each with its URL and the facts a right answer must
// carry. This module holds the file's shape (a zod schema) and its typed loader; `check.ts` judges an
// Answer against an entry. How to add an entry: test/corpus/README.md.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LevelNameSchema } from '../../src/data/schema.js';

/** What the question is about; the report groups pass rates by it. */
export const CATEGORIES = [
  'glibc-crash', // "Fatal glibc error: CPU does not support x86-64-vN", illegal instruction, kernel refusing the CPU
  'hypervisor-cpu', // kvm64/qemu64, Proxmox CPU types, VirtualBox, Hyper-V compatibility mode
  'cpu-level', // which level does this processor (or this flags line / ld.so output) reach
  'distro-requirement', // which level / hardware does this distro release need
  'which-size', // which Azure size gives me AVX2 / AVX-512 / this level / this distro
  'size-cpu', // which processor is behind this Azure size
  'compare', // A vs B
  'based-on', // what is X based on, lineage, renames (CBL-Mariner -> Azure Linux)
  'distro-facts', // kernel, package manager, architectures, preview/GA state of a release
  'lifecycle', // EOL, release dates, support windows
  'migration', // fleets leaving CentOS 7 and the like
  'generation', // Hyper-V generation 1/2 images on Azure
  'out-of-scope', // other clouds, GPUs, Apple hardware: a short decline saying what the bot covers
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Shapes of question worth counting apart from the category. */
export const SHAPES = ['pasted-output', 'multi-part'] as const;
export type Shape = (typeof SHAPES)[number];

/** A fact the answer must state: a string, or a list of equivalent spellings (any one will do). */
const NeedleSchema = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);
export type Needle = z.infer<typeof NeedleSchema>;

export const VerdictSchema = z.enum(['yes', 'no', 'depends']);

/** What a right answer to the entry must do; at least one checkable field. */
export const ExpectSchema = z
  .strictObject({
    /** the yes/no/depends the answer must give (structured `verdict`, or the summary's first word) */
    verdict: VerdictSchema.optional(),
    /** the x86-64 level of the thing asked about; stating another one is a contradiction */
    level: LevelNameSchema.optional(),
    /** facts the answer must state (case-insensitive, text plus the answer's JSON minus the echoed query) */
    contains: z.array(NeedleSchema).optional(),
    /** words a right answer never contains (a wrong distro, a wrong level) */
    notContains: z.array(z.string().trim().min(1)).optional(),
    /** the answer kind, where only one (or a few) can be right */
    kind: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** kinds that are wrong answers here (a list of Azure series for a pasted crash message) */
    notKind: z.array(z.string().min(1)).min(1).optional(),
    /** the question is about something the bot does not cover: a short decline that says what it does */
    outOfScope: z.literal(true).optional(),
  })
  .refine(
    (e) =>
      e.verdict !== undefined ||
      e.level !== undefined ||
      (e.contains?.length ?? 0) > 0 ||
      (e.notContains?.length ?? 0) > 0 ||
      e.kind !== undefined ||
      e.notKind !== undefined ||
      e.outOfScope === true,
    { message: 'expect needs at least one checkable field' },
  );
export type Expect = z.infer<typeof ExpectSchema>;

export const RealQuestionSchema = z.strictObject({
  /** the question as its author typed it (trimmed to the question and the pasted output that matters) */
  q: z.string().refine((s) => s.trim() !== '', 'q is empty'),
  /** where it was asked */
  url: z.url().startsWith('https://'),
  /** the site, e.g. "github.com", "forum.proxmox.com", "stackoverflow.com" */
  site: z.string().min(1),
  category: z.enum(CATEGORIES),
  /** BCP 47 language tag when not English */
  lang: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/)
    .optional(),
  shape: z.array(z.enum(SHAPES)).optional(),
  expect: ExpectSchema,
  /** why the expectation is right: the data row or the microarchitecture it comes from */
  note: z.string().min(1),
});
export type RealQuestion = z.infer<typeof RealQuestionSchema>;

/** An entry a test can judge: an https URL, a question, and at least one expectation that can fail. The schema
 * enforces these too; the tests restate them so a loosened schema cannot hide a bad entry. */
export function isCheckable(e: RealQuestion): boolean {
  const x = e.expect;
  const expects = Boolean(x.verdict || x.level || (x.contains ?? []).length || (x.notContains ?? []).length || x.kind || x.notKind || x.outOfScope);
  return e.url.startsWith('https://') && e.q.trim() !== '' && expects;
}

export const RealCorpusSchema = z.array(RealQuestionSchema);

export const REAL_QUESTIONS_FILE = new URL('./real-questions.json', import.meta.url);
/** Real questions the question parser is never tuned on (same schema): an honest measure of how it generalises. */
export const HOLDOUT_QUESTIONS_FILE = new URL('./holdout-questions.json', import.meta.url);
/** A second held-out set (same schema), written after the first one's failures had been read: nobody tunes on it. */
export const HOLDOUT2_QUESTIONS_FILE = new URL('./holdout2-questions.json', import.meta.url);
/** A third held-out set (same schema), written while the second one was being tuned on: the honest measure now. */
export const HOLDOUT3_QUESTIONS_FILE = new URL('./holdout3-questions.json', import.meta.url);
/** A fourth held-out set (same schema), written while the third one was being tuned on: the honest measure now. */
export const HOLDOUT4_QUESTIONS_FILE = new URL('./holdout4-questions.json', import.meta.url);
/** A fifth held-out set (same schema), written while the fourth one was being tuned on: the honest measure now. */
export const HOLDOUT5_QUESTIONS_FILE = new URL('./holdout5-questions.json', import.meta.url);

/** The real-question corpus, validated; throws with every problem listed when the file is malformed. */
export function loadRealQuestions(file: URL = REAL_QUESTIONS_FILE): RealQuestion[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = RealCorpusSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  [${i.path.join('.')}] ${i.message}`);
    throw new Error(`${file.pathname} is malformed:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The held-out real questions (holdout-questions.json), validated like the tuning set. */
export function loadHoldoutQuestions(): RealQuestion[] {
  return loadRealQuestions(HOLDOUT_QUESTIONS_FILE);
}

/** The second held-out set (holdout2-questions.json), validated like the tuning set. */
export function loadHoldout2Questions(): RealQuestion[] {
  return loadRealQuestions(HOLDOUT2_QUESTIONS_FILE);
}

/** The third held-out set (holdout3-questions.json), validated like the tuning set. */
export function loadHoldout3Questions(): RealQuestion[] {
  return loadRealQuestions(HOLDOUT3_QUESTIONS_FILE);
}

/** The fourth held-out set (holdout4-questions.json), validated like the tuning set. */
export function loadHoldout4Questions(): RealQuestion[] {
  return loadRealQuestions(HOLDOUT4_QUESTIONS_FILE);
}

/** The fifth held-out set (holdout5-questions.json), validated like the tuning set. */
export function loadHoldout5Questions(): RealQuestion[] {
  return loadRealQuestions(HOLDOUT5_QUESTIONS_FILE);
}
