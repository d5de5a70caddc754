// "First and briefly": a summary states each thing once. Every size, series, Azure processor and family-rule
// processor is asked the question shapes people ask of it (its level, a feature, a vendor, its processors, a release on
// it, its generation, lifecycle, vCPUs), and the summary may not claim the same level twice,
// give two verdicts, name the same processor twice, repeat a name inside its own parenthesis ("(Genoa) … (Genoa
// (Zen 4)"), or add the level to a generation, vCPU or lifecycle answer that did not ask for it.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { CPU_FAMILY_EXAMPLES } from '../fixtures/cpu-family-examples.js';

const c = catalog();

/** "guarantees x86-64-v3", "is only x86-64-v2", "stop at x86-64-v3", "reaches x86-64-v4": a level claimed. */
const LEVEL_CLAIM = /\b(?:guarantees(?: only)?|is(?: only)?|stops? at|reach(?:es)?|may reach)\s+(x86-64-v[1-4])\b/g;
/** A verdict opening a sentence: "Yes —", "No:", "Not guaranteed:", "It depends —". */
const VERDICT = /(?:^|[.!?]\s+)(?:Yes|No|Not guaranteed|Not yet|It depends|Unknown|Not stated)(?:, [a-z ]+)?\s*[—:]/g;

/** Every way the summary says a thing twice, as readable problems (none: an empty list). */
function saidTwice(summary: string, processors: readonly string[]): string[] {
  const problems: string[] = [];
  const claims = [...summary.matchAll(LEVEL_CLAIM)].map((m) => m[1]!);
  for (const level of new Set(claims)) if (claims.filter((l) => l === level).length > 1) problems.push(`claims ${level} twice`);
  if ((summary.match(VERDICT) ?? []).length > 1) problems.push('gives two verdicts');
  for (const name of new Set(processors)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const times = summary.match(new RegExp(`${escaped}(?![A-Za-z0-9])`, 'g'))?.length ?? 0;
    if (times > 1) problems.push(`names ${name} ${times} times`);
  }
  // "(Genoa) - model not stated (Genoa (Zen 4)": a parenthesis repeating the one just before it
  const repeat = /\((\w+)\)[^().]{0,40}\(\1(?=[\s,()-])/.exec(summary);
  if (repeat) problems.push(`repeats “${repeat[1]}” in its own parenthesis`);
  return problems;
}

function expectOnce(question: string, processors: readonly string[], besideLevel = false): void {
  const a = ask(question);
  const problems = saidTwice(a.summary, processors);
  // a generation, vCPU or lifecycle question: the level is a fact line, not part of the summary
  if (besideLevel && /x86-64-v\d/.test(a.summary)) problems.push('states the level, which was not asked');
  expect(problems, `${question} -> ${a.summary}`).toEqual([]);
}

const machines = c.series.flatMap((s) => [{ name: s.record.series, series: s }, ...s.record.sizes.map((z) => ({ name: z.name, series: s }))]);

describe('a size or series answer says each thing once', () => {
  test('every size and series is walked', () => {
    expect(machines.length).toBeGreaterThan(1600);
  });

  test.each(machines.map((m) => [m.name, m] as const))('%s', (name, m) => {
    const cpus = m.series.cpus.map((x) => x.model.model);
    for (const q of [
      `/cpulevel ${name}`,
      `does ${name} support AVX512?`,
      `does ${name} support x86-64-v3`,
      `does ${name} support x86-64-v2?`,
      `is ${name} AMD?`,
      `is ${name} Intel or AMD?`,
      `which processors does ${name} run on?`,
      `can I run RHEL 10 on ${name}?`,
      `does Ubuntu 24.04 run on ${name}?`,
    ])
      expectOnce(q, cpus);
    for (const q of [`does ${name} support gen2?`, `is ${name} retired?`]) expectOnce(q, cpus, true);
    // a series has no one vCPU count
    if (name !== m.series.record.series) expectOnce(`how many vCPUs does ${name} have?`, cpus, true);
  });
});

describe('a processor answer says each thing once', () => {
  test.each([...c.cpus.values()].map((x) => [x.model.model, x] as const))('%s', (model, x) => {
    for (const q of [`/cpulevel ${model}`, `does my ${model} support x86-64-v3`, `is ${model} x86-64-v2?`, `can ${model} run RHEL 10?`])
      expectOnce(q, [x.model.model]);
  });

  test.each(CPU_FAMILY_EXAMPLES.map((e) => [e[0], e[1]] as const))('%s', (typed, id) => {
    for (const q of [`/cpulevel ${typed}`, `does my ${typed} support x86-64-v3`, `is my ${typed} x86-64-v2?`]) expectOnce(q, []);
    // not yet: a virtual CPU type with a release is a triage answer, which still says the generic level three times
    if (!/^qemu-/.test(id)) expectOnce(`can my ${typed} run RHEL 10?`, []);
  });
});

describe('the checks catch what they are for', () => {
  test.each([
    ['Yes: NCv3 guarantees x86-64-v3. Standard_NC6s_v3 guarantees x86-64-v3 (Intel Xeon E5-2690 v4).', 'claims x86-64-v3 twice'],
    ['Yes — A is x86-64-v3. No — B is x86-64-v2.', 'gives two verdicts'],
    ['Yes — X runs on Intel Xeon E5-2690 v4 (Broadwell). X guarantees x86-64-v3 (Intel Xeon E5-2690 v4).', 'names Intel Xeon E5-2690 v4 2 times'],
    ['Yes — X runs on AMD EPYC 9004 (Genoa) - model not stated (Genoa (Zen 4), x86-64-v4).', 'repeats “Genoa” in its own parenthesis'],
    ['No — X runs on Intel Xeon E5 v3 (Haswell) - model not stated (Haswell-EP (Xeon E5 v3 family), x86-64-v3).', 'repeats “Haswell” in its own parenthesis'],
  ])('%s', (summary, problem) => {
    expect(saidTwice(summary, ['Intel Xeon E5-2690 v4', 'Intel Xeon E5-2690 v3'])).toContain(problem);
  });

  test('a name that is itself in parentheses may open the next sentence', () => {
    expect(saidTwice('Yes: Dv2 (11-15) guarantees x86-64-v3. Dv2 (11-15) may reach x86-64-v4 on some processors.', [])).toEqual([]);
    expect(saidTwice('X is Whitehaven (Zen) / Colfax (Zen+).', [])).toEqual([]);
  });

  test('a processor whose name is the start of another is counted apart', () => {
    expect(saidTwice('X may land on AMD EPYC 7763v or AMD EPYC 7763.', ['AMD EPYC 7763', 'AMD EPYC 7763v'])).toEqual([]);
  });
});
