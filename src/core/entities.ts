// Finding the things a question names — VM sizes and series, CPU models, distros and releases,
// x86-64 levels — anywhere in a sentence, typed loosely. Deterministic: longest match wins.
import type { Distro, DistroRelease, LevelName } from '../data/schema.js';
import type { Catalog, CpuInfo, ReleaseRef, SeriesInfo, SizeInfo } from './catalog.js';
import { normaliseFlag } from './levels.js';
import { editDistance } from './fuzzy.js';
import { keyOf, listOf, sizeKeyOf, splitWords } from './text.js';
import { questionGate, scanMentions, type Mentions } from './question/mentions.js';
import { EVERY_KEY, KEY, KeyPrefixes, NONE, type KeyGate } from './key-prefixes.js';
import { everyPattern, type Candidates } from './question/literal-gate.js';

export interface Entities {
  sizes: SizeInfo[];
  series: SeriesInfo[];
  cpus: CpuInfo[];
  /** a codename that names several CPU models ("milan") */
  codenames: Array<{ typed: string; cpus: CpuInfo[] }>;
  /** distros named with a release */
  releases: ReleaseRef[];
  /** distros named without a release (or with one we do not know: see badReleases) */
  distros: Distro[];
  /** how each of those was typed ("cbl-mariner"): a former name can point at the releases that bore it */
  distroTyped: Map<Distro, string>;
  /** every name each distribution was typed by, with or without a release ("Azure Linux", "Mariner") */
  namesTyped: Map<Distro, string[]>;
  /** "rhel 11": the distro is known, the release is not */
  badReleases: Array<{ distro: Distro; typed: string }>;
  levels: LevelName[];
  /** how each level was typed ("avx2", "v3"), in order */
  levelWords: Array<{ level: LevelName; typed: string }>;
  /** words that look like a name we should know but do not ("d4s_v99", "gentooo") */
  unknown: string[];
  /** typos read as a known name: "fedroa" -> "Fedora" */
  corrections: Array<{ typed: string; meant: string }>;
  /** what is not a catalog name: CPUs Azure does not list, virtual CPU models, other clouds, crash messages */
  mentions: Mentions;
}

/** Aliases that are ordinary words too: only taken when a release follows or "linux" is attached. */
const WEAK_ALIASES = new Set(['el', 'rl', 'ol', 'fc', 'arch', 'stream', 'leap', 'sle', 'cos', 'acl']);
/** Words that never start a name. */
const STOP = new Set(['a', 'an', 'the', 'on', 'in', 'of', 'to', 'i', 'is', 'it', 'and', 'or', 'vs', 'for', 'my', 'me', 'can', 'run']);
/** Things people type for a level that are not flags: "avx512" means the AVX-512 foundation set (v4). */
const LEVEL_WORDS = new Map<string, LevelName>([
  ['avx512', 'x86-64-v4'],
  ['avx512f', 'x86-64-v4'],
  ['sse42', 'x86-64-v2'],
  ['sse41', 'x86-64-v2'],
]);

const MAX_NGRAM = 4;

/** `gate` says which typed keys may be names' keys (nameKeys: exactly those the lookups below can find); tests pass
 * EVERY_KEY to walk the ungated path. `may`: the question gate's scan of the text, when the caller has it. */
export function findEntities(catalog: Catalog, text: string, gate: KeyGate = nameKeys(catalog), may?: Candidates): Entities {
  // the ungated reference (EVERY_KEY) runs every mention pattern and takes no shortcut below either
  const shortcuts = gate !== EVERY_KEY;
  const scanned = scanMentions(catalog, text, shortcuts ? may : everyPattern(questionGate(catalog)));
  const found: Entities = {
    sizes: [],
    series: [],
    cpus: [],
    codenames: [],
    releases: [],
    distros: [],
    distroTyped: new Map(),
    namesTyped: new Map(),
    badReleases: [],
    levels: [],
    levelWords: [],
    unknown: [],
    corrections: [],
    mentions: scanned.mentions,
  };
  // (a new list only when some word holds an underscore)
  let split = splitWords(scanned.rest);
  // "CentOS-7.x", "RHEL9.x", "8.*": any minor release of a major one is that major release
  if (split.some((w) => mayEndAnyMinor(w) && ANY_MINOR.test(w))) split = split.map((w) => w.replace(ANY_MINOR, '$1'));
  // "RockLinux-8", "ubunut24.04": a mistyped distribution's name glued to its version is two words
  if (split.some((w) => w.length >= 6 && isDigit(w.charCodeAt(w.length - 1)) && GLUED_VERSION.test(w)))
    split = split.flatMap((w) => gluedTypo(catalog, w) ?? [w]);
  if (split.some((w) => w.includes('_'))) {
    const parts: string[] = [];
    for (const w of split)
      if (w.includes('_')) parts.push(...snakeParts(catalog, w));
      else parts.push(w);
    split = parts;
  }
  const original = swapQualifiers(catalog, split);
  // each word in lower case, and its key, once: an n-gram's key is its words' keys joined (keyOf works character by
  // character)
  const words: string[] = [];
  const keys: string[] = [];
  for (const w of original) {
    const lower = w.toLowerCase();
    words.push(lower);
    keys.push(keyOf(lower));
  }
  const flagLevel = flagLevels(catalog);
  const tails = shortcuts ? tailGates(catalog) : null;

  let i = 0;
  while (i < words.length) {
    const taken = matchAt(catalog, words, original, i, found, flagLevel, keys, gate, tails);
    i += Math.max(1, taken);
  }
  return dedupe(found);
}

