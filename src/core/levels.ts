// x86-64 levels computed from CPU feature flags by the psABI rules in src/data/x86-64-levels.json.
// Levels are cumulative: a CPU is at level N only when it has every flag of levels 1..N.
import { LEVEL_NAMES } from '../data/level-names.js';
import type { LevelName, LevelsTable } from '../data/schema.js';

export const LEVELS: readonly LevelName[] = LEVEL_NAMES;

export interface LevelResult {
  /** highest level whose flags (and all lower levels' flags) are present; null if not even v1 */
  level: LevelName | null;
  /** flags missing for the next level up (empty at v4) */
  missingForNext: string[];
}

/** Normalise one typed flag to /proc/cpuinfo spelling: lower case, '-' and '.' as '_', aliases applied. */
export function normaliseFlag(flag: string, table: LevelsTable): string {
  const plain = flag.trim().toLowerCase().replace(/[-.]/g, '_');
  // own properties only: "__proto__" typed by a user is not an alias
  return Object.hasOwn(table.flagAliases, plain) ? table.flagAliases[plain]! : plain;
}

export function levelOfFlags(flags: Iterable<string>, table: LevelsTable): LevelResult {
  const have = new Set<string>();
  for (const f of flags) have.add(normaliseFlag(f, table));
  let level: LevelName | null = null;
  for (const step of table.levels) {
    const missing = step.cpuinfoFlags.filter((f) => !have.has(f));
    if (missing.length > 0) return { level, missingForNext: missing };
    level = step.level;
  }
  return { level, missingForNext: [] };
}

export function levelRank(level: LevelName): number {
  return LEVELS.indexOf(level) + 1;
}

/** Lowest of several levels (null entries mean "unknown" and are ignored). */
export function lowestLevel(levels: Array<LevelName | null>): LevelName | null {
  let best: LevelName | null = null;
  // Stryker disable next-line EqualityOperator: equivalent, an equal rank is the same level
  for (const l of levels) if (l && (!best || levelRank(l) < levelRank(best))) best = l;
  return best;
}

export function highestLevel(levels: Array<LevelName | null>): LevelName | null {
  let best: LevelName | null = null;
  // Stryker disable next-line EqualityOperator: equivalent, an equal rank is the same level
  for (const l of levels) if (l && (!best || levelRank(l) > levelRank(best))) best = l;
  return best;
}
