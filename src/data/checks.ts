// Checks that span records or tables, run after each record passed its zod schema. Each returns
// problem strings ("<file>: <what is wrong>") and never throws, so every problem is reported at once.
import { LEVEL_NAMES } from './level-names.js';
import type { CpuModel, Distro, LevelName, LevelsTable, VmSeries } from './schema.js';
import { FILES } from './table-files.js';

/** What the checks may rely on: the records that passed their schema, plus the identities (names, ids,
 * versions) readable from records that did not, so a broken record does not make others look dangling. */
export interface CheckInput {
  levels: LevelsTable | null;
  cpus: CpuModel[];
  series: VmSeries[];
  distros: Distro[];
  /** every CPU model name in cpu-models.json, with its arch where readable */
  cpuArch: Map<string, string | null>;
  /** every distro id in distros.json, with the release versions readable from it */
  distroVersions: Map<string, string[]>;
}

export { FAMILY_FILES, FILES } from './table-files.js';

const LEVEL_ORDER: readonly LevelName[] = LEVEL_NAMES;

/** The lookup key the core uses for names: lower case, letters and digits only. */
export const lookupKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export function checkLevels(levels: LevelsTable | null): string[] {
  if (!levels) return [];
  const f = FILES.levels;
  const out: string[] = [];
  levels.levels.forEach((l, i) => {
    if (l.level !== LEVEL_ORDER[i]) out.push(`${f}: levels[${i}] is ${l.level}, expected ${LEVEL_ORDER[i]} (levels must run v1..v4)`);
  });
  const all = levels.levels.flatMap((l) => l.cpuinfoFlags);
  for (const d of duplicates(all)) out.push(`${f}: flag ${d} appears in more than one level`);
  const flags = new Set(all);
  for (const [alias, target] of Object.entries(levels.flagAliases)) {
    if (!/^[a-z0-9_]+$/.test(alias)) out.push(`${f}: flagAliases key ${JSON.stringify(alias)} is not in normalised form (a-z, 0-9, _)`);
    if (flags.has(alias)) out.push(`${f}: flagAliases key ${alias} is itself a cpuinfo flag of a level`);
    if (!flags.has(target)) out.push(`${f}: flagAliases ${alias} -> ${target}: target is not a level flag`);
  }
  return out;
}

export function checkCpus(cpus: CpuModel[], levels: LevelsTable | null): string[] {
  const f = FILES.cpus;
  const out: string[] = [];
  for (const d of duplicates(cpus.map((c) => c.model))) out.push(`${f}: model ${d} is listed more than once`);
  // every search key (and every model name) must lead to one model only
  const owner = new Map<string, string>();
  for (const c of cpus) {
    for (const k of new Set([c.model, ...c.keys].map(lookupKey))) {
      if (!k) out.push(`${f}: ${c.model}: a key has no letters or digits`);
      const prev = owner.get(k);
      if (prev !== undefined && prev !== c.model) out.push(`${f}: key "${k}" names both ${prev} and ${c.model}`);
      else owner.set(k, c.model);
    }
  }
  const baseline = levels?.levels[0]?.cpuinfoFlags ?? [];
  for (const c of cpus) {
    if (c.arch === 'x64') {
      if (c.armArch !== null) out.push(`${f}: ${c.model}: an x64 part has an Arm architecture`);
      const missing = baseline.filter((b) => !c.features.includes(b));
      if (missing.length > 0) out.push(`${f}: ${c.model}: features lack the x86-64 baseline flags ${missing.join(' ')}`);
    } else if (c.armArch === null) {
      out.push(`${f}: ${c.model}: an Arm64 part needs armArch`);
    }
  }
  return out;
}

