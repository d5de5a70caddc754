// The slash commands: /azlinux <subcommand> and /cpulevel <size | cpu | level | flags>.
import type { Answer } from './answer.js';
import type { Catalog } from './catalog.js';
import type { Distro, DistroRelease } from '../data/schema.js';
import { aboutAnswer } from './answers/about.js';
import { compatAnswer } from './answers/compat.js';
import { codenameAnswer, cpuAnswer, flagsAnswer } from './answers/cpu.js';
import { azureRecordFor, cpuFamilyAnswer } from './answers/cpu-family.js';
import { identifyCpu } from './cpu-family.js';
import { lineageAnswer, releasesAnswer } from './answers/distro.js';
import { clarifyAnswer, compareAnswer, helpAnswer, notFoundAnswer } from './answers/meta.js';
import { levelAnswer, seriesAnswer, sizeAnswer } from './answers/vm.js';
import { findEntities, nameKeys } from './entities.js';
import { mayNameFamilyCpu, questionGate } from './question/mentions.js';
import { flagWords, pastedLevelAnswer } from './pasted.js';
import { ambiguousSize, ambiguousSizeOf, pickRelease, pickTarget, vmTargets } from './targets.js';
import { exactCpu, exactLevel, exactRelease, exactSeries, exactSize } from './exact.js';
import { nearestWord } from './fuzzy.js';
import { echo } from './text.js';

const AZURE_LINUX = 'azure-linux';

type CompatTarget = Parameters<typeof compatAnswer>[2];
const SUBCOMMANDS = ['upstream', 'releases', 'lineage', 'compat', 'about', 'version', 'help', 'based-on'];

export function azlinuxCommand(catalog: Catalog, query: string, rest: string): Answer {
  const [sub = '', ...args] = rest.split(/\s+/);
  const arg = args.join(' ');
  switch (sub.toLowerCase()) {
    case '':
    case 'upstream':
    case 'based-on': {
      const azl = catalog.distroById(AZURE_LINUX)!;
      if (!arg) return lineageAnswer(catalog, query, azl, null, 'upstream');
      const named = /^\d/.test(arg) ? `azure linux ${arg}` : arg;
      const ref = exactRelease(catalog, named) ?? pickRelease(catalog, findEntities(catalog, named), query);
      if ('answer' in ref) return ref.answer;
      return lineageAnswer(catalog, query, ref.distro, ref.release, 'upstream');
    }
    case 'releases': {
      if (!arg) return releasesAnswer(catalog, query, catalog.distroById(AZURE_LINUX)!);
      const ref = exactRelease(catalog, arg) ?? pickRelease(catalog, findEntities(catalog, arg), query);
      if ('answer' in ref) return ref.answer;
      return releasesAnswer(catalog, query, ref.distro);
    }
    case 'lineage': {
      if (!arg) return helpAnswer(query, 'azlinux', 'Name a distribution: `/azlinux lineage rocky 10`.');
      const ref = exactRelease(catalog, arg) ?? pickRelease(catalog, findEntities(catalog, arg), query);
      if ('answer' in ref) return ref.answer;
      return lineageAnswer(catalog, query, ref.distro, ref.release, 'lineage');
    }
    case 'compat':
      return compatCommand(catalog, query, args);
    case 'about':
    case 'version':
      return aboutAnswer(catalog, query);
    case 'help':
      return helpAnswer(query, 'azlinux');
    default: {
      const meant = nearestWord(sub, SUBCOMMANDS);
      const suggestion = meant ? `/azlinux ${meant}${arg ? ` ${arg}` : ''}` : null;
      const a = helpAnswer(
        query,
        'azlinux',
        `Unknown subcommand \`${echo(sub)}\`.${suggestion ? ` Did you mean \`${echo(suggestion)}\`?` : ''} Try one of: upstream, releases, lineage, compat, about, help.`,
      );
      if (suggestion) a.suggestions = [echo(suggestion)];
      return a;
    }
  }
}

/** `/azlinux compat <size> [<distribution> [<release>]]`. */
function compatCommand(catalog: Catalog, query: string, args: string[]): Answer {
  if (!args.length) return helpAnswer(query, 'azlinux', 'Name a VM size: `/azlinux compat Standard_D2s_v3 rhel 10`.');
  return exactCompat(catalog, query, args) ?? compatAnyName(catalog, query, args);
}

/** compat with whatever was typed: the entity finder reads it. */
function compatAnyName(catalog: Catalog, query: string, args: string[]): Answer {
  const arg = args.join(' ');
  const e = findEntities(catalog, arg);
  const target = pickTarget(catalog, e, arg, query);
  if ('answer' in target) return target.answer;
  const hasDistro = e.releases.length || e.distros.length || e.badReleases.length;
  if (!hasDistro) {
    const number = args.find((w) => /^\d+(\.\d+)?$/.test(w));
    if (number !== undefined) {
      // "compat D2s_v3 10": a release number without its distribution
      const refs = catalog.releasesByNumber.get(number) ?? [];
      const only = refs.length === 1 ? refs[0]! : undefined;
      if (only) return compatAnswer(catalog, query, target, only.distro, only.release, false);
      const hint = `Name the distribution too, e.g. \`/azlinux compat ${target.label} rhel 10\`.`;
      if (refs.length === 0) return notFoundAnswer(query, `a release numbered \`${number}\``, [], hint);
      const choices = refs.map((r) => `${r.distro.name} ${r.release.version}`);
      return clarifyAnswer(query, `\`${number}\` is a release of ${refs.length} distributions; which one?`, choices);
    }
    return compatWith(catalog, query, target);
  }
  const ref = pickRelease(catalog, e, query);
  if ('answer' in ref) return ref.answer;
  return compatWith(catalog, query, target, ref);
}

