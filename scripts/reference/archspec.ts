// archspec microarchitecture nodes -> feature sets in /proc/cpuinfo spelling.
//
// archspec lists, per node, only the features it adds or cares about; a node inherits everything of
// the nodes in its `from` list. archspec (for x86) uses the Linux /proc/cpuinfo names with three
// exceptions, taken from x86-64-levels.json (levels[1].notes, levelRulesInCpuinfoSpelling.notes)
// and archspec's own `feature_aliases`:
//   - SSE3 is spelled `sse3` on old nodes (nocona, prescott) where cpuinfo prints `pni`;
//   - newer nodes list only `ssse3` and rely on the alias "sse3 is satisfied by ssse3", so `pni` is
//     implied wherever `ssse3` is present (no CPU has SSSE3 without SSE3);
//   - `sse4.1` / `sse4.2` are accepted spellings of `sse4_1` / `sse4_2`.
// archspec also leaves out the baseline flags every x86-64 CPU has (fpu cx8 cmov fxsr mmx syscall sse
// sse2): callers add those from the level-1 rule list.
import type { RefArchspec } from './types.js';

const ARCHSPEC_TO_CPUINFO: Readonly<Record<string, string>> = {
  sse3: 'pni',
  'sse4.1': 'sse4_1',
  'sse4.2': 'sse4_2',
};

/** The node and every node it inherits from, nearest first, each once. Throws on an unknown name. */
export function ancestryOf(db: RefArchspec, name: string): string[] {
  const seen: string[] = [];
  const visit = (n: string): void => {
    if (seen.includes(n)) return;
    const node = db.microarchitectures[n];
    if (!node) throw new Error(`archspec has no microarchitecture named ${JSON.stringify(n)}`);
    seen.push(n);
    for (const parent of node.from) visit(parent);
  };
  visit(name);
  return seen;
}

/** Union of the features of the node and all its ancestors, as archspec spells them. */
export function archspecFeatures(db: RefArchspec, name: string): Set<string> {
  const out = new Set<string>();
  for (const n of ancestryOf(db, name)) for (const f of db.microarchitectures[n]!.features) out.add(f);
  return out;
}

/** archspec x86 spellings -> /proc/cpuinfo spellings (see the header comment). */
export function toCpuinfoSpelling(features: Iterable<string>, db: RefArchspec): Set<string> {
  const out = new Set<string>();
  for (const f of features) out.add(ARCHSPEC_TO_CPUINFO[f] ?? f);
  // archspec's feature_aliases: "sse3" is satisfied by any of its any_of list (ssse3).
  const sse3 = db.feature_aliases['sse3']?.any_of ?? [];
  if (sse3.some((f) => out.has(f))) out.add('pni');
  return out;
}

/** True when the node is a 64-bit x86 microarchitecture (its ancestry reaches the generic x86_64 node). */
export function isX86_64(db: RefArchspec, name: string): boolean {
  return ancestryOf(db, name).includes('x86_64');
}

/** The highest generic x86_64_vN node in the ancestry: 1 for plain x86_64, 0 when not x86-64 at all. */
export function genericLevelOf(db: RefArchspec, name: string): number {
  let best = 0;
  for (const n of ancestryOf(db, name)) {
    if (n === 'x86_64') best = Math.max(best, 1);
    const m = /^x86_64_v([234])$/.exec(n);
    if (m) best = Math.max(best, Number(m[1]));
  }
  return best;
}

/**
 * Full /proc/cpuinfo feature set of an archspec node: ancestry union, cpuinfo spelling, and for
 * x86-64 nodes the baseline flags. Sorted, so the output is stable.
 */
export function cpuinfoFeaturesOfNode(db: RefArchspec, name: string, x86Baseline: readonly string[]): string[] {
  const raw = archspecFeatures(db, name);
  if (!isX86_64(db, name)) {
    // Arm (and other) nodes: archspec already uses the kernel's names (asimd, sve2, ...).
    return [...raw].sort();
  }
  const flags = toCpuinfoSpelling(raw, db);
  for (const f of x86Baseline) flags.add(f);
  return [...flags].sort();
}
