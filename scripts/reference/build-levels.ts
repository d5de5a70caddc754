// x86-64-levels.json from the reference's x86-64-levels.json.
import type { LevelsTable } from '../../src/data/schema.js';
import { FLAG_ALIASES, LEVEL_SOURCE_PATHS, REFERENCE_COMPILED } from '../reference-overrides.js';
import type { Reference } from './types.js';
import { sourceOfRepoFile } from './sources.js';
import { LEVEL_NAMES } from '../../src/data/level-names.js';

export function buildLevels(ref: Reference): LevelsTable {
  const rules = ref.levels.levelRulesInCpuinfoSpelling;
  const levels = LEVEL_NAMES.map((level) => {
    const entry = ref.levels.levels.find((l) => l.level === level);
    const flags = rules[level];
    if (!entry || !Array.isArray(flags)) throw new Error(`x86-64-levels.json has no ${level}`);
    // The rule list must be exactly the cpuinfo spelling (or documented stand-in) of the psABI features.
    const fromFeatures = new Set(entry.features.map((f) => f.cpuinfo ?? f.cpuinfoProxy ?? ''));
    if (fromFeatures.has('') || fromFeatures.size !== flags.length || !flags.every((f) => fromFeatures.has(f))) {
      throw new Error(`${level}: levelRulesInCpuinfoSpelling disagrees with the feature list`);
    }
    return { level, cpuinfoFlags: [...flags], psabiFeatures: entry.features.map((f) => f.psabi) };
  });

  const sources = LEVEL_SOURCE_PATHS.map((path) => {
    const s = ref.levels.sources.find((x) => x.path === path);
    if (!s) throw new Error(`x86-64-levels.json cites no source with path ${path}`);
    const source = sourceOfRepoFile(s, REFERENCE_COMPILED);
    if (!source) throw new Error(`x86-64-levels.json source ${path} has no address`);
    return source;
  });

  return { levels, flagAliases: { ...FLAG_ALIASES }, sources };
}
