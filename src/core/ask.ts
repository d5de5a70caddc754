// The one port: ask(text, context?) -> Answer. Slash commands and plain words go through the same
// entity finder; the command word, when present, only fixes what is being asked.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog, SeriesInfo, SizeInfo } from './catalog.js';
import type { Distro, DistroRelease, LevelName } from '../data/schema.js';
import { compatAnswer, distroSizesAnswer } from './answers/compat.js';
import { codenameAnswer, cpuAnswer, flagsAnswer, ldsoAnswer } from './answers/cpu.js';
import { distroAnswer, lineageAnswer, releasesAnswer, type DistroFacet } from './answers/distro.js';
import { clarifyAnswer, compareAnswer, errorAnswer, helpAnswer, notFoundAnswer } from './answers/meta.js';
import { levelAnswer, seriesAnswer, sizeAnswer } from './answers/vm.js';
import { findEntities, type Entities } from './entities.js';
import { closest } from './fuzzy.js';
import { readIntent, type Intent } from './intent.js';
import { levelRank, normaliseFlag } from './levels.js';
import { renderText } from './render-text.js';
import { cleanInput, keyOf, sizeKeyOf, wordsOf } from './text.js';

const AZURE_LINUX = 'azure-linux';

export function askWith(catalog: Catalog, rawText: string, context: ConversationContext = {}): Answer {
  const raw = typeof rawText === 'string' ? rawText : String(rawText ?? '');
  let text = cleanInput(raw).replace(/^(<@[A-Z0-9]+>|@\S+)\s*/i, '');
  const publicWord = /(^|\s)public[.!]?$/i.test(text);
  if (publicWord) text = text.replace(/(^|\s)public[.!]?$/i, '').trim();
  const answer = route(catalog, raw.slice(0, 2000), text, context);
  answer.visibility = publicWord && !['help', 'error', 'not-found'].includes(answer.kind) ? 'public' : 'private';
  answer.text = renderText(answer);
  return answer;
}

function route(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
  const command = /^\/?(azlinux|cpulevel)\b\s*(.*)$/is.exec(text);
  if (command) {
    const [, name, rest] = command;
    return name!.toLowerCase() === 'azlinux' ? azlinuxCommand(catalog, query, rest!.trim()) : cpulevelCommand(catalog, query, rest!.trim());
  }
  if (text.startsWith('/')) {
    return helpAnswer(query, undefined, `Unknown command \`${text.split(/\s/)[0]!.slice(0, 40)}\`. The commands are /azlinux and /cpulevel.`);
  }
  const pasted = pastedLevelAnswer(catalog, query, text);
  if (pasted) return pasted;
  return plainWords(catalog, query, text, context);
}

// ---------------------------------------------------------------- slash commands

function azlinuxCommand(catalog: Catalog, query: string, rest: string): Answer {
  const [sub = '', ...args] = rest.split(/\s+/);
  const arg = args.join(' ');
  switch (sub.toLowerCase()) {
    case '':
    case 'upstream':
    case 'based-on': {
      const azl = catalog.distroById(AZURE_LINUX)!;
      if (!arg) return lineageAnswer(catalog, query, azl, null, 'upstream');
      const e = findEntities(catalog, /^\d/.test(arg) ? `azure linux ${arg}` : arg);
      const ref = pickRelease(catalog, e, query);
      if ('answer' in ref) return ref.answer;
      return lineageAnswer(catalog, query, ref.distro, ref.release, 'upstream');
    }
    case 'releases': {
      if (!arg) return releasesAnswer(catalog, query, catalog.distroById(AZURE_LINUX)!);
      const ref = pickRelease(catalog, findEntities(catalog, arg), query);
      if ('answer' in ref) return ref.answer;
      return releasesAnswer(catalog, query, ref.distro);
    }
    case 'lineage': {
      if (!arg) return helpAnswer(query, 'azlinux', 'Name a distribution: `/azlinux lineage rocky 10`.');
      const ref = pickRelease(catalog, findEntities(catalog, arg), query);
      if ('answer' in ref) return ref.answer;
      return lineageAnswer(catalog, query, ref.distro, ref.release, 'lineage');
    }
    case 'compat': {
      if (!arg) return helpAnswer(query, 'azlinux', 'Name a VM size: `/azlinux compat Standard_D2s_v3 rhel 10`.');
      const e = findEntities(catalog, arg);
      const target = pickTarget(catalog, e, arg, query);
      if ('answer' in target) return target.answer;
      const hasDistro = e.releases.length || e.distros.length || e.badReleases.length;
      if (!hasDistro) {
        const azl = catalog.distroById(AZURE_LINUX)!;
        return compatAnswer(catalog, query, target, azl, catalog.newestRelease(azl), true);
      }
      const ref = pickRelease(catalog, e, query);
      if ('answer' in ref) return ref.answer;
      return compatAnswer(catalog, query, target, ref.distro, ref.release ?? catalog.newestRelease(ref.distro), ref.release === null);
    }
    case 'help':
      return helpAnswer(query, 'azlinux');
    default:
      return helpAnswer(query, 'azlinux', `Unknown subcommand \`${sub.slice(0, 40)}\`. Try one of: upstream, releases, lineage, compat, help.`);
  }
}

