// What a regular expression needs to find in a text before it can match there: strings ("literals") read from its
// source, as an AND of clauses, each an OR of literals. A text that lacks every literal of some clause cannot match,
// so the pattern need not be run on it (literal-gate.ts does that for whole tables of patterns at once).
//
//   requiredLiterals(/\b(?:intel\s+)?xeon\s+(?:[xlwe]\s?)?\d{4}[a-z]?\b/gi)  ->  [["xeon"]]
//   requiredLiterals(/cpu does not support (x86-64-v[1-4])/gi)           ->  [["cpu"], ["does"], ["not"], ["support"], ["x86-64-v1", …]]
//
// The literals are lower case and hold no space: a match found in a text whose characters were blanked to spaces
// (the mention scanner blanks what it read) or whose names were cut out has each of its literals, unchanged, in the
// original text too. They are sound for texts in ASCII only: there case-insensitive matching is lower-casing. A
// construct the reader does not know makes it give up (no clause: the pattern is always run), never guess.

/** An AND of clauses, each an OR of literals; no clause: nothing is known, the pattern may match anything. */
export type Clauses = string[][];

/** What a part of a pattern can match: exactly one of a few strings (exact), or text holding the clauses (req). */
interface Info {
  exact: Set<string> | null;
  req: Clauses;
  /** (when not exact) the longest run of digits every match's text holds, at least; and, when every match is digits
   * only, at least how many (a part that matches nothing is digits only, of none) */
  run?: number;
  digits?: number | null;
}

/** The longest run of ASCII digits in a string. */
function longestRun(s: string): number {
  let best = 0;
  let cur = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    cur = c >= 48 && c <= 57 ? cur + 1 : 0;
    if (cur > best) best = cur;
  }
  return best;
}

/** The longest run of digits a part's every match holds, at least. */
function runOf(info: Info): number {
  if (!info.exact) return info.run ?? 0;
  let min = Number.POSITIVE_INFINITY;
  for (const x of info.exact) min = Math.min(min, longestRun(x));
  return Number.isFinite(min) ? min : 0;
}

/** When every match of a part is digits only: how many at least; else null. */
function digitsOf(info: Info): number | null {
  if (!info.exact) return info.digits ?? null;
  let min = Number.POSITIVE_INFINITY;
  for (const x of info.exact) {
    if (longestRun(x) !== x.length) return null;
    min = Math.min(min, x.length);
  }
  return Number.isFinite(min) ? min : 0;
}

/** One digit (\d, or a class of digits too large to keep as its characters). */
const DIGIT: Info = { exact: null, req: [], run: 1, digits: 1 };

/** Cross products and alternations of exact strings kept up to this many strings; beyond, they become a clause. */
const MAX_EXACT = 16;
/** A character class of up to this many characters (after lower-casing) is kept as its characters. */
const MAX_CLASS = 6;

const ANY: Info = { exact: null, req: [] };
const EMPTY = (): Info => ({ exact: new Set(['']), req: [] });

/** Characters beyond ASCII that Unicode case folding (the `u` and `v` flags with `i`) matches to an ASCII letter:
 * LATIN SMALL LETTER LONG S (s) and KELVIN SIGN (k). Read as any character, since they would match in ASCII text. */
const FOLDS_TO_ASCII = new Set([0x17f, 0x212a]);

const QUANTIFIER = /(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/y;
const GROUP = /\((\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/y;
const PROPERTY = /[pP]\{[^}]*\}/y;
const DIGITS = /\d+/y;
const HEX = /x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})/y;
const CODE_POINT = /u\{([0-9a-fA-F]+)\}/y;
const isDigit = (c: number) => c >= 48 && c <= 57;

