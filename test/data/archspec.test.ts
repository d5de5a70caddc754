// Every x86 microarchitecture in archspec: the features we derive for a node (ancestry union, cpuinfo
// spelling, baseline flags) must give the level the psABI rules imply, and that level must agree with
// archspec's own ancestry (a node below x86_64_vN is exactly vN: every node inherits from the generic
// level it reaches, and none reaches a higher one without it).
import { describe, expect, it } from 'vitest';
import { levelOfFlags } from '../../src/core/levels.js';
import { cpuinfoFeaturesOfNode, genericLevelOf, isX86_64 } from '../../scripts/reference/archspec.js';
import { knowledge, ref } from './fixtures.js';

const rules = ref.levels.levelRulesInCpuinfoSpelling;
const LEVELS = ['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'] as const;

/** The psABI rules straight from the reference, independent of src/core/levels.ts and our table. */
function levelByReferenceRules(flags: readonly string[]): string | null {
  let level: string | null = null;
  for (const l of LEVELS) {
    if (!(rules[l] as string[]).every((f) => flags.includes(f))) break;
    level = l;
  }
  return level;
}

const x86Nodes = Object.entries(ref.archspec.microarchitectures)
  .filter(([name, node]) => node.vendor === 'GenuineIntel' || node.vendor === 'AuthenticAMD' || /^x86_64(_v[234])?$/.test(name))
  .map(([name]) => name);

describe('archspec x86 microarchitectures', () => {
  it('covers the nodes the Azure CPUs use', () => {
    for (const c of knowledge.cpus.filter((m) => m.arch === 'x64')) expect(x86Nodes).toContain(c.microarchitecture);
    expect(x86Nodes.length).toBeGreaterThan(30);
  });

  describe.each(x86Nodes.filter((n) => isX86_64(ref.archspec, n)))('%s', (node) => {
    const flags = cpuinfoFeaturesOfNode(ref.archspec, node, rules['x86-64-v1'] as string[]);
    const expected = LEVELS[genericLevelOf(ref.archspec, node) - 1]!;

    it(`is ${expected}, as its archspec ancestry says`, () => {
      expect(levelByReferenceRules(flags)).toBe(expected);
      expect(levelOfFlags(flags, knowledge.levels).level).toBe(expected);
    });
  });

  it('leaves 32-bit nodes without any x86-64 level', () => {
    const legacy = x86Nodes.filter((n) => !isX86_64(ref.archspec, n));
    expect(legacy).toEqual(expect.arrayContaining(['i686', 'pentium4', 'prescott']));
    for (const n of legacy) {
      const flags = cpuinfoFeaturesOfNode(ref.archspec, n, []);
      expect(levelOfFlags(flags, knowledge.levels).level, n).toBeNull();
    }
  });

  it('would notice a mapping that dropped SSE3: the generic v2 node needs the ssse3 alias', () => {
    const v2 = ref.archspec.microarchitectures['x86_64_v2']!.features;
    expect(v2).not.toContain('sse3');
    expect(v2).not.toContain('pni');
    const flags = cpuinfoFeaturesOfNode(ref.archspec, 'x86_64_v2', rules['x86-64-v1'] as string[]);
    expect(flags).toContain('pni');
  });
});
