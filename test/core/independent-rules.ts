// The domain rules computed again here, from the raw JSON tables in src/data, without any product code:
// the oracle the verdict and level-list tests hold the core to. Written from the rules in the README and
// DESIGN, not from src/core: a CPU's level is the highest psABI level whose flags (and every lower level's)
// it has; a series guarantees the lowest level among its processors and may reach the highest; a release
// runs on a series when its architecture ships, its Azure images' Hyper-V generation is offered and every
// processor meets its Azure requirement.
import { readFileSync } from 'node:fs';

export type Level = 'x86-64-v1' | 'x86-64-v2' | 'x86-64-v3' | 'x86-64-v4';
export type Verdict = 'yes' | 'no' | 'depends';
export const ORDER: Level[] = ['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'];
export const rank = (l: Level): number => ORDER.indexOf(l) + 1;

const raw = (name: string) => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));

interface RawLevels {
  levels: Array<{ level: Level; cpuinfoFlags: string[] }>;
  flagAliases: Record<string, string>;
  sources: Array<{ url: string }>;
}
export interface RawCpu {
  model: string;
  arch: 'x64' | 'Arm64';
  codename: string;
  /** the archspec node whose features the processor has */
  microarchitecture: string;
  features: string[];
}
export interface RawSeries {
  series: string;
  family: string;
  arch: 'x64' | 'Arm64';
  processors: string[];
  generations: number[] | null;
  generationsComplete: boolean;
  preview: boolean;
  caveats: string[];
  retirement: { status: 'announced' | 'retired'; date: string | null } | null;
  sizes: Array<{ name: string }>;
}
export interface RawRelease {
  version: string;
  arches: string[];
  x86_64Baseline: Level | null;
  azureImageBaseline: Level | null;
  azureImageGenerations: number[] | null;
  /** a separate build for older CPUs (AlmaLinux 10's x86_64_v2) */
  altBuildBaseline: Level | null;
}
export interface RawDistro {
  id: string;
  name: string;
  releases: RawRelease[];
}

export const levelsTable: RawLevels = raw('x86-64-levels.json');
export const rawCpus: RawCpu[] = raw('cpu-models.json').models;
export const rawSeries: RawSeries[] = raw('vm-series.json').series;
export const rawDistros: RawDistro[] = raw('distros.json').distros;

/** Flags each level adds, in cpuinfo spelling. */
export const flagsOf = (l: Level): string[] => levelsTable.levels.find((x) => x.level === l)!.cpuinfoFlags;

/** The psABI rule: the highest level all of whose flags, and all lower levels' flags, are present. */
export function levelOfFeatures(features: string[]): Level | null {
  const have = new Set(
    features.map((f) => {
      const k = f.trim().toLowerCase().replace(/[-.]/g, '_');
      return Object.hasOwn(levelsTable.flagAliases, k) ? levelsTable.flagAliases[k]! : k;
    }),
  );
  let got: Level | null = null;
  for (const l of ORDER) {
    if (!flagsOf(l).every((f) => have.has(f))) return got;
    got = l;
  }
  return got;
}

export const cpuLevel = new Map<string, Level | null>(rawCpus.map((c) => [c.model, c.arch === 'x64' ? levelOfFeatures(c.features) : null]));

/** Guaranteed (lowest) and best (highest) level of an x64 series whose processors are all known; else null. */
export function seriesLevels(s: RawSeries): { guaranteed: Level | null; best: Level | null } {
  const levels = s.processors.map((p) => cpuLevel.get(p) ?? null);
  if (s.arch !== 'x64' || levels.length === 0 || levels.some((l) => l === null)) return { guaranteed: null, best: null };
  const ranks = (levels as Level[]).map(rank);
  return { guaranteed: ORDER[Math.min(...ranks) - 1]!, best: ORDER[Math.max(...ranks) - 1]! };
}

export const isRetired = (s: RawSeries): boolean => s.retirement?.status === 'retired';

/** One check of the compat rule and the facts its reason must name. */
export interface Check {
  what: 'arch' | 'generation' | 'level' | 'older-cpu build';
  outcome: Verdict;
  /** strings the reason for this check must contain */
  names: string[];
  /** strings it must not contain (processors that do not fall short) */
  notNames: string[];
}

export interface Expected {
  verdict: Verdict;
  required: Level | null;
  shortfall: string[];
  checks: Check[];
}

