// The few-pass test that some family rule matches (CpuFamilyIndex.mayMatch), which lets findAll skip
// the 115 rules for the many texts that name no model number: it must say yes exactly when a rule
// matches, over real model numbers, every name in the catalog, misspellings and ordinary questions.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { unnamedGroups } from '../../src/core/cpu-family.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';
import { misspell } from '../../bench/misspellings.js';
import { QUESTIONS } from '../../bench/core.js';

const c = catalog();
const rules = c.cpuFamilies.families.map((f) => new RegExp(f.rule.pattern, 'gi'));
const someRule = (text: string) => rules.some((r) => ((r.lastIndex = 0), r.test(text)));

describe('mayMatch', () => {
  const texts = [
    ...CPU_FAMILY_EXAMPLES.map(([typed]) => typed),
    ...CPU_FAMILY_EXAMPLES.map(([typed], i) => `my ${misspell(typed, i)} box crashes`),
    ...c.sizes.map((s) => s.size.name),
    ...c.series.map((s) => `${s.record.series} series`),
    ...[...c.cpus.values()].map((cpu) => cpu.model.model),
    ...[...c.cpus.values()].map((cpu, i) => misspell(cpu.model.model, i)),
    ...c.distros.flatMap((d) => d.releases.map((r) => `can I run ${d.name} ${r.version} on a Xeon E5-2673 v4?`)),
    ...QUESTIONS,
    'qemu -cpu host',
    'host-passthrough',
    'x86-64-v2-AES',
    'kvm64',
    'qemu64',
    'Gold 6148',
    'i9-7980XE',
    'EPYC 7763',
    'FX-7600P',
    '',
    'hello',
    'x86-64-v3',
    'E5-',
    'Xeon',
    '(?<n>)',
  ];

  test(`agrees with trying every rule, over ${texts.length} texts (${texts.filter(someRule).length} of them matched by some rule)`, () => {
    expect(texts.filter(someRule).length).toBeGreaterThan(CPU_FAMILY_EXAMPLES.length - 1);
    for (const t of texts) expect(c.cpuFamilies.mayMatch(t), t).toBe(someRule(t));
  });

  test('a text no rule matches is found to name no model number; one a rule matches, as before', () => {
    expect(c.cpuFamilies.findAll('which cpu is behind Standard_D4s_v5?')).toEqual([]);
    expect(c.cpuFamilies.findAll('my Xeon E5-2680 v4 box')[0]?.model).toBe('Intel Xeon E5-2680 v4');
  });

  test('group names go, lookbehinds and escaped brackets stay', () => {
    expect(unnamedGroups('(?<n>a)(?<tier>b)')).toBe('(?:a)(?:b)');
    expect(unnamedGroups('(?<=x)(?<!y)\\(?<n>')).toBe('(?<=x)(?<!y)\\(?<n>');
  });
});