export function checkSeries(series: VmSeries[], cpuArch: Map<string, string | null>): string[] {
  const f = FILES.series;
  const out: string[] = [];
  for (const d of duplicates(series.map((s) => s.series))) out.push(`${f}: series ${d} is listed more than once`);

  const sizeOwner = new Map<string, string>();
  for (const s of series) {
    for (const z of s.sizes) {
      const k = lookupKey(z.name);
      const prev = sizeOwner.get(k);
      if (prev !== undefined) out.push(`${f}: size ${z.name} (${s.series}) has the same name as a size of ${prev}`);
      else sizeOwner.set(k, s.series);
    }
  }

  for (const s of series) {
    const at = `${f}: ${s.series}`;
    for (const d of duplicates(s.processors)) out.push(`${at}: processor ${d} is listed twice`);
    for (const p of s.processors) {
      if (!cpuArch.has(p)) out.push(`${at}: processor "${p}" is not a model in ${FILES.cpus}`);
      else {
        const arch = cpuArch.get(p);
        if (arch && arch !== s.arch) out.push(`${at}: series is ${s.arch} but processor ${p} is ${arch}`);
      }
    }
    if (s.processors.length > 0 && s.processorsAsPrinted.length === 0) {
      out.push(`${at}: processors are named but processorsAsPrinted is empty`);
    }
    if (s.processors.length === 0 && s.processorsAsPrinted.length > 0) {
      out.push(`${at}: processors printed in the docs but none mapped to a model`);
    }
    if (s.generations !== null) {
      if (s.generations.length === 0) out.push(`${at}: generations is empty (use null for "no statement")`);
      if (new Set(s.generations).size !== s.generations.length) out.push(`${at}: a generation is listed twice`);
    } else if (s.generationsComplete) {
      out.push(`${at}: generationsComplete is true but no generation is stated`);
    }
    const byName = new Map(s.sizes.map((z) => [z.name, z]));
    for (const z of s.sizes) {
      if (z.constrainedFrom === null) continue;
      const parent = byName.get(z.constrainedFrom);
      if (!parent) {
        out.push(`${at}: ${z.name} is constrained from ${z.constrainedFrom}, which is not a size of this series`);
      } else if (parent.constrainedFrom !== null) {
        out.push(`${at}: ${z.name} is constrained from ${parent.name}, itself a constrained size`);
      } else if (z.vcpus >= parent.vcpus) {
        out.push(`${at}: constrained size ${z.name} has ${z.vcpus} vCPUs, not fewer than ${parent.name} (${parent.vcpus})`);
      }
    }
  }
  return out;
}

