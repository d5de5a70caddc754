// `/cpulevel <cpu model>` for processors beyond Azure's list, through the real core: every family
// example answers with the level archspec's features give (computed here, independently), says the
// level comes from the family rule, and keeps Azure's own records first where Azure documents the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import type { ArchspecX86Table, LevelsTable } from '../../src/data/schema.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8'));
const archspec = read('archspec-x86.json') as ArchspecX86Table;
const levels = read('x86-64-levels.json') as LevelsTable;
const features = new Map(archspec.microarchitectures.map((n) => [n.name, n]));

function levelOf(flags: readonly string[]): string | null {
  let level: string | null = null;
  for (const l of levels.levels) {
    if (!l.cpuinfoFlags.every((f) => flags.includes(f))) break;
    level = l.level;
  }
  return level;
}

const azureKeys = new Set([...catalog().cpuByKey.keys()]);
const keyOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('/cpulevel with a model number a family rule knows', () => {
  test.each(CPU_FAMILY_EXAMPLES.filter(([, , node]) => node !== null).map((e) => [e[0], e] as const))('%s', (_t, [typed, id, node]) => {
    const a = ask(`/cpulevel ${typed}`);
    expect(a.kind).toBe('cpu');
    if (a.kind !== 'cpu') return;
    const expected = features.get(node!)!.x86_64 ? levelOf(features.get(node!)!.features) : null;
    expect(a.level).toBe(expected);
    expect(a.arch).toBe('x64');
    if (expected) expect(a.summary).toContain(expected);
    const documented = azureKeys.has(keyOf(a.processor)) && !a.facts.some((f) => f.label === 'Basis');
    if (!documented) {
      // the family's answer: which family, which node, and that no Azure size page is the basis
      const family = catalog().cpuFamilies.families.find((f) => f.rule.id === id)!;
      expect(a.facts.find((f) => f.label === 'Family')?.value).toBe(family.rule.family);
      expect(a.facts.find((f) => f.label === 'Microarchitecture')?.value).toContain(node!);
      expect(a.facts.find((f) => f.label === 'Basis')?.value).toMatch(/model-number rule .* no Azure size page/);
      expect(a.sources.map((s) => s.url)).toEqual(expect.arrayContaining(family.rule.sources.map((s) => s.url)));
    }
  });

  it('never answers a Xeon’s generation suffix as a level list', () => {
    for (const typed of ['E5-2680 v4', 'Xeon E5-2699 v4', 'E3-1230 v5', 'E3-1275 v6', 'E7-8890 v4', 'E5-2670 v2']) {
      const a = ask(`/cpulevel ${typed}`);
      expect(a.kind, typed).toBe('cpu');
    }
    const a = ask('/cpulevel Xeon E5-2680 v4');
    expect(a.kind === 'cpu' && a.level).toBe('x86-64-v3');
    expect(a.summary).toContain('generation, not the level');
  });

  it('names the Azure series that run on the same microarchitecture', () => {
    const a = ask('/cpulevel E5-2680 v4');
    const onBroadwell = catalog()
      .series.filter((s) => s.record.retirement?.status !== 'retired' && s.cpus.some((c) => c.model.microarchitecture === 'broadwell'))
      .map((s) => s.record.series);
    expect(onBroadwell.length).toBeGreaterThan(0);
    const listed = a.facts.find((f) => /^Azure series/.test(f.label))!.value;
    for (const s of onBroadwell.slice(0, 12)) expect(listed).toContain(s);
  });
});

describe('Azure’s own CPU records keep priority', () => {
  it('answers every Azure x64 processor, typed by any of its names, from Azure’s record', () => {
    for (const cpu of catalog().cpus.values()) {
      if (cpu.model.arch !== 'x64') continue;
      for (const name of [cpu.model.model, ...cpu.model.keys.filter((k) => /\d/.test(k))]) {
        const a = ask(`/cpulevel ${name}`);
        if (a.kind !== 'cpu') continue; // a bare codename or a shared key is answered elsewhere
        expect(a.level, name).toBe(cpu.level);
        if (a.processor !== cpu.model.model)
          expect(
            a.facts.some((f) => f.label === 'Basis'),
            name,
          ).toBe(false);
      }
    }
  });

  it('does not read a newer generation as Azure’s older part with the same digits', () => {
    // Azure documents the E5-2660 (Sandy Bridge, v2); the E5-2660 v3 is Haswell (v3)
    const a = ask('/cpulevel Xeon E5-2660 v3');
    expect(a.kind === 'cpu' && a.processor).toBe('Intel Xeon E5-2660 v3');
    expect(a.kind === 'cpu' && a.level).toBe(levelOf(features.get('haswell')!.features));
    expect(ask('/cpulevel Xeon E5-2660').kind === 'cpu' && (ask('/cpulevel Xeon E5-2660') as { processor: string }).processor).toBe('Intel Xeon E5-2660');
  });
});

describe('virtual CPU models and parts without a level', () => {
  it('answers kvm64, qemu64 and Proxmox x86-64-v2-AES from their own feature lists', () => {
    for (const [name, id] of [
      ['kvm64', 'qemu-kvm64'],
      ['qemu64', 'qemu-qemu64'],
      ['x86-64-v2-AES', 'proxmox-x86-64-v2-aes'],
    ] as const) {
      const a = ask(`/cpulevel ${name}`);
      const rule = catalog().cpuFamilies.families.find((f) => f.rule.id === id)!.rule;
      expect(a.kind === 'cpu' && a.level, name).toBe(levelOf(rule.features!));
      expect(a.facts.find((f) => f.label === 'Basis')?.value, name).toMatch(new RegExp(`feature list ${rule.vendor} defines`));
    }
  });

  it('says the host decides under host passthrough, and how to check', () => {
    const a = ask('/cpulevel -cpu host');
    expect(a.kind === 'cpu' && a.level).toBeNull();
    expect(a.sections.some((s) => s.title === 'How to check')).toBe(true);
  });

  it('says a 32-bit Atom has no x86-64 level at all', () => {
    const a = ask('/cpulevel Atom N270');
    expect(a.kind === 'cpu' && a.level).toBeNull();
    expect(a.summary).toMatch(/no 64-bit mode/);
  });
});

describe('a processor nothing recognises', () => {
  test.each(['Athlon 64 X2', 'Xeon E5-2680 v5', 'Ryzen 7 PRO', 'Athlon X4 860K', 'Intel Core Ultra 9 385H'])('%s', (typed) => {
    const a = ask(`/cpulevel ${typed}`);
    expect(a.kind).toBe('not-found');
    expect(a.summary).toMatch(/don't recognise the processor/);
    const how = a.sections.find((s) => s.title === 'How to check');
    expect(how?.lines?.join(' ')).toMatch(/ld\.so --help/);
    expect(how?.lines?.join(' ')).toMatch(/\/cpulevel flags/);
    // no far-fetched suggestions: only names sharing a brand or a model number with what was typed
    for (const s of a.suggestions)
      expect(
        s.match(/\d{3,}|Xeon|EPYC|Ryzen/g)?.some((n) => typed.includes(n)),
        s,
      ).toBe(true);
  });

  it('suggests documented processors of the same brand, never another brand', () => {
    expect(ask('/cpulevel Athlon 64 X2').suggestions).toEqual([]);
    const epyc = ask('/cpulevel EPYC 1234').suggestions;
    expect(epyc.length).toBeGreaterThan(0);
    for (const s of epyc) expect(s).toMatch(/EPYC/);
  });
});
