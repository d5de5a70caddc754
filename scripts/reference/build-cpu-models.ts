// cpu-models.json from cpu-models.json + cpu-models-extra.json, with features from archspec.
import { levelOfFlags } from '../../src/core/levels.js';
import type { CpuModel, LevelsTable } from '../../src/data/schema.js';
import { CPU_CAVEATS, CPU_FEATURE_GAPS, CPU_KEYS, REFERENCE_COMPILED } from '../reference-overrides.js';
import { cpuinfoFeaturesOfNode } from './archspec.js';
import { sourceOfRepoFile, uniqueSources } from './sources.js';
import type { Reference } from './types.js';

const VENDORS = ['Intel', 'AMD', 'Ampere', 'Microsoft', 'NVIDIA'] as const;

/** "armv8.2-a" -> "Armv8.2-A" */
export function formatArmArch(raw: string | null): string | null {
  if (raw === null) return null;
  const m = /^armv(\d+\.\d+)-a$/i.exec(raw);
  if (!m) throw new Error(`unexpected Arm architecture ${JSON.stringify(raw)}`);
  return `Armv${m[1]}-A`;
}

export function buildCpuModels(ref: Reference, levels: LevelsTable): CpuModel[] {
  const baseline = levels.levels[0]!.cpuinfoFlags;
  return ref.cpus.map((m): CpuModel => {
    const vendor = VENDORS.find((v) => v === m.vendor);
    if (!vendor) throw new Error(`${m.model}: unknown vendor ${m.vendor}`);
    const keys = CPU_KEYS[m.model];
    if (!keys) throw new Error(`${m.model}: no search keys in reference-overrides.ts`);

    const features = new Set(cpuinfoFeaturesOfNode(ref.archspec, m.microarchitecture, baseline));
    const gap = CPU_FEATURE_GAPS[m.model];
    for (const f of gap?.add ?? []) features.add(f);

    const caveats: string[] = [];
    if (gap) caveats.push(gap.caveat);
    caveats.push(...(CPU_CAVEATS[m.model] ?? []));
    if (/ - model not stated$/.test(m.model)) {
      caveats.push('A stand-in for an unnamed model: Microsoft gives only the processor generation, so its features are those of that generation.');
    }
    if (!m.azureUsageDocumented) {
      caveats.push('No Azure size page in the sources names this model; it is listed for reference.');
    }

    const record: CpuModel = {
      model: m.model,
      vendor,
      codename: m.codename,
      microarchitecture: m.microarchitecture,
      microarchitectureExact: m.microarchitectureExactInArchspec,
      arch: m.arch,
      armArch: formatArmArch(m.armArch),
      features: [...features].sort(),
      keys: [...keys],
      caveats,
      sources: uniqueSources(m.sources.map((s) => sourceOfRepoFile(s, REFERENCE_COMPILED))),
    };

    // The derived level must be the one the reference worked out.
    const level = m.arch === 'x64' ? levelOfFlags(record.features, levels).level : null;
    if (level !== m.level) throw new Error(`${m.model}: features give ${level}, reference says ${m.level}`);
    return record;
  });
}