/** A version's ".x" (or ".*") after its major number: "7.x", "9.X". */
const ANY_MINOR = /(\d)\.[x*]$/i;

/** Whether a word may end in ANY_MINOR, by its last two characters (the regex runs on every word otherwise). */
function mayEndAnyMinor(w: string): boolean {
  const last = w.charCodeAt(w.length - 1);
  return (last === 120 || last === 88 || last === 42) && w.charCodeAt(w.length - 2) === 46;
}

/** A name glued to a version, with or without a hyphen: "RockLinux-8", "centos7.9". */
const GLUED_VERSION = /^([a-z]{5,})[-_]?(\d{1,4}(?:\.\d{1,2})?)$/i;

/** A glued word whose name is a distribution's mistyped one: its name and version apart ("RockLinux-8" ->
 * "RockLinux", "8"); a name typed right is left to the finder's keys ("centos7.9" finds CentOS 7 as it is). */
function gluedTypo(catalog: Catalog, word: string): string[] | null {
  const m = GLUED_VERSION.exec(word);
  if (!m || catalog.distroByKey.has(m[1]!.toLowerCase())) return null;
  return distroTypo(catalog, m[1]!.toLowerCase()) ? [m[1]!, m[2]!] : null;
}

/** "considerations_in_adopting_rhel_9", "ubuntu_24.04": a release inside a snake_case word, as its own words. Sizes
 * ("Standard_D4s_v5") and level spellings ("x86_64_v2") keep their underscores. */
function snakeParts(catalog: Catalog, word: string): string[] {
  if (!word.includes('_') || /^(standard|basic)_/i.test(word) || /_v\d+$/i.test(word) || /x86_64/i.test(word)) return [word];
  const parts = word.split('_').filter(Boolean);
  for (let i = 0; i + 1 < parts.length; i++)
    if (catalog.releaseByKey.has(keyOf(parts[i]! + parts[i + 1]!)) || (/^\d+(\.\d+)?$/.test(parts[i + 1]!) && distroByKey(catalog, keyOf(parts[i]!))))
      return parts;
  return [word];
}

const isDigit = (c: number) => c >= 48 && c <= 57;
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isDigit(word.charCodeAt(i))) return true;
  return false;
}

/** "CentOS 8 Stream", "Centos8 Stream": a distribution, its version, then a qualifier that the release's own name
 * puts before the version ("CentOS Stream 8"). Put back in the release's order when that names a release, for every
 * distribution whose releases carry such a word. */
export function swapQualifiers(catalog: Catalog, words: string[]): string[] {
  // copied on the first swap: most texts have none, and get their own list back
  let out = words;
  for (let i = 0; i < out.length; i++) {
    // both shapes below need a digit: in this word, or at the start of the next
    // (the next word read only when there is one: a read past the end makes V8 drop the optimised function)
    if (!hasDigit(out[i]!) && !(i + 1 < out.length && isDigit(out[i + 1]!.charCodeAt(0)))) continue;
    const glued = /^([A-Za-z][A-Za-z-]*?)-?(\d+(?:\.\d+)?)$/.exec(out[i]!);
    // "Centos8 Stream" (one word, then the qualifier) or "CentOS 8 Stream" (three words)
    const [name, version, qualifier, used] = glued
      ? [glued[1]!, glued[2]!, out[i + 1], 2]
      : /^\d+(?:\.\d+)?$/.test(out[i + 1] ?? '')
        ? [out[i]!, out[i + 1]!, out[i + 2], 3]
        : [null, null, undefined, 0];
    if (!name || !version || !qualifier || !/^[A-Za-z]{3,}$/.test(qualifier) || !catalog.releaseByKey.has(keyOf(name + qualifier + version))) continue;
    if (out === words) out = [...words];
    out.splice(i, used, name, qualifier, version);
    i += 2;
  }
  return out;
}

