// Which patterns of a table can match a text, from one pass over it: each pattern's required literals
// (required-literals.ts) are looked for together, by the two characters they start with, so a question runs only
// the patterns whose every clause has a literal in it. Never skips a pattern that matches: a text beyond ASCII, where
// lower-casing is not what case-insensitive matching does, lets every pattern run.
import { clauseScore, requiredDigitRun, requiredLiterals } from './required-literals.js';
import { LITERAL_TABLE } from './literal-table.js';

/** Which patterns may match, as bits (mayMatch reads them): bit i for the i-th pattern given to the gate; after them,
 * one bit per group of patterns (the gate's `groups`), set when some pattern of the group may match. (A short plain
 * array of 32-bit words: a typed array costs more to make than a short question costs to scan.) */
export type Candidates = readonly number[];

/** Whether bit i of a scan's candidates is set. */
export function mayMatch(may: Candidates, i: number): boolean {
  return ((may[i >> 5]! >>> (i & 31)) & 1) === 1;
}

function set(may: number[], i: number): void {
  may[i >> 5]! |= 1 << (i & 31);
}

const NON_ASCII = /[^\x00-\x7f]/;
const PAIRS = 128 * 128;

export class LiteralGate {
  readonly size: number;
  private readonly literals: string[] = [];
  /** literals of two characters or more, by their first two (c0 * 128 + c1): ids in byPair[pairStart[k] .. pairStart[k+1]) */
  private readonly pairStart = new Int32Array(PAIRS + 1);
  private readonly byPair: Int32Array;
  /** each literal's third character (-1 for a literal of two) */
  private readonly third: Int32Array;
  /** literals of one character, by it: ids in bySingle[singleStart[c] .. singleStart[c+1]) */
  private readonly singleStart = new Int32Array(129);
  private readonly bySingle: Int32Array;
  /** for each literal, the clauses it satisfies (global clause ids), and each clause's pattern */
  private readonly clausesOfLiteral: number[][] = [];
  private readonly patternOfClause: number[] = [];
  /** how many clauses each pattern needs, and how long a run of digits */
  private readonly needed: Uint16Array;
  private readonly digitsNeeded: Uint8Array;
  /** patterns with no clause that need a run of digits */
  private readonly alwaysWithDigits: number[] = [];
  /** the longest run of digits of the text being scanned */
  private run = 0;
  /** the bits of the patterns with no clause, which always run, and of their groups; every bit */
  private readonly always: number[];
  private readonly every: number[];
  /** each pattern's group */
  private readonly groupOf: number[];
  /** per-scan marks (a scan number), so a literal or a clause found twice counts once */
  private readonly literalSeen: Int32Array;
  private readonly clauseSeen: Int32Array;
  /** clauses found per pattern in the scan countScan says */
  private readonly counts: Uint16Array;
  private readonly countScan: Int32Array;
  private scans = 0;

  /** `groups`: where each group of patterns begins (ascending from 0), for `anyIn`. */
  constructor(patterns: readonly RegExp[], groups: readonly number[] = [0]) {
    this.size = patterns.length;
    this.groupOf = patterns.map(() => 0);
    for (let g = 1; g < groups.length; g++) for (let p = groups[g]!; p < patterns.length; p++) this.groupOf[p] = g;
    this.needed = new Uint16Array(patterns.length);
    this.digitsNeeded = new Uint8Array(patterns.length);
    const words = Math.ceil((patterns.length + groups.length) / 32);
    this.always = new Array<number>(words).fill(0);
    this.every = new Array<number>(words).fill(-1);
    const ids = new Map<string, number>();
    patterns.forEach((re, p) => {
      const { clauses, digits } = LITERAL_TABLE[keyOf(re)] ?? needs(re);
      this.needed[p] = clauses.length;
      this.digitsNeeded[p] = Math.min(digits, 255);
      if (!clauses.length) {
        if (digits > 0) this.alwaysWithDigits.push(p);
        else {
          set(this.always, p);
          set(this.always, this.size + this.groupOf[p]!);
        }
      }
      for (const clause of clauses) {
        const c = this.patternOfClause.length;
        this.patternOfClause.push(p);
        for (const literal of clause) {
          let id = ids.get(literal);
          if (id === undefined) {
            id = this.literals.length;
            ids.set(literal, id);
            this.literals.push(literal);
            this.clausesOfLiteral.push([]);
          }
          this.clausesOfLiteral[id]!.push(c);
        }
      }
    });
    // literals beyond ASCII are never in a text this gate reads (it reads ASCII only): not indexed. The others of two
    // characters or more by their first two, in one counting pass (the first question pays for this)
    const pairOf = new Int32Array(this.literals.length).fill(-1);
    this.third = new Int32Array(this.literals.length);
    this.literals.forEach((l, id) => {
      this.third[id] = l.length > 2 ? l.charCodeAt(2) : -1;
      if (NON_ASCII.test(l)) return;
      if (l.length === 1) this.singleStart[l.charCodeAt(0) + 1]!++;
      else this.pairStart[(pairOf[id] = l.charCodeAt(0) * 128 + l.charCodeAt(1)) + 1]!++;
    });
    for (let c = 1; c <= 128; c++) this.singleStart[c]! += this.singleStart[c - 1]!;
    this.bySingle = new Int32Array(this.singleStart[128]!);
    const nextSingle = this.singleStart.slice(0, 128);
    this.literals.forEach((l, id) => {
      if (l.length === 1 && !NON_ASCII.test(l)) this.bySingle[nextSingle[l.charCodeAt(0)]!++] = id;
    });
    for (let k = 1; k <= PAIRS; k++) this.pairStart[k]! += this.pairStart[k - 1]!;
    this.byPair = new Int32Array(this.pairStart[PAIRS]!);
    const next = this.pairStart.slice(0, PAIRS);
    pairOf.forEach((k, id) => {
      if (k >= 0) this.byPair[next[k]!++] = id;
    });
    this.literalSeen = new Int32Array(this.literals.length);
    this.clauseSeen = new Int32Array(this.patternOfClause.length);
    this.counts = new Uint16Array(patterns.length);
    this.countScan = new Int32Array(patterns.length);
  }

