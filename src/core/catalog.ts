// The knowledge, indexed for answering: every name people type mapped to its record, and every
// level computed once from CPU features. Built once at start-up from the validated data.
import type { CpuModel, Distro, DistroRelease, LevelName, LevelsTable, VmSeries, VmSize } from '../data/schema.js';
import type { Knowledge } from '../data/load.js';
import type { CpuFamilyData } from '../data/load-cpu-families.js';
import { CpuFamilyIndex } from './cpu-family.js';
import { NameIndex } from './fuzzy.js';
import { highestLevel, levelOfFlags, lowestLevel, type LevelResult } from './levels.js';
import { keyOf, sizeKeyOf } from './text.js';

export interface CpuInfo {
  model: CpuModel;
  /** computed from features; null for Arm parts */
  level: LevelName | null;
  missingForNext: string[];
}

export interface SeriesInfo {
  record: VmSeries;
  cpus: CpuInfo[];
  /** lowest level across its processors (null: Arm, or no processor documented) */
  guaranteed: LevelName | null;
  best: LevelName | null;
}

export interface SizeInfo {
  size: VmSize;
  series: SeriesInfo;
}

export interface ReleaseRef {
  distro: Distro;
  release: DistroRelease;
}

/** "Did you mean" candidates by kind; every value is a display name. */
export interface FuzzyNames {
  sizes: NameIndex<string>;
  series: NameIndex<string>;
  cpus: NameIndex<string>;
  distros: NameIndex<string>;
  /** distros, series and CPU models: for a question where nothing was recognised */
  any: NameIndex<string>;
}

export class Catalog {
  readonly levels: LevelsTable;
  readonly asOf: string;
  /** the project's version, when the loader found it */
  readonly version: string;
  readonly cpus = new Map<string, CpuInfo>();
  readonly series: SeriesInfo[] = [];
  readonly sizes: SizeInfo[] = [];
  readonly distros: Distro[];

  /** size key ("d4sv5") -> sizes with that key (normally one) */
  readonly sizeByKey = new Map<string, SizeInfo[]>();
  /** series key ("dsv5") -> series */
  readonly seriesByKey = new Map<string, SeriesInfo>();
  /** cpu key ("8370c", "epyc7763", "xeonplatinum8370c") -> models */
  readonly cpuByKey = new Map<string, CpuInfo[]>();
  /** codename key ("icelake", "milan") -> models */
  readonly cpuByCodename = new Map<string, CpuInfo[]>();
  /** distro alias key ("rockylinux", "rocky", "mariner") -> distro */
  readonly distroByKey = new Map<string, Distro>();
  /** release alias key ("rhel10", "azl3", "noble") -> release */
  readonly releaseByKey = new Map<string, ReleaseRef>();
  /** a dotted version that only one distro uses ("26.04" -> Ubuntu 26.04 LTS) */
  readonly releaseByVersion = new Map<string, ReleaseRef>();
  /** every release by its bare number ("10": RHEL 10, Rocky Linux 10 …; "4": Azure Linux 4.0, Photon OS 4.0) */
  readonly releasesByNumber = new Map<string, ReleaseRef[]>();

  /** The "did you mean" candidates, keys reduced once, built on first use (most starts never need them). */
  private names?: FuzzyNames;
  private sizeKeyList?: string[];
  /** the family rules' tables, compiled on first use: a command naming a size or a series never needs them */
  private readonly familyData: CpuFamilyData;
  private familyIndex?: CpuFamilyIndex;
  private levelFlagSet?: ReadonlySet<string>;