/** Try every kind of name starting at word i, longest first; returns how many words were used. */
function matchAt(
  catalog: Catalog,
  words: string[],
  original: string[],
  i: number,
  found: Entities,
  flagLevel: Map<string, LevelName>,
  keys: readonly string[],
  gate: KeyGate,
  tails: TailGates | null,
): number {
  const w = words[i]!;
  if (STOP.has(w) && words[i + 1] !== 'series' && !joinedToSeries(catalog, keys[i]!, words, i + 1)) return 1;
  // "请问", "процессор": a word with no Latin letter or digit starts no name (its key would be empty)
  if (!keys[i]) return 1;

  // "D2s version 3", "A1 version 2": a size's own version spelled out (D2s_v3, not DS2 and a release 3)
  const at = w === 'standard' ? i + 1 : i;
  if (words[at + 1] === 'version' && /^\d{1,2}$/.test(words[at + 2] ?? '')) {
    const sizes = catalog.sizeByKey.get(`${sizeKeyOf(keys[at] ?? '')}v${words[at + 2]}`);
    if (sizes) {
      found.sizes.push(...sizes);
      return at - i + 3;
    }
  }
  // "D-series-v5": one word
  const oneWord = w.includes('-series') ? /^([a-z]{1,8})-series-?v(\d{1,2})$/.exec(w) : null;
  if (oneWord) return seriesOfVersion(catalog, oneWord[1]!, oneWord[2]!, found, 1);
  // which n-grams from here some lookup below can find, shortest first: no name's key starts with most words, and
  // then no longer n-gram from here is one either (bit n-1 set: the n-gram's key is one of them)
  const most = Math.min(MAX_NGRAM, words.length - i);
  let named = 0;
  let typed = '';
  for (let n = 1; n <= most; n++) {
    typed += keys[i + n - 1]!;
    const standing = gate.standing(typed);
    if (standing === NONE) break;
    if (standing === KEY) named |= 1 << (n - 1);
  }

  for (let n = most; n >= 1; n--) {
    if ((named & (1 << (n - 1))) === 0) continue;
    // the n-gram's keys: keyOf, sizeKeyOf and seriesKeyOf of the joined words, from the words' keys
    let key = keys[i]!;
    for (let k = 1; k < n; k++) key += keys[i + k]!;
    const sizeKey = key.startsWith('standard') ? key.slice('standard'.length) : key;

    const sizes = catalog.sizeByKey.get(sizeKey);
    if (sizes && sizeKey.length >= 2 && /\d/.test(sizeKey)) {
      found.sizes.push(...sizes);
      return n;
    }
    const seriesKey = sizeKey.endsWith('series') ? sizeKey.slice(0, -'series'.length) : sizeKey;
    // "B-series v2", "HB series version 3": the version after "series" is the series' own (Bsv2's "v2"), not a level
    const versioned = versionAfterSeries(catalog, seriesKey, sizeKey, words, i, n, found);
    if (versioned) return versioned;
    const series = catalog.seriesByKey.get(seriesKey);
    if (series && isSeriesMention(catalog, series, words, original, i, n)) {
      found.series.push(series);
      return n + (words[i + n] === 'series' ? 1 : 0);
    }
    // "B-series", "Lsv and Lasv": a series named without its version is every current version of it
    const versions = !series && /^[a-z]+$/.test(seriesKey) ? versionsOf(catalog, seriesKey) : undefined;
    if (
      versions &&
      (seriesKey.length >= 3
        ? seriesKey.endsWith('v') || sizeKey.endsWith('series') || words[i + n] === 'series'
        : sizeKey.endsWith('series') || words[i + n] === 'series')
    ) {
      found.series.push(...versions);
      return n + (words[i + n] === 'series' ? 1 : 0);
    }
    const cpus = catalog.cpuByKey.get(key);
    if (cpus && key.length >= 3) {
      found.cpus.push(...cpus);
      return n;
    }
    const release = catalog.releaseByKey.get(key);
    if (release) {
      found.releases.push(release);
      // "mariner 2.0": the name it was typed by, without the version
      const name = words
        .slice(i, i + n)
        .join(' ')
        .replace(/[\s-]*v?\d+(?:\.\d+)*(?:\s+lts)?$/, '');
      if (name) typedAs(found, release.distro, name);
      return n;
    }
    const distro = distroByKey(catalog, key);
    if (distro) {
      const acronym = n === 1 && /^[A-Z]{2,4}$/.test(original[i] ?? '');
      const used = takeDistro(catalog, distro, words, i, n, found, acronym);
      if (used > 0) return used;
    }
  }
  return wordAt(catalog, words, original, i, found, flagLevel, keys, tails);
}

/**
 * matchAt() for the word at i alone, when no name starts there. A function of its own: its rarer branches (a size
 * moved to another name, a typed codename) meet V8's optimised code without feedback and drop it, and then only this
 * part is compiled again, not the n-gram search too.
 */
