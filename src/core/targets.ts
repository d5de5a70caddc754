// Picking the machine and the release a question is about, from what it names or from the thread;
// and saying what was meant when a name is unknown or could be several.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog, SeriesInfo, SizeInfo } from './catalog.js';
import type { Distro, DistroRelease } from '../data/schema.js';
import { clarifyAnswer, helpAnswer, notFoundAnswer } from './answers/meta.js';
import { unknownCpuAnswer } from './answers/cpu-family.js';
import type { Entities } from './entities.js';
import { closest, editDistance } from './fuzzy.js';
import { echo, keyOf, mapped, sizeKeyOf, wordsOf } from './text.js';

export interface Target {
  series: SeriesInfo;
  size?: string;
  sizeInfo?: SizeInfo;
  label: string;
}

export function vmTargets(e: Entities): Target[] {
  const out: Target[] = [];
  for (const s of e.sizes) out.push({ series: s.series, size: s.size.name, sizeInfo: s, label: s.size.name });
  // "B-series … the B2ms size": a series named beside one of its own sizes is that machine, not a second one
  for (const s of e.series) if (!e.sizes.some((z) => z.series === s)) out.push({ series: s, label: s.record.series });
  return out;
}

/** A command's argument names its machine: the first thing typed (`typed`, the argument) when nothing else was found. */
export function pickTarget(catalog: Catalog, e: Entities, typed: string, query: string): Target | { answer: Answer } {
  const t = vmTargets(e)[0] ?? leadingSeries(catalog, typed);
  if (t) return t;
  if (CPU_WORDS.test(typed)) return { answer: unknownCpu(catalog, query, typed) };
  const word = e.unknown[0] ?? wordsOf(typed)[0] ?? typed;
  return { answer: unknownName(catalog, query, word) };
}

/**
 * A series typed by its own name as the first word of a command's argument ("H", "Fs", "nc rhel 10").
 * In a sentence, short series names are ordinary words (see entities.ts); at the head of a command's
 * argument, they name the machine.
 */
function leadingSeries(catalog: Catalog, typed: string): Target | undefined {
  const first = typed.trim().split(/\s+/)[0] ?? '';
  const series = catalog.seriesByKey.get(sizeKeyOf(first));
  return series && series.record.series.toLowerCase() === first.toLowerCase() ? { series, label: series.record.series } : undefined;
}

const CPU_WORD_LIST =
  'xeon|epyc|opteron|intel|amd|cobalt|ampere|altra|grace|core i\\d|core ultra|i[3579]-\\d+|ryzen|threadripper|athlon|phenom|sempron|turion|celeron|pentium|atom';
const CPU_WORDS = new RegExp(`\\b(${CPU_WORD_LIST})\\b`, 'i');
/** From the first processor word on: "my new Ryzen 7 9999X crashes" -> "Ryzen 7 9999X crashes". */
const FROM_CPU_WORD = new RegExp(`^.*?\\b(?=${CPU_WORD_LIST})`, 'i');

/** The processors Azure documents whose names are closest to a typed one. */
export function closestCpus(catalog: Catalog, typed: string): string[] {
  return closest(keyOf(typed), catalog.fuzzyNames.cpus);
}

function unknownCpu(catalog: Catalog, query: string, typed: string): Answer {
  const names = closestCpus(catalog, typed);
  return unknownCpuAnswer(query, typed, names);
}

export function unknownName(catalog: Catalog, query: string, word: string): Answer {
  const key = sizeKeyOf(word);
  const sizes = closest(key, catalog.fuzzyNames.sizes);
  // three sizes leave no room for the series (the closest series is offered only beside fewer)
  const series = sizes.length < 3 ? closest(key, catalog.fuzzyNames.series, 1) : [];
  const suggestions = [...sizes, ...series].slice(0, 3);
  return notFoundAnswer(
    query,
    `a VM size or series called \`${echo(word)}\``,
    suggestions,
    'Sizes look like `Standard_D4s_v5` (loose spellings like `d4s v5` work too).',
  );
}

export function pickRelease(catalog: Catalog, e: Entities, query: string): { distro: Distro; release: DistroRelease | null } | { answer: Answer } {
  const r = e.releases[0];
  if (r) return { distro: r.distro, release: r.release };
  const d = e.distros[0];
  if (d) return { distro: d, release: null };
  const bad = e.badReleases[0];
  if (bad)
    return {
      answer: notFoundAnswer(query, `${bad.distro.name} ${echo(bad.typed)}`, bad.distro.releases.map((x) => `${bad.distro.name} ${x.version}`).slice(0, 3)),
    };
  const typed = e.unknown[0] ?? query.split(/\s+/).slice(-1)[0] ?? '';
  return { answer: unknownDistro(catalog, query, typed) };
}

function unknownDistro(catalog: Catalog, query: string, typed: string): Answer {
  const names = closest(keyOf(typed), catalog.fuzzyNames.distros);
  return notFoundAnswer(query, `a distribution called \`${echo(typed)}\``, names);
}

