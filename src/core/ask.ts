// The one port: ask(text, context?) -> Answer. Slash commands and plain words go through the same
// entity finder; the command word, when present, only fixes what is being asked.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog, SeriesInfo, SizeInfo } from './catalog.js';
import type { Distro, DistroRelease, LevelName } from '../data/schema.js';
import { compatAnswer, distroSizesAnswer } from './answers/compat.js';
import { armFlagsAnswer, codenameAnswer, cpuAnswer, flagsAnswer, ldsoAnswer } from './answers/cpu.js';
import { distroAnswer, lineageAnswer, releasesAnswer, type DistroFacet } from './answers/distro.js';
import { clarifyAnswer, compareAnswer, helpAnswer, notFoundAnswer } from './answers/meta.js';
import { levelAnswer, levelVerdict, seriesAnswer, sizeAnswer } from './answers/vm.js';
import { findEntities, type Entities } from './entities.js';
import { closest } from './fuzzy.js';
import { readIntent, type Intent } from './intent.js';
import { levelRank, normaliseFlag } from './levels.js';
import { renderText } from './render-text.js';
import { cleanInput, echo, keyOf, sizeKeyOf, wordsOf } from './text.js';

const AZURE_LINUX = 'azure-linux';
/** The answer echoes the input as `query`, cut to this many characters. */
export const QUERY_ECHO_LIMIT = 2000;

export function askWith(catalog: Catalog, rawText: string, context: ConversationContext = {}): Answer {
  const raw = typeof rawText === 'string' ? rawText : String(rawText ?? '');
  let text = cleanInput(raw).replace(/^(<@[A-Z0-9]+>|@\S+)\s*/i, '');
  const publicWord = /(^|\s)public[.!]?$/i.test(text);
  if (publicWord) text = text.replace(/(^|\s)public[.!]?$/i, '').trim();
  const query = raw.length <= QUERY_ECHO_LIMIT ? raw : `${raw.slice(0, QUERY_ECHO_LIMIT - 1)}…`;
  const answer = route(catalog, query, text, context);
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
    return helpAnswer(query, undefined, `Unknown command \`${echo(text.split(/\s/)[0]!)}\`. The commands are /azlinux and /cpulevel.`);
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
      return helpAnswer(query, 'azlinux', `Unknown subcommand \`${echo(sub)}\`. Try one of: upstream, releases, lineage, compat, help.`);
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
  if (targets.length >= 2) return compareAnswer(query, targets.map((t) => t.series), targets.map((t) => t.label));
  const ambiguous = ambiguousSize(catalog, query, e, rest);
  if (ambiguous) return ambiguous;
  if (e.cpus.length >= 2) return compareAnswer(query, e.cpus, e.cpus.map((c) => c.model.model));
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
  const isa = /isa_1\s*=\s*0x([0-9a-f]+)/i.exec(text);
  if (isa) {
    const bits = parseInt(isa[1]!, 16);
    const supported = (['x86-64-v2', 'x86-64-v3', 'x86-64-v4'] as LevelName[]).filter((_, i) => (bits >> (i + 1)) & 1 && (bits & ((2 << (i + 1)) - 1)) === (2 << (i + 1)) - 1);
    return ldsoAnswer(catalog, query, bits & 1 ? supported : []);
  }
  if (/(?:^|\n)\s*Features\s*:\s*(fp|asimd)\b/i.test(text)) return armFlagsAnswer(catalog, query);
  const flagsLine = /(?:^|\n)\s*flags\s*:\s*([^\n]*)/i.exec(text);
  if (flagsLine) return flagsAnswer(catalog, query, flagWords(flagsLine[1]!));
  const words = flagWords(text);
  if (words.length < 6) return null;
  const hits = words.filter((w) => catalog.levelFlags.has(normaliseFlag(w, catalog.levels))).length;
  if (hits >= 6 && hits >= words.length * 0.4) return flagsAnswer(catalog, query, words);
  return null;
}

function flagWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => /^[a-z0-9_.-]{2,40}$/i.test(w)).slice(0, 2000);
}

// ---------------------------------------------------------------- plain words

/** Longer than any real question: a paste that is not flags or ld.so output. */
const MAX_QUESTION = 1000;

function plainWords(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
  if (text.length > MAX_QUESTION)
    return helpAnswer(query, undefined, `That is ${text.length.toLocaleString('en')} characters and not a flags line or \`ld.so --help\` output; ask one question at a time.`);
  const answer = plainAnswer(catalog, query, text, context, findEntities(catalog, text));
  return answer;
}

