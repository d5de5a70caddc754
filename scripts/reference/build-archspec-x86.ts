// archspec-x86.json from the reference's copy of archspec's microarchitectures.json: every x86
// microarchitecture node with its ancestry and its full feature set in /proc/cpuinfo spelling
// (ancestry union, archspec's sse3 alias, the x86-64 baseline flags), so the product can compute any
// node's level with the same rules as everything else, without archspec itself.
import type { ArchspecX86Table, LevelsTable } from '../../src/data/schema.js';
import { ARCHSPEC_X86_SOURCE } from '../reference-overrides.js';
import { ancestryOf, cpuinfoFeaturesOfNode, isX86_64 } from './archspec.js';
import type { Reference } from './types.js';

const X86_VENDORS = new Set(['GenuineIntel', 'AuthenticAMD']);

export function buildArchspecX86(ref: Reference, levels: LevelsTable): ArchspecX86Table {
  const db = ref.archspec;
  const baseline = levels.levels[0]!.cpuinfoFlags;
  const names = Object.keys(db.microarchitectures).filter((n) => {
    const node = db.microarchitectures[n]!;
    return X86_VENDORS.has(node.vendor) || /^x86(_64(_v[234])?)?$/.test(n);
  });
  return {
    asOf: ARCHSPEC_X86_SOURCE.asOf,
    licence: 'Apache-2.0 OR MIT',
    sources: [{ ...ARCHSPEC_X86_SOURCE }],
    microarchitectures: names.map((name) => ({
      name,
      vendor: db.microarchitectures[name]!.vendor,
      x86_64: isX86_64(db, name),
      ancestry: ancestryOf(db, name).slice(1),
      features: cpuinfoFeaturesOfNode(db, name, baseline),
    })),
  };
}
