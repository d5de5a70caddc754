// The neutral answer tree every surface renders. What an answer says is decided here, in the core;
// how it looks is each adapter's business (Block Kit, embeds, terminal text, JSON).
import type { LevelName, Relation, Source } from '../data/schema.js';

export type { LevelName, Source };

export type Verdict = 'yes' | 'no' | 'depends';

/** One labelled fact, shown as a field ("Guaranteed level: x86-64-v3"). */
export interface Fact {
  label: string;
  value: string;
}

/** A detail block: prose lines and/or a small table. */
export interface Section {
  title: string;
  lines?: string[];
  table?: { columns: string[]; rows: string[][] };
}

/** What a thread has established so far; a follow-up question inherits it. */
export interface ConversationContext {
  /** distro id, e.g. "rhel" */
  distro?: string;
  /** release version within that distro, e.g. "10" */
  release?: string;
  /** canonical VM size, e.g. "Standard_D4s_v5" */
  size?: string;
  /** series name, e.g. "Dsv5" (when a series rather than a size was discussed) */
  series?: string;
  /** canonical CPU model */
  cpu?: string;
  /** what the last question asked ("compat", "upstream", "eol", "level" …): a bare follow-up asks it again */
  topic?: string;
  /** the x86-64 level the last question was about, e.g. "x86-64-v3" */
  level?: string;
}

/** One row of a fleet check: a machine and a release, judged. */
export interface MatrixRow {
  size: string;
  series: string;
  distro: string;
  release: string;
  verdict: Verdict;
  /** the reason that decides */
  reason: string;
  shortfall: string[];
}

export interface LineageLink {
  distro: string;
  release: string | null;
  relation: Relation;
}

/** Fields every answer has, whatever its kind. */
interface AnswerBase {
  /** the input, as received */
  query: string;
  title: string;
  /** one line: the straight answer */
  summary: string;
  facts: Fact[];
  sections: Section[];
  caveats: string[];
  /** "did you mean" names, best first */
  suggestions: string[];
  sources: Source[];
  /** private: only the asker sees it (default for lookups, always for help and errors); public: share in channel */
  visibility: 'private' | 'public';
  /** what this answer established, for the thread's next question */
  context: ConversationContext;
  /** plain-text rendering: never empty, at most 4,000 characters */
  text: string;
}

export type Answer = AnswerBase &
  (
    | {
        kind: 'vm-size';
        size: string;
        series: string;
        arch: 'x64' | 'Arm64';
        processors: string[];
        guaranteedLevel: LevelName | null;
        bestLevel: LevelName | null;
        generations: number[] | null;
      }
    | {
        kind: 'series';
        series: string;
        arch: 'x64' | 'Arm64';
        sizes: string[];
        processors: string[];
        guaranteedLevel: LevelName | null;
        bestLevel: LevelName | null;
        generations: number[] | null;
      }
    | { kind: 'flags'; level: LevelName | null; missingForNext: string[] }
    | { kind: 'cpu'; processor: string; arch: 'x64' | 'Arm64'; level: LevelName | null }
    | { kind: 'level'; level: LevelName; series: string[] }
    /** the series the data records a retirement for, announced or done: soonest first, then the latest retired */
    | { kind: 'retirements'; series: string[] }
    | {
        kind: 'lineage';
        distro: string;
        release: string | null;
        chain: LineageLink[];
        /** a yes/no question ("is it based on Fedora?"): the answer, when the data decides it */
        verdict?: Verdict;
      }
    | { kind: 'distro'; distro: string; release: string | null }
    | { kind: 'releases'; distro: string; releases: string[] }
    | {
        kind: 'compat';
        verdict: Verdict;
        reasons: string[];
        size: string;
        series: string;
        distro: string;
        release: string;
        /** processors the series may land on that fall short of the requirement */
        shortfall: string[];
      }
    | { kind: 'compare'; items: string[] }
    | {
        kind: 'matrix';
        /** every machine × release asked about, with its verdict and the deciding reason */
        rows: MatrixRow[];
        verdicts: { yes: number; no: number; depends: number };
      }
    | {
        kind: 'triage';
        /** the level the failing software needs: named by the message, else the named release's (null: unknown) */
        required: LevelName | null;
        /** the /proc/cpuinfo flags that level needs on top of the one below */
        needs: string[];
        /** the verdict for the distro release or size named with the error, when there is one */
        verdict: Verdict | null;
      }
    | { kind: 'out-of-scope' /** what was named that the bot does not cover */; outOfScope: string[] }
    | {
        kind: 'about';
        /** the project's version (package.json) */
        version: string;
        /** the data set's snapshot date: the newest as-of date of its tables */
        asOf: string;
        today: string;
        counts: { series: number; sizes: number; cpus: number; distros: number; releases: number };
        /** per table, the oldest and newest date among its sources */
        tables: Array<{ table: string; oldest: string; newest: string }>;
      }
    | { kind: 'clarify'; choices: string[] }
    | { kind: 'help' }
    | { kind: 'not-found' }
    | { kind: 'error' }
  );

export type AnswerKind = Answer['kind'];

/** The JSON contract (CLI --json, HTTP API): the answer as-is, minus nothing. */
export function toJson(answer: Answer): Record<string, unknown> {
  return { ...answer };
}
