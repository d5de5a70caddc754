// Text clean-up shared by the parser and the name index: one definition of "the same name".

/** Longest input the parser reads; longer input is cut (flags pastes fit easily). */
export const MAX_INPUT = 20_000;

/** Unicode-normalise, drop control characters (keeping newlines and tabs), cap the length. */
export function cleanInput(raw: string): string {
  return raw
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .trim();
}

/** A lookup key: lower case, letters and digits only ("Standard_D4s_v5" -> "standardd4sv5"). */
export function keyOf(name: string): string {
  // most words the parser keys are one already ("which", "d4s"): no new string for them
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c < 97 || c > 122) && (c < 48 || c > 57)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  }
  return name;
}

/** Key for VM sizes and series: keyOf without a leading "standard"/"basic" prefix kept apart. */
export function sizeKeyOf(name: string): string {
  const key = keyOf(name);
  return key.startsWith('standard') ? key.slice('standard'.length) : key;
}

/** What `\s` matches: ECMAScript's white space (tab, vertical tab, form feed, the Zs spaces, U+FEFF) and line ends. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const NO_MATCHES: readonly RegExpExecArray[] = [];

/** Every match of a global pattern in the text, as `text.matchAll(re)` gives them, without the copy of the pattern
 * matchAll makes on each call (it costs more than a search that finds nothing, which is what most searches find). */
export function matchesOf(re: RegExp, text: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('matchesOf needs a global pattern');
  re.lastIndex = 0;
  let m = re.exec(text);
  if (m === null) return NO_MATCHES;
  const out: RegExpExecArray[] = [];
  while (m !== null) {
    out.push(m);
    // an empty match: step past it, by a whole code point in a unicode pattern, as matchAll does
    if (m[0].length === 0) re.lastIndex = stepPast(text, re.lastIndex, /[uv]/.test(re.flags));
    m = re.exec(text);
  }
  return out;
}

function stepPast(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}

/** Words of a sentence, case kept: split on anything that is not a letter, digit, '_', '-', '.' or '+'. */
export function splitWords(text: string): string[] {
  return NON_ASCII.test(text) ? anyWords(text) : asciiWords(text);
}

/** splitWords of any text, by its patterns (for ASCII text, asciiWords gives the same words in one pass). */
export function anyWords(text: string): string[] {
  return (
    text
      // "D4s_v5のCPU": a Latin name glued to another script is still a word of its own
      .replace(/(?<=[A-Za-z0-9_])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[A-Za-z0-9_])/g, ' ')
      .split(/[^\p{L}\p{N}_\-.+]+/u)
      .map((w) => w.replace(/^[-.]+|[-.]+$/g, ''))
      .filter((w) => w.length > 0)
  );
}

const NON_ASCII = /[^\x00-\x7f]/;

/** splitWords of a text with no character beyond ASCII, in one pass: there a letter or digit is [A-Za-z0-9]. */
function asciiWords(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const inWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 43;
    if (inWord) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    // without the hyphens and dots at either end
    let from = start;
    let to = i;
    while (from < to && (text.charCodeAt(from) === 45 || text.charCodeAt(from) === 46)) from++;
    while (to > from && (text.charCodeAt(to - 1) === 45 || text.charCodeAt(to - 1) === 46)) to--;
    if (to > from) out.push(text.slice(from, to));
    start = -1;
  }
  return out;
}

/** Words of a sentence, lower case (aligned with splitWords). */
export function wordsOf(text: string): string[] {
  return splitWords(text).map((w) => w.toLowerCase());
}

/** How `truncate` may adjust its cut: `trimEnd` drops the spaces before the mark; `safeCut` moves the cut
 * earlier so a unit of the output syntax (Slack's `&amp;` entities, say) is never split. */
export interface TruncateOptions {
  trimEnd?: boolean;
  safeCut?: (text: string, cut: number) => number;
}

/**
 * Shorten `text` to at most `max` UTF-16 code units (the stricter way to count every platform's limits),
 * ending with `mark` when anything was dropped. Never splits a surrogate pair. The one truncate: the
 * adapters pass their mark and their syntax's safe cut.
 */
export function truncate(text: string, max: number, mark = '…', options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  if (max <= mark.length) return mark.slice(0, Math.max(0, max));
  let cut = max - mark.length;
  if (options.safeCut) cut = options.safeCut(text, cut);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // a high surrogate whose pair would be cut off
  const kept = text.slice(0, cut);
  return (options.trimEnd ? kept.trimEnd() : kept) + mark;
}

/**
 * `items.map(f)`, made as one list literal filled by push. V8's optimised `map` makes its list with another
 * elements kind than the interpreter's, so whatever reads the list next (a join, a loop, `length`) meets a map its
 * optimised code has not seen and drops it, to be compiled again; a literal's lists all take one kind.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!));
  return out;
}

/** `items.map(f).join(sep)` without the list between (see mapped()). */
export function joinMapped<T>(items: readonly T[], f: (item: T) => string, sep: string): string {
  let out = '';
  for (let i = 0; i < items.length; i++) out += i === 0 ? f(items[i]!) : sep + f(items[i]!);
  return out;
}

/** Join with commas and a final "and": ["a","b","c"] -> "a, b and c". */
export function listOf(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** A word the user typed, safe to repeat in an answer: name characters only (so no `<!channel>`,
 * `@everyone` or formatting survives), at most 40 characters. */
export function echo(typed: string): string {
  const safe = typed
    .replace(/[^\p{L}\p{N} _.+\-/]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(safe || '(that)', 40);
}