function wordAt(
  catalog: Catalog,
  words: string[],
  original: string[],
  i: number,
  found: Entities,
  flagLevel: Map<string, LevelName>,
  keys: readonly string[],
  tails: TailGates | null,
): number {
  const w = words[i]!;
  // what follows needs a digit in the word (glued versions, model generations, bare versions, size shapes) or a
  // codename starting with it, but for level words, distribution typos and "standard_…": most words have neither
  const digit = tails === null || hasDigit(w);
  if (tails !== null && !digit && tails.codenames.standing(keys[i]!) === NONE) return wordWithoutDigit(catalog, words, original, i, found, flagLevel);

  // "rocky9", "alma10", "ubuntu24.04", "ubi10-minimal", "OL9.4", "FC42", "centos-9": a distro alias glued to a
  // version (and an image variant); a short alias that is also a word only when the release exists
  const glued = digit ? /^([a-z][a-z-]*?)-?(\d+(?:\.\d+)?)(?:-[a-z]+)*$/.exec(w) : null;
  if (glued) {
    const distro = distroByKey(catalog, keyOf(glued[1]!));
    if (distro) {
      const weak = WEAK_ALIASES.has(glued[1]!);
      const release = catalog.findRelease(distro, glued[2]!) ?? (/\./.test(glued[2]!) ? pointRelease(catalog, distro, glued[2]!, found) : null);
      const sibling = release ? null : siblingRelease(catalog, distro, glued[2]!);
      if (release) found.releases.push({ distro, release });
      else if (sibling) {
        found.releases.push(sibling);
        found.corrections.push({ typed: w, meant: `${sibling.distro.name} ${sibling.release.version}` });
      } else if (!weak) found.badReleases.push({ distro, typed: glued[2]! });
      if (release || sibling || !weak) return 1;
    }
  }

  // (the key of two words joined is their keys joined)
  const codename = catalog.cpuByCodename.get(keys[i]! + (keys[i + 1] ?? ''));
  if (codename && words[i + 1]) {
    found.codenames.push({ typed: `${w} ${words[i + 1]}`, cpus: codename });
    return 2;
  }
  const codename1 = catalog.cpuByCodename.get(keys[i]!);
  if (codename1 && w.length >= 4) {
    found.codenames.push({ typed: w, cpus: codename1 });
    return 1;
  }

  // "A100 v4", "H100 v5": a bare vN right after a model number is that model's generation, not a level
  const generation = /^v\d$/.test(w) && i > 0 && /^[a-z]{1,3}\d{2,4}[a-z]{0,2}$/i.test(original[i - 1] ?? '');
  // "SSE 4.2", "AVX 2", "AVX 512": a feature typed with a space before its number is one word
  const spaced = /^(sse|avx)$/.test(w) && /^(4[._]?[12]|2|512)$/.test(words[i + 1] ?? '') ? levelOf(w + words[i + 1]!, flagLevel, catalog) : null;
  if (spaced) {
    found.levels.push(spaced);
    found.levelWords.push({ level: spaced, typed: `${original[i]}${original[i + 1]}` });
    return 2;
  }
  const level = generation ? null : levelOf(w, flagLevel, catalog);
  if (level) {
    found.levels.push(level);
    found.levelWords.push({ level, typed: original[i]! });
    return 1;
  }
  const bareVersion = catalog.releaseByVersion.get(w);
  // "Turbo Boost Technology 2.0", "Python 3.9": a number right after another product's name is that product's version
  if (bareVersion && !productVersion(original[i - 1])) {
    found.releases.push(bareVersion);
    return 1;
  }

  if (looksLikeSize(catalog, w)) {
    const moved = movedS(catalog, w);
    if (moved) {
      found.sizes.push(...moved);
      found.corrections.push({ typed: original[i]!, meant: moved[0]!.size.name });
    } else found.unknown.push(w);
    return 1;
  }
  return distroTypoAt(catalog, words, i, found);
}

/** A word one slip from a distribution's name ("ubunto") is taken as that distribution, and the correction said. */
function distroTypoAt(catalog: Catalog, words: string[], i: number, found: Entities): number {
  const w = words[i]!;
  const typo = distroTypo(catalog, w);
  if (!typo) return 1;
  found.corrections.push({ typed: w, meant: typo.name });
  return takeDistro(catalog, typo, words, i, 1, found, true);
}

/** matchAt's last steps for a word with no digit that no codename starts with (the others cannot take it): a level
 * word ("avx2" has a digit; "avx", "sse" spaced before their number, "popcnt"), "standard_…", a distribution typo. */
function wordWithoutDigit(catalog: Catalog, words: string[], original: string[], i: number, found: Entities, flagLevel: Map<string, LevelName>): number {
  const w = words[i]!;
  const spaced = (w === 'sse' || w === 'avx') && /^(4[._]?[12]|2|512)$/.test(words[i + 1] ?? '') ? levelOf(w + words[i + 1]!, flagLevel, catalog) : null;
  if (spaced) {
    found.levels.push(spaced);
    found.levelWords.push({ level: spaced, typed: `${original[i]}${original[i + 1]}` });
    return 2;
  }
  const level = levelOf(w, flagLevel, catalog);
  if (level) {
    found.levels.push(level);
    found.levelWords.push({ level, typed: original[i]! });
    return 1;
  }
  if (/^(standard|basic)[_-]/.test(w)) {
    found.unknown.push(w);
    return 1;
  }
  return distroTypoAt(catalog, words, i, found);
}

interface TailGates {
  /** every codename's key (cpuByCodename): a word no codename's key starts with starts none of one or two words */
  codenames: KeyPrefixes;
}
const tailGateCache = new WeakMap<Catalog, TailGates | null>();
/** The gates of matchAt's last steps, once per catalog; none (null) when a bare version without a digit exists (the
 * shortcut for words without a digit would miss it). */
function tailGates(catalog: Catalog): TailGates | null {
  let gates = tailGateCache.get(catalog);
  if (gates === undefined) {
    gates = [...catalog.releaseByVersion.keys()].every(hasDigit) ? { codenames: new KeyPrefixes(catalog.cpuByCodename.keys()) } : null;
    tailGateCache.set(catalog, gates);
  }
  return gates;
}

/** Words a bare release number may follow ("run 10", "from 9 to 10", "version 4.0"); any other name before it owns it. */
const BEFORE_BARE_VERSION =
  /^(?:run|running|on|to|from|and|or|vs|versus|with|about|for|in|into|upgrade|upgrading|install|installing|use|using|is|are|was|were|will|would|does|do|did|can|could|should|when|what|which|how|has|have|had|get|got|of|release|releases|version|versions|v|move|moving|migrate|migrating|than|like|the|a|both|only|still|now|new|old|older|newer|linux|os|lts|edition|whereas|but|then|between|after|before|if|why|where|say|says|said)$/i;