export function firstRelease(catalog: Catalog, e: Entities): { distro: Distro; release: DistroRelease; defaulted: boolean; explicit: boolean } | null {
  const r = e.releases[0];
  if (r) return { ...r, defaulted: false, explicit: true };
  const d = e.distros[0];
  if (d) return { distro: d, release: catalog.newestRelease(d), defaulted: true, explicit: false };
  return null;
}

export function contextRelease(catalog: Catalog, context: ConversationContext): { distro: Distro; release: DistroRelease } | null {
  const distro = context.distro ? catalog.distroById(context.distro) : undefined;
  if (!distro) return null;
  const release = (context.release && catalog.findRelease(distro, context.release)) || catalog.newestRelease(distro);
  return { distro, release };
}

export function contextTarget(catalog: Catalog, context: ConversationContext): Target | undefined {
  if (context.size) {
    const s = catalog.sizeByKey.get(sizeKeyOf(context.size))?.[0];
    if (s) return { series: s.series, size: s.size.name, sizeInfo: s, label: s.size.name };
  }
  if (context.series) {
    const s = catalog.seriesByKey.get(sizeKeyOf(context.series));
    if (s) return { series: s, label: s.record.series };
  }
  return undefined;
}

/** "D2" names Standard_D2 but also D2_v2 … D2_v5 ("E2" names only versioned sizes): ask which,
 * unless "Standard_" or a version was typed. */
export function ambiguousSize(catalog: Catalog, query: string, e: Entities, text: string): Answer | null {
  if (e.sizes.length > 1) return null;
  const s = e.sizes[0];
  if (s) return ambiguousSizeOf(catalog, query, s, text);
  if (/standard[_ ]/i.test(text)) return null;
  const key = mapped(e.unknown, sizeKeyOf).find((k) => /^[a-z]{1,3}\d+[a-z]*$/.test(k));
  return key ? siblingsClarify(catalog, query, undefined, key) : null;
}

/** ambiguousSize() for the one size a question names. */
export function ambiguousSizeOf(catalog: Catalog, query: string, s: SizeInfo, text: string): Answer | null {
  return /standard[_ ]/i.test(text) ? null : siblingsClarify(catalog, query, s, sizeKeyOf(s.size.name));
}

function siblingsClarify(catalog: Catalog, query: string, s: SizeInfo | undefined, key: string): Answer | null {
  if (/v\d+$/.test(key)) return null;
  const siblings = siblingsOf(catalog, key);
  if (!siblings.length) return null;
  const choices = [...(s ? [s.size.name] : []), ...siblings.map((x) => x.size.name)];
  return clarifyAnswer(query, `\`${key.toUpperCase()}\` could be ${choices.length} sizes; which one?`, choices);
}

const siblingIndex = new WeakMap<Catalog, Map<string, SizeInfo[]>>();

/** The other sizes whose key is `key` and an "s", a version or both ("d2" -> d2s, d2v2 … d2sv5), in catalog
 * order. Indexed once per catalog: every size under each key it extends that way. */
export function siblingsOf(catalog: Catalog, key: string): SizeInfo[] {
  let index = siblingIndex.get(catalog);
  if (!index) {
    index = new Map();
    const keys = catalog.sizeKeys;
    catalog.sizes.forEach((size, i) => {
      const k = keys[i]!;
      // every shorter key this one extends by "s", "vN" or "svN" (the key itself is no sibling of its own)
      for (let cut = k.length - 1; cut >= 0; cut--) {
        const head = k.charCodeAt(cut);
        // such an ending starts with "s" or "v"
        if ((head !== 115 && head !== 118) || !/^s?(v\d+)?$/.test(k.slice(cut))) continue;
        const base = k.slice(0, cut);
        const list = index!.get(base);
        if (list) list.push(size);
        else index!.set(base, [size]);
      }
    });
    siblingIndex.set(catalog, index);
  }
  return index.get(key) ?? [];
}

/** Nothing recognised: suggest the closest names of any kind to the longest word. */
export function guess(catalog: Catalog, query: string, text: string): Answer {
  if (CPU_WORDS.test(text)) return unknownCpu(catalog, query, text.replace(FROM_CPU_WORD, '').slice(0, 60));
  const word = wordsOf(text).sort((a, b) => b.length - a.length)[0] ?? '';
  const key = keyOf(word);
  const names = catalog.fuzzyNames.any;
  // only near names: an ordinary word ("support", "problem", "quit") gets help, not far-fetched names
  const near = Math.max(1, Math.floor(key.length / 4));
  const isNear = (name: string) => names.keys.some((k, i) => names.values[i] === name && (k.startsWith(key) || editDistance(key, k, near) <= near));
  const suggestions = key.length >= 3 ? closest(key, names).filter(isNear) : [];
  if (!suggestions.length) return helpAnswer(query, undefined, "I didn't recognise a VM size, distribution, CPU or level in that.");
  return notFoundAnswer(query, `\`${echo(word)}\``, suggestions);
}
