// What is being asked, from the words around the names: upstream, kernel, compat, comparison, ...
import type { DistroFacet } from './answers/distro.js';
import { isSpace } from './text.js';
import { LiteralGate, mayMatch, type Candidates } from './question/literal-gate.js';

export interface Intent {
  help: boolean;
  greeting: boolean;
  compat: boolean;
  compare: boolean;
  /** "which sizes / series ..." */
  list: boolean;
  /** "don't", "not", "without" */
  negated: boolean;
  /** a follow-up shape: "and on X?", "what about X?" */
  followUp: boolean;
  /** "it", "this one": leans on what the thread is about */
  pronoun: boolean;
  facet: DistroFacet | null;
  /** every kind of fact the words ask about (not only the first) */
  asks: ReadonlySet<Asked>;
  /** a yes/no question: "does …", "is …", "can …", "has …" */
  yesNo: boolean;
}

/** What a question can ask about the things it names. */
export type Asked =
  | 'level'
  | 'verdict'
  | 'processors'
  | 'generations'
  | 'upstream'
  | 'lineage'
  | 'status'
  | 'eol'
  | 'kernel'
  | 'package-manager'
  | 'arches'
  | 'baseline'
  | 'difference'
  | 'how-to-check'
  | 'why'
  | 'releases'
  | 'sizes'
  | 'successor';

/** "gen2", "gen 1", "gen-2", "generation2", "Generation 1", "generations", "Hyper-V gen": words that ask about Hyper-V
 * generations (not a CPU's "generation 2.4 GHz"). */
export const GENERATION_WORDS = /\b(gen(?:eration)?[- ]?[12](?![\d.])|generations?|hyper-?v gen\w*)\b/;
/** One word read as a Hyper-V generation ("gen2", "generation-1"): understood, never an unknown name. */
export const GENERATION_WORD = /^gen(?:eration)?[-_]?[12]$/i;

/** "does it run", in the other languages real questions come in: 動きますか, 能跑, funciona, 실행, работает, läuft … */
const RUNS_ELSEWHERE =
  '動(?:き|く|か|作)|使え|起動|能(?:跑|用|运行|運行|装)|可以(?:运行|跑|用|装)|运行|運行|支持吗|\\bfunciona|\\bcorre\\b|\\bfonctionne|\\btourne\\b|\\bläuft|\\blaufen|실행|돌아가|설치|работает|запуст|\\broda\\b|\\bfunziona';

/** One row per thing asked: the words that ask it. Every row that matches counts. "AMD-based" machines name
 * hardware, not an upstream. */
export const ASK_CUES: ReadonlyArray<readonly [Asked, RegExp]> = [
  ['level', /\b(levels?|x86-64-v\d|x86_64_v\d|microarch\w*|isa|avx\S*|sse\S*|psabi)\b/],
  [
    'verdict',
    new RegExp(`\\b(run|runs|running|boot|boots|install|installs|work|works|support|supports|supported|compatible|compat|deploy|launch)\\b|${RUNS_ELSEWHERE}`),
  ],
  ['processors', /\b(cpus?|processors?|chips?|hardware|hosts?)\b/],
  ['generations', GENERATION_WORDS],
  [
    'upstream',
    /\b((?<!(?:amd|intel|arm|arm64|x86|x64|epyc|xeon|ryzen|cpu|web|cloud|kvm|qemu)[- ])based|base|upstream|fork|forked|derived|derive|derives|derivatives?|descend\w*|downstream|rebuild|rebuilt|clones?|clon|klon|klone|remix|respin|comes? from|built (from|on|off)|branch(?:ed|es)? (?:from|off)|made from|origin|parent|(?:works?|behaves?|acts?) (?:just |exactly )?like|similar to)\b|基于|基於|派生|衍生|源自|ベース|基づ|クローン|основан|basad[oa]s?\b|se basa|basiert|basé/,
  ],
  ['lineage', /\b(lineage|family tree|ancestry|ancestors?|genealogy|chain)\b/],
  ['status', /\b(preview|ga|generally available|released|release date|stable|beta|available yet|out yet)\b/],
  [
    'eol',
    /\b(eol|end of life|end-of-life|end of (?:support|maintenance)|end-of-support|supported until|support ends?|until when|how long|lifecycle|life cycle|retire[ds]?|sunset|maintained|expire[sd]?|still (?:getting|receiving|get|gets) (?:updates|patches|security|fixes)|still supported|out of support|end date|still (?:getting|receiving|get|gets) (?:updates|patches|security|fixes)|support (?:commitment|period|window|timeline|policy|lifetime))\b|\bwhen (does|will|is) .{0,30}\b(end|over)\b|\bsupport(?:ed)?\b[^.?!\n]{0,30}\buntil\b/,
  ],
  ['kernel', /\bkernels?\b/],
  ['package-manager', /\b(package manager|package management|pkg manager|dnf5?|yum|apt|tdnf|zypper|apk|pacman)\b/],
  ['arches', /\b(architectures?|arches|arm64|aarch64)\b/],
  [
    'baseline',
    /\b(baseline|minimum|min|require[sd]?|requirements?|needs?|need to have|mandatory)\b|最低|最少|要求|需要什么|需要哪|必要|要件|минимальн|требу|requisitos|mindestanforderung|exigences/,
  ],
  ['difference', /\b(vs\.?|versus|compare|compared|comparison|difference|differences|differ|different)\b/],
  [
    'how-to-check',
    /\bhow (do|can|could|to|would) (i |we |you )?(check|tell|find( out)?|know|verify|see|determine|test)\b|\bhow to check\b|如何(?:检查|查看|确认|判断)|怎么(?:检查|查看|确认|判断)|怎样(?:检查|查看)|確認(?:方法|する方法|の仕方)|どうやって(?:確認|調べ)|調べ方|확인(?:하는 방법|방법)|어떻게 확인|comment (?:vérifier|savoir|voir)|c[oó]mo (?:comprobar|verificar|saber|ver)|wie (?:kann ich )?(?:prüfe|prüfen|überprüfe|überprüfen|sehe|erkenne)|как (?:проверить|узнать)|como (?:verificar|saber|checar)/,
  ],
  ['why', /\bwhy\b/],
  ['releases', /\b(releases|versions)\b/],
  ['sizes', /\b(sizes?|series|vms?|skus?|instances?)\b/],
  [
    'successor',
    /\b(successors?|replacements?|replace|migrat\w*|alternatives?|(move|moving|switch|switching|upgrade|upgrading) (to|from|off|away)|upgrade path|what (now|next))\b|替代|迁移|后继/,
  ],
];

