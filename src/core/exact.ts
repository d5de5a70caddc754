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

const built = new WeakMap<Catalog, ExactNames>();

/** The exact spellings, lower case, built once per catalog on first use. */
export function exactNames(catalog: Catalog): ExactNames {
  let names = built.get(catalog);
  if (names) return names;
  const sizes = new Map<string, SizeInfo>();
  const shared = new Set<string>();
  const add = (key: string, s: SizeInfo) => {
    if (shared.has(key)) return;
    if (sizes.has(key) && sizes.get(key) !== s) {
      sizes.delete(key);
      shared.add(key);
    } else sizes.set(key, s);
  };
  for (const s of catalog.sizes) {
    // a key two sizes share ("Standard_B1ls2", "Standard_B1ls_2"): the entity finder names both
    if (catalog.sizeByKey.get(sizeKeyOf(s.size.name))!.length > 1) continue;
    const name = s.size.name.toLowerCase();
    add(name, s);
    if (name.startsWith('standard_')) add(name.slice('standard_'.length), s);
  }
  const series = new Map<string, SeriesInfo>();
  for (const s of catalog.series) {
    const name = s.record.series;
    // "H", "NC", "Fs" are words too: taken only as Microsoft writes them
    if (/^[A-Za-z0-9]{1,2}$/.test(name)) series.set(name, s);
    const lower = name.toLowerCase();
    if (!/^[a-z0-9][a-z0-9 _()-]{2,}$/.test(lower)) continue;
    for (const spelling of [lower, `${lower} series`, `${lower}-series`]) series.set(spelling, s);
  }
  const cpus = new Map<string, CpuInfo>();
  for (const cpu of catalog.cpus.values()) {
    const name = cpu.model.model.toLowerCase();
    // "Intel Xeon E5 v3 (Haswell) - model not stated" is a description, but "did you mean" and autocomplete
    // offer it, so typed back it must name that record
    if (/^[a-z0-9][a-z0-9 .,()+-]*$/.test(name) && catalog.cpuByKey.get(keyOf(name))?.length === 1) cpus.set(name, cpu);
  }
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
  names = { sizes, series, cpus, releases };
  built.set(catalog, names);
  return names;
}

/** The size a command's argument names exactly ("Standard_D4s_v5", "d4s_v5"), if it does. */
export function exactSize(catalog: Catalog, typed: string): SizeInfo | undefined {
  return typed.length <= 40 ? exactNames(catalog).sizes.get(typed.toLowerCase()) : undefined;
}

/** The series a command's argument names exactly ("Dsv5", "Av2 series"), if it does. */
export function exactSeries(catalog: Catalog, typed: string): SeriesInfo | undefined {
  if (typed.length > 40) return undefined;
  const series = exactNames(catalog).series;
  return typed.length <= 2 ? series.get(typed) : series.get(typed.toLowerCase());
}

/** The x86-64 level a command's argument names exactly ("x86-64-v3", "X86-64-V3"), if it does. */
export function exactLevel(typed: string): LevelName | undefined {
  const level = typed.toLowerCase();
  return (LEVELS as readonly string[]).includes(level) ? (level as LevelName) : undefined;
}

/** Azure's record of the processor a command's argument names exactly ("Intel Xeon Platinum 8370C"), if it does. */
export function exactCpu(catalog: Catalog, typed: string): CpuInfo | undefined {
  return typed.length <= 80 ? exactNames(catalog).cpus.get(typed.toLowerCase()) : undefined;
}

/** The distribution (and release) an argument names exactly as the tables spell it, if it does. */
export function exactRelease(catalog: Catalog, typed: string): { distro: Distro; release: DistroRelease | null } | undefined {
  return typed.length <= 80 ? exactNames(catalog).releases.get(typed.toLowerCase()) : undefined;
}
