// One parse of a question into a frame: every thing it names (entities), what it asks about them
// (intent), and the operation that follows (one answer, a comparison, a fleet matrix, a list).
import type { LevelName } from '../../data/schema.js';
import type { Catalog } from '../catalog.js';
import { findEntities, nameKeys, type Entities } from '../entities.js';
import { intentOffset, questionGate } from './mentions.js';
import { readIntent, type Intent } from '../intent.js';
import { firstRelease, vmTargets, type Target } from '../targets.js';
import { echo, keyOf, mapped, matchesOf } from '../text.js';
import { LEVELS } from '../levels.js';

export type Operation = 'one' | 'compare' | 'matrix' | 'list';

export interface NamedRelease {
  distro: Entities['distros'][number];
  release: Entities['releases'][number]['release'];
  /** no release was typed: the newest is meant */
  defaulted: boolean;
}

export interface Frame {
  text: string;
  lower: string;
  e: Entities;
  intent: Intent;
  /** every machine named (sizes, then series) */
  targets: Target[];
  /** every distro named, with its release (the newest when none was typed) */
  releases: NamedRelease[];
  levels: LevelName[];
  op: Operation;
  /** distribution-like names the catalog does not hold ("Clear Linux"): said in the answer, not dropped */
  unknownDistros: string[];
}

export function frameOf(catalog: Catalog, text: string): Frame {
  const lower = text.toLowerCase();
  // one pass over the question says which patterns the mention scanner and the intent reader may match
  const may = questionGate(catalog).scan(lower);
  const e = findEntities(catalog, text, nameKeys(catalog), may);
  const intent = readIntent(withoutNames(catalog, lower), may, intentOffset(catalog));
  const targets = vmTargets(e);
  const releases = namedReleases(catalog, e, text);
  return {
    text,
    lower,
    e,
    intent,
    targets,
    releases,
    levels: e.levels,
    op: operationOf(intent, targets.length, releases.length, e.cpus.length),
    unknownDistros: unknownDistros(catalog, text),
  };
}

interface CueNames {
  re: RegExp;
  /** each name's words: the pattern can match only a question that holds every word of some name */
  words: string[][];
}
const cueNames = new WeakMap<Catalog, CueNames | null>();
/** "Common Base Linux Mariner", "Azure Linux Container Host": a distribution's own name whose words would ask
 * something ("base", "host") is a name, not a question word. The names are found once per catalog by asking the
 * intent reader about each one. */
function withoutNames(catalog: Catalog, lower: string): string {
  let cue = cueNames.get(catalog);
  if (cue === undefined) {
    const names = catalog.distros
      .flatMap((d) => [d.name, ...(d.aliases ?? []), ...d.releases.flatMap((r) => r.aliases)])
      .map((n) => n.toLowerCase().trim())
      .filter((n) => /\s/.test(n) && /^[a-z0-9 .-]+$/.test(n))
      .filter((n) => {
        const asked = readIntent(n);
        return asked.asks.size > 0 || asked.facet !== null;
      });
    const unique = [...new Set(names)].map((n) => n.split(/\s+/));
    const escaped = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    cue = unique.length ? { re: new RegExp(`\\b(?:${unique.map((ws) => ws.map(escaped).join('[^\\p{L}\\p{N}]+')).join('|')})\\b`, 'gu'), words: unique } : null;
    cueNames.set(catalog, cue);
  }
  // most questions hold no such name whole: no pass of the (Unicode) pattern over them
  if (!cue?.words.some((ws) => ws.every((w) => lower.includes(w)))) return lower;
  return lower.replace(cue.re, ' ');
}

/** Every distro named: the releases typed, then bare distros at their newest release. */
function namedReleases(catalog: Catalog, e: Entities, text: string): NamedRelease[] {
  const out: NamedRelease[] = mapped(e.releases, (r) => ({ distro: r.distro, release: r.release, defaulted: false }));
  for (const d of e.distros) out.push({ distro: d, release: namedAfter(catalog, d, e.distroTyped.get(d)), defaulted: true });
  // "azure linux 3 vs 4", "rhel 8 and 9": a bare number after the first release is the same distro's
  const only = out.length === 1 ? out[0]! : undefined;
  if (only && /\b(?:vs\.?|versus|and|or|to|from|with)\s+\d|\d\s*[/&]\s*\d/i.test(text)) {
    // "rhel 8 and 9", "CentOS 7/8"
    for (const m of text.matchAll(/(?:\b(?:vs\.?|versus|and|or|to|from|with)\s+|(?<=\d)\s*[/&]\s*)(\d{1,2}(?:\.\d+)?)(?![\w.])/gi)) {
      const rel = catalog.findRelease(only.distro, m[1]!);
      if (rel && !out.some((r) => r.release === rel)) out.push({ distro: only.distro, release: rel, defaulted: false });
    }
  }
  // "CentOS EOL date for 7 and 8", "CentOS 7/8": a distribution typed without a version, then its versions in a list
  if (only && /\d\s*(?:,|\/|&|and|or)\s*\d/i.test(text)) {
    const listed = versionsListed(catalog, only.distro, text);
    const typed = only.defaulted ? [] : [only.release];
    if (listed.length) return [...new Set([...typed, ...listed])].map((release) => ({ distro: only.distro, release, defaulted: false }));
  }
  if (!out.length) {
    const one = firstRelease(catalog, e);
    if (one) out.push({ distro: one.distro, release: one.release, defaulted: one.defaulted });
  }
  return out;
}