  constructor(knowledge: Knowledge, families: CpuFamilyData) {
    this.levels = knowledge.levels;
    this.familyData = families;
    this.asOf = knowledge.asOf;
    this.version = knowledge.version ?? 'unknown';
    this.distros = knowledge.distros;

    for (const model of knowledge.cpus) {
      const r: LevelResult = model.arch === 'x64' ? levelOfFlags(model.features, this.levels) : { level: null, missingForNext: [] };
      const info: CpuInfo = { model, level: r.level, missingForNext: r.missingForNext };
      this.cpus.set(model.model, info);
      for (const k of [model.model, ...model.keys]) push(this.cpuByKey, keyOf(k), info);
      push(this.cpuByKey, keyOf(model.model.replace(/^(Intel|AMD|NVIDIA|Microsoft|Ampere)\s+/i, '')), info);
      for (const part of model.codename.split(/[(/,)]/)) {
        const k = keyOf(part);
        if (k.length >= 3) push(this.cpuByCodename, k, info);
      }
    }

    for (const record of knowledge.series) {
      const cpus = record.processors.map((p) => this.cpus.get(p)).filter((c): c is CpuInfo => c !== undefined);
      const levels = cpus.map((c) => c.level);
      const x64 = record.arch === 'x64' && cpus.length > 0 && levels.every((l) => l !== null);
      const info: SeriesInfo = {
        record,
        cpus,
        guaranteed: x64 ? lowestLevel(levels) : null,
        best: x64 ? highestLevel(levels) : null,
      };
      this.series.push(info);
      this.seriesByKey.set(sizeKeyOf(record.series), info);
      for (const size of record.sizes) {
        const s: SizeInfo = { size, series: info };
        this.sizes.push(s);
        push(this.sizeByKey, sizeKeyOf(size.name), s);
      }
    }

    const byVersion = new Map<string, ReleaseRef[]>();
    for (const distro of knowledge.distros) {
      for (const alias of [distro.id, distro.name, ...distro.aliases]) {
        const k = keyOf(alias);
        if (k && !this.distroByKey.has(k)) this.distroByKey.set(k, distro);
      }
      for (const release of distro.releases) {
        for (const alias of release.aliases) this.releaseByKey.set(keyOf(alias), { distro, release });
        const head = versionHead(release.version);
        if (/^\d+\.\d+$/.test(head)) push(byVersion, head, { distro, release });
        if (/^\d+(\.\d+)?$/.test(head)) {
          push(this.releasesByNumber, head, { distro, release });
          if (head.endsWith('.0')) push(this.releasesByNumber, head.slice(0, -2), { distro, release });
        }
      }
    }
    for (const [version, refs] of byVersion) if (refs.length === 1) this.releaseByVersion.set(version, refs[0]!);
  }

  /** CPUs beyond Azure's list, by model-number family rules (compiled on first use) */
  get cpuFamilies(): CpuFamilyIndex {
    return (this.familyIndex ??= new CpuFamilyIndex(this.familyData, this.levels));
  }

  /** every flag some level needs, in /proc/cpuinfo spelling */
  get levelFlags(): ReadonlySet<string> {
    return (this.levelFlagSet ??= new Set(this.levels.levels.flatMap((l) => l.cpuinfoFlags)));
  }

  /** Release of a distro by a typed version: "10", "4" (-> 4.0), "26.04", "26.04 lts"; null if none. */
  findRelease(distro: Distro, typed: string): DistroRelease | null {
    const want = typed.toLowerCase().trim();
    const exact = distro.releases.find((r) => r.version.toLowerCase() === want);
    if (exact) return exact;
    const head = (r: DistroRelease) => versionHead(r.version);
    return (
      distro.releases.find((r) => head(r) === want) ?? distro.releases.find((r) => head(r) === `${want}.0` || head(r).replace(/\.0$/, '') === want) ?? null
    );
  }

  /** Size keys ("d4sv5"), aligned with `sizes`. */
  get sizeKeys(): readonly string[] {
    return (this.sizeKeyList ??= this.sizes.map((s) => sizeKeyOf(s.size.name)));
  }

  /** Candidates for "did you mean", by kind: sizes, series, CPUs (every key), distros (every alias), and
   * any name (distros, series, CPU models) for a question where nothing was recognised. */
  get fuzzyNames(): FuzzyNames {
    if (this.names) return this.names;
    const sizeKeys = this.sizeKeys;
    const series = this.series.map((s) => [sizeKeyOf(s.record.series), s.record.series] as const);
    const distros = [...this.distroByKey.entries()].map(([k, d]) => [k, d.name] as const);
    this.names = {
      sizes: new NameIndex(this.sizes.map((s, i) => [sizeKeys[i]!, s.size.name] as const)),
      series: new NameIndex(series),
      cpus: new NameIndex([...this.cpuByKey.entries()].flatMap(([k, cpus]) => cpus.map((c) => [k, c.model.model] as const))),
      distros: new NameIndex(distros),
      any: new NameIndex([...distros, ...series, ...[...this.cpus.values()].map((c) => [keyOf(c.model.model), c.model.model] as const)]),
    };
    return this.names;
  }

  distroById(id: string): Distro | undefined {
    return this.distros.find((d) => d.id === id);
  }

  /** Newest release: releases are stored newest first. */
  newestRelease(distro: Distro): DistroRelease {
    return distro.releases[0]!;
  }
}

/** "26.04 LTS" -> "26.04", "45 (in development)" -> "45" */
export function versionHead(version: string): string {
  return version.toLowerCase().split(/[\s(]/)[0]!;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
