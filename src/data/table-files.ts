// The tables' file names, alone: what a start needs to find and stamp-check them (stamp.ts) without
// loading the cross-table checks (checks.ts), which run only at build time or when a table changed.

export const FILES = {
  levels: 'x86-64-levels.json',
  cpus: 'cpu-models.json',
  series: 'vm-series.json',
  distros: 'distros.json',
} as const;

/** The CPU family rules' tables (load-cpu-families.ts). */
export const FAMILY_FILES = { archspec: 'archspec-x86.json', families: 'cpu-families.json' } as const;

/** Every table the core loads, in a fixed order. */
export const TABLE_FILES: readonly string[] = [...Object.values(FILES), ...Object.values(FAMILY_FILES)];
