// The shape of every table in src/data, as zod schemas. The loader validates each JSON file against
// these at start-up; the TypeScript types used everywhere else are inferred from them.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** Where a fact came from, and a date that says what it is. Every record carries at least one. */
export const SourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url(),
  asOf: isoDate,
  /** what `asOf` is: the page's own date ("page": a size page's ms.date), or when it was checked
   * ("checked": the snapshot the fact was read from). Absent means checked. */
  dated: z.enum(['page', 'checked']).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const LevelNameSchema = z.enum(['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4']);
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

export const VmSeriesTableSchema = z.strictObject({ asOf: isoDate, series: z.array(VmSeriesSchema).min(1) });
export const CpuModelsTableSchema = z.strictObject({ asOf: isoDate, models: z.array(CpuModelSchema).min(1) });
export const DistrosTableSchema = z.strictObject({ asOf: isoDate, distros: z.array(DistroSchema).min(1) });