/** Lower-case words that name another product's version ("python 3.9", "kernel 6.6", "glibc 2.34"). */
const PRODUCTS =
  /^(?:python|py|gcc|clang|llvm|java|jdk|node|nodejs|kernel|linux-image|glibc|libc|openssl|perl|ruby|go|golang|rust|cuda|tls|ssl|http|php|dotnet|net|qt|gtk|mesa|cmake|docker|podman|k8s|kubernetes|helm|terraform|ansible|grub|grub2|systemd|bash|zsh|vim|emacs|firefox|chrome|chromium|boost|technology|tech|turbo|uefi|bios|tpm|pcie|usb|sata|nvme|ddr|wifi|bluetooth|opengl|vulkan|directx|avx|sse)$/i;
function productVersion(before: string | undefined): boolean {
  if (before === undefined || !/^[A-Za-z][A-Za-z-]*$/.test(before) || BEFORE_BARE_VERSION.test(before)) return false;
  // a capitalised name ("Technology 2.0", "Python 3.9") or a product people type in lower case; a verb is not one
  return /^[A-Z]/.test(before) || PRODUCTS.test(before);
}

/** Ordinary words one slip from a distribution's name: "8 cores" is no CoreOS, "steam" no CentOS Stream. */
const ORDINARY = new Set(['cores', 'rocks', 'photos', 'steam', 'streams']);

/** "fedroa", "ubunut": one slip (two in a long word) from a distro name people type.
 * Remembered per word: ordinary words ("downstream", "guarantee") come up in every other question. */
function distroTypo(catalog: Catalog, word: string): Distro | null {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || ORDINARY.has(word)) return null;
  let memo = typoMemo.get(catalog);
  if (!memo) typoMemo.set(catalog, (memo = new Map()));
  if (memo.has(word)) return memo.get(word)!;
  const found = nearestDistro(catalog, word);
  if (memo.size > 10_000) memo.clear();
  memo.set(word, found);
  return found;
}
const typoMemo = new WeakMap<Catalog, Map<string, Distro | null>>();

function nearestDistro(catalog: Catalog, word: string): Distro | null {
  const limit = word.length >= 8 ? 2 : 1;
  let best: { d: number; distro: Distro } | null = null;
  for (const [key, distro] of catalog.distroByKey) {
    // a slip keeps the first letter ("fedroa", "ubunut"); "upstream" is a word, not a mistyped "stream"
    if (key.length < 5 || Math.abs(key.length - word.length) > limit || key[0] !== word[0]) continue;
    const d = editDistance(word, key, limit);
    if (d <= limit && (!best || d < best.d)) best = { d, distro };
  }
  return best?.distro ?? null;
}

/** One more name the distribution was typed by (namesTyped's lists are the finder's own: added to in place). */
function typedAs(found: Entities, distro: Distro, name: string): void {
  const names = found.namesTyped.get(distro);
  if (names) names.push(name);
  else found.namesTyped.set(distro, [name]);
}

function takeDistro(catalog: Catalog, distro: Distro, words: string[], i: number, n: number, found: Entities, acronym = false): number {
  const phrase = n === 1 ? words[i]! : words.slice(i, i + n).join(' ');
  typedAs(found, distro, phrase);
  let next = words[i + n];
  let used = n;
  if (next === 'linux' || next === 'os') {
    used++;
    next = words[i + used];
  }
  // "22_04-lts-arm64" (an image name): the version is its leading number; "8-compatible", "9-based": the number;
  // "Mariner v2.0", "Rocky v9.4": a "v" before a dotted version (never a level, which has no dot)
  if (next && /^v\d+\.\d+$/.test(next)) next = next.slice(1);
  const version =
    next && /^\d/.test(next)
      ? /^\d+_\d+/.test(next)
        ? /^\d+_\d+/.exec(next)![0].replace('_', '.')
        : /^\d+(?:\.\d+)*-[a-z][a-z-]*$/.test(next)
          ? next.slice(0, next.indexOf('-'))
          : next
      : undefined;
  // "SUSE Leap", "Rocky RL": a short alias that is also a word, right after a word of the distribution's own name
  const prev = words[i - 1];
  // (worked out only for such an alias)
  const weak =
    WEAK_ALIASES.has(phrase) &&
    used === n &&
    !acronym &&
    !(prev !== undefined && prev.length >= 3 && keyOf(distro.name).includes(keyOf(prev)) && keyOf(prev) !== keyOf(phrase));
  if (weak && !version) return 0;
  if (version) {
    const release = catalog.findRelease(distro, version.replace(/\.$/, '')) ?? pointRelease(catalog, distro, version, found);
    // "lts" after "24.04" belongs to the release
    const after = words[i + used + 1] === 'lts' ? 1 : 0;
    // "SLES 15 SP5": a service pack the data does not hold is not the one it does (15 SP7)
    const pack = /^sp\d+$/.exec(words[i + used + 1] ?? '')?.[0];
    if (release && pack && !keyOf(release.version).endsWith(pack)) {
      found.badReleases.push({ distro, typed: `${version} ${pack.toUpperCase()}` });
      return used + 2;
    }
    if (release) {
      found.releases.push({ distro, release });
      return used + 1 + after;
    }
    const sibling = siblingRelease(catalog, distro, version);
    if (sibling) {
      found.releases.push(sibling);
      found.corrections.push({ typed: `${phrase} ${version}`, meant: `${sibling.distro.name} ${sibling.release.version}` });
      return used + 1;
    }
    // "RHEL 7": a release the data does not hold, whose rebuilds it does (CentOS Linux 7): those, said as such
    const rebuilds = rebuildsOf(catalog, distro, version);
    if (rebuilds.length) {
      found.releases.push(...rebuilds);
      found.corrections.push({
        typed: `${phrase} ${version}`,
        meant: `its rebuild ${listOf(rebuilds.map((r) => `${r.distro.name} ${r.release.version}`))} (${distro.name} ${version} itself is not in my data)`,
      });
      return used + 1;
    }
    if ((!/^\d{3,}$/.test(version) || version.length <= 4) && plausibleVersion(distro, version)) {
      found.badReleases.push({ distro, typed: version });
      return used + 1;
    }
  }
  found.distros.push(distro);
  if (!found.distroTyped.has(distro)) found.distroTyped.set(distro, phrase);
  return used;
}

