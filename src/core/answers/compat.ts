// Will this distro release run on this VM size? Weighs architecture, Hyper-V generation and x86-64 level.
import type { Answer, Verdict } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import type { Distro, DistroRelease, LevelName } from '../../data/schema.js';
import { levelRank } from '../levels.js';
import { listOf, mapped } from '../text.js';
import { fact, finish, levelSources, releaseLabel, seriesCpuSources, seriesName, uniqueSources } from './build.js';
import { byFamily, isRetired, levelFacts, seriesCaveats } from './vm.js';
import { sizeKeyOf } from '../text.js';
import type { SeriesFilter } from './vendor.js';

export interface Judgement {
  verdict: Verdict;
  reasons: string[];
  shortfall: string[];
  required: LevelName | null;
  /** the reason that set the verdict (the first "no", else the first "depends"); null for a yes */
  deciding: string | null;
  /** the reason the verdict turns on when a separate build for older CPUs changes it (headline material) */
  altBuild?: string;
}

const ARCH_NAMES: Record<'x64' | 'Arm64', string[]> = { x64: ['x86_64', 'amd64', 'x64'], Arm64: ['aarch64', 'arm64'] };

/** What a release needs on Azure: its Azure images' level when they need more than the archive. */
export function requiredLevel(rel: DistroRelease): LevelName | null {
  return rel.azureImageBaseline ?? rel.x86_64Baseline;
}

/** "on gen 1", "a Generation 2 VM", "gen2": the one Hyper-V generation a question names, if it names one. */
export function askedGeneration(lower: string): 1 | 2 | undefined {
  const found = [...lower.matchAll(/\bgen(?:eration)?[\s-]*([12])\b/g)].map((m) => Number(m[1]) as 1 | 2);
  return found.length && found.every((g) => g === found[0]) ? found[0] : undefined;
}

/** `generation`: the one Hyper-V generation the question asks about ("on a Gen 1 VM"), judged instead of the series'
 * best one. */
export function judge(series: SeriesInfo, distro: Distro, rel: DistroRelease, generation?: 1 | 2): Judgement {
  // what the reasons read of the series (not a copy of its whole record): its name as a sentence says it
  const { arch, generations, generationsComplete } = series.record;
  const rec = { arch, generations, generationsComplete, series: seriesName(series) };
  const name = releaseLabel(distro, rel);
  const reasons: string[] = [];
  const required = requiredLevel(rel);
  let verdict: Verdict = 'yes';
  let deciding: string | null = null;
  /** The last reason pushed leads to `v`: it decides when `v` is worse than the verdict so far. */
  const worse = (v: Verdict) => {
    if (v !== verdict && (v === 'no' || verdict === 'yes')) {
      verdict = v;
      deciding = reasons[reasons.length - 1]!;
    }
  };

  // Architecture (a documented x86-64 baseline says it ships for x86_64 even where the list is empty)
  const arches = rel.arches.length === 0 && rel.x86_64Baseline ? ['x86_64'] : rel.arches;
  if (arches.length === 0) {
    reasons.push(`The sources do not confirm which architectures ${name} ships for.`);
    worse('depends');
  } else if (!arches.some((a) => ARCH_NAMES[rec.arch].includes(a.toLowerCase()))) {
    // Stryker disable next-line StringLiteral: prose, the list separator and the hedge; the series, its architecture and every architecture listed are asserted
    reasons.push(
      `${rec.series} is ${rec.arch}, and ${name} ships only for ${arches.join(', ')}${arches === rel.arches ? '' : ' as far as the sources confirm'}.`,
    );
    worse('no');
  } else {
    reasons.push(`${name} ships for ${rec.arch === 'x64' ? 'x86_64' : 'aarch64'}, which ${rec.series} is.`);
  }

  // Hyper-V generation
  const needGens = rel.azureImageGenerations;
  if (generation) {
    // "and on gen 1?": that generation, of the series and of the release's images
    const gens = rec.generations;
    if (gens && rec.generationsComplete && !gens.includes(generation)) {
      reasons.push(`${rec.series} does not offer Generation ${generation} (it supports only Generation ${gens.join(' and ')}).`);
      worse('no');
    } else if (needGens?.length && !needGens.includes(generation)) {
      reasons.push(`${name} images need Generation ${needGens.join(' or ')}, so a Generation ${generation} VM cannot boot them.`);
      worse('no');
    } else if (!gens?.includes(generation)) {
      reasons.push(`The docs do not state Generation ${generation} for ${rec.series}.`);
      worse('depends');
    } else {
      reasons.push(`${rec.series} offers Generation ${generation}${needGens?.length ? `, which ${name} images support` : ''}.`);
    }
  } else if (needGens && needGens.length > 0) {
    const gens = rec.generations;
    if (!gens) {
      reasons.push(`${name} images need Generation ${needGens.join(' or ')}; the docs state no generation for ${rec.series}.`);
      worse('depends');
    } else if (gens.some((g) => needGens.includes(g))) {
      reasons.push(`${name} images need Generation ${needGens.join(' or ')}, which ${rec.series} supports.`);
    } else if (rec.generationsComplete) {
      // Stryker disable next-line StringLiteral: prose, list separators of generation lists that hold one element here (Azure has Generations 1 and 2)
      reasons.push(`${name} images need Generation ${needGens.join(' or ')}, but ${rec.series} supports only Generation ${gens.join(' and ')}.`);
      worse('no');
    } else {
      // Stryker disable next-line StringLiteral: prose, list separators of generation lists that hold one element here (Azure has Generations 1 and 2)
      reasons.push(`${name} images need Generation ${needGens.join(' or ')}; the docs state only Generation ${gens.join(', ')} for ${rec.series}.`);
      worse('depends');
    }
  }

  // x86-64 level (x64 only)
  const shortfall: string[] = [];
  let altBuild: string | undefined;
  if (rec.arch === 'x64') {
    // Stryker disable next-line StringLiteral: equivalent, every x64 processor with a level is at least v1 (rank 1 > the rank of "")
    const need = required ?? 'x86-64-v1';
    const needText = required ? `${name} needs ${required}` : `No x86-64 minimum is documented for ${name}, so the original x86-64 (v1) is assumed`;
    if (series.cpus.length === 0) {
      reasons.push(`${needText}; the docs name no processor for ${rec.series}, so the level cannot be checked.`);
      worse('depends');
    } else {
      // (a list filled by push, not filter and map: see mapped() in text.ts)
      for (const c of series.cpus) if (!c.level || levelRank(c.level) < levelRank(need)) shortfall.push(c.model.model);
      if (shortfall.length === 0) {
        reasons.push(`${needText}; ${rec.series} guarantees ${series.guaranteed}.`);
      } else if (shortfall.length === series.cpus.length) {
        reasons.push(`${needText}; every processor ${rec.series} may land on falls short (${listOf(shortfall)}).`);
        worse(altFits(series, rel) ? 'depends' : 'no');
      } else {
        const lows: string[] = [];
        for (const c of series.cpus) if (shortfall.includes(c.model.model)) lows.push(`${c.model.model} (${c.level})`);
        // Stryker disable next-line StringLiteral,ConditionalExpression,EqualityOperator: prose, 'or' and the plural of 'fall'; every short processor and its level are asserted
        reasons.push(`${needText}; ${rec.series} may land on ${listOf(lows, 'or')}, which fall${lows.length === 1 ? 's' : ''} short.`);
        worse('depends');
      }
      if (shortfall.length > 0 && altFits(series, rel)) {
        altBuild = `${name} also ships a separate ${rel.altBuildBaseline} build for older CPUs, which every processor ${rec.series} may land on can run.`;
        reasons.push(altBuild);
      }
    }
  }
  return { verdict, reasons, shortfall, required, deciding, ...(altBuild ? { altBuild } : {}) };
}