/** The facet a question asks about a distribution: the first row that matches. A row naming an ASK_CUES row uses
 * that row's words (read once for both). */
const FACETS: Array<[DistroFacet, RegExp | Asked]> = [
  ['lineage', /\b(lineage|family tree|ancestry|ancestors|ancestor|genealogy|chain|tree)\b/],
  ['upstream', 'upstream'],
  ['kernel', 'kernel'],
  ['package-manager', /\b(package manager|package management|pkg manager|dnf5?|yum|apt|tdnf|zypper|apk|pacman|packages?)\b/],
  [
    'eol',
    /\b(eol|end of life|end-of-life|end of (?:support|maintenance)|end-of-support|supported until|support ends?|until when|how long|lifecycle|life cycle|retire[ds]?|sunset|maintained|expire[sd]?|still (?:getting|receiving|get|gets) (?:updates|patches|security|fixes)|support (?:commitment|period|window|timeline|policy|lifetime))\b|\bsupport(?:ed)?\b[^.?!\n]{0,30}\buntil\b/,
  ],
  ['status', 'status'],
  ['arches', 'arches'],
  [
    'baseline',
    /\b(baseline|minimum (cpu|level)|required level|(?:cpu|processor|hardware) requirements?|(?:what|which) (?:cpu|processor)s? (?:does|do|is|are) [^?]{0,30}\b(?:need|needs|needed|require|requires|required)|(needs?|requires?) which (x86-64 )?level|what (x86-64 )?level does|which (x86-64 )?level (does|do|is) .{0,30}\b(need|require)\w*)\b|最低|需要什么\s*(cpu|处理器)|必要な\s*cpu|минимальн|requisitos mínimos/,
  ],
  ['overview', /\b(called now|new name|renamed|rename|what is|what's|whats|tell me about)\b/],
];

const RUNS_ELSEWHERE_RE = new RegExp(RUNS_ELSEWHERE);

/** The other questions the words answer, one pattern each (or two, either of which says it). */
const HELP = /\b(help|what can you do|how do (i|you) use|commands|usage|how does this work)\b/;
const HELP_ALONE = /^\s*\?+\s*$/;
const GREETING = /^\W*(hi|hello|hey|yo|hiya|howdy|hallo|hola|bonjour|good (morning|afternoon|evening)|thanks|thank you|ty)\b/;
const COMPAT =
  /\b(run|runs|running|boot|boots|install|installs|work|works|support|supports|supported|compatible|compat|deploy|launch|use it|start)\b|\bon (an? |the )?\w/;
const COMPARE = /\b(vs\.?|versus|compare|compared|comparison|difference|differ|or)\b/;
const LIST = /\b(which|what|list|all|any|show)\b[^?]*\b(sizes?|series|vms?|skus?|machines?|instances?)\b/;
const LIST_FOR = /\b(sizes?|series|vms?) (for|that|which)\b|\bwhere (can|could|do|should) (i|we|you)\b/;
const GUARANTEE = /\bguarantee/;
const NEGATED = /\b(don'?t|doesn'?t|does'?nt|not|without|no|lack|lacks|missing)\b/;
const FOLLOW_UP = /^\W*(and|what about|how about|also|same for|and what about)\b/;
const PRONOUN = /\b(it|its|this|that|this one|that one)\b/;
const YES_NO = /^\W*(does|do|is|are|was|were|can|could|will|would|has|have|did|should|must)\b/;
const YES_NO_ELSEWHERE = /(吗|嗎|ますか|ですか|나요|까)\s*[?？]?\s*$|^\s*¿|^\W*est-ce qu/;

/** Every pattern readIntent may run, in one list: a question runs only those whose words it has (literal-gate.ts). */
const PATTERNS: readonly RegExp[] = [
  ...ASK_CUES.map(([, re]) => re),
  ...FACETS.flatMap(([, cue]) => (typeof cue === 'string' ? [] : [cue])),
  RUNS_ELSEWHERE_RE,
  HELP,
  HELP_ALONE,
  GREETING,
  COMPAT,
  COMPARE,
  LIST,
  LIST_FOR,
  GUARANTEE,
  NEGATED,
  FOLLOW_UP,
  PRONOUN,
  YES_NO,
  YES_NO_ELSEWHERE,
];
const INDEX = new Map(PATTERNS.map((re, i) => [re, i]));
const at = (re: RegExp) => INDEX.get(re)!;
const [
  I_RUNS,
  I_HELP,
  I_HELP_ALONE,
  I_GREETING,
  I_COMPAT,
  I_COMPARE,
  I_LIST,
  I_LIST_FOR,
  I_GUARANTEE,
  I_NEGATED,
  I_FOLLOW_UP,
  I_PRONOUN,
  I_YES_NO,
  I_ELSEWHERE,
] = [RUNS_ELSEWHERE_RE, HELP, HELP_ALONE, GREETING, COMPAT, COMPARE, LIST, LIST_FOR, GUARANTEE, NEGATED, FOLLOW_UP, PRONOUN, YES_NO, YES_NO_ELSEWHERE].map(
  at,
) as number[];
/** each facet's pattern's place in PATTERNS, or the ASK_CUES row it reads */
const FACET_AT = FACETS.map(([facet, cue]) => [facet, typeof cue === 'string' ? cue : at(cue)] as const);

let gate: LiteralGate | undefined;
/** The gate over PATTERNS, built on the first question. */
export function intentGate(): LiteralGate {
  gate ??= new LiteralGate(PATTERNS);
  return gate;
}

/** "…, right?", "correct", "true ??": a statement asked as a question. What `/,?\s*(right|correct|true)\s*\?*\s*$/`
 * tests, read from the end (the pattern would be tried at every place in the text): after the word come only
 * spaces and question marks, so they are the text's last run of those, in the order spaces, marks, spaces. */
export function endsWithTag(lower: string): boolean {
  let end = lower.length;
  while (end > 0 && isSpace(lower.charCodeAt(end - 1))) end--;
  while (end > 0 && lower.charCodeAt(end - 1) === 63) end--;
  while (end > 0 && isSpace(lower.charCodeAt(end - 1))) end--;
  return lower.endsWith('right', end) || lower.endsWith('correct', end) || lower.endsWith('true', end);
}

/** What the words ask. `may` says which PATTERNS can match, from bit `at` on (intentGate's scan, or a question gate's
 * that holds them too, of the text before names were cut out of it); tests pass everyPattern to run them all. */
export function readIntent(lower: string, may: Candidates = intentGate().scan(lower), at = 0): Intent {
  const t = (i: number) => mayMatch(may, at + i) && PATTERNS[i]!.test(lower);
  const asks = new Set<Asked>();
  for (let i = 0; i < ASK_CUES.length; i++) if (t(i)) asks.add(ASK_CUES[i]![0]);
  const facet = FACET_AT.find(([, cue]) => (typeof cue === 'string' ? asks.has(cue) : t(cue)))?.[0] ?? null;
  return {
    help: t(I_HELP!) || t(I_HELP_ALONE!),
    greeting: t(I_GREETING!),
    compat: t(I_COMPAT!) || t(I_RUNS!),
    compare: t(I_COMPARE!),
    list: t(I_LIST!) || t(I_LIST_FOR!) || t(I_GUARANTEE!),
    negated: t(I_NEGATED!),
    followUp: t(I_FOLLOW_UP!),
    pronoun: t(I_PRONOUN!),
    facet,
    asks,
    yesNo: t(I_YES_NO!) || endsWithTag(lower) || t(I_ELSEWHERE!),
  };
}

/** The patterns readIntent runs, for the tests of its gate. */
export const INTENT_PATTERNS = PATTERNS;
