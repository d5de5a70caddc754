// Questions about a release answered first, then the release's facts: "does Azure Linux 4.0 need
// x86-64-v3?", "has Azure Linux 2.0 reached end of life?", "difference between Rocky 10 and Alma 10".
import type { Answer } from '../answer.js';
import type { Catalog } from '../catalog.js';
import type { Distro, DistroRelease, LevelName } from '../../data/schema.js';
import { levelRank } from '../levels.js';
import { today } from '../clock.js';
import { fact, finish, releaseLabel, uniqueSources } from './build.js';
import { requiredLevel } from './compat.js';
import { distroAnswer, lineageChain, statusOf } from './distro.js';
import { endedCaveat, noEolDate } from './lifecycle.js';
import { altBuilds, ownAltBuild } from './alt-builds.js';

/** "need": does the release require `level`? "run": does it run on a CPU at `level`? "run-without": on a CPU lacking it? */
export type LevelQuestion = 'need' | 'run' | 'run-without';

export function releaseLevelAnswer(
  catalog: Catalog,
  query: string,
  distro: Distro,
  rel: DistroRelease,
  level: LevelName,
  mode: LevelQuestion,
  typed?: string,
): Answer {
  const a = distroAnswer(catalog, query, distro, rel, 'baseline');
  const name = releaseLabel(distro, rel);
  const need = requiredLevel(rel);
  const images =
    rel.azureImageBaseline && rel.azureImageBaseline !== rel.x86_64Baseline
      ? ` (its Azure images; the archive itself needs ${rel.x86_64Baseline ?? 'no documented level'})`
      : '';
  let first: string;
  if (!need) first = `Not documented — the sources give no x86-64 minimum for ${name}, so the original x86-64 (v1) is assumed.`;
  else if (mode === 'run' || mode === 'run-without') {
    // "run on a v2 CPU": fits when the need is at most v2; "run without AVX": fits when the need is below v3
    const fits = mode === 'run' ? levelRank(need) <= levelRank(level) : levelRank(need) < levelRank(level);
    const alt = rel.altBuildBaseline;
    const altFits = alt !== null && (mode === 'run' ? levelRank(alt) <= levelRank(level) : levelRank(alt) < levelRank(level));
    const feature = typed && !/^(x86[-_]?64[-_]?)?v\d$/i.test(typed) ? `${typed.toUpperCase()} (${level})` : level;
    const cpu = mode === 'run' ? `an ${level} CPU` : `a CPU without ${feature}`;
    first = fits
      ? `Yes — ${name} needs ${need}${images}, which ${cpu} ${mode === 'run' ? 'has' : 'can still have'}.`
      : altFits
        ? `Yes, with its separate ${alt} build — the main ${name} build needs ${need}${images}, which ${cpu} lacks.`
        : `No — ${name} needs ${need}${images}, which ${cpu} lacks.${altBuilds(catalog, rel, level, mode)}`;
  } else if (levelRank(need) === levelRank(level))
    // "does EL10 need x86-64-v3?": yes, and a rebuild of the same version with a separate build below it is said too
    first = `Yes — ${name} needs ${need}${images}.${featureOf(typed, level)}${ownAltBuild(rel, need)}${altBuilds(catalog, rel, need, 'run-without')}`;
  else if (levelRank(need) > levelRank(level))
    first = `Yes, and more — ${name} needs ${need}${images}, which includes everything in ${level}.${featureOf(typed, level)}${ownAltBuild(rel, need)}${altBuilds(catalog, rel, need, 'run-without')}`;
  else {
    // the caveat that speaks of the level asked about, minus any sentence restating the minimum
    const mention = rel.caveats.find((c) => c.includes(level));
    const said = mention
      ? mention
          .split(/(?<=\.)\s+/)
          .filter((sentence) => !/\bminimum\b/i.test(sentence))
          .join(' ')
      : '';
    first = `No — ${name}'s documented minimum is ${need}${images}.${said ? ` ${said}` : ''}`;
  }
  return { ...a, summary: first, context: { ...a.context, topic: 'baseline', level } };
}

/** "does Leap 16 need SSSE3?": the feature asked about, placed in its level. */
function featureOf(typed: string | undefined, level: LevelName): string {
  return typed && !/^(x86[-_]?64[-_]?)?v\d$/i.test(typed) && !/x86/i.test(typed) ? ` ${typed.toUpperCase()} is one of the ${level} features.` : '';
}

/** Phrasings whose "yes" means "still supported" rather than "ended". */
const SUPPORTED_POLARITY = /\b(still (supported|maintained|getting|receiving|alive)|is (it |\S+ )?(still )?supported|supported still|still get)\b/;