  /** The patterns that may match `lower` (a text in lower case): those whose every clause has a literal in it. */
  scan(lower: string): Candidates {
    const n = lower.length;
    // first: beyond ASCII (every pattern), and the longest run of digits
    let run = 0;
    for (let i = 0, going = 0; i < n; i++) {
      const c = lower.charCodeAt(i);
      if (c > 127) return this.every.slice();
      going = c >= 48 && c <= 57 ? going + 1 : 0;
      if (going > run) run = going;
    }
    this.run = run;
    const may = this.always.slice();
    for (const p of this.alwaysWithDigits)
      if (this.digitsNeeded[p]! <= run) {
        set(may, p);
        set(may, this.size + this.groupOf[p]!);
      }
    const scan = ++this.scans;
    const { singleStart, bySingle, pairStart, byPair, third, literalSeen, literals } = this;
    for (let i = 0; i < n; i++) {
      const c0 = lower.charCodeAt(i);
      for (let s = singleStart[c0]!, end = singleStart[c0 + 1]!; s < end; s++) this.found(bySingle[s]!, scan, may);
      if (i + 1 === n) break;
      const k = c0 * 128 + lower.charCodeAt(i + 1);
      for (let j = pairStart[k]!, end = pairStart[k + 1]!; j < end; j++) {
        const id = byPair[j]!;
        if (literalSeen[id] === scan) continue;
        // most literals of a pair differ from the text by their third character: compared before the rest
        const t = third[id]!;
        if (t >= 0 && (i + 2 >= n || lower.charCodeAt(i + 2) !== t)) continue;
        const literal = literals[id]!;
        if (literal.length > 3 && !lower.startsWith(literal, i)) continue;
        this.found(id, scan, may);
      }
    }
    return may;
  }

  /** Whether some pattern of group `g` may match, by a scan's candidates. */
  anyIn(may: Candidates, g: number): boolean {
    return mayMatch(may, this.size + g);
  }

  private found(id: number, scan: number, may: number[]): void {
    if (this.literalSeen[id] === scan) return;
    this.literalSeen[id] = scan;
    const clauses = this.clausesOfLiteral[id]!;
    for (let i = 0; i < clauses.length; i++) {
      const c = clauses[i]!;
      if (this.clauseSeen[c] === scan) continue;
      this.clauseSeen[c] = scan;
      const p = this.patternOfClause[c]!;
      if (this.countScan[p] !== scan) {
        this.countScan[p] = scan;
        this.counts[p] = 0;
      }
      if (++this.counts[p]! === this.needed[p] && this.digitsNeeded[p]! <= this.run) {
        set(may, p);
        set(may, this.size + this.groupOf[p]!);
      }
    }
  }
}

/** Clauses kept per pattern: any of a pattern's clauses is needed for it to match, so fewer are as safe, and the
 * strongest few decide nearly every text. */
const KEPT_CLAUSES = 2;

/** The clauses fewest texts satisfy, at most KEPT_CLAUSES: those whose shortest literal a text can hold is longest (a
 * clause of one-character literals, "1" or "e", is in most texts and only costs its count; one of literals beyond ASCII
 * in none the gate reads), then those with fewer literals. */
export function strongest(clauses: readonly (readonly string[])[]): (readonly string[])[] {
  const sorted = [...clauses].sort((a, b) => clauseScore(b) - clauseScore(a));
  const kept = sorted.slice(0, KEPT_CLAUSES);
  return kept.length > 1 && clauseScore(kept[1]!) < 1000 ? kept.slice(0, 1) : kept;
}

/** A pattern's key in LITERAL_TABLE: its flags that change what it matches, and its source. */
export function keyOf(re: RegExp): string {
  return `${re.flags.replace(/[gydm]/g, '')}/${re.source}`;
}

/** What a gate keeps for a pattern: its strongest clauses, and the run of digits it needs. */
export interface Needs {
  clauses: readonly (readonly string[])[];
  digits: number;
}

function needs(re: RegExp): Needs {
  return { clauses: strongest(requiredLiterals(re)), digits: requiredDigitRun(re) };
}

/** What a gate keeps for each pattern, by keyOf: what scripts/required-literals.ts writes. */
export function literalTable(patterns: readonly RegExp[]): Record<string, Needs> {
  const out: Record<string, Needs> = {};
  for (const re of patterns) out[keyOf(re)] = needs(re);
  return out;
}

/** Every pattern runs (the reference the gated paths are tested against). */
export function everyPattern(gate: LiteralGate): Candidates {
  return gate.scan('\u0080');
}
