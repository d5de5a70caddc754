// The shapes of the reference files in reference/, as far as the importer reads them.
// Only the importer and the data tests use these; the product never reads the reference.

export interface RefRepoFile {
  repo: string;
  path?: string;
  commit?: string;
  date?: string;
  note?: string;
}

export interface RefVmSize {
  name: string;
  vcpus: number;
  memoryGiB: number;
  constrainedFrom?: string;
  printedAs?: string;
}

export interface RefVmSeries {
  series: string;
  family: string;
  familyQualifier: string | null;
  arch: 'x64' | 'Arm64';
  archBasis: string;
  processors: string[];
  multipleProcessors: boolean;
  processorSource: string;
  sizes: RefVmSize[];
  retired: string | null;
  preview: boolean;
  accelerator?: string | null;
  summaryProcessorText?: string;
  source: { repo: string; path: string; commit: string; date: string; includes?: RefRepoFile[] };
  notes?: string;
}

export interface RefProcessorAlias {
  raw: string;
  model: string;
  basis: string;
  series: string[];
}

export interface RefCpuSource {
  repo?: string;
  path?: string;
  commit?: string;
  url?: string;
  index_id?: string;
  note?: string;
}

export interface RefCpuModel {
  model: string;
  vendor: string;
  codename: string;
  microarchitecture: string;
  microarchitectureExactInArchspec: boolean;
  arch: 'x64' | 'Arm64';
  level: string | null;
  armArch: string | null;
  azureUsageDocumented: boolean;
  notes: string[];
  levelDerivation?: {
    missingForV2: string[];
    missingForV3: string[];
    missingForV4: string[];
    observedCpuinfo?: { source: string; derivedLevel: string; missingForV2: string[] } | null;
    note?: string;
  };
  sources: RefCpuSource[];
  azureModelStrings?: string[];
}

export interface RefGenerations {
  overviewSources: Array<{ repo: string; path: string; commit: string; msDate: string }>;
  series: Array<{
    series: string;
    generations: string[] | null;
    generationsComplete: boolean;
    basisKind: 'page' | 'captureNote' | 'overview' | null;
    source: { repo: string; path: string; commit: string };
    overviewCheck: Record<string, string>;
    notes: string[];
  }>;
}

export interface RefLevelFeature {
  psabi: string;
  cpuinfo: string | null;
  cpuinfoProxy?: string;
  glibcFeatureName: string | null;
  gcc: string | null;
}

export interface RefLevels {
  levels: Array<{ level: string; features: RefLevelFeature[] }>;
  levelRulesInCpuinfoSpelling: Record<string, string[]> & { notes?: string[] };
  sources: Array<RefCpuSource & { tag?: string }>;
}

export interface RefArchspecNode {
  from: string[];
  vendor: string;
  features: string[];
}

export interface RefArchspec {
  microarchitectures: Record<string, RefArchspecNode>;
  feature_aliases: Record<string, { reason: string; any_of?: string[]; families?: string[] }>;
}

export interface RefDistroRelease {
  version: string;
  codename: string | null;
  released: string | null;
  eol: string | null;
  upstream: Array<{ distro: string; version: string | null; relation: string }>;
  packageManager: string | null;
  kernel: string | null;
  x86_64Baseline: string | null;
  arches: string[];
  notes: string[];
  /** `checked`: the day data:refresh read the source (else the snapshot date of notes/distro-notes.md) */
  sources: Array<{ url: string; what: string; checked?: string }>;
  /** set by the curated fixes (RELEASE_FIXES), never in the snapshot itself */
  extendedSupport?: { name: string; until: string } | null;
}

export interface RefDistro {
  id: string;
  name: string;
  aliases: string[];
  vendor: string;
  releases: RefDistroRelease[];
}

export interface Reference {
  dir: string;
  /** the snapshot's date (reference/snapshot.json; the compilation date until a refresh) */
  asOf: string;
  series: RefVmSeries[];
  aliases: RefProcessorAlias[];
  cpus: RefCpuModel[];
  /** the entries that came from cpu-models-extra.json */
  extraCpuModels: string[];
  generations: RefGenerations;
  levels: RefLevels;
  archspec: RefArchspec;
  distros: RefDistro[];
}