class Reader {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly caseless: boolean,
    private readonly unicode: boolean,
  ) {}

  /** A sticky pattern's match at `from`, without a copy of the rest of the source. */
  private sticky(re: RegExp, from: number): RegExpExecArray | null {
    re.lastIndex = from;
    return re.exec(this.src);
  }

  read(): Info {
    const info = this.alternation();
    if (this.at !== this.src.length) throw new Error(`unexpected ${this.src[this.at]} at ${this.at}`);
    return info;
  }

  private alternation(): Info {
    let info = this.sequence();
    while (this.src[this.at] === '|') {
      this.at++;
      info = either(info, this.sequence());
    }
    return info;
  }

  /** Parts one after another: a run of exact parts is one set of strings (their cross product, while it is small),
   * so "x", "e", "o", "n" make "xeon"; each run and each other part's clauses are needed. */
  private sequence(): Info {
    const req: Clauses = [];
    let run = new Set(['']);
    let flushed = false;
    // digits: the longest run known (best), the run of digits-only parts going on (going), all parts digits only
    let best = 0;
    let going = 0;
    let allDigits = true;
    const flush = () => {
      req.push(...clausesOf({ exact: run, req: [] }));
      run = new Set(['']);
      flushed = true;
    };
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      const part = this.quantified();
      const d = digitsOf(part);
      if (d === null) {
        allDigits = false;
        going = 0;
      } else going += d;
      best = Math.max(best, going, runOf(part));
      if (!part.exact) {
        flush();
        req.push(...part.req);
        continue;
      }
      if (run.size * part.exact.size > MAX_EXACT) flush();
      const next = new Set<string>();
      for (const x of run) for (const y of part.exact) next.add(x + y);
      run = next;
    }
    if (!flushed) return { exact: run, req: [] };
    flush();
    return { exact: null, req, run: best, digits: allDigits ? going : null };
  }

  private quantified(): Info {
    const atom = this.atom();
    const q = this.sticky(QUANTIFIER, this.at);
    if (!q) return atom;
    this.at += q[0].length;
    const min = q[1] ? (q[1] === '+' ? 1 : 0) : Number(q[2]);
    const max = q[1] ? (q[1] === '?' ? 1 : Infinity) : q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    const d = digitsOf(atom);
    if (min === 0)
      return max === 1 && atom.exact ? { exact: new Set(['', ...atom.exact]), req: [] } : { exact: null, req: [], run: 0, digits: d === null ? null : 0 };
    // once at least: what the part needs, at least once (and digits only, min times as many)
    if (min === 1 && max === 1) return atom;
    return { exact: null, req: clausesOf(atom), run: Math.max(runOf(atom), d === null ? 0 : d * min), digits: d === null ? null : d * min };
  }

  private atom(): Info {
    const c = this.src[this.at]!;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?') throw new Error(`unexpected ${c}`);
    const code = this.unicode ? this.src.codePointAt(this.at)! : this.src.charCodeAt(this.at);
    this.at += code > 0xffff ? 2 : 1;
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY();
    return this.char(code);
  }

  private group(): Info {
    const head = this.sticky(GROUP, this.at)!;
    const kind = head[1] ?? '';
    if (kind === '' && this.src[this.at + 1] === '?') throw new Error('unknown group');
    this.at += head[0].length;
    const inner = this.alternation();
    if (this.src[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    // a lookaround matches no characters of its own; what a positive one looks for is in the text all the same
    if (kind === '?=' || kind === '?<=') return { exact: null, req: clausesOf(inner), run: runOf(inner), digits: 0 };
    return kind === '?!' || kind === '?<!' ? EMPTY() : inner;
  }

  private escape(): Info {
    const next = this.src[this.at + 1];
    if (next === undefined) throw new Error('trailing backslash');
    const digit = next === 'd';
    const code = this.escapedCode(false);
    if (code === 'empty') return EMPTY();
    if (digit) return DIGIT;
    return code === null ? ANY : this.char(code);
  }

  /** The character an escape stands for (its code point), null for a class or a back-reference, 'empty' for an
   * assertion (\b, \B). Leaves the reader after it. */
  private escapedCode(inClass: boolean): number | null | 'empty' {
    const after = this.at + 1;
    const e = this.src[after]!;
    const take = (n: number) => {
      this.at += 1 + n;
    };
    if (e === 'b' || e === 'B') {
      take(1);
      if (inClass && e === 'b') return 8; // backspace
      return 'empty';
    }
    if ('dDwWsS'.includes(e)) {
      take(1);
      return null;
    }
    if ((e === 'p' || e === 'P') && this.unicode) {
      const m = this.sticky(PROPERTY, after);
      if (!m) throw new Error('bad property escape');
      take(m[0].length);
      return null;
    }
    if (/[1-9]/.test(e) && !inClass) {
      take(this.sticky(DIGITS, after)![0].length);
      return null;
    }
    if (e === 'k' && this.src[after + 1] === '<') {
      take(this.src.indexOf('>', after) - after + 1);
      return null;
    }
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
    if (e in simple && !(e === '0' && isDigit(this.src.charCodeAt(after + 1)))) {
      take(1);
      return simple[e]!;
    }
    const hex = this.sticky(HEX, after) ?? (this.unicode ? this.sticky(CODE_POINT, after) : null);
    if (hex) {
      take(hex[0].length);
      return Number.parseInt(hex[1] ?? hex[2]!, 16);
    }
    if (e === 'c' && /[A-Za-z]/.test(this.src[after + 1] ?? '')) {
      take(2);
      return this.src.charCodeAt(after + 1) % 32;
    }
    if (/[A-Za-z0-9]/.test(e)) throw new Error(`unknown escape \\${e}`);
    const cp = this.unicode ? this.src.codePointAt(after)! : this.src.charCodeAt(after);
    take(cp > 0xffff ? 2 : 1);
    return cp;
  }

  private charClass(): Info {
    this.at++;
    const negated = this.src[this.at] === '^';
    if (negated) this.at++;
    const chars = new Set<number>();
    let unknown = negated;
    let anyDigit = false;
    while (this.src[this.at] !== ']') {
      if (this.at >= this.src.length) throw new Error('unclosed class');
      if (this.src.startsWith('\\d', this.at)) {
        anyDigit = true;
        this.at += 2;
        continue;
      }
      const from = this.classChar();
      if (this.src[this.at] === '-' && this.src[this.at + 1] !== ']' && this.at + 1 < this.src.length) {
        this.at++;
        const to = this.classChar();
        if (from === null || to === null) throw new Error('bad range');
        if (to - from > 64) unknown = true;
        else for (let c = from; c <= to; c++) chars.add(c);
      } else if (from === null) unknown = true;
      else chars.add(from);
    }
    this.at++;
    if (unknown) return ANY;
    // a class of digits only (\d, [0-9]) is one digit
    if ((anyDigit || chars.size > MAX_CLASS) && [...chars].every(isDigit)) return DIGIT;
    if (anyDigit) return ANY;
    const strings = new Set<string>();
    for (const c of chars) {
      const s = this.folded(c);
      if (s === null) return ANY;
      strings.add(s);
    }
    return strings.size <= MAX_CLASS ? { exact: strings, req: [] } : ANY;
  }

  private classChar(): number | null {
    if (this.src[this.at] === '\\') {
      const code = this.escapedCode(true);
      return code === 'empty' ? null : code;
    }
    const cp = this.unicode ? this.src.codePointAt(this.at)! : this.src.charCodeAt(this.at);
    this.at += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private char(code: number): Info {
    const s = this.folded(code);
    return s === null ? ANY : { exact: new Set([s]), req: [] };
  }

  /** A character as a literal's character: lower case; null for one that stands for more than itself in ASCII text
   * (a space, which blanking makes; a character Unicode folding matches to an ASCII letter). */
  private folded(code: number): string | null {
    if (code === 32) return null;
    if (code < 128) return String.fromCharCode(code).toLowerCase();
    if (this.caseless && this.unicode && FOLDS_TO_ASCII.has(code)) return null;
    return String.fromCodePoint(code);
  }
}

/** The clauses a part's matches all satisfy. */
function clausesOf(info: Info): Clauses {
  if (!info.exact) return info.req;
  return info.exact.has('') ? [] : [[...info.exact]];
}

function either(a: Info, b: Info): Info {
  if (a.exact && b.exact && a.exact.size + b.exact.size <= MAX_EXACT) return { exact: new Set([...a.exact, ...b.exact]), req: [] };
  const ca = clausesOf(a);
  const cb = clausesOf(b);
  // either side's digits: the fewer
  const da = digitsOf(a);
  const db = digitsOf(b);
  const digits = { run: Math.min(runOf(a), runOf(b)), digits: da === null || db === null ? null : Math.min(da, db) };
  if (!ca.length || !cb.length) return { exact: null, req: [], ...digits };
  // a match of either side holds a literal of each of that side's clauses: (A1 and A2) or B is (A1 or B) and (A2 or B)
  if (ca.length * cb.length <= MAX_CLAUSES) return { exact: null, req: ca.flatMap((x) => cb.map((y) => [...x, ...y])), ...digits };
  return { exact: null, req: [[...best(ca)!, ...best(cb)!]], ...digits };
}

/** An alternation's clauses are distributed over its sides up to this many; beyond, each side gives its best. */
const MAX_CLAUSES = 8;

/** The clause most texts lack (by clauseScore). */
function best(clauses: Clauses): string[] | undefined {
  let out: string[] | undefined;
  let score = Number.NEGATIVE_INFINITY;
  for (const c of clauses) {
    const s = clauseScore(c);
    if (s > score) {
      out = c;
      score = s;
    }
  }
  return out;
}

const BEYOND_ASCII = /[^\x00-\x7f]/;

/** How few texts a clause is likely in: more the longer its shortest literal an ASCII text can hold (a clause of
 * literals beyond ASCII is in none), then the fewer its literals. A choice among sound clauses, never a soundness
 * matter. */
export function clauseScore(clause: readonly string[]): number {
  let shortest = 100;
  for (const l of clause) if (!BEYOND_ASCII.test(l) && l.length < shortest) shortest = l.length;
  return shortest * 1000 - clause.length;
}

/** The longest run of ASCII digits every match of a pattern holds, at least (0 when nothing is known): "\d{4}" needs a
 * text with four digits in a row. */
export function requiredDigitRun(re: RegExp): number {
  try {
    return runOf(new Reader(re.source, re.flags.includes('i'), /[uv]/.test(re.flags)).read());
  } catch {
    return 0;
  }
}

/** The literals a pattern's every match holds, as clauses (see the top of the file); [] when nothing is known. */
export function requiredLiterals(re: RegExp): Clauses {
  let info: Info;
  try {
    info = new Reader(re.source, re.flags.includes('i'), /[uv]/.test(re.flags)).read();
  } catch {
    return [];
  }
  const out: Clauses = [];
  for (const clause of clausesOf(info)) {
    // a literal holding a shorter one of its clause adds nothing: where it is, the shorter one is too
    const kept = [...new Set(clause)].filter((l, _, all) => !all.some((o) => o !== l && l.includes(o)));
    if (kept.includes('')) continue;
    if (!out.some((c) => c.length === kept.length && c.every((l) => kept.includes(l)))) out.push(kept);
  }
  return out;
}
