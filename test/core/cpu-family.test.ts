// CPUs beyond Azure's list, by family rules (src/data/cpu-families.json, src/core/cpu-family.ts).
// Every rule is walked with real model numbers, boundary models included, each found inside a
// sentence; the expected archspec node is written here (a fact about the model), and the expected
// level is computed here, independently of src/core/levels.ts, from that node's features in
// archspec-x86.json and cross-checked against archspec's own ancestry (a node under x86_64_vN is vN).
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { identifyCpu, identifyCpus } from '../../src/core/cpu-family.js';
import type { ArchspecX86Table, LevelsTable } from '../../src/data/schema.js';
import { CPU_FAMILY_EXAMPLES as EXAMPLES } from '../fixtures/cpu-family-examples.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
const archspec = read('archspec-x86.json') as ArchspecX86Table;
const levels = read('x86-64-levels.json') as LevelsTable;
const nodes = new Map(archspec.microarchitectures.map((n) => [n.name, n]));
const c = catalog();

/** The psABI rules, written again here: the highest level whose flags (and every lower level's) are all present. */
function levelOf(flags: readonly string[]): string | null {
  let level: string | null = null;
  for (const l of levels.levels) {
    if (!l.cpuinfoFlags.every((f) => flags.includes(f))) break;
    level = l.level;
  }
  return level;
}

/** archspec's own answer: the highest generic x86_64_vN node the microarchitecture inherits from. */
function ancestryLevel(name: string): string | null {
  const n = nodes.get(name)!;
  const line = [name, ...n.ancestry];
  if (!line.includes('x86_64')) return null;
  const v = Math.max(1, ...line.map((a) => Number(/^x86_64_v([234])$/.exec(a)?.[1] ?? 0)));
  return `x86-64-v${v}`;
}