/** The versions of a distribution listed as bare numbers ("for 7 and 8", "versions 7, 8 or 9", "7/8"): two at least,
 * each one of its releases. */
function versionsListed(catalog: Catalog, distro: NamedRelease['distro'], text: string): NamedRelease['release'][] {
  for (const m of text.matchAll(VERSION_LIST)) {
    const found = m[0].match(/\d{1,2}(?:\.\d+)?/g)!.map((v) => catalog.findRelease(distro, v));
    if (found.every((r) => r) && new Set(found).size >= 2) return [...new Set(found as NamedRelease['release'][])];
  }
  return [];
}
const VERSION_LIST = /(?<![\w.])\d{1,2}(?:\.\d+)?(?:\s*(?:,|\/|&|and|or)\s*\d{1,2}(?:\.\d+)?)+(?![\w.])/gi;

/** Several machines × several releases is a matrix; two of a kind side by side a comparison. */
export function operationOf(intent: Intent, machines: number, releases: number, cpus: number): Operation {
  if (machines >= 1 && releases >= 1 && machines * releases >= 2) return 'matrix';
  if (machines >= 2 || cpus >= 2 || (releases >= 2 && machines === 0)) return 'compare';
  if (intent.list) return 'list';
  return 'one';
}

/** A distro typed by a former name ("CBL-Mariner") means the newest release that bore it (2.0), not today's. */
function namedAfter(catalog: Catalog, distro: NamedRelease['distro'], typed: string | undefined): NamedRelease['release'] {
  const newest = catalog.newestRelease(distro);
  const key = typed ? keyOf(typed) : '';
  if (key.length < 4 || (catalog.distroByKey.get(key) === distro && keysOf(distro)[0]!.startsWith(key))) return newest; // the current name
  const bore = (r: NamedRelease['release']) => keysOf(r).some((a) => a.startsWith(key));
  if (bore(newest)) return newest;
  return distro.releases.find(bore) ?? newest;
}

const keyed = new WeakMap<object, string[]>();
/** A distribution's keys (its name's first, then its aliases'), or a release's aliases' keys: keyed once, not on
 * every question that names it. */
export function keysOf(named: NamedRelease['distro'] | NamedRelease['release']): readonly string[] {
  let keys = keyed.get(named);
  if (!keys) {
    keys = 'releases' in named ? [named.name, ...(named.aliases ?? [])].map(keyOf) : named.aliases.map(keyOf);
    keyed.set(named, keys);
  }
  return keys;
}

const CAPITALISED_BEFORE_LINUX = /\b([A-Z][A-Za-z-]+)\s+(Linux|OS)\b/g;

/** "Clear Linux", "Kali Linux": a capitalised name before Linux/OS that no known distro answers to. */
function unknownDistros(catalog: Catalog, text: string): string[] {
  if (!/ (linux|os)\b/i.test(text)) return [];
  // (a known distribution's full name is no unknown one: "Red Hat Enterprise Linux" holds no "Enterprise Linux")
  let rest = text;
  for (const d of catalog.distros) {
    const at = rest.toLowerCase().indexOf(d.name.toLowerCase());
    if (at >= 0) rest = rest.slice(0, at) + ' '.repeat(d.name.length) + rest.slice(at + d.name.length);
  }
  const out: string[] = [];
  for (const m of matchesOf(CAPITALISED_BEFORE_LINUX, rest)) {
    const name = `${m[1]} ${m[2]}`;
    if (
      catalog.distroByKey.has(keyOf(name)) ||
      catalog.distroByKey.has(keyOf(m[1]!)) ||
      /^(The|A|An|My|On|In|For|Azure|Microsoft|Intel|AMD|Any|Every|Which|What)$/.test(m[1]!)
    )
      continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** Words that look like names but were not understood, said in the answer rather than dropped. */
export function notUnderstood(f: Frame): string[] {
  return [...f.e.unknown.filter((w) => !ARCH_WORD.test(w)), ...f.unknownDistros].map(echo);
}

/** An architecture typed like a name ("arm64 sizes"): understood, as a qualifier, not an unknown size. */
const ARCH_WORD = /^(?:arm64|aarch64|amd64|x86[-_]64|x64|arm)$/i;

/** Each release once, in the order named. */
export function distinct(releases: NamedRelease[]): NamedRelease[] {
  return releases.filter((r, i) => releases.findIndex((x) => x.release === r.release) === i);
}

/** The highest of several levels named ("SSE4.2, AVX2 and FMA" needs the highest). */
export function highest(levels: LevelName[]): LevelName {
  return levels.reduce((a, b) => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a));
}