function cpulevelCommand(catalog: Catalog, query: string, rest: string): Answer {
  if (!rest || /^help$/i.test(rest)) return helpAnswer(query, 'cpulevel', rest ? undefined : 'Name a VM size, a CPU model, a level or paste flags.');
  const flagsArg = /^flags\b\s*:?\s*(.*)$/is.exec(rest);
  if (flagsArg) {
    if (!flagsArg[1]!.trim()) return helpAnswer(query, 'cpulevel', 'Paste the flags after the word `flags`.');
    return pastedLevelAnswer(catalog, query, rest) ?? flagsAnswer(catalog, query, flagWords(flagsArg[1]!));
  }
  const pasted = pastedLevelAnswer(catalog, query, rest);
  if (pasted) return pasted;
  const e = findEntities(catalog, rest);
  if (e.levels.length && !e.sizes.length && !e.series.length && !e.cpus.length) return levelAnswer(catalog, query, e.levels[0]!);
  if (e.cpus.length && !e.sizes.length && !e.series.length) return cpuAnswer(catalog, query, e.cpus[0]!);
  if (e.codenames.length && !e.sizes.length && !e.series.length) return codenameAnswer(catalog, query, e.codenames[0]!.typed, e.codenames[0]!.cpus);
  const targets = vmTargets(e);
  if (targets.length >= 2) return compareAnswer(catalog, query, targets.map((t) => t.series), targets.map((t) => t.label));
  const target = pickTarget(catalog, e, rest, query);
  if ('answer' in target) return target.answer;
  return target.size ? sizeAnswer(catalog, query, target.sizeInfo!) : seriesAnswer(catalog, query, target.series);
}

// ---------------------------------------------------------------- pasted flags and ld.so output

const LDSO_LINE = /^\s*(x86-64-v[234])(\s+\(([^)]*)\))?\s*$/gm;

function pastedLevelAnswer(catalog: Catalog, query: string, text: string): Answer | null {
  if (/glibc-hwcaps|\(supported, searched\)|\(supported, masked\)/i.test(text)) {
    const supported: LevelName[] = [];
    for (const m of text.matchAll(LDSO_LINE)) if (m[3]?.includes('supported')) supported.push(m[1] as LevelName);
    supported.sort((a, b) => levelRank(a) - levelRank(b));
    return ldsoAnswer(catalog, query, supported);
  }
  const flagsLine = /(?:^|\n)\s*flags\s*:\s*([^\n]*)/i.exec(text);
  if (flagsLine) return flagsAnswer(catalog, query, flagWords(flagsLine[1]!));
  const words = flagWords(text);
  const known = new Set(catalog.levels.levels.flatMap((l) => l.cpuinfoFlags));
  const hits = words.filter((w) => known.has(normaliseFlag(w, catalog.levels))).length;
  if (hits >= 6 && hits >= words.length * 0.4) return flagsAnswer(catalog, query, words);
  return null;
}

function flagWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => /^[a-z0-9_.-]{2,40}$/i.test(w)).slice(0, 2000);
}

// ---------------------------------------------------------------- plain words