/** "do you have a plan for the end of support of CentOS 7?", "what should I do about …": a plan or advice asked, not
 * a yes or no about the lifecycle: the date and the state lead. */
const PLAN_ASKED =
  /\b(?:any |a |your )?plans? (?:for|about|after|around)\b|\bwhat (?:should|do|can|must) (?:i|we) do\b|\bhow (?:should|do|can) (?:i|we) (?:prepare|handle|deal)\b/;

export function eolAnswer(catalog: Catalog, query: string, distro: Distro, rel: DistroRelease, lower: string, yesNo: boolean): Answer {
  const a = distroAnswer(catalog, query, distro, rel, 'eol');
  const name = releaseLabel(distro, rel);
  const now = today();
  const supportedPolarity = SUPPORTED_POLARITY.test(lower);
  let ended: boolean | null;
  let said: string;
  let supported: boolean | null;
  if (rel.eol) {
    ended = rel.eol < now;
    supported = !isPastEol(rel, now);
    said = `${name}: ${statusOf(rel, now)}.`;
  } else {
    ended = endedCaveat(rel) ? true : null;
    supported = ended === null ? null : !ended;
    said = ended ? noEolDate(name, rel) : `No end-of-life date is published for ${name}; it is ${statusOf(rel, now)}.`;
  }
  let summary = said;
  if (yesNo && !PLAN_ASKED.test(lower)) {
    const yes = supportedPolarity ? supported : ended;
    if (yes === true) summary = `Yes — ${said}`;
    else if (yes === false) summary = `No — ${said}`;
    else summary = supportedPolarity ? `As far as the sources say, yes — ${lowerFirst(said)}` : `Not as far as the sources say — ${lowerFirst(said)}`;
  }
  // "AlmaLinux is supported until 2029 — which release is that?": the distribution's other releases, each with its date
  const others = distro.releases
    .filter((r) => r !== rel)
    .map((r) => `${releaseLabel(distro, r)}: ${r.eol ? `${r.eol < now ? 'ended' : 'until'} ${r.eol}` : 'no end-of-life date published'}`);
  const sections = others.length ? [...a.sections, { title: `Other ${distro.name} releases`, lines: others }] : a.sections;
  return { ...a, summary, sections, context: { ...a.context, topic: 'eol' } };
}

/** Two or more releases side by side: the fields that differ, then what they share. */
export function releaseCompareAnswer(catalog: Catalog, query: string, items: Array<{ distro: Distro; release: DistroRelease }>): Answer {
  const names = items.map((i) => releaseLabel(i.distro, i.release));
  const upstream = (i: { distro: Distro; release: DistroRelease }) => {
    const chain = lineageChain(catalog, i.distro, i.release);
    const up = chain[1];
    if (!up) return 'independent';
    const d = catalog.distroById(up.distro);
    return `${chain[0]!.relation.replace(/-/g, ' ')} ${d?.name ?? up.distro}${up.release ? ` ${up.release}` : ''}`;
  };
  const now = today();
  const fields: Array<[string, (i: { distro: Distro; release: DistroRelease }) => string]> = [
    ['Upstream', upstream],
    ['Needs on Azure', (i) => requiredLevel(i.release) ?? 'not documented'],
    ['Azure image generations', (i) => i.release.azureImageGenerations?.map((g) => `Gen ${g}`).join(', ') ?? 'not stated'],
    ['Package manager', (i) => i.release.packageManager ?? '—'],
    ['Kernel', (i) => i.release.kernel ?? '—'],
    ['Status', (i) => statusOf(i.release, now)],
    ['Released', (i) => i.release.released ?? '—'],
    ['End of life', (i) => i.release.eol ?? 'not published'],
    ['Architectures', (i) => i.release.arches.join(', ') || '—'],
    ['Vendor', (i) => i.distro.vendor],
  ];
  const rows = fields.map(([label, get]) => [label, ...items.map(get)]);
  const differ = rows.filter((r) => new Set(r.slice(1)).size > 1);
  const same = rows.filter((r) => new Set(r.slice(1)).size === 1);
  const diffText = differ
    .slice(0, 3)
    .map(
      (r) =>
        `${r[0]!.toLowerCase()} (${r
          .slice(1)
          .map((v, k) => `${names[k]}: ${v}`)
          .join('; ')})`,
    )
    .join(', ');
  const summary = differ.length
    ? `${names.join(' and ')} differ in ${diffText}${differ.length > 3 ? `, and ${differ.length - 3} more (below)` : ''}.${
        same.length
          ? ` Same: ${same
              .map((r) => `${r[0]!.toLowerCase()} ${r[1]}`)
              .slice(0, 3)
              .join(', ')}.`
          : ''
      }`
    : `${names.join(' and ')} do not differ in anything the sources record: ${same
        .map((r) => `${r[0]!.toLowerCase()} ${r[1]}`)
        .slice(0, 4)
        .join(', ')}.`;
  return finish({
    kind: 'compare',
    query,
    title: names.join(' vs '),
    summary,
    items: names,
    facts: fact('Differ in', differ.map((r) => r[0]).join(', ') || 'nothing recorded'),
    sections: [{ title: 'Side by side', table: { columns: ['', ...names], rows: [...differ, ...same] } }],
    caveats: items.flatMap((i) => i.release.caveats.slice(0, 1).map((c) => `${releaseLabel(i.distro, i.release)}: ${c}`)),
    sources: uniqueSources(...items.map((i) => i.release.sources.slice(0, 2))),
    context: { topic: 'difference', distro: items[0]!.distro.id, release: items[0]!.release.version },
  });
}

