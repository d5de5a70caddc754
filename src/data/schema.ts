// The shape of every table in src/data, as zod schemas. The loader validates each JSON file against
// these at start-up; the TypeScript types used everywhere else are inferred from them.
import { LEVEL_NAMES } from './level-names.js';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** Where a fact came from, and a date that says what it is. Every record carries at least one. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url(),
  asOf: isoDate,
  /** what `asOf` is: the page's own date ("page": a size page's ms.date), when it was checked
   * ("checked": the snapshot the fact was read from), or when it was cited without the page being
   * re-read ("cited": a well-known reference, e.g. a model-number list, named for where to verify). Absent means checked. */
  dated: z.enum(['page', 'checked', 'cited']).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const LevelNameSchema = z.enum(LEVEL_NAMES);
export type LevelName = z.infer<typeof LevelNameSchema>;

/** x86-64-levels.json: the psABI levels, each with the /proc/cpuinfo flags it adds. */
export const LevelsTableSchema = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        level: LevelNameSchema,
        /** flags this level adds over the previous one, in /proc/cpuinfo spelling */
        cpuinfoFlags: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
        /** psABI feature names, same order as cpuinfoFlags where one maps to one */
        psabiFeatures: z.array(z.string().min(1)).min(1),
      }),
    )
    .length(4),
  /** other spellings people type for a flag, mapped to the cpuinfo spelling (sse3 -> pni, lzcnt -> abm, ...) */
  flagAliases: z.record(z.string(), z.string()),
  sources: z.array(SourceSchema).min(1),
});
export type LevelsTable = z.infer<typeof LevelsTableSchema>;

/** cpu-models.json: one record per processor model Azure documents. Levels are NOT stored: they are
 * computed from `features` by the level rules at load time. */
export const CpuModelSchema = z.strictObject({
  /** canonical name, e.g. "Intel Xeon Platinum 8370C" */
  model: z.string().min(1),
  vendor: z.enum(['Intel', 'AMD', 'Ampere', 'Microsoft', 'NVIDIA']),
  codename: z.string().min(1),
  /** archspec microarchitecture node the features come from, e.g. "icelake", "zen3", "neoverse_n1" */
  microarchitecture: z.string().min(1),
  /** false when archspec has no exact node and the nearest one was used */
  microarchitectureExact: z.boolean(),
  arch: z.enum(['x64', 'Arm64']),
  /** Arm architecture version for Arm parts ("Armv8.2-A"), else null */
  armArch: z.string().nullable(),
  /** full feature set in /proc/cpuinfo spelling (x64: includes the baseline flags every x86-64 CPU has) */
  features: z.array(z.string().min(1)),
  /** short search keys people type: "8370C", "EPYC 7763", "Milan", "Cobalt 100" */
  keys: z.array(z.string().min(1)).min(1),
  caveats: z.array(z.string()),
  sources: z.array(SourceSchema).min(1),
});
export type CpuModel = z.infer<typeof CpuModelSchema>;

export const VmSizeSchema = z.strictObject({
  /** canonical spelling, e.g. "Standard_D4s_v5" */
  name: z.string().regex(/^(Standard|Basic)_[A-Za-z0-9_-]+$/),
  vcpus: z.number().int().positive(),
  memoryGiB: z.number().positive(),
  /** for constrained-vCPU sizes: the parent size name */
  constrainedFrom: z.string().nullable(),
});
export type VmSize = z.infer<typeof VmSizeSchema>;

/** vm-series.json: every Azure VM series with its sizes. */
export const VmSeriesSchema = z.strictObject({
  /** series name as Microsoft writes it, e.g. "Dsv5", "Dv2 (11-15)" */
  series: z.string().min(1),
  family: z.string().min(1),
  arch: z.enum(['x64', 'Arm64']),
  /** canonical CPU model names (keys of cpu-models.json); empty when the docs name none */
  processors: z.array(z.string().min(1)),
  /** the processor text exactly as the docs print it, for citing */
  processorsAsPrinted: z.array(z.string().min(1)),
  /** Hyper-V generations the docs state as supported; null when no statement was found */
  generations: z.array(z.union([z.literal(1), z.literal(2)])).nullable(),
  /** false when the docs state only one generation and say nothing of the other */
  generationsComplete: z.boolean(),
  preview: z.boolean(),
  /** retirement state: null when none announced */
  retirement: z
    .strictObject({
      status: z.enum(['announced', 'retired']),
      /** planned or actual retirement date, when the docs give one */
      date: isoDate.nullable(),
    })
    .nullable(),
  accelerator: z.string().nullable(),
  sizes: z.array(VmSizeSchema).min(1),
  /** short statements of documentation disagreements or gaps, in our own words */
  caveats: z.array(z.string()),
  sources: z.array(SourceSchema).min(1),
});
export type VmSeries = z.infer<typeof VmSeriesSchema>;

export const RelationSchema = z.enum(['derived-from', 'rebuild-of', 'built-from-sources-of', 'independent']);
export type Relation = z.infer<typeof RelationSchema>;