/** `/azlinux compat <size> [<distribution> [<release>]]` with every name exactly as the tables spell it. */
function exactCompat(catalog: Catalog, query: string, args: string[]): Answer | undefined {
  const size = exactSize(catalog, args[0]!);
  if (!size) return undefined;
  const target = { series: size.series, size: size.size.name };
  if (args.length === 1) return compatWith(catalog, query, target);
  const ref = exactRelease(catalog, args.slice(1).join(' '));
  return ref && compatWith(catalog, query, target, ref);
}

/** compat on a release, or on its distribution's newest (said as assumed); with none named, Azure Linux's newest. */
function compatWith(catalog: Catalog, query: string, target: CompatTarget, ref?: { distro: Distro; release: DistroRelease | null }): Answer {
  const distro = ref?.distro ?? catalog.distroById(AZURE_LINUX)!;
  const release = ref?.release ?? null;
  return compatAnswer(catalog, query, target, distro, release ?? catalog.newestRelease(distro), release === null);
}

export function cpulevelCommand(catalog: Catalog, query: string, rest: string): Answer {
  // "Standard_D4s_v5", "Dsv5 series", "EPYC 7763", "x86-64-v3": a name exactly as the tables spell it, without the entity finder
  const size = exactSize(catalog, rest);
  if (size) return ambiguousSizeOf(catalog, query, size, rest) ?? sizeAnswer(catalog, query, size);
  const series = exactSeries(catalog, rest);
  if (series) return seriesAnswer(catalog, query, series);
  const cpu = exactCpu(catalog, rest);
  if (cpu) return cpuAnswer(catalog, query, cpu);
  const level = exactLevel(rest);
  if (level) return levelAnswer(catalog, query, level);
  return cpulevelAnyName(catalog, query, rest);
}

/** /cpulevel with whatever was typed: the entity finder reads it. */
function cpulevelAnyName(catalog: Catalog, query: string, rest: string): Answer {
  if (!rest || /^help$/i.test(rest)) return helpAnswer(query, 'cpulevel', rest ? undefined : 'Name a VM size, a CPU model, a level or paste flags.');
  const flagsArg = /^flags\b\s*:?\s*(.*)$/is.exec(rest);
  if (flagsArg) {
    if (!flagsArg[1]!.trim()) return helpAnswer(query, 'cpulevel', 'Paste the flags after the word `flags`.');
    return pastedLevelAnswer(catalog, query, rest) ?? flagsAnswer(catalog, query, flagWords(flagsArg[1]!));
  }
  const pasted = pastedLevelAnswer(catalog, query, rest);
  if (pasted) return pasted;
  // one pass of the question gate serves the name finder and says whether a family rule can match at all
  const may = questionGate(catalog).scan(rest.toLowerCase());
  const e = findEntities(catalog, rest, nameKeys(catalog), may);
  // A model number a family rule knows ("E5-2680 v4", "i7-4770K"), with no machine named beside it:
  // Azure's own record when it documents that processor, else the family's answer. Its `vN` is a
  // generation, so the level words found inside the model number are not read.
  const family = mayNameFamilyCpu(catalog, may) ? identifyCpu(catalog, rest) : null;
  if (family) {
    const around = findEntities(catalog, `${rest.slice(0, family.start)} ${rest.slice(family.end)}`);
    if (!around.sizes.length && !around.series.length && !around.cpus.length) {
      const azure = azureRecordFor(catalog, family, e.cpus);
      return azure ? cpuAnswer(catalog, query, azure) : cpuFamilyAnswer(catalog, query, family);
    }
  }
  if (e.levels.length && !e.sizes.length && !e.series.length && !e.cpus.length) return levelAnswer(catalog, query, e.levels[0]!);
  if (e.cpus.length && !e.sizes.length && !e.series.length) return cpuAnswer(catalog, query, e.cpus[0]!);
  if (e.codenames.length && !e.sizes.length && !e.series.length) return codenameAnswer(catalog, query, e.codenames[0]!.typed, e.codenames[0]!.cpus);
  const targets = vmTargets(e);
  if (targets.length >= 2)
    return compareAnswer(
      query,
      targets.map((t) => t.series),
      targets.map((t) => t.label),
    );
  const ambiguous = ambiguousSize(catalog, query, e, rest);
  if (ambiguous) return ambiguous;
  if (e.cpus.length >= 2)
    return compareAnswer(
      query,
      e.cpus,
      e.cpus.map((c) => c.model.model),
    );
  const target = pickTarget(catalog, e, rest, query);
  if ('answer' in target) return target.answer;
  return target.size ? sizeAnswer(catalog, query, target.sizeInfo!) : seriesAnswer(catalog, query, target.series);
}

/** The long ways round, for the tests that hold the exact-name paths to them (test/core/exact-names.test.ts). */
export const anyNameForTests = { cpulevel: cpulevelAnyName, compat: compatAnyName };
