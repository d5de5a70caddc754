// Builds the four src/data tables from the reference. Pure: no file is written here.
import type { CpuModel, Distro, LevelsTable, VmSeries } from '../../src/data/schema.js';
import { buildCpuModels } from './build-cpu-models.js';
import { buildDistros } from './build-distros.js';
import { buildLevels } from './build-levels.js';
import { buildVmSeries } from './build-vm-series.js';
import { curate } from './curated.js';
import type { Reference } from './types.js';

export interface DataTables {
  levels: LevelsTable;
  cpus: { asOf: string; models: CpuModel[] };
  series: { asOf: string; series: VmSeries[] };
  distros: { asOf: string; distros: Distro[] };
}

/** The four tables from the reference with the curated fixes applied (curated.ts). */
export function buildTables(snapshot: Reference): DataTables {
  const ref = curate(snapshot).ref;
  const levels = buildLevels(ref);
  return {
    levels,
    cpus: { asOf: ref.asOf, models: buildCpuModels(ref, levels) },
    series: { asOf: ref.asOf, series: buildVmSeries(ref) },
    distros: { asOf: ref.asOf, distros: buildDistros(ref) },
  };
}