function plainAnswer(catalog: Catalog, query: string, text: string, context: ConversationContext, e: Entities): Answer {
  const lower = text.toLowerCase();
  const intent = readIntent(lower);
  const targets = vmTargets(e);
  const hasDistro = e.releases.length > 0 || e.distros.length > 0;
  const nothing = !targets.length && !hasDistro && !e.cpus.length && !e.codenames.length && !e.levels.length && !e.badReleases.length;
  const read = (a: Answer) => withCorrections(a, e);

  if (nothing) {
    const ambiguous = ambiguousSize(catalog, query, e, text);
    if (ambiguous) return ambiguous;
    const fromContext = contextAnswer(catalog, query, e, intent, context);
    if (fromContext) return fromContext;
    if (e.unknown.length) return unknownName(catalog, query, e.unknown[0]!);
    if (intent.help || intent.greeting || !wordsOf(text).length) return helpAnswer(query);
    return guess(catalog, query, text);
  }
  if (e.badReleases.length && !e.releases.length) {
    const bad = e.badReleases[0]!;
    return notFoundAnswer(query, `${bad.distro.name} ${echo(bad.typed)}`, bad.distro.releases.map((r) => `${bad.distro.name} ${r.version}`).slice(0, 3));
  }
  const ambiguous = ambiguousSize(catalog, query, e, text);
  if (ambiguous) return ambiguous;

  // Two machines (or two CPUs): a comparison. "compare it with X" compares with the thread's machine.
  const ctxTarget = contextTarget(catalog, context);
  if (targets.length === 1 && intent.compare && !hasDistro && ctxTarget && ctxTarget.label !== targets[0]!.label) targets.unshift(ctxTarget);
  if (targets.length >= 2 && (intent.compare || !hasDistro)) {
    return compareAnswer(query, targets.map((t) => t.series), targets.map((t) => t.label));
  }
  if (!targets.length && e.cpus.length >= 2) return compareAnswer(query, e.cpus, e.cpus.map((c) => c.model.model));

  // A machine and a distro: a compat verdict (from the question, or the thread).
  const release = firstRelease(catalog, e);
  const target = targets[0] ?? (hasDistro && (intent.compat || intent.followUp) ? ctxTarget : undefined);
  if (target && release) return read(compatAnswer(catalog, query, target, release.distro, release.release, release.defaulted));
  if (target && !hasDistro && context.distro && (intent.compat || intent.followUp)) {
    const ctx = contextRelease(catalog, context);
    if (ctx) return compatAnswer(catalog, query, target, ctx.distro, ctx.release, false);
  }
  if (target) return machineAnswer(catalog, query, target, e.levels[0]);

  if (release) {
    if (intent.list && (intent.compat || /\b(sizes?|series|vms?)\b/.test(lower))) return read(distroSizesAnswer(catalog, query, release.distro, release.release));
    if (/\breleases\b|\bversions\b/.test(lower) && !release.explicit) return read(releasesAnswer(catalog, query, release.distro));
    const facet: DistroFacet = intent.facet ?? 'overview';
    return read(distroAnswer(catalog, query, release.distro, release.explicit ? release.release : null, facet));
  }
  if (e.cpus.length) return cpuAnswer(catalog, query, e.cpus[0]!);
  if (e.codenames.length) return codenameAnswer(catalog, query, e.codenames[0]!.typed, e.codenames[0]!.cpus);
  if (e.levels.length && ctxTarget && (intent.pronoun || !intent.list)) return machineAnswer(catalog, query, ctxTarget, e.levels[0]);
  if (e.levels.length) return levelAnswer(catalog, query, e.levels[0]!, intent.negated);
  return helpAnswer(query);
}

/** A size or series answer; when a level was named too, it opens with the straight yes/no. */
function machineAnswer(catalog: Catalog, query: string, target: Target, level?: LevelName): Answer {
  const a = target.sizeInfo ? sizeAnswer(catalog, query, target.sizeInfo) : seriesAnswer(catalog, query, target.series);
  if (level) a.summary = `${levelVerdict(target.series, level)} ${a.summary}`;
  return a;
}

/** Say which typos were read as which names, so a wrong guess is visible. */
function withCorrections(a: Answer, e: Entities): Answer {
  for (const c of e.corrections) a.caveats.unshift(`Read “${echo(c.typed)}” as ${c.meant}.`);
  return a;
}