function plainWords(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
  const lower = text.toLowerCase();
  const e = findEntities(catalog, text);
  const intent = readIntent(lower);
  const targets = vmTargets(e);
  const hasDistro = e.releases.length > 0 || e.distros.length > 0;
  const nothing = !targets.length && !hasDistro && !e.cpus.length && !e.codenames.length && !e.levels.length && !e.badReleases.length;

  if (nothing) {
    const fromContext = contextAnswer(catalog, query, e, intent, context);
    if (fromContext) return fromContext;
    if (e.unknown.length) return unknownSize(catalog, query, e.unknown[0]!);
    if (intent.help || intent.greeting || !wordsOf(text).length) return helpAnswer(query);
    return guess(catalog, query, text);
  }
  if (e.badReleases.length && !e.releases.length) {
    const bad = e.badReleases[0]!;
    return notFoundAnswer(query, `${bad.distro.name} ${bad.typed}`, bad.distro.releases.map((r) => `${bad.distro.name} ${r.version}`).slice(0, 3));
  }
  const ambiguous = ambiguousSize(catalog, query, e, text);
  if (ambiguous) return ambiguous;

  // Two machines: a comparison.
  if (targets.length >= 2 && (intent.compare || !hasDistro)) {
    return compareAnswer(catalog, query, targets.map((t) => t.series), targets.map((t) => t.label));
  }
  // A machine and a distro: a compat verdict (from the question, or the thread).
  const release = firstRelease(catalog, e);
  const target = targets[0] ?? (hasDistro && (intent.compat || intent.followUp) ? contextTarget(catalog, context) : undefined);
  if (target && release) return compatAnswer(catalog, query, target, release.distro, release.release, release.defaulted);
  if (target && !hasDistro && context.distro && (intent.compat || intent.followUp)) {
    const ctx = contextRelease(catalog, context);
    if (ctx) return compatAnswer(catalog, query, target, ctx.distro, ctx.release, false);
  }
  if (target) return target.sizeInfo ? sizeAnswer(catalog, query, target.sizeInfo) : seriesAnswer(catalog, query, target.series);

  if (release) {
    if (intent.list && (intent.compat || /\bsizes?|series|vms?\b/.test(lower))) return distroSizesAnswer(catalog, query, release.distro, release.release);
    if (/\breleases\b|\bversions\b/.test(lower) && !release.explicit) return releasesAnswer(catalog, query, release.distro);
    const facet: DistroFacet = intent.facet ?? 'overview';
    return distroAnswer(catalog, query, release.distro, release.explicit ? release.release : null, facet);
  }
  if (e.cpus.length) return cpuAnswer(catalog, query, e.cpus[0]!);
  if (e.codenames.length) return codenameAnswer(catalog, query, e.codenames[0]!.typed, e.codenames[0]!.cpus);
  if (e.levels.length) return levelAnswer(catalog, query, e.levels[0]!);
  return helpAnswer(query);
}

/** A question naming nothing new, in a thread that has established something. */
function contextAnswer(catalog: Catalog, query: string, e: Entities, intent: Intent, context: ConversationContext): Answer | null {
  if (e.unknown.length) return null;
  const ctxRelease = contextRelease(catalog, context);
  const ctxTarget = contextTarget(catalog, context);
  if (ctxRelease && ctxTarget && intent.compat) return compatAnswer(catalog, query, ctxTarget, ctxRelease.distro, ctxRelease.release, false);
  if (ctxRelease && intent.facet) return distroAnswer(catalog, query, ctxRelease.distro, ctxRelease.release, intent.facet);
  if (ctxTarget && (intent.followUp || /\b(level|cpu|processor|generation|gen|avx)/.test(query.toLowerCase())))
    return ctxTarget.sizeInfo ? sizeAnswer(catalog, query, ctxTarget.sizeInfo) : seriesAnswer(catalog, query, ctxTarget.series);
  return null;
}

// ---------------------------------------------------------------- picking names

interface Target {
  series: SeriesInfo;
  size?: string;
  sizeInfo?: SizeInfo;
  label: string;
}

function vmTargets(e: Entities): Target[] {
  return [
    ...e.sizes.map((s) => ({ series: s.series, size: s.size.name, sizeInfo: s, label: s.size.name })),
    ...e.series.map((s) => ({ series: s, label: s.record.series })),
  ];
}

function pickTarget(catalog: Catalog, e: Entities, typed: string, query: string): Target | { answer: Answer } {
  const t = vmTargets(e)[0];
  if (t) return t;
  const word = e.unknown[0] ?? wordsOf(typed)[0] ?? typed;
  return { answer: unknownSize(catalog, query, word) };
}