const X64 = ['x86_64', 'amd64', 'x64'];
const ARM = ['aarch64', 'arm64'];

export function expectedCompat(s: RawSeries, label: string, r: RawRelease): Expected {
  const checks: Check[] = [];
  // architecture: an empty list with a documented x86-64 baseline means x86_64 at least
  const arches = r.arches.length === 0 && r.x86_64Baseline !== null ? ['x86_64'] : r.arches;
  const mine = s.arch === 'x64' ? X64 : ARM;
  if (arches.length === 0) checks.push({ what: 'arch', outcome: 'depends', names: [label, 'architecture'], notNames: [] });
  else if (!arches.some((a) => mine.includes(a.toLowerCase()))) {
    // an architecture list inferred from the baseline is said to be as far as the sources confirm
    const hedge = 'as far as the sources confirm';
    checks.push({
      what: 'arch',
      outcome: 'no',
      names: [s.series, s.arch, arches.join(', '), ...(r.arches.length ? [] : [hedge])],
      notNames: r.arches.length ? [hedge] : [],
    });
  } else checks.push({ what: 'arch', outcome: 'yes', names: [label, s.arch === 'x64' ? 'x86_64' : 'aarch64'], notNames: [] });

  // Hyper-V generation of the release's Azure images
  const need = r.azureImageGenerations ?? [];
  if (need.length > 0) {
    const names = [s.series, `Generation ${need.join(' or ')}`];
    if (s.generations === null) checks.push({ what: 'generation', outcome: 'depends', names, notNames: [] });
    else if (s.generations.some((g) => need.includes(g))) checks.push({ what: 'generation', outcome: 'yes', names, notNames: [] });
    else checks.push({ what: 'generation', outcome: s.generationsComplete ? 'no' : 'depends', names: [...names, ...s.generations.map(String)], notNames: [] });
  }

  // level: what the Azure images need, else the archive's baseline, else the original x86-64
  const required = r.azureImageBaseline ?? r.x86_64Baseline;
  const needLevel: Level = required ?? 'x86-64-v1';
  let shortfall: string[] = [];
  let olderCpuBuild: Level | null = null;
  if (s.arch === 'x64') {
    const levelName = required ?? 'v1';
    if (s.processors.length === 0) checks.push({ what: 'level', outcome: 'depends', names: [s.series, levelName, 'processor'], notNames: [] });
    else {
      shortfall = s.processors.filter((p) => {
        const l = cpuLevel.get(p) ?? null;
        return l === null || rank(l) < rank(needLevel);
      });
      const ok = s.processors.filter((p) => !shortfall.includes(p));
      // a separate build for older CPUs that every processor can run turns a "no" into a "depends"
      const alt = r.altBuildBaseline;
      const altFits = alt !== null && s.processors.every((p) => rank(cpuLevel.get(p)!) >= rank(alt));
      const { guaranteed } = seriesLevels(s);
      if (shortfall.length > 0 && altFits) olderCpuBuild = alt;
      if (shortfall.length === 0) checks.push({ what: 'level', outcome: 'yes', names: [s.series, levelName, guaranteed!], notNames: [] });
      else
        checks.push({
          what: 'level',
          outcome: ok.length === 0 && !altFits ? 'no' : 'depends',
          // with some processors fine, the short ones are named with their levels
          names: [s.series, levelName, ...shortfall, ...(ok.length === 0 ? [] : shortfall.map((p) => cpuLevel.get(p)!))],
          // a processor that meets the requirement is not named as falling short (unless its name is
          // part of a short one's, "E5-2673 v4" inside nothing else here)
          notNames: ok.filter((p) => !shortfall.some((q) => q.includes(p))),
        });
    }
  }
  // and it is named, in a reason of its own
  if (olderCpuBuild) checks.push({ what: 'older-cpu build', outcome: 'yes', names: [label, olderCpuBuild, s.series], notNames: [] });
  const outcomes = checks.map((c) => c.outcome);
  const verdict: Verdict = outcomes.includes('no') ? 'no' : outcomes.includes('depends') ? 'depends' : 'yes';
  return { verdict, required, shortfall, checks };
}

/** Every release of every distro with its label ("Red Hat Enterprise Linux 10"). */
export const allReleases = rawDistros.flatMap((d) => d.releases.map((r) => ({ distro: d, release: r, label: `${d.name} ${r.version}` })));
