// What the bot does not cover (other clouds, Apple hardware, GPUs) and processors Azure does not list:
// one sentence saying so and what the bot covers, then what it can say about the rest of the question.
import type { Answer } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import type { Distro, DistroRelease } from '../../data/schema.js';
import type { ForeignCpu } from '../question/mentions.js';
import { requiredLevel } from './compat.js';
import { finish, generationsText, levelSources, releaseLabel, uniqueSources } from './build.js';
import { HOW_TO_CHECK, unknownCpuAnswer } from './cpu-family.js';
import { echo } from '../text.js';
import { closestCpus } from '../targets.js';

export const COVERS = 'I cover Azure VM sizes (their processors, x86-64 level and Hyper-V generations) and where Linux distributions come from';

export interface NamedRelease {
  distro: Distro;
  release: DistroRelease;
}

/** "What I can say": each named release's x86-64 need on its own line. */
export function releaseNeeds(releases: NamedRelease[]): string[] {
  return releases.map(({ distro, release }) => {
    const need = requiredLevel(release);
    const name = releaseLabel(distro, release);
    if (!need) return `${name}: no x86-64 minimum is documented.`;
    const images =
      release.azureImageBaseline && release.azureImageBaseline !== release.x86_64Baseline
        ? ` (its Azure images; the archive needs ${release.x86_64Baseline})`
        : '';
    return `${name} needs ${need}${images}.`;
  });
}

export function outOfScopeAnswer(
  catalog: Catalog,
  query: string,
  named: Array<{ what: string; typed: string }>,
  releases: NamedRelease[],
  machines: Array<{ series: SeriesInfo; label: string }> = [],
): Answer {
  const first = named.find((n) => /instance type|machine type|hardware|capability/.test(n.what)) ?? named[0]!;
  const typed = echo(first.typed);
  const thing = typed.toLowerCase() === first.what.toLowerCase() ? first.what : `${typed} (${first.what})`;
  const needs = [...releaseNeeds(releases), ...machines.slice(0, 3).map((m) => machineLine(m))];
  const summary = `${thing.charAt(0).toUpperCase()}${thing.slice(1)}: outside what I know — ${COVERS}.${needs.length ? ` What I can say: ${needs.join(' ')}` : ''}`;
  return finish({
    kind: 'out-of-scope',
    query,
    title: 'Outside what I cover',
    summary,
    outOfScope: [...new Set(named.map((n) => n.typed))],
    sections: needs.length ? [{ title: 'To check that machine yourself', lines: HOW_TO_CHECK.slice(0, 2) }] : [],
    sources: uniqueSources(...releases.map((r) => r.release.sources.slice(0, 2)), needs.length ? levelSources(catalog) : []),
    context: releases[0]
      ? { distro: releases[0].distro.id, release: releases[0].release.version }
      : machines[0]
        ? { series: machines[0].series.record.series }
        : {},
  });
}

function machineLine(m: { series: SeriesInfo; label: string }): string {
  const s = m.series;
  if (s.record.arch === 'Arm64') return `${m.label} is Arm64 (${s.cpus.map((c) => c.model.model).join(', ') || 'processor not documented'}).`;
  const gens = ` (${generationsText(s.record.generations, s.record.generationsComplete)})`;
  return s.guaranteed
    ? `${m.label} guarantees ${s.guaranteed}${s.best !== s.guaranteed ? `, up to ${s.best}` : ''}${gens}.`
    : `${m.label} has no documented processor${gens}.`;
}

/** An x86 model no rule recognises: say so (its `vN` is a generation, never a level), how to learn its level,
 * and what the named releases need. */
export function foreignCpuAnswer(catalog: Catalog, query: string, cpus: ForeignCpu[], releases: NamedRelease[]): Answer {
  const typed = cpus[0]!.typed;
  const a = unknownCpuAnswer(query, typed, closestCpus(catalog, typed));
  const generation = cpus.find((c) => /\bv\d\b/i.test(c.typed));
  const notes = [
    generation ? `Its “${/\bv(\d)\b/i.exec(generation.typed)![0]}” is Intel’s generation of that model, not an x86-64 level.` : '',
    ...releaseNeeds(releases),
  ].filter(Boolean);
  return {
    ...a,
    summary: [a.summary, ...notes].join(' '),
    sources: uniqueSources(...releases.map((r) => r.release.sources.slice(0, 1)), notes.length ? levelSources(catalog) : []),
  };
}