function unknownSize(catalog: Catalog, query: string, word: string): Answer {
  const key = sizeKeyOf(word);
  const sizes = closest(key, catalog.sizes.map((s) => [sizeKeyOf(s.size.name), s.size.name] as [string, string]));
  const series = closest(key, catalog.series.map((s) => [sizeKeyOf(s.record.series), s.record.series] as [string, string]), 1);
  const suggestions = [...sizes, ...series].slice(0, 3);
  return notFoundAnswer(query, `a VM size or series called \`${word.slice(0, 60)}\``, suggestions, 'Sizes look like `Standard_D4s_v5` (loose spellings like `d4s v5` work too).');
}

function pickRelease(catalog: Catalog, e: Entities, query: string): { distro: Distro; release: DistroRelease | null } | { answer: Answer } {
  const r = e.releases[0];
  if (r) return { distro: r.distro, release: r.release };
  const d = e.distros[0];
  if (d) return { distro: d, release: null };
  const bad = e.badReleases[0];
  if (bad)
    return {
      answer: notFoundAnswer(query, `${bad.distro.name} ${bad.typed}`, bad.distro.releases.map((x) => `${bad.distro.name} ${x.version}`).slice(0, 3)),
    };
  const typed = e.unknown[0] ?? query.split(/\s+/).slice(-1)[0] ?? '';
  return { answer: unknownDistro(catalog, query, typed) };
}

function unknownDistro(catalog: Catalog, query: string, typed: string): Answer {
  const names = closest(keyOf(typed), [...catalog.distroByKey.entries()].map(([k, d]) => [k, d.name] as [string, string]));
  return notFoundAnswer(query, `a distribution called \`${typed.slice(0, 60)}\``, names);
}

function firstRelease(catalog: Catalog, e: Entities): { distro: Distro; release: DistroRelease; defaulted: boolean; explicit: boolean } | null {
  const r = e.releases[0];
  if (r) return { ...r, defaulted: false, explicit: true };
  const d = e.distros[0];
  if (d) return { distro: d, release: catalog.newestRelease(d), defaulted: true, explicit: false };
  return null;
}

function contextRelease(catalog: Catalog, context: ConversationContext): { distro: Distro; release: DistroRelease } | null {
  const distro = context.distro ? catalog.distroById(context.distro) : undefined;
  if (!distro) return null;
  const release = (context.release && catalog.findRelease(distro, context.release)) || catalog.newestRelease(distro);
  return { distro, release };
}

function contextTarget(catalog: Catalog, context: ConversationContext): Target | undefined {
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

/** "D2" names Standard_D2 but also D2_v2 … D2_v5: ask which, unless "Standard_" or a version was typed. */
function ambiguousSize(catalog: Catalog, query: string, e: Entities, text: string): Answer | null {
  const s = e.sizes[0];
  if (!s || e.sizes.length > 1) return null;
  const key = sizeKeyOf(s.size.name);
  if (/v\d+$/.test(key) || /standard[_ ]/i.test(text)) return null;
  const siblings = [2, 3, 4, 5, 6, 7].flatMap((v) => catalog.sizeByKey.get(`${key}v${v}`) ?? []);
  if (!siblings.length) return null;
  return clarifyAnswer(query, `\`${key.toUpperCase()}\` could be several sizes; which one?`, [s.size.name, ...siblings.map((x) => x.size.name)]);
}

/** Nothing recognised: suggest the closest names of any kind to the longest word. */
function guess(catalog: Catalog, query: string, text: string): Answer {
  const word = wordsOf(text).sort((a, b) => b.length - a.length)[0] ?? '';
  const key = keyOf(word);
  const candidates: Array<[string, string]> = [
    ...[...catalog.distroByKey.entries()].map(([k, d]) => [k, d.name] as [string, string]),
    ...catalog.series.map((s) => [sizeKeyOf(s.record.series), s.record.series] as [string, string]),
    ...[...catalog.cpus.values()].map((c) => [keyOf(c.model.model), c.model.model] as [string, string]),
  ];
  const suggestions = key.length >= 3 ? closest(key, candidates) : [];
  if (!suggestions.length) return helpAnswer(query, undefined, "I didn't recognise a VM size, distribution, CPU or level in that.");
  return notFoundAnswer(query, `\`${word.slice(0, 60)}\``, suggestions);
}

export { errorAnswer };