/** Numbers in a version string, for ordering: "15 SP6" -> [15, 6], "34-36" -> [34, 36]. */
function versionNumbers(v: string): number[] {
  return (v.match(/\d+/g) ?? []).map(Number);
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether an upstream edge's version is acceptable. The rule: it names a release of that distro
 * (case-insensitive), or it is symbolic (no digits: "unstable (sid)", "Rawhide"), or it is older than
 * every numbered release the table holds for that distro (history the table does not cover: Fedora 28,
 * RHEL 7, "34-36"). A newer or in-between version that is not listed is an error.
 */
export function upstreamVersionProblem(version: string, releases: readonly string[]): string | null {
  const want = version.toLowerCase();
  if (releases.some((r) => r.toLowerCase() === want)) return null;
  const nums = versionNumbers(version);
  if (nums.length === 0) return null;
  const numbered = releases.map(versionNumbers).filter((n) => n.length > 0);
  if (numbered.length === 0) return `version ${version} cannot be placed: the distro has no numbered release`;
  const oldest = numbered.reduce((a, b) => (compareNumbers(a, b) <= 0 ? a : b));
  if (compareNumbers(nums, oldest) < 0) return null;
  return `version ${version} is not a listed release (${releases.join(', ')}) and not older than all of them`;
}

export function checkDistros(distros: Distro[], distroVersions: Map<string, string[]>): string[] {
  const f = FILES.distros;
  const out: string[] = [];
  for (const d of duplicates(distros.map((x) => x.id))) out.push(`${f}: distro id ${d} is listed more than once`);

  // aliases: one namespace of lookup keys, each leading to one distro or one release
  const target = new Map<string, string>();
  const claim = (alias: string, what: string, where: string): void => {
    const k = lookupKey(alias);
    if (!k) {
      out.push(`${f}: ${where}: alias ${JSON.stringify(alias)} has no letters or digits`);
      return;
    }
    const prev = target.get(k);
    if (prev !== undefined && prev !== what) out.push(`${f}: alias "${alias}" (${where}) also names ${prev}`);
    else target.set(k, what);
  };
  for (const d of distros) {
    for (const a of [d.id, d.name, ...d.aliases]) claim(a, `distro ${d.id}`, d.id);
    for (const r of d.releases) for (const a of r.aliases) claim(a, `release ${d.id} ${r.version}`, `${d.id} ${r.version}`);
  }

  for (const d of distros) {
    for (const v of duplicates(d.releases.map((r) => r.version.toLowerCase()))) {
      out.push(`${f}: ${d.id}: release ${v} is listed more than once`);
    }
    let newest: string | null = null;
    for (const r of d.releases) {
      const at = `${f}: ${d.id} ${r.version}`;
      if (r.released !== null) {
        if (newest !== null && r.released > newest) out.push(`${at}: released ${r.released}, after the release listed before it (releases go newest first)`);
        newest = r.released;
      }
      if (r.released !== null && r.eol !== null && r.eol < r.released) out.push(`${at}: end of life ${r.eol} is before release ${r.released}`);
      if (r.status === 'preview' && r.released !== null) out.push(`${at}: a preview has no GA date, but released is ${r.released}`);
      if (r.extendedSupport !== null) {
        if (r.eol === null) out.push(`${at}: ${r.extendedSupport.name} until ${r.extendedSupport.until} needs the end of regular support (eol) too`);
        else if (r.extendedSupport.until <= r.eol) out.push(`${at}: ${r.extendedSupport.name} ends ${r.extendedSupport.until}, not after end of life ${r.eol}`);
      }
      if (r.altBuildBaseline !== null && (r.x86_64Baseline === null || LEVEL_ORDER.indexOf(r.altBuildBaseline) >= LEVEL_ORDER.indexOf(r.x86_64Baseline))) {
        out.push(`${at}: altBuildBaseline ${r.altBuildBaseline} must be below x86_64Baseline ${r.x86_64Baseline ?? 'null'} (a separate build for older CPUs)`);
      }
      if (r.azureImageBaseline !== null && r.x86_64Baseline !== null) {
        if (LEVEL_ORDER.indexOf(r.azureImageBaseline) <= LEVEL_ORDER.indexOf(r.x86_64Baseline)) {
          out.push(`${at}: azureImageBaseline ${r.azureImageBaseline} must be above x86_64Baseline ${r.x86_64Baseline} (else leave it null)`);
        }
      }
      if (r.azureImageGenerations !== null && new Set(r.azureImageGenerations).size !== r.azureImageGenerations.length) {
        out.push(`${at}: a Hyper-V generation is listed twice`);
      }
      for (const u of r.upstream) {
        const self = u.distro === d.id;
        if (u.relation === 'independent') {
          if (!self) out.push(`${at}: relation "independent" must point at the distro itself, not ${u.distro}`);
          if (u.version !== null) out.push(`${at}: an independent self-reference takes no version`);
          continue;
        }
        if (self) out.push(`${at}: upstream points at itself with relation ${u.relation}`);
        const versions = distroVersions.get(u.distro);
        if (!versions) {
          out.push(`${at}: upstream distro "${u.distro}" does not exist`);
          continue;
        }
        if (u.version !== null) {
          const problem = upstreamVersionProblem(u.version, versions);
          if (problem) out.push(`${at}: upstream ${u.distro} ${problem}`);
        }
      }
    }
  }

  // lineage cycles over distro ids (the independent self-reference is not an edge)
  const edges = new Map<string, Set<string>>();
  for (const d of distros) {
    const set = edges.get(d.id) ?? new Set<string>();
    for (const r of d.releases) for (const u of r.upstream) if (u.relation !== 'independent' && u.distro !== d.id) set.add(u.distro);
    edges.set(d.id, set);
  }
  const state = new Map<string, 'open' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const k = [...cycle.slice(0, -1)].sort().join(' ');
      if (!reported.has(k)) {
        reported.add(k);
        out.push(`${f}: lineage cycle ${cycle.join(' -> ')}`);
      }
      return;
    }
    state.set(id, 'open');
    for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of edges.keys()) visit(id, []);
  return out;
}

/** Every YYYY-MM-DD value under a date-like key must be a real calendar day. Walks the raw input. */
export function checkCalendarDates(file: string, raw: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (typeof x === 'string' && /^(asOf|released|eol|date)$/.test(k) && /^\d{4}-\d{2}-\d{2}$/.test(x)) {
          const d = new Date(`${x}T00:00:00Z`);
          if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== x) out.push(`${file}: ${p}: ${x} is not a calendar date`);
        } else walk(x, p);
      }
    }
  };
  walk(raw, '');
  return out;
}

/** No source may claim a check date after the data set's own as-of date. */
export function checkSourceDates(input: CheckInput, asOf: string): string[] {
  const out: string[] = [];
  const late = (file: string, where: string, sources: Array<{ asOf: string; url: string }>): void => {
    for (const s of sources) if (s.asOf > asOf) out.push(`${file}: ${where}: source ${s.url} is dated ${s.asOf}, after the data set (${asOf})`);
  };
  if (input.levels) late(FILES.levels, 'sources', input.levels.sources);
  for (const c of input.cpus) late(FILES.cpus, c.model, c.sources);
  for (const s of input.series) late(FILES.series, s.series, s.sources);
  for (const d of input.distros) for (const r of d.releases) late(FILES.distros, `${d.id} ${r.version}`, r.sources);
  return out;
}
