// Shared by the data tests: the reference set (the oracle, read from reference/, with the curated fact
// fixes of scripts/reference-overrides.ts applied) and the product's own tables (src/data/*.json) loaded
// through the product's loader. The fixes themselves are pinned, with their sources, in fact-fixes.test.ts.
import { readFileSync } from 'node:fs';
import { loadKnowledge, type Knowledge } from '../../src/data/load.js';
import { readReference } from '../../scripts/reference/read.js';
import { curate } from '../../scripts/reference/curated.js';
import type { Reference } from '../../scripts/reference/types.js';

/** The reference snapshot as stored in reference/. */
export const snapshot: Reference = readReference();
/** The snapshot with the curated fact fixes applied: what the tables must hold. */
export const ref: Reference = curate(snapshot).ref;
export const knowledge: Knowledge = loadKnowledge();

/** The four JSON documents as stored, for tests that tamper with copies. */
export function rawTables(): { levels: unknown; cpus: unknown; series: unknown; distros: unknown } {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
  return {
    levels: read('x86-64-levels.json'),
    cpus: read('cpu-models.json'),
    series: read('vm-series.json'),
    distros: read('distros.json'),
  };
}

export function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}
