// Questions in plain words: the names found anywhere in the sentence, what is asked about them, and
// what the thread already established, combined into one answer.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog } from './catalog.js';
import type { LevelName } from '../data/schema.js';
import { compatAnswer, distroSizesAnswer } from './answers/compat.js';
import { codenameAnswer, cpuAnswer } from './answers/cpu.js';
import { distroAnswer, releasesAnswer, type DistroFacet } from './answers/distro.js';
import { compareAnswer, helpAnswer, notFoundAnswer } from './answers/meta.js';
import { levelAnswer, levelVerdict, seriesAnswer, sizeAnswer } from './answers/vm.js';
import { findEntities, type Entities } from './entities.js';
import { readIntent, type Intent } from './intent.js';
import { ambiguousSize, contextRelease, contextTarget, firstRelease, guess, type Target, unknownName, vmTargets } from './targets.js';
import { echo, wordsOf } from './text.js';

/** Longer than any real question: a paste that is not flags or ld.so output. */
const MAX_QUESTION = 1000;

export function plainWords(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
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
