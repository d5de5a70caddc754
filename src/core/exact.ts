// Exact names: a command's argument that is exactly one name as the tables spell it ("Standard_D4s_v5",
// "D4s_v5", "Av2 series", "Red Hat Enterprise Linux 9"), found by one lookup instead of the entity finder.
// Only a spelling that the entity finder reads as that same name is taken (test/core/exact-names.test.ts
// walks every size, series, distribution and release through both); anything else goes the long way.
import type { Distro, DistroRelease, LevelName } from '../data/schema.js';
import { LEVELS } from './levels.js';
import type { Catalog, CpuInfo, SeriesInfo, SizeInfo } from './catalog.js';
import { keyOf, sizeKeyOf } from './text.js';

export interface ExactNames {
  /** "standard_d4s_v5" and "d4s_v5" -> the size (a spelling two sizes share is left out) */
  sizes: Map<string, SizeInfo>;
  /** "dsv5" and "dsv5 series" -> the series, for names of letters and digits of three characters or more;
   * "H", "NC": a one- or two-letter name only as Microsoft writes it */
  series: Map<string, SeriesInfo>;
  /** "intel xeon platinum 8370c" -> Azure's record of that processor (a name two records share is left out) */
  cpus: Map<string, CpuInfo>;
  /** "red hat enterprise linux 9" -> the release; "red hat enterprise linux" -> the distribution */
  releases: Map<string, { distro: Distro; release: DistroRelease | null }>;
}

/** One part of the exact names, built once per catalog on first use: a command naming a size (the usual
 * first question) does not wait for the series, processor and release spellings. */
function part<T>(build: (catalog: Catalog) => T): (catalog: Catalog) => T {
  const built = new WeakMap<Catalog, T>();
  return (catalog) => {
    let value = built.get(catalog);
    if (value === undefined) {
      value = build(catalog);
      built.set(catalog, value);
    }
    return value;
  };
}

/** The exact spellings, lower case, each kind built once per catalog on first use. */
export function exactNames(catalog: Catalog): ExactNames {
  return { sizes: sizeNames(catalog), series: seriesNames(catalog), cpus: cpuNames(catalog), releases: releaseNames(catalog) };
}

const sizeNames = part((catalog): Map<string, SizeInfo> => {
  const sizes = new Map<string, SizeInfo>();
  const shared = new Set<string>();
  const add = (key: string, s: SizeInfo) => {
    if (shared.has(key)) return;
    if (sizes.has(key) && sizes.get(key) !== s) {
      sizes.delete(key);
      shared.add(key);
    } else sizes.set(key, s);
  };
  // every size is listed once, under its own key; a key two sizes share ("Standard_B1ls2",
  // "Standard_B1ls_2"): the entity finder names both, so neither is taken
  for (const list of catalog.sizeByKey.values()) {
    if (list.length > 1) continue;
    const s = list[0]!;
    const name = s.size.name.toLowerCase();
    add(name, s);
    if (name.startsWith('standard_')) add(name.slice('standard_'.length), s);
  }
  return sizes;
});

const seriesNames = part((catalog): Map<string, SeriesInfo> => {
  const series = new Map<string, SeriesInfo>();
  for (const s of catalog.series) {
    const name = s.record.series;
    // "H", "NC", "Fs" are words too: taken only as Microsoft writes them
    if (/^[A-Za-z0-9]{1,2}$/.test(name)) series.set(name, s);
    const lower = name.toLowerCase();
    if (!/^[a-z0-9][a-z0-9 _()-]{2,}$/.test(lower)) continue;
    for (const spelling of [lower, `${lower} series`, `${lower}-series`]) series.set(spelling, s);
  }
  return series;
});

const cpuNames = part((catalog): Map<string, CpuInfo> => {
  const cpus = new Map<string, CpuInfo>();
  for (const cpu of catalog.cpus.values()) {
    const name = cpu.model.model.toLowerCase();
    // "Intel Xeon E5 v3 (Haswell) - model not stated" is a description, but "did you mean" and autocomplete
    // offer it, so typed back it must name that record
    if (/^[a-z0-9][a-z0-9 .,()+-]*$/.test(name) && catalog.cpuByKey.get(keyOf(name))?.length === 1) cpus.set(name, cpu);
  }
  return cpus;
});

const releaseNames = part((catalog): Map<string, { distro: Distro; release: DistroRelease | null }> => {
  const releases = new Map<string, { distro: Distro; release: DistroRelease | null }>();
  const ambiguous = new Set<string>();
  const put = (key: string, value: { distro: Distro; release: DistroRelease | null }) => {
    if (ambiguous.has(key)) return;
    if (releases.has(key)) {
      releases.delete(key);
      ambiguous.add(key);
    } else releases.set(key, value);
  };
  for (const distro of catalog.distros) {
    // plain words only: "Azure Linux with OS Guard (preview)" is read as Azure Linux by the entity finder
    const plain = (name: string) => /^[a-z0-9][a-z0-9 .-]*$/.test(name);
    const name = distro.name.toLowerCase();
    if (plain(name)) put(name, { distro, release: null });
    for (const release of distro.releases) {
      const full = `${name} ${release.version.toLowerCase()}`;
      if (plain(full)) put(full, { distro, release });
    }
  }
  return releases;
});

/**
 * The size a command's argument names exactly ("Standard_D4s_v5", "d4s_v5"), if it does: what
 * `exactNames(catalog).sizes` holds for it, found through the catalog's size keys instead of a map of
 * every spelling (the first command of a start does not wait for 1,600 names). A spelling and the size it
 * spells share their size key, so the one size of that key is the only candidate, and a key two sizes
 * share is the spelling the map leaves out (test/core/exact-names.test.ts holds the two to each other).
 */
export function exactSize(catalog: Catalog, typed: string): SizeInfo | undefined {
  if (typed.length > 40) return undefined;
  const list = catalog.sizeByKey.get(sizeKeyOf(typed));
  if (list?.length !== 1) return undefined;
  const size = list[0]!;
  const typedLower = typed.toLowerCase();
  const name = size.size.name.toLowerCase();
  return typedLower === name || (name.startsWith('standard_') && typedLower === name.slice('standard_'.length)) ? size : undefined;
}

/** The series a command's argument names exactly ("Dsv5", "Av2 series"), if it does. */
export function exactSeries(catalog: Catalog, typed: string): SeriesInfo | undefined {
  if (typed.length > 40) return undefined;
  const series = seriesNames(catalog);
  return typed.length <= 2 ? series.get(typed) : series.get(typed.toLowerCase());
}

/** The x86-64 level a command's argument names exactly ("x86-64-v3", "X86-64-V3"), if it does. */
export function exactLevel(typed: string): LevelName | undefined {
  const level = typed.toLowerCase();
  return (LEVELS as readonly string[]).includes(level) ? (level as LevelName) : undefined;
}

/** Azure's record of the processor a command's argument names exactly ("Intel Xeon Platinum 8370C"), if it does. */
export function exactCpu(catalog: Catalog, typed: string): CpuInfo | undefined {
  return typed.length <= 80 ? cpuNames(catalog).get(typed.toLowerCase()) : undefined;
}

/** The distribution (and release) an argument names exactly as the tables spell it, if it does. */
export function exactRelease(catalog: Catalog, typed: string): { distro: Distro; release: DistroRelease | null } | undefined {
  return typed.length <= 80 ? releaseNames(catalog).get(typed.toLowerCase()) : undefined;
}
