// Every CPU model of the reference: the level computed from our features by the product's own rules
// (src/core/levels.ts) must equal the level the reference derived.
import { describe, expect, it } from 'vitest';
import { levelOfFlags } from '../../src/core/levels.js';
import { archspecFeatures, toCpuinfoSpelling } from '../../scripts/reference/archspec.js';
import { knowledge, ref } from './fixtures.js';

const byModel = new Map(knowledge.cpus.map((c) => [c.model, c]));
const baseline = knowledge.levels.levels[0]!.cpuinfoFlags;

describe('cpu-models.json', () => {
  it('holds every model of cpu-models.json and cpu-models-extra.json, in order', () => {
    expect(knowledge.cpus.map((c) => c.model)).toEqual(ref.cpus.map((c) => c.model));
    expect(knowledge.cpus).toHaveLength(54);
  });

  it('holds every model processor-aliases.json points at', () => {
    expect(ref.aliases.length).toBeGreaterThanOrEqual(67);
    for (const a of ref.aliases) expect(byModel.has(a.model), a.model).toBe(true);
  });

  it('checks the level derivation of every x64 model below v4 (27 of 50 at the time of writing)', () => {
    const x64 = ref.cpus.filter((c) => c.arch === 'x64');
    expect(x64.length).toBeGreaterThanOrEqual(50);
    const below = x64.filter((c) => c.level !== 'x86-64-v4');
    expect(below.length).toBeGreaterThanOrEqual(27);
    for (const c of below) expect(c.levelDerivation, c.model).toBeTruthy();
    expect(x64.filter((c) => c.levelDerivation?.observedCpuinfo)).toHaveLength(1);
  });

  describe.each(ref.cpus.map((c) => [c.model, c] as const))('%s', (name, r) => {
    const c = byModel.get(name)!;

    it('keeps vendor, codename, microarchitecture and arch', () => {
      expect(c.vendor).toBe(r.vendor);
      expect(c.codename).toBe(r.codename);
      expect(c.microarchitecture).toBe(r.microarchitecture);
      expect(c.microarchitectureExact).toBe(r.microarchitectureExactInArchspec);
      expect(c.arch).toBe(r.arch);
    });

    if (r.arch === 'x64') {
      it(`is ${r.level} by the level rules`, () => {
        const result = levelOfFlags(c.features, knowledge.levels);
        expect(result.level).toBe(r.level);
        // what is missing for the next level can only be narrower than archspec's short list says
        const next = ['missingForV2', 'missingForV3', 'missingForV4'][Number(r.level!.slice(-1)) - 1] as
          | 'missingForV2'
          | 'missingForV3'
          | 'missingForV4'
          | undefined;
        expect(Boolean(next && r.levelDerivation), 'below v4, the derivation is checked').toBe(r.level !== 'x86-64-v4');
        if (next && r.levelDerivation) {
          expect(result.missingForNext.length).toBeGreaterThan(0);
          for (const f of result.missingForNext) expect(r.levelDerivation[next]).toContain(f);
          const observed = r.levelDerivation.observedCpuinfo;
          if (observed && next === 'missingForV2') expect([...result.missingForNext].sort()).toEqual([...observed.missingForV2].sort());
        }
        expect(c.armArch).toBeNull();
      });

      it('has its archspec ancestry and the x86-64 baseline in cpuinfo spelling', () => {
        const fromArchspec = toCpuinfoSpelling(archspecFeatures(ref.archspec, r.microarchitecture), ref.archspec);
        for (const f of [...fromArchspec, ...baseline]) expect(c.features).toContain(f);
        expect(c.features).not.toContain('sse3');
        expect(c.features).not.toContain('osxsave');
      });
    } else {
      it('is an Arm64 part with its Arm architecture and no x86-64 level', () => {
        expect(c.arch).toBe('Arm64');
        expect(r.level).toBeNull();
        expect(c.armArch?.toLowerCase()).toBe(r.armArch);
        expect(c.features).toContain('asimd');
        expect(c.features).not.toContain('sse2');
      });
    }

    it('has search keys that lead to it alone', () => {
      expect(c.keys.length).toBeGreaterThan(0);
      const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
      for (const k of c.keys) {
        const owners = knowledge.cpus.filter((o) => o.keys.some((x) => key(x) === key(k)));
        expect(
          owners.map((o) => o.model),
          k,
        ).toEqual([name]);
      }
    });
  });

  it('explains where archspec is known to be incomplete', () => {
    expect(byModel.get('AMD Opteron 4171 HE')!.caveats.join(' ')).toMatch(/sample/);
    for (const m of ['Intel Xeon E5-2660', 'Intel Xeon E5-2670', 'Intel Xeon E5-2660 v2']) {
      expect(byModel.get(m)!.features).toContain('xsave');
      expect(byModel.get(m)!.caveats.join(' ')).toMatch(/omits xsave/);
    }
    const inexact = knowledge.cpus.filter((x) => !x.microarchitectureExact);
    expect(inexact.length).toBeGreaterThanOrEqual(8);
    for (const c of inexact) {
      expect(c.caveats.length, c.model).toBeGreaterThan(0);
    }
  });
});