/** Spellings people type that the distribution data does not list: Fedora Core's "FC42" (still the release tag of
 * Fedora's packages) and Red Hat's Universal Base Image ("ubi9-minimal"), built from RHEL's packages. */
const MORE_ALIASES = new Map([
  ['fc', 'fedora'],
  ['fedoracore', 'fedora'],
  ['ubi', 'rhel'],
]);
function distroByKey(catalog: Catalog, key: string): Distro | undefined {
  const extra = MORE_ALIASES.get(key);
  return catalog.distroByKey.get(key) ?? (extra ? catalog.distros.find((d) => d.id === extra) : undefined);
}

/** "CentOS 10": no CentOS Linux 10, but CentOS Stream 10 — a sibling distribution named after it. */
function siblingRelease(catalog: Catalog, distro: Distro, version: string): ReleaseRef | null {
  const sibling = catalog.distros.find((d) => d !== distro && d.name.split(' ')[0] === distro.name.split(' ')[0] && catalog.findRelease(d, version));
  return sibling ? { distro: sibling, release: catalog.findRelease(sibling, version)! } : null;
}

/** "RHEL 11", "Fedora 46": a number near the distribution's own versions may be a release the data lacks; "AlmaLinux
 * OS 501(c)(6)" (a foundation's tax status) is no release at all, and the distribution stays named on its own. */
function plausibleVersion(distro: Distro, typed: string): boolean {
  const majors = distro.releases.map((r) => Number.parseInt(r.version, 10)).filter((n) => Number.isFinite(n));
  const major = Number.parseInt(typed, 10);
  const max = Math.max(...majors);
  return !majors.length || !Number.isFinite(major) || major <= 2 * max + 10 || String(major).length <= String(max).length;
}

/** The releases that rebuild a release the data does not hold ("RHEL 7" -> CentOS Linux 7). */
function rebuildsOf(catalog: Catalog, distro: Distro, version: string): ReleaseRef[] {
  return catalog.distros.flatMap((d) =>
    d.releases
      .filter((r) => r.upstream.some((u) => u.distro === distro.id && u.version === version && u.relation === 'rebuild-of'))
      .map((release) => ({ distro: d, release })),
  );
}

const versionIndex = new WeakMap<Catalog, Map<string, SeriesInfo[]>>();
/** "lsv" -> Lsv2, Lsv3, Lsv4; "b" -> Bv1: the current series whose name is the typed letters and a version. */
function versionsOf(catalog: Catalog, key: string): SeriesInfo[] | undefined {
  const found = versionStems(catalog).get(key);
  return found?.length ? found : undefined;
}

/** The current series by their names' letters without the version, indexed once per catalog. */
function versionStems(catalog: Catalog): Map<string, SeriesInfo[]> {
  let index = versionIndex.get(catalog);
  if (!index) {
    index = new Map();
    for (const s of catalog.series) {
      if (!/^[A-Za-z]+\d+$/.test(s.record.series) || s.record.retirement?.status === 'retired') continue; // not "Dv2 (11-15)"
      const k = sizeKeyOf(s.record.series).replace(/\d+$/, '');
      for (const stem of new Set([k, k.replace(/v$/, '')])) index.set(stem, [...(index.get(stem) ?? []), s]);
    }
    versionIndex.set(catalog, index);
  }
  return index;
}

const gates = new WeakMap<Catalog, KeyPrefixes>();
/** Every key matchAt's n-gram lookups can find a name under, built once per catalog: a size's and a series' key with
 * and without "standard" before it (and a series' or a version stem's with "series" after it), a CPU's, a release's,
 * a distribution's (with the aliases distroByKey adds). A key outside it finds nothing in any of those maps. */
