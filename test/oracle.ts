// The reference facts in reference/, read independently of src/data: the oracle tests check
// the product against. Nothing in src/ may import this.
import { readFileSync } from 'node:fs';
import { ADDED_SERIES, SERIES_EXTRA_PROCESSORS } from '../scripts/reference-overrides.js';

const dir = new URL('../reference/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

type Level = 'x86-64-v1' | 'x86-64-v2' | 'x86-64-v3' | 'x86-64-v4';
const RANK: Record<Level, number> = { 'x86-64-v1': 1, 'x86-64-v2': 2, 'x86-64-v3': 3, 'x86-64-v4': 4 };

export interface RefSeries {
  series: string;
  arch: 'x64' | 'Arm64';
  processors: string[];
  sizes: Array<{ name: string; vcpus: number; memoryGiB: number; constrainedFrom?: string }>;
}

// The snapshot plus the curated additions (each with its Microsoft source in reference-overrides.ts):
// series the snapshot lacks, and processors Microsoft's benchmark tables show beyond a series' page.
export const refSeries: RefSeries[] = [
  ...(read('azure-vm-series.json') as RefSeries[]).map((s) => ({
    ...s,
    processors: [...s.processors, ...(SERIES_EXTRA_PROCESSORS[s.series] ?? []).map((p) => p.raw)],
  })),
  ...ADDED_SERIES.map((a) => a.series as RefSeries),
];
const aliases: Array<{ raw: string; model: string }> = [
  ...read('processor-aliases.json').aliases,
  ...Object.values(SERIES_EXTRA_PROCESSORS).flatMap((list) => list.map((p) => ({ raw: p.raw, model: p.model }))),
];
const cpuModels: Array<{ model: string; level: Level | null; arch: string }> = [...read('cpu-models.json'), ...read('cpu-models-extra.json')];
export const levelsRef = read('x86-64-levels.json');
export const archspec = read('archspec-microarchitectures.json');
export const refDistros: Array<{
  id: string;
  releases: Array<{ version: string; upstream: Array<{ distro: string; version: string | null; relation: string }> }>;
}> = read('distros.json').distros;

export function modelOf(raw: string): string {
  const hit = aliases.find((a) => a.raw === raw);
  if (!hit) throw new Error(`oracle: no alias for ${raw}`);
  return hit.model;
}

export function levelOfModel(model: string): Level | null {
  const m = cpuModels.find((c) => c.model === model);
  if (!m) throw new Error(`oracle: no cpu model ${model}`);
  return m.level;
}

/** The level a series guarantees per the reference: lowest across its processors; null for Arm or none. */
export function expectedGuarantee(s: RefSeries): Level | null {
  if (s.arch !== 'x64' || s.processors.length === 0) return null;
  const levels = s.processors.map((p) => levelOfModel(modelOf(p)));
  if (levels.some((l) => l === null)) return null;
  return (levels as Level[]).sort((a, b) => RANK[a] - RANK[b])[0]!;
}

export function expectedBest(s: RefSeries): Level | null {
  if (s.arch !== 'x64' || s.processors.length === 0) return null;
  return (s.processors.map((p) => levelOfModel(modelOf(p))) as Level[]).sort((a, b) => RANK[b] - RANK[a])[0]!;
}

/** Level from cpuinfo flags by the reference's own rules (cumulative). */
export function levelFromFlags(flags: Set<string>): Level | null {
  const rules: Record<Level, string[]> = levelsRef.levelRulesInCpuinfoSpelling;
  let got: Level | null = null;
  for (const level of ['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'] as Level[]) {
    if (!rules[level].every((f) => flags.has(f))) break;
    got = level;
  }
  return got;
}