export function compatAnswer(
  catalog: Catalog,
  query: string,
  target: { series: SeriesInfo; size?: string },
  distro: Distro,
  rel: DistroRelease,
  defaultedRelease: boolean,
  generation?: 1 | 2,
): Answer {
  const { series } = target;
  const subject = `${target.size ?? `${series.record.series} series`}${generation ? ` (Generation ${generation})` : ''}`;
  const name = releaseLabel(distro, rel);
  const j = judge(series, distro, rel, generation);
  const word = { yes: 'Yes', no: 'No', depends: 'It depends' }[j.verdict];
  const caveats = [...rel.caveats, ...seriesCaveats(series)];
  if (defaultedRelease && distro.releases.length > 1) caveats.unshift(`No release named, so this is about the newest: ${name}.`);
  if (isRetired(series)) caveats.unshift(`${series.record.series} is retired.`);
  return finish({
    kind: 'compat',
    query,
    title: `${name} on ${subject}`,
    summary: `${word}: ${generation && !j.deciding ? `${j.reasons.find((r) => r.includes(`Generation ${generation}`)) ?? ''} ` : ''}${summaryReason(j, series)}`,
    verdict: j.verdict,
    reasons: j.reasons,
    size: target.size ?? series.record.series,
    series: series.record.series,
    distro: distro.id,
    release: rel.version,
    shortfall: j.shortfall,
    facts: [
      ...fact('Verdict', j.verdict),
      ...(series.record.arch === 'Arm64' ? fact('Needs', 'an aarch64 build') : fact('Needs', j.required ?? 'no documented minimum')),
      ...levelFacts(series),
      ...fact('Falls short', j.shortfall.join(', ')),
    ],
    sections: [{ title: 'Why', lines: j.reasons }],
    caveats,
    sources: uniqueSources(rel.sources.slice(0, 3), seriesCpuSources(series), levelSources(catalog)),
    context: { topic: 'compat', distro: distro.id, release: rel.version, ...(target.size ? { size: target.size } : {}), series: series.record.series },
  });
}

