// The loader as the product uses it, and the guarantees around it: the committed tables are exactly
// what the importer writes, the product never reads the reference set, caveats are our own words.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/data/load.js';
import { buildTables } from '../../scripts/reference/build-all.js';
import { formatJson } from '../../scripts/reference/format-json.js';
import { knowledge, ref, snapshot } from './fixtures.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('loadKnowledge', () => {
  it('reads and validates the four tables', () => {
    // Measured on the development container (built, plain node): about 90 ms for the first load of the four
    // files (1,597 sizes), about 35 ms for a second one, most of it zod. Not asserted: timings vary by machine.
    const k = loadKnowledge();
    expect(k.series).toHaveLength(193); // the reference's 191 and the curated Dlsv5 and Dldsv5
    expect(k.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(k.cpus).toHaveLength(54);
    expect(k.distros).toHaveLength(28);
    expect(k.levels.levels.map((l) => l.level)).toEqual(['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4']);
    expect(k.asOf).toBe('2026-11-27');
  });

  it('serves tables that are exactly what npm run data:import writes from the reference', () => {
    const built = buildTables(snapshot);
    const files: Array<[string, unknown]> = [
      ['x86-64-levels.json', built.levels],
      ['cpu-models.json', built.cpus],
      ['vm-series.json', built.series],
      ['distros.json', built.distros],
    ];
    for (const [name, table] of files) {
      const committed = readFileSync(join(SRC, 'data', name), 'utf8');
      expect(committed, `${name} is stale: run npm run data:import`).toBe(formatJson(table));
    }
  });

  it('is the only way the product gets knowledge: nothing under src/ reads the reference set', () => {
    for (const file of filesUnder(SRC).filter((f) => /\.(ts|js|json)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/shared\/reference|\.\.\/shared\b|scripts\/reference/);
    }
  });

  it('words every caveat itself instead of copying the reference notes', () => {
    // no run of 8 words may be shared with the reference's prose notes
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9.,-]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean);
    const grams = new Set<string>();
    const notes = [
      ...ref.series.map((s) => s.notes ?? ''),
      ...ref.generations.series.flatMap((g) => g.notes),
      ...ref.distros.flatMap((d) => d.releases.flatMap((r) => r.notes)),
      ...ref.cpus.flatMap((c) => [...c.notes, c.levelDerivation?.note ?? '']),
    ];
    for (const n of notes) {
      const w = norm(n);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    const caveats = [
      ...knowledge.series.flatMap((s) => s.caveats),
      ...knowledge.cpus.flatMap((c) => c.caveats),
      ...knowledge.distros.flatMap((d) => d.releases.flatMap((r) => r.caveats)),
    ];
    expect(caveats.length).toBeGreaterThan(100);
    for (const c of caveats) {
      expect(c, 'internal note references do not belong in answers').not.toMatch(/§|\b(AVN|CLN|DN|DJ|VMS|CPU notes)\b/);
      const w = norm(c);
      for (let i = 0; i + 8 <= w.length; i++) expect(grams.has(w.slice(i, i + 8).join(' ')), c).toBe(false);
    }
  });

  it('keeps the level rules of the reference', () => {
    for (const l of knowledge.levels.levels) {
      expect(l.cpuinfoFlags).toEqual(ref.levels.levelRulesInCpuinfoSpelling[l.level]);
      expect(l.psabiFeatures).toEqual(ref.levels.levels.find((x) => x.level === l.level)!.features.map((f) => f.psabi));
    }
    const flags = new Set(knowledge.levels.levels.flatMap((l) => l.cpuinfoFlags));
    for (const [alias, flag] of Object.entries(knowledge.levels.flagAliases)) {
      expect(flags.has(flag), alias).toBe(true);
      expect(flags.has(alias), alias).toBe(false);
    }
    expect(knowledge.levels.flagAliases).toMatchObject({ sse3: 'pni', lzcnt: 'abm', cmpxchg16b: 'cx16', lahf: 'lahf_lm', osxsave: 'xsave', bmi: 'bmi1' });
    expect(knowledge.levels.flagAliases['avx512']).toBeUndefined();
  });
});