/** A question naming nothing new, in a thread that has established something. */
function contextAnswer(catalog: Catalog, query: string, e: Entities, intent: Intent, context: ConversationContext): Answer | null {
  if (e.unknown.length) return null;
  const ctxRelease = contextRelease(catalog, context);
  const ctxTarget = contextTarget(catalog, context);
  if (ctxRelease && ctxTarget && intent.compat) return compatAnswer(catalog, query, ctxTarget, ctxRelease.distro, ctxRelease.release, false);
  if (ctxRelease && intent.list) return distroSizesAnswer(catalog, query, ctxRelease.distro, ctxRelease.release);
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
  if (CPU_WORDS.test(typed)) return { answer: unknownCpu(catalog, query, typed) };
  const word = e.unknown[0] ?? wordsOf(typed)[0] ?? typed;
  return { answer: unknownName(catalog, query, word) };
}

const CPU_WORDS = /\b(xeon|epyc|opteron|intel|amd|cobalt|ampere|altra|grace|core i\d)\b/i;

function unknownCpu(catalog: Catalog, query: string, typed: string): Answer {
  const key = keyOf(typed);
  const names = closest(key, [...catalog.cpuByKey.entries()].flatMap(([k, cpus]) => cpus.map((c) => [k, c.model.model] as [string, string])));
  return notFoundAnswer(query, `a processor called \`${echo(typed)}\``, names, 'Azure documents the processors behind its sizes; try a model number like `8370C` or `EPYC 7763`.');
}

function unknownName(catalog: Catalog, query: string, word: string): Answer {
  const key = sizeKeyOf(word);
  const sizes = closest(key, catalog.sizes.map((s) => [sizeKeyOf(s.size.name), s.size.name] as [string, string]));
  const series = closest(key, catalog.series.map((s) => [sizeKeyOf(s.record.series), s.record.series] as [string, string]), 1);
  const suggestions = [...sizes, ...series].slice(0, 3);
  return notFoundAnswer(query, `a VM size or series called \`${echo(word)}\``, suggestions, 'Sizes look like `Standard_D4s_v5` (loose spellings like `d4s v5` work too).');
}

function pickRelease(catalog: Catalog, e: Entities, query: string): { distro: Distro; release: DistroRelease | null } | { answer: Answer } {
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
  const names = closest(keyOf(typed), [...catalog.distroByKey.entries()].map(([k, d]) => [k, d.name] as [string, string]));
  return notFoundAnswer(query, `a distribution called \`${echo(typed)}\``, names);
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

/** "D2" names Standard_D2 but also D2_v2 … D2_v5 ("E2" names only versioned sizes): ask which,
 * unless "Standard_" or a version was typed. */
function ambiguousSize(catalog: Catalog, query: string, e: Entities, text: string): Answer | null {
  if (e.sizes.length > 1 || /standard[_ ]/i.test(text)) return null;
  const s = e.sizes[0];
  const key = s ? sizeKeyOf(s.size.name) : e.unknown.map(sizeKeyOf).find((k) => /^[a-z]{1,3}\d+[a-z]*$/.test(k));
  if (!key || /v\d+$/.test(key)) return null;
  const siblings = catalog.sizes.filter((x) => {
    const k = sizeKeyOf(x.size.name);
    return k !== key && k.startsWith(key) && /^s?(v\d+)?$/.test(k.slice(key.length));
  });
  if (!siblings.length) return null;
  const choices = [...(s ? [s.size.name] : []), ...siblings.map((x) => x.size.name)];
  return clarifyAnswer(query, `\`${key.toUpperCase()}\` could be ${choices.length} sizes; which one?`, choices);
}

/** Nothing recognised: suggest the closest names of any kind to the longest word. */
function guess(catalog: Catalog, query: string, text: string): Answer {
  if (CPU_WORDS.test(text)) return unknownCpu(catalog, query, text.replace(/^.*?\b(?=xeon|epyc|opteron|intel|amd|cobalt|ampere|altra|grace)/i, '').slice(0, 60));
  const word = wordsOf(text).sort((a, b) => b.length - a.length)[0] ?? '';
  const key = keyOf(word);
  const candidates: Array<[string, string]> = [
    ...[...catalog.distroByKey.entries()].map(([k, d]) => [k, d.name] as [string, string]),
    ...catalog.series.map((s) => [sizeKeyOf(s.record.series), s.record.series] as [string, string]),
    ...[...catalog.cpus.values()].map((c) => [keyOf(c.model.model), c.model.model] as [string, string]),
  ];
  const suggestions = key.length >= 3 ? closest(key, candidates) : [];
  if (!suggestions.length) return helpAnswer(query, undefined, "I didn't recognise a VM size, distribution, CPU or level in that.");
  return notFoundAnswer(query, `\`${echo(word)}\``, suggestions);
}

