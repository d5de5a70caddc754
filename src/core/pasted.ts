// Pasted machine output: a /proc/cpuinfo flags line (or a bare list of flags), an Arm "Features" line,
// `ld.so --help` output, or `ld.so --list-diagnostics`' isa_1 bits.
import type { Answer } from './answer.js';
import type { Catalog } from './catalog.js';
import type { LevelName } from '../data/schema.js';
import { armFlagsAnswer, flagsAnswer, ldsoAnswer, shortenedFlagsAnswer } from './answers/cpu.js';
import { levelRank, LEVELS, normaliseFlag } from './levels.js';
import { isSpace } from './text.js';

// One glibc-hwcaps entry: "x86-64-v3 (supported, searched)". Read by its parenthesis, not by line, so a
// paste whose newlines became spaces still parses ("… x86-64-v4 x86-64-v3 (supported, searched) …").
const LDSO_LINE = /(x86-64-v[234])(\s*\(([^)]*)\))?/g;

export function pastedLevelAnswer(catalog: Catalog, query: string, text: string): Answer | null {
  // (each pattern below runs only when the text holds a character every match of it has: most questions hold none)
  if ((text.includes('(') || text.includes('-')) && /glibc-hwcaps|\(supported, searched\)|\(supported, masked\)/i.test(text) && isLdsoOutput(text)) {
    const supported: LevelName[] = [];
    for (const m of text.matchAll(LDSO_LINE)) if (m[3]?.includes('supported')) supported.push(m[1] as LevelName);
    supported.sort((a, b) => levelRank(a) - levelRank(b));
    return ldsoAnswer(catalog, query, supported);
  }
  const isa = text.includes('_1') ? /isa_1\s*=\s*0x([0-9a-f]+)/i.exec(text) : null;
  if (isa) {
    const bits = parseInt(isa[1]!, 16);
    // bit 0 is the baseline (v1); bits 1, 2 and 3 are v2, v3 and v4, each only with every bit below it
    const supported = LEVELS.slice(1).filter((_, i) => (bits >> (i + 1)) & 1 && (bits & ((2 << (i + 1)) - 1)) === (2 << (i + 1)) - 1);
    return ldsoAnswer(catalog, query, bits & 1 ? supported : []);
  }
  if (text.includes(':') && /(?:^|\n)\s*Features\s*:\s*(fp|asimd)\b/i.test(text)) return armFlagsAnswer(catalog, query);
  // "flags : …" as /proc/cpuinfo prints it, or a report's own "CPU Flags: …" line
  const flagsLine = flagsLineOf(text);
  if (flagsLine && isFlagsOutput(catalog, flagsLine.flags)) {
    const flags = flagWords(flagsLine.flags);
    return isShortened(catalog, flags) ? shortenedFlagsAnswer(catalog, query, flags) : flagsAnswer(catalog, query, flags);
  }
  const words = flagWords(text);
  if (words.length < 6) return null;
  // a bare list of flags: six of them at least, and two words in five; counted until that can no longer be reached
  const needed = Math.max(6, words.length * 0.4);
  let hits = 0;
  for (let i = 0; i < words.length && hits + (words.length - i) >= needed; i++) if (catalog.levelFlags.has(normaliseFlag(words[i]!, catalog.levels))) hits++;
  // "does D2s_v3 have sse sse2 sse3 ssse3 sse4_1 sse4_2 avx avx2?": features named in a question, not a machine's list
  if (hits >= 6 && hits >= words.length * 0.4 && !(ASKS.test(text) && isShortened(catalog, words))) return flagsAnswer(catalog, query, words);
  return null;
}

/** "flags : …" as /proc/cpuinfo prints it, or a report's own "CPU Flags: …", at the start of a line: its name may be in
 * markdown ("**flags**: …", "`flags : …`", "> - flags: …"). */
const FLAGS_NAME = /(?:^|\n)[ \t>*_`~-]*(?:cpu[ \t]+)?flags[*_`]*[ \t]*:/i;

/** A pasted flags line and where it is in the text (`start` to `end`): read past markdown around it, and over the
 * lines a chat box, a mail or a terminal wrapped it onto. A following line continues it while it holds flag-like words
 * only (no "name :" of its own, as cpuinfo's next line "bugs : …" has, and no word of a sentence). */