describe('every family rule, walked with real model numbers', () => {
  test.each(EXAMPLES.map((e) => [e[0], e] as const))('%s', (_t, [typed, id, node]) => {
    const text = `my ${typed} box crashes on boot`;
    const m = identifyCpu(c, text);
    expect(m, typed).not.toBeNull();
    expect(m!.family.rule.id).toBe(id);
    expect(m!.family.rule.microarchitecture).toBe(node);
    // the span is where the model is, brand words included, and nothing of the sentence around it
    expect(text.slice(m!.start, m!.end)).toBe(m!.typed);
    // the longest word with a digit is the model number ("Q6600", "E5-2670", "qemu64")
    const number =
      typed
        .split(/[\s,]+/)
        .filter((w) => /\d/.test(w) && !/ghz|-core/i.test(w))
        .reduce((a, w) => (w.length > a.length ? w : a), '') || 'host';
    expect(m!.typed).toContain(number);
    expect(m!.typed).not.toMatch(/\b(my|box|crashes)\b/);
    if (node) {
      const expected = levelOf(nodes.get(node)!.features);
      expect(ancestryLevel(node)).toBe(expected);
      expect(m!.family.level).toBe(expected);
    }
  });

  it('covers every rule with at least two real model numbers', () => {
    for (const f of c.cpuFamilies.families) {
      expect(EXAMPLES.filter((e) => e[1] === f.rule.id).length, f.rule.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('computes each virtual CPU level from its own feature list, and leaves `host` without one', () => {
    for (const f of c.cpuFamilies.families.filter((x) => x.rule.kind === 'virtual-cpu')) {
      expect(f.level).toBe(f.rule.features ? levelOf(f.rule.features) : null);
    }
    expect(c.cpuFamilies.families.find((f) => f.rule.id === 'qemu-kvm64')!.level).toBe('x86-64-v1');
  });
});

describe('the vN of a Xeon E3/E5/E7 is a generation, never a level', () => {
  const generational = EXAMPLES.filter(([t]) => /^(Xeon |e)?e[357][\s-]*\d{4}[a-z]?\s*v\d/i.test(t.replace(/^Intel\(R\) Xeon\(R\) CPU /, '')));

  it('walks every generation', () => {
    expect(new Set(generational.map((g) => /v(\d)/i.exec(g[0])![1])).size).toBe(6);
  });

  test.each(generational.map((g) => [g[0], g] as const))('%s', (_t, [typed, , node]) => {
    const m = identifyCpu(c, typed)!;
    expect(m.family.level).toBe(levelOf(nodes.get(node!)!.features));
    // the same model with any other suffix is a different family, or none: the suffix picks the node
    const other = identifyCpu(
      c,
      typed.replace(/v(\d)/i, (_, d: string) => `v${(Number(d) % 6) + 1}`),
    );
    if (other) expect(other.family.rule.id).not.toBe(m.family.rule.id);
  });

  it('says Broadwell (x86-64-v3) for the E5-2680 v4, whatever the sentence around it', () => {
    for (const t of ['E5-2680 v4', 'does my Xeon E5-2680 v4 support x86-64-v4?', 'E5-2680v4 on RHEL 10']) {
      const m = identifyCpu(c, t)!;
      expect(m.model).toBe('Intel Xeon E5-2680 v4');
      expect(m.family.rule.codename).toBe('Broadwell-EP');
      expect(m.family.level).toBe('x86-64-v3');
    }
  });

  it('knows no E5 v5 or v6', () => {
    expect(identifyCpu(c, 'E5-2680 v5')).toBeNull();
    expect(identifyCpu(c, 'E5-2680 v6')).toBeNull();
  });
});

describe('agreement with Azure’s own CPU records', () => {
  it('gives the level Azure’s record gives, for every Azure x64 CPU a family rule recognises', () => {
    let compared = 0;
    for (const cpu of c.cpus.values()) {
      if (cpu.model.arch !== 'x64') continue;
      for (const name of [cpu.model.model, ...cpu.model.keys]) {
        const m = identifyCpu(c, name);
        if (!m) continue;
        compared++;
        expect(m.family.level, `${cpu.model.model} as "${name}" (${m.family.rule.id})`).toBe(cpu.level);
      }
    }
    // nearly every Azure x64 processor is recognised by some rule, so the comparison is not vacuous
    expect(compared).toBeGreaterThan(80);
  });
});

describe('agreement with the processor names Azure’s size pages print', () => {
  it('reads every printed processor it recognises at a level one of that series’ processors has', () => {
    let compared = 0;
    for (const s of c.series) {
      for (const printed of s.record.processorsAsPrinted) {
        for (const m of identifyCpus(c, printed)) {
          compared++;
          expect(
            s.cpus.map((x) => x.level),
            `${s.record.series}: "${printed}" read as ${m.model}`,
          ).toContain(m.family.level);
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});

describe('what is not a CPU model', () => {
  test.each([
    'x86-64-v4',
    'which sizes guarantee x86-64-v3?',
    'Standard_D4s_v5',
    'can I run rhel 10 on a D2s v3?',
    'E2s v5',
    'Dasv5 vs Easv5',
    'i7',
    'EPYC',
    'Ryzen 7',
    'Gold',
    'what is azure linux 4.0 based on?',
    'N95 mask',
    'host',
    'kvm',
    'Athlon 64 X2 5000+',
    'Athlon X4 860K',
    'Xeon 1230 v3',
  ])('%s', (text) => {
    expect(identifyCpus(c, text)).toEqual([]);
  });
});

describe('no VM size, series or distro name is read as a CPU model', () => {
  it('walks every size and series name, as written and loosely typed', () => {
    for (const s of c.series) {
      expect(identifyCpus(c, s.record.series), s.record.series).toEqual([]);
      for (const z of s.record.sizes) {
        const bare = z.name.replace(/^(Standard|Basic)_/, '');
        for (const typed of [z.name, bare, bare.replace(/_/g, ' ')]) expect(identifyCpus(c, typed), typed).toEqual([]);
      }
    }
  });

  it('walks every distro and release name', () => {
    for (const d of c.distros) {
      for (const name of [d.id, d.name, ...d.aliases]) expect(identifyCpus(c, name), name).toEqual([]);
      for (const r of d.releases) for (const name of [`${d.name} ${r.version}`, ...r.aliases]) expect(identifyCpus(c, name), name).toEqual([]);
    }
  });
});

describe('several models in one sentence', () => {
  it('finds them left to right with their spans', () => {
    const text = 'E5-2680 v4 vs EPYC 7763 vs i7-4770K';
    const found = identifyCpus(c, text);
    expect(found.map((m) => m.model)).toEqual(['Intel Xeon E5-2680 v4', 'AMD EPYC 7763', 'Intel Core i7-4770K']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.typed);
  });

  it('writes the model as the vendor does, whatever the typing', () => {
    expect(identifyCpu(c, 'i7 4770k')!.model).toBe('Intel Core i7-4770K');
    expect(identifyCpu(c, 'xeon gold 6248')!.model).toBe('Intel Xeon Gold 6248');
    expect(identifyCpu(c, 'Intel(R) Celeron(R) G6900')!.model).toBe('Intel Celeron G6900');
    expect(identifyCpu(c, 'ryzen ai max+ 395')!.model).toBe('AMD Ryzen AI Max+ 395');
    expect(identifyCpu(c, 'xeon x5690')!.model).toBe('Intel Xeon X5690');
    expect(identifyCpu(c, 'atom x5-z8350')!.model).toBe('Intel Atom x5-Z8350');
    expect(identifyCpu(c, 'phenom ii x4 945')!.model).toBe('AMD Phenom II X4 945');
  });
});