export function nameKeys(catalog: Catalog): KeyPrefixes {
  let gate = gates.get(catalog);
  if (!gate) {
    const keys: string[] = [...catalog.cpuByKey.keys(), ...catalog.releaseByKey.keys(), ...catalog.distroByKey.keys(), ...MORE_ALIASES.keys()];
    const standard = (k: string) => keys.push(k, `standard${k}`);
    for (const k of catalog.sizeByKey.keys()) standard(k);
    for (const k of [...catalog.seriesByKey.keys(), ...versionStems(catalog).keys()]) {
      standard(k);
      standard(`${k}series`);
    }
    gate = new KeyPrefixes(keys);
    gates.set(catalog, gate);
  }
  return gate;
}

/** "B-series v2", "Das series version 3", "NC-series-v3": letters, "series", then a version. The series of those
 * letters and that version (Bv2 is not Bv1, nor B and a level v2), or, when the catalog has none, the name as typed
 * glued ("dv7") among the unknown names, for a "did you mean". Returns the words used, 0 when this is not the shape. */
function versionAfterSeries(catalog: Catalog, seriesKey: string, sizeKey: string, words: string[], i: number, n: number, found: Entities): number {
  if (!/^[a-z]{1,8}$/.test(seriesKey)) return 0;
  const seriesWord = sizeKey.endsWith('series') ? 0 : words[i + n] === 'series' ? 1 : -1;
  if (seriesWord < 0) return 0;
  const at = i + n + seriesWord;
  const glued = /^v(\d{1,2})$/.exec(words[at] ?? '');
  const spelled = words[at] === 'version' && /^\d{1,2}$/.test(words[at + 1] ?? '') ? words[at + 1]! : undefined;
  const version = glued?.[1] ?? spelled;
  if (!version) return 0;
  return seriesOfVersion(catalog, seriesKey, version, found, at - i + (glued ? 1 : 2));
}

/** The series of these letters and this version; else every current series of that version whose name starts with
 * the letters ("B-series v2" is Microsoft's name for Bsv2, Basv2 and Bpsv2); else the name glued among the unknown
 * ones, for a "did you mean". Returns `used`. */
function seriesOfVersion(catalog: Catalog, letters: string, version: string, found: Entities, used: number): number {
  const series = catalog.seriesByKey.get(`${letters}v${version}`);
  if (series) {
    found.series.push(series);
    return used;
  }
  const family = new RegExp(`^${letters}[a-z]*v${version}$`);
  const kin = catalog.series.filter((s) => s.record.retirement?.status !== 'retired' && family.test(sizeKeyOf(s.record.series)));
  if (kin.length) found.series.push(...kin);
  else found.unknown.push(`${letters}v${version}`);
  return used;
}

/** Series keys keep the letters: "Dsv5" -> "dsv5", "D-series" -> "d". */
function seriesKeyOf(joined: string): string {
  return sizeKeyOf(joined).replace(/series$/, '');
}

/** Short series names ("A", "NC", "Fs") are ordinary words: only taken as "A-series" or "NC series". */
/** "the M and Mv2 series", "D, Dv2 and Dv3", "A or Av2": bare series letters (`key`) joined, by "and", "or" or a
 * comma, to another series of those letters that starts at word `at`. */
function joinedToSeries(catalog: Catalog, key: string, words: string[], at: number): boolean {
  const next = words[at] === 'and' || words[at] === 'or' || words[at] === '&' ? at + 1 : at;
  const joined = words[next] && catalog.seriesByKey.get(sizeKeyOf(words[next]!.replace(/-?series$/, '')));
  return Boolean(joined && sizeKeyOf(joined.record.series) !== key && sizeKeyOf(joined.record.series).startsWith(key));
}

function isSeriesMention(catalog: Catalog, series: SeriesInfo, words: string[], original: string[], i: number, n: number): boolean {
  const key = seriesKeyOf(words.slice(i, i + n).join(''));
  if (key.length >= 3) return true;
  const typed = words.slice(i, i + n).join('');
  if (typed.endsWith('series')) return true;
  if (words[i + n] === 'series') return true;
  if (joinedToSeries(catalog, key, words, i + n)) return true;
  // typed exactly as Microsoft writes it, upper case, e.g. "HB" or "NC"
  return key.length === 2 && original[i] === series.record.series && /^[A-Z]{2}$/.test(series.record.series);
}

export function flagLevels(catalog: Catalog): Map<string, LevelName> {
  const cached = flagLevelCache.get(catalog);
  if (cached) return cached;
  const map = new Map<string, LevelName>();
  for (const step of catalog.levels.levels) {
    if (step.level === 'x86-64-v1') continue;
    for (const flag of step.cpuinfoFlags) map.set(keyOf(flag), step.level);
  }
  flagLevelCache.set(catalog, map);
  return map;
}
const flagLevelCache = new WeakMap<Catalog, Map<string, LevelName>>();

/** The keys of every flag, flag alias and level word: the words (by key) a flag lookup can find a level for. The flag
 * looked up is the key of the word or of its alias (normaliseFlag), so a word whose key is none of these finds none. */
function levelKeys(catalog: Catalog, flagLevel: Map<string, LevelName>): Set<string> {
  let keys = levelKeyCache.get(flagLevel);
  if (!keys) {
    keys = new Set([...flagLevel.keys(), ...LEVEL_WORDS.keys(), ...Object.keys(catalog.levels.flagAliases).map(keyOf)]);
    levelKeyCache.set(flagLevel, keys);
  }
  return keys;
}
/** by the flag map (one per catalog: flagLevels) */
const levelKeyCache = new WeakMap<Map<string, LevelName>, Set<string>>();

