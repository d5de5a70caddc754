// The two tables behind the CPU family rules: archspec-x86.json must be exactly what the importer
// derives from archspec, and cpu-families.json is validated rule by rule (tampered copies must list
// every problem at once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/data/load.js';
import { loadCpuFamilies, validateCpuFamilies } from '../../src/data/load-cpu-families.js';
import { buildArchspecX86 } from '../../scripts/reference/build-archspec-x86.js';
import { formatJson } from '../../scripts/reference/format-json.js';
import { knowledge, ref } from './fixtures.js';

const readRaw = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
const raw = () => ({ archspec: readRaw('archspec-x86.json'), families: readRaw('cpu-families.json') });

function problemsOf(tamper: (r: { archspec: any; families: any }) => void): string[] {
  const r = raw();
  tamper(r);
  try {
    validateCpuFamilies(r, knowledge.levels);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return (err as DataError).problems;
  }
  return [];
}

describe('archspec-x86.json', () => {
  it('is exactly what npm run data:import derives from archspec', () => {
    const committed = readFileSync(new URL('../../src/data/archspec-x86.json', import.meta.url), 'utf8');
    expect(committed, 'archspec-x86.json is stale: run npm run data:import').toBe(formatJson(buildArchspecX86(ref, knowledge.levels)));
  });

  it('holds every x86 node of archspec, with its licence and source', () => {
    const data = loadCpuFamilies(knowledge.levels);
    const x86 = Object.entries(ref.archspec.microarchitectures).filter(([, n]) => n.vendor === 'GenuineIntel' || n.vendor === 'AuthenticAMD');
    for (const [name] of x86) expect(data.archspec.microarchitectures.map((n) => n.name)).toContain(name);
    expect(data.archspec.licence).toBe('Apache-2.0 OR MIT');
    expect(data.archspec.sources[0]!.url).toContain('90b453f4053b6b139d1d2cb78c463b02e71ef363');
  });
});

describe('cpu-families.json', () => {
  const data = loadCpuFamilies(knowledge.levels);

  it('loads and validates', () => {
    expect(data.families.length).toBeGreaterThan(80);
    expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('cites, for every rule, a model-number source and, where it names a node, archspec itself', () => {
    for (const f of data.families) {
      for (const s of f.sources) {
        expect(new URL(s.url).protocol, f.id).toBe('https:');
        expect(s.asOf <= data.asOf, f.id).toBe(true);
      }
      if (f.microarchitecture)
        expect(
          f.sources.map((s) => s.url),
          f.id,
        ).toContain(data.archspec.sources[0]!.url);
      expect(
        f.sources.some((s) => !s.url.includes('archspec')),
        f.id,
      ).toBe(true);
    }
  });

  it('names only 64-bit nodes, except for parts that have no 64-bit mode (and says so)', () => {
    const nodes = new Map(data.archspec.microarchitectures.map((n) => [n.name, n]));
    for (const f of data.families.filter((x) => x.microarchitecture)) {
      const node = nodes.get(f.microarchitecture!)!;
      if (!node.x86_64) expect(f.caveats.join(' '), f.id).toMatch(/no 64-bit mode/);
    }
  });

  it('words every caveat itself instead of copying the reference notes', () => {
    // no run of 8 words may be shared with the reference's prose (the CPU notes and the CPU records' notes)
    const norm = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^a-z0-9.,-]+/g, ' ')
        .trim()
        .split(' ')
        .filter(Boolean);
    const grams = new Set<string>();
    const prose = [
      readFileSync(join(ref.dir, 'notes', 'cpu-levels-notes.md'), 'utf8'),
      ...ref.cpus.flatMap((c) => [...c.notes, c.levelDerivation?.note ?? '']),
    ];
    for (const n of prose) {
      const w = norm(n);
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    expect(grams.size).toBeGreaterThan(1000);
    for (const c of data.families.flatMap((f) => f.caveats)) {
      const w = norm(c);
      for (let i = 0; i + 8 <= w.length; i++) expect(grams.has(w.slice(i, i + 8).join(' ')), c).toBe(false);
    }
  });

  it('lists every problem of a tampered copy at once', () => {
    const problems = problemsOf((r) => {
      r.families.families[0].microarchitecture = 'no_such_node';
      r.families.families[1].pattern = '(unclosed';
      r.families.families[2].model = 'Intel Xeon E3-{nope}';
      r.families.families[3].caveats = [];
      r.families.families[3].microarchitectureExact = false;
      r.families.families[4].id = r.families.families[5].id;
      r.families.families[6].sources[0].asOf = '2999-01-01';
      r.families.families[7].features = ['sse'];
    });
    expect(problems.some((p) => /no microarchitecture no_such_node/.test(p))).toBe(true);
    expect(problems.some((p) => /pattern does not compile/.test(p))).toBe(true);
    expect(problems.some((p) => /\{nope\}/.test(p))).toBe(true);
    expect(problems.some((p) => /nearest node needs a caveat/.test(p))).toBe(true);
    expect(problems.some((p) => /listed more than once/.test(p))).toBe(true);
    expect(problems.some((p) => /2999-01-01/.test(p))).toBe(true);
    expect(problems.some((p) => /not both/.test(p))).toBe(true);
  });

  it('refuses a pattern that matches nothing at all, and a processor without a node', () => {
    const problems = problemsOf((r) => {
      r.families.families[0].pattern = 'x?';
      r.families.families[1].microarchitecture = null;
      r.families.families[1].microarchitectureExact = false;
    });
    expect(problems.some((p) => /matches empty text/.test(p))).toBe(true);
    expect(problems.some((p) => /needs an archspec node/.test(p))).toBe(true);
  });

  it('refuses a broken archspec table by its schema', () => {
    const problems = problemsOf((r) => {
      r.archspec.microarchitectures[0].features = 'sse';
      delete r.archspec.licence;
    });
    expect(problems.filter((p) => p.startsWith('archspec-x86.json')).length).toBeGreaterThanOrEqual(2);
  });
});