export const DistroReleaseSchema = z.strictObject({
  /** "4.0", "10", "26.04 LTS" */
  version: z.string().min(1),
  codename: z.string().nullable(),
  /** GA date; null for previews or when unknown */
  released: isoDate.nullable(),
  eol: isoDate.nullable(),
  /** a support phase after `eol` (Debian LTS, …): its name and end; null when none is recorded */
  extendedSupport: z.strictObject({ name: z.string().min(1), until: isoDate }).nullable(),
  /** preview or generally available, as the sources describe it (end of life is judged from `eol` and today) */
  status: z.enum(['preview', 'ga']),
  upstream: z.array(
    z.strictObject({
      distro: z.string().min(1),
      /** null: the upstream as a whole, not one release */
      version: z.string().nullable(),
      relation: RelationSchema,
    }),
  ),
  packageManager: z.string().nullable(),
  kernel: z.string().nullable(),
  /** documented minimum x86-64 level of the distribution's packages; null = not stated */
  x86_64Baseline: LevelNameSchema.nullable(),
  /** the level of a separate build for older CPUs, where the release ships one (AlmaLinux 10's x86_64_v2) */
  altBuildBaseline: LevelNameSchema.nullable(),
  /** what its Azure images need where that differs from the archive baseline */
  azureImageBaseline: LevelNameSchema.nullable(),
  /** Hyper-V generations its Azure images boot on; null = no statement */
  azureImageGenerations: z.array(z.union([z.literal(1), z.literal(2)])).nullable(),
  arches: z.array(z.string().min(1)),
  /** extra spellings that name this exact release: "rhel9", "azl3", "noble" */
  aliases: z.array(z.string().min(1)),
  caveats: z.array(z.string()),
  sources: z.array(SourceSchema).min(1),
});
export type DistroRelease = z.infer<typeof DistroReleaseSchema>;

export const DistroSchema = z.strictObject({
  /** stable id, e.g. "azure-linux" */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  vendor: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** newest first */
  releases: z.array(DistroReleaseSchema).min(1),
});
export type Distro = z.infer<typeof DistroSchema>;

export const CpuModelsTableSchema = z.strictObject({ asOf: isoDate, models: z.array(CpuModelSchema).min(1) });

const cpuinfoFlag = z.string().regex(/^[a-z0-9_]+$/);

/** archspec-x86.json: archspec's x86 microarchitecture nodes, derived by the importer (npm run data:import)
 * from archspec-json (Apache-2.0 OR MIT): each node's ancestry and full feature set in /proc/cpuinfo spelling. */
export const ArchspecNodeSchema = z.strictObject({
  /** archspec's node name: "broadwell", "zen3", "x86_64_v2" */
  name: z.string().regex(/^[a-z0-9_]+$/),
  vendor: z.string().min(1),
  /** false for the 32-bit nodes (i686, pentium4, prescott …): no x86-64 level applies */
  x86_64: z.boolean(),
  /** every node it inherits from, nearest first (without itself) */
  ancestry: z.array(z.string().min(1)),
  /** the node's and its ancestors' features, cpuinfo spelling, with the x86-64 baseline flags */
  features: z.array(cpuinfoFlag),
});
export type ArchspecNode = z.infer<typeof ArchspecNodeSchema>;

export const ArchspecX86TableSchema = z.strictObject({
  asOf: isoDate,
  licence: z.string().min(1),
  sources: z.array(SourceSchema).min(1),
  microarchitectures: z.array(ArchspecNodeSchema).min(1),
});
export type ArchspecX86Table = z.infer<typeof ArchspecX86TableSchema>;

/** cpu-families.json: one rule per processor family recognised by its model number ("E5-2680 v4",
 * "i7-4770K", "EPYC 7543"), or per hypervisor CPU model (kvm64). The level is NOT stored: it is computed
 * from the archspec node's features (or the virtual CPU's own feature list) by the level rules. */
export const CpuFamilySchema = z.strictObject({
  /** stable id, e.g. "intel-xeon-e5-v4" */
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['processor', 'virtual-cpu']),
  vendor: z.string().min(1),
  /** the family as people name it: "Intel Xeon E5 v4" */
  family: z.string().min(1),
  /** Intel/AMD codename: "Broadwell-EP" */
  codename: z.string().min(1),
  /** a regular expression (matched case-insensitively, inside any text; no Unicode flag) for the model number; named
   * groups feed `model` */
  pattern: z.string().min(1),
  /** the canonical model name, `{group}` replaced by the upper-cased named group: "Intel Xeon E5-{n} v4" */
  model: z.string().min(1),
  /** archspec node the features come from; null for a virtual CPU with its own feature list or none */
  microarchitecture: z.string().nullable(),
  /** false when archspec has no node for this core and the nearest one (named in a caveat) is used */
  microarchitectureExact: z.boolean(),
  /** a virtual CPU's fixed feature set (cpuinfo spelling); null otherwise */
  features: z.array(cpuinfoFlag).nullable(),
  caveats: z.array(z.string()),
  sources: z.array(SourceSchema).min(1),
});
export type CpuFamily = z.infer<typeof CpuFamilySchema>;

export const CpuFamiliesTableSchema = z.strictObject({ asOf: isoDate, families: z.array(CpuFamilySchema).min(1) });