export function flagsLineOf(text: string): { flags: string; start: number; end: number } | null {
  const name = text.includes(':') ? FLAGS_NAME.exec(text) : null;
  if (!name) return null;
  const start = name.index + (text[name.index] === '\n' ? 1 : 0);
  let end = text.indexOf('\n', name.index + name[0].length);
  if (end < 0) end = text.length;
  let flags = text.slice(name.index + name[0].length, end);
  while (end < text.length) {
    const next = text.indexOf('\n', end + 1);
    const stop = next < 0 ? text.length : next;
    const line = text.slice(end + 1, stop);
    if (!isContinuation(line)) break;
    flags += ` ${line}`;
    end = stop;
  }
  // markdown around the flags ("`… lahf_lm`", "*fpu vme*"): no flag has these characters
  return { flags: flags.replace(/[`*~]/g, ' '), start, end };
}

/** A line that goes on with the flags above it: flag-like words only (lower case, digits, "_", "."), none a word of a
 * sentence. A wrapped word's halves ("sse4_\n2") are not joined: each stays as it came. */
function isContinuation(line: string): boolean {
  const words = line.replace(/[`*~]/g, ' ').trim().split(/\s+/);
  if (words[0] === '') return false;
  return words.every((w) => /^[a-z0-9_.]{2,40}$/.test(w) && !NOT_FLAGS.has(w));
}

/** Words of a sentence after a paste ("what level is this"): no CPU flag is spelt so. */
const NOT_FLAGS = new Set(
  'the is are am was be it its this that what which how why who does do did can could should would will so and or but to of in on for with my our we you your me level levels cpu cpus here there thanks please help'.split(
    ' ',
  ),
);

/** Words that ask something: no machine prints them among its flags. */
const ASKS = /\?|\b(?:does|do|has|have|what|which|can|support|supports|with)\b/i;

/** `ld.so --help` as glibc prints it, not a question that names glibc-hwcaps or a level ("glibc-hwcaps x86-64-v3 on
 * NC6s_v3"): its header, an entry with its parenthesis ("x86-64-v3 (supported, searched)"), or the three levels in
 * glibc's priority order (v4, v3, v2 with nothing but space between: a machine below x86-64-v2 marks none). */
export function isLdsoOutput(text: string): boolean {
  return (
    /subdirectories of glibc-hwcaps directories/i.test(text) ||
    /x86-64-v[234]\s*\((?:supported|searched|masked)\b/i.test(text) ||
    /x86-64-v4\s+x86-64-v3\s+x86-64-v2\b/i.test(text)
  );
}

/** What follows "flags:" when a machine printed it: three flags a level needs at least, and no question in it
 * ("flags: does E2s_v5 have avx512f", "cpu flags: avx2 on B2s?" ask about a machine; they show none). */
export function isFlagsOutput(catalog: Catalog, line: string): boolean {
  if (ASKS.test(line) || /\b(?:is|are|on)\b/i.test(line)) return false;
  let hits = 0;
  for (const w of flagWords(line)) if (catalog.levelFlags.has(normaliseFlag(w, catalog.levels)) && ++hits >= 3) return true;
  return false;
}

/** The words of a text that could be flags (2 to 40 of [A-Za-z0-9_.-], between commas and spaces), the first 2,000:
 * as `text.split(/[\s,]+/).filter((w) => /^[a-z0-9_.-]{2,40}$/i.test(w)).slice(0, 2000)`, in one pass that makes a
 * string only of the words it keeps (every question in plain words is looked at as a paste first). */
export function flagWords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let flagLike = true;
  for (let i = 0; i <= text.length && out.length < MAX_FLAG_WORDS; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c === 44 || isSpace(c)) {
      if (flagLike && i - start >= 2 && i - start <= 40) out.push(text.slice(start, i));
      start = i + 1;
      flagLike = true;
    } else if (flagLike && !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) flagLike = false;
  }
  return out;
}
const MAX_FLAG_WORDS = 2000;

/** A shortened list (inxi's "Flags:", an lscpu summary): it names higher-level flags but lacks the base
 * flags every x86-64 CPU has, so missing flags say nothing about the CPU. */
function isShortened(catalog: Catalog, flags: string[]): boolean {
  const have = new Set(flags.map((f) => normaliseFlag(f, catalog.levels)));
  const base = catalog.levels.levels[0]!.cpuinfoFlags;
  const baseSeen = base.filter((f) => have.has(f)).length;
  const higher = catalog.levels.levels.slice(1).some((l) => l.cpuinfoFlags.some((f) => have.has(f)));
  return higher && baseSeen < base.length / 2;
}