function lowerFirst(s: string): string {
  return /^No end-of-life/.test(s) ? `n${s.slice(1)}` : s;
}

/** "CentOS 7 is dead, what now?": where the release stands, and the supported releases of its family. */
export function successorAnswer(
  catalog: Catalog,
  query: string,
  distro: Distro,
  rel: DistroRelease,
  alsoNamed: Array<{ distro: Distro; release: DistroRelease }> = [],
): Answer {
  const a = distroAnswer(catalog, query, distro, rel, 'eol');
  const now = today();
  const name = releaseLabel(distro, rel);
  const edge = rel.upstream.find((e) => e.relation !== 'independent' && e.relation !== 'built-from-sources-of');
  const parent = edge ? catalog.distroById(edge.distro) : undefined;
  // the parent itself, its other rebuilds, and what derives from this distro (CoreOS -> Flatcar)
  const family = catalog.distros.filter(
    (d) =>
      d !== distro &&
      (d === parent ||
        // the parent's own upstream: CentOS Stream for RHEL's rebuilds
        (parent && parent.releases[0]!.upstream.some((e) => e.distro === d.id && e.relation === 'derived-from')) ||
        (parent && d.releases.some((r) => r.upstream.some((e) => e.distro === parent.id && e.relation === edge!.relation))) ||
        d.releases.some((r) => r.upstream.some((e) => e.distro === distro.id && e.relation === 'derived-from'))),
  );
  const lines = family
    .map((d) => {
      const live = d.releases.filter((r) => r.status === 'ga' && !isPastEol(r, now));
      if (!live.length) return null;
      const from = live[0]!.upstream.filter((e) => e.relation === 'built-from-sources-of').map((e) => catalog.distroById(e.distro)?.name ?? e.distro);
      return `${d.name}${from.length ? ` (built from ${from.join(' and ')} sources)` : ''}: ${live.map((r) => `${r.version}${r.eol ? ` (until ${r.eol})` : ''}`).join(', ')}`;
    })
    .filter((l): l is string => l !== null);
  const state = rel.eol ? `${name}: ${statusOf(rel, now)}.` : `${name} is ${statusOf(rel, now)}.`;
  const lead = parent
    ? `It ${edge!.relation === 'rebuild-of' ? 'was a rebuild of' : 'came from'} ${parent.name}${edge!.version ? ` ${edge!.version}` : ''}; supported releases in that family:`
    : 'Supported releases that follow it:';
  // every other release named, by its name ("migrate to Rocky 8", "CentOS Stream 8 has ended"), even when the family's list dates it too
  const named = alsoNamed
    .filter((r, i) => r.release !== rel && alsoNamed.findIndex((x) => x.release === r.release) === i)
    .map((r) => `${releaseLabel(r.distro, r.release)}: ${statusOf(r.release, now)}`);
  const summary = `${lines.length ? `${state} ${lead} ${lines.slice(0, 5).join('; ')}.` : state}${named.length ? ` Also named: ${named.join('; ')}.` : ''}`;
  return {
    ...a,
    summary,
    sections: [...a.sections, { title: 'Supported releases in the same family', lines: lines.length ? lines : ['none recorded'] }],
    sources: uniqueSources(a.sources.slice(0, 2), ...family.map((d) => d.releases[0]!.sources.slice(0, 1))),
    context: { ...a.context, topic: 'successor' },
  };
}

/** True when nothing supports the release any more: past its end of life and any extended phase. */
export function isPastEol(rel: DistroRelease, day: string): boolean {
  const last = rel.extendedSupport?.until ?? rel.eol;
  return rel.status === 'ga' && last !== null && last < day;
}