/** A separate build for older CPUs (AlmaLinux 10's x86_64_v2) that every processor of the series can run. */
function altFits(series: SeriesInfo, rel: DistroRelease): boolean {
  const alt = rel.altBuildBaseline;
  if (alt === null) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, judge() asks only about a series with processors
  if (series.cpus.length === 0) return false;
  return series.cpus.every((c) => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a processor with no level has rank 0 (levelRank), below any build's
    if (c.level === null) return false;
    return levelRank(c.level) >= levelRank(alt);
  });
}

/** The reason that decides: the one that set a no or depends, else the level (x64) or the architecture (Arm). */
export function summaryReason(j: Judgement, series: SeriesInfo): string {
  const blocking = j.deciding;
  // the headline never contradicts a caveat: when a separate build changes the picture, it says so
  // Stryker disable next-line MethodExpression: equivalent, the level reason names every short processor or none of them
  if (blocking && j.altBuild && j.shortfall.some((p) => blocking.includes(p))) return `${blocking} ${j.altBuild}`;
  if (blocking) return blocking;
  if (series.record.arch === 'Arm64') {
    const cpus = mapped(series.cpus, (c) => c.model.model);
    return cpus.length ? `${j.reasons[0]!.replace(/\.$/, '')} (${cpus.join(', ')}).` : j.reasons[0]!;
  }
  return j.reasons[j.reasons.length - 1]!;
}

/** "Which sizes can run RHEL 10?": every current series whose verdict is yes. */
export function distroSizesAnswer(
  catalog: Catalog,
  query: string,
  distro: Distro,
  rel: DistroRelease,
  negated = false,
  only: SeriesFilter | null = null,
): Answer {
  const name = releaseLabel(distro, rel);
  const yes: string[] = [];
  const depends: string[] = [];
  const no: string[] = [];
  // "arm64 sizes that can run …", "AMD v6 series": only those; the summary says which
  const current = only ? ` current ${only.label}` : ' current';
  let arm = 0;
  let kept = 0;
  for (const s of catalog.series) {
    if (isRetired(s) || (only && !only.keep(s))) continue;
    kept++;
    if (s.record.arch === 'Arm64') arm++;
    const v = judge(s, distro, rel, only?.generation).verdict;
    if (v === 'yes') yes.push(s.record.series);
    else if (v === 'depends') depends.push(s.record.series);
    else no.push(s.record.series);
  }
  const required = requiredLevel(rel) ?? 'x86-64-v1';
  // Arm64 series only ("arm64 sizes that can run …"): an aarch64 build is the need, no x86-64 level
  const needs =
    (only && kept > 0 && arm === kept ? 'an aarch64 build' : required) +
    (rel.azureImageGenerations ? ` and Generation ${rel.azureImageGenerations.join('/')}` : '');
  if (negated) {
    // "which sizes can't run RHEL 10?": the ones that cannot, first
    return finish({
      kind: 'level',
      query,
      title: `Azure${only ? ` ${only.label}` : ''} series that cannot run ${name}`,
      summary: `${no.length}${current} series cannot run ${name} (it needs ${needs})${no.length ? `: ${no.slice(0, 12).join(', ')}${no.length > 12 ? ' …' : ''}` : ''}; ${depends.length} depend on the processor or undocumented facts${depends.length && depends.length <= 12 ? ` (${depends.join(', ')})` : ''}; ${yes.length} always can.`,
      level: required,
      series: no,
      facts: [
        ...fact('Needs', required),
        ...fact('Cannot', `${no.length} series`),
        ...fact('Depends', `${depends.length} series`),
        ...fact('Always', `${yes.length} series`),
      ],
      sections: [
        { title: `Cannot (${no.length}), by family`, lines: no.length ? byFamily(no.map((n) => catalog.seriesByKey.get(sizeKeyOf(n))!)) : ['none'] },
        { title: `Depends (${depends.length})`, lines: [depends.join(', ') || 'none'] },
      ],
      caveats: [...rel.caveats], // a copy: read() adds to it, and the table's own list is frozen
      sources: uniqueSources(rel.sources.slice(0, 3), levelSources(catalog)),
      context: { topic: 'sizes', distro: distro.id, release: rel.version },
    });
  }
  return finish({
    kind: 'level',
    query,
    title: `Azure${only ? ` ${only.label}` : ''} series that can run ${name}`,
    summary: `${yes.length}${current} series always can run ${name} (it needs ${needs}); ${depends.length} depend on the processor or undocumented facts.`,
    level: required,
    series: yes,
    facts: [...fact('Needs', required), ...fact('Always', `${yes.length} series`), ...fact('Depends', `${depends.length} series`)],
    sections: [
      { title: `Always (${yes.length}), by family`, lines: byFamily(yes.map((n) => catalog.seriesByKey.get(sizeKeyOf(n))!)) },
      { title: `Depends (${depends.length})`, lines: [depends.join(', ') || 'none'] },
    ],
    caveats: [...rel.caveats],
    sources: uniqueSources(rel.sources.slice(0, 3), levelSources(catalog)),
    context: { topic: 'sizes', distro: distro.id, release: rel.version },
  });
}