/** "x86-64-v3", "x86_64_v3", "v3", "avx2", "avx-512", "sse4.2" -> a level. */
export function levelOf(word: string, flagLevel: Map<string, LevelName>, catalog: Catalog): LevelName | null {
  const k = keyOf(word);
  // most words name no level: one whose key neither ends in a level's digit (1-4) nor is a flag's, a flag alias's or
  // a level word's finds nothing below
  const last = k.charCodeAt(k.length - 1);
  if ((last < 49 || last > 52) && !levelKeys(catalog, flagLevel).has(k)) return null;
  return levelOfAnyWord(word, flagLevel, catalog);
}

/** levelOf without its gate: every test below, on every word. */
export function levelOfAnyWord(word: string, flagLevel: Map<string, LevelName>, catalog: Catalog): LevelName | null {
  const k = keyOf(word);
  const m = /^(?:x8664)?v([1-4])$/.exec(k) ?? /^x8664v?([1-4])$/.exec(k) ?? /^x86v64v([1-4])$/.exec(k);
  if (m) return `x86-64-v${m[1]}` as LevelName;
  const named = LEVEL_WORDS.get(k);
  if (named) return named;
  const flag = keyOf(normaliseFlag(word, catalog.levels));
  if (flag === 'xsave' || flag === 'abm') return null; // too obscure to be a question about a level
  return flagLevel.get(flag) ?? null;
}

/** "Standard_DS2_v3" (there is none) for Standard_D2s_v3, "D2s_v2" for Standard_DS2_v2: the premium-storage "s"
 * typed where the other generation of names puts it, before or after the vCPU count. */
function movedS(catalog: Catalog, word: string): SizeInfo[] | undefined {
  const m = /^([a-z]+)(\d+)([a-z]*)(v\d+)?$/.exec(sizeKeyOf(word));
  if (!m) return undefined;
  const [, letters, digits, middle, version = ''] = m as unknown as [string, string, string, string, string | undefined];
  const swapped =
    letters.length > 1 && letters.endsWith('s')
      ? `${letters.slice(0, -1)}${digits}s${middle}${version}`
      : middle.startsWith('s')
        ? `${letters}s${digits}${middle.slice(1)}${version}`
        : undefined;
  return swapped ? catalog.sizeByKey.get(swapped) : undefined;
}

/** Something shaped like a VM size or series name: letters then digits, or "standard_...". */
/** "d4s_v99", "standard_x": a size's shape, starting with a letter some Azure size starts with ("win2019" and the
 * "x6" of "Phenom II X6" do not). */
function looksLikeSize(catalog: Catalog, word: string): boolean {
  if (/^(standard|basic)[_-]/.test(word)) return true;
  return /^[a-z]{1,4}\d{1,4}[a-z-]*(_v\d+|v\d+)?$/.test(word) && sizeInitials(catalog).has(word[0]!);
}

const initialsMemo = new WeakMap<Catalog, Set<string>>();
/** The first letters of Azure's size names (after "Standard_"). */
function sizeInitials(catalog: Catalog): Set<string> {
  let set = initialsMemo.get(catalog);
  if (!set) {
    set = new Set([...catalog.sizeByKey.keys()].map((k) => k[0]!).filter((ch) => /[a-z]/.test(ch)));
    initialsMemo.set(catalog, set);
  }
  return set;
}

/** Each name once, in the order first found; a distro named with a release is not named again without one. (In
 * place: the finder's own lists, which nothing else holds yet; most have none or one.) */
function dedupe(e: Entities): Entities {
  const uniq = <T>(xs: T[]) => (xs.length < 2 ? xs : [...new Set(xs)]);
  if (e.releases.length > 1) {
    const releases: ReleaseRef[] = [];
    for (const r of e.releases) if (!releases.some((x) => x.release === r.release)) releases.push(r);
    e.releases = releases;
  }
  e.sizes = uniq(e.sizes);
  e.series = uniq(e.series);
  e.cpus = uniq(e.cpus);
  e.levels = uniq(e.levels);
  const releases = e.releases;
  e.distros = releases.length ? uniq(e.distros).filter((d) => !releases.some((r) => r.distro === d)) : uniq(e.distros);
  return e;
}

/** "ubuntu 24.04.1" -> 24.04 LTS, "ubuntu 22" -> 22.04 LTS (the only 22.x): a point release or a bare
 * major number read as the release it belongs to, said as a correction. */
function pointRelease(catalog: Catalog, distro: Distro, typed: string, found: Entities): DistroRelease | null {
  const t = typed.replace(/\.$/, '').toLowerCase();
  const head = (v: string) => v.toLowerCase().split(/[\s(]/)[0]!;
  const matches = distro.releases.filter((r) => t.startsWith(`${head(r.version)}.`) || head(r.version).startsWith(`${t}.`));
  if (matches.length !== 1) return null;
  const release = matches[0]!;
  found.corrections.push({ typed, meant: `${distro.name} ${release.version}` });
  return release;
}
