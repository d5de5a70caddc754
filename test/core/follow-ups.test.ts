// Short follow-ups in a thread answer about the thing the thread meant, with what they ask said first. The thread is
// carried as the service carries it (askInThread: each answer's context merged into what the thread knew), and every
// expectation is computed from the raw tables (./independent-rules.ts), never from src/core.
import { describe, expect, test } from 'vitest';
import { ask, type Answer, type ConversationContext } from '../../src/core/index.js';
import { rawCpus, rawDistros, rawSeries } from './independent-rules.js';

/** a thread: each turn asked with what the turns before established */
function thread(...turns: string[]): Answer[] {
  let context: ConversationContext = {};
  return turns.map((t) => {
    const a = ask(t, context);
    context = { ...context, ...a.context };
    return a;
  });
}
const sizeOf = (a: Answer) => ('size' in a ? a.size : undefined);
const allSizes = new Set(rawSeries.flatMap((s) => s.sizes.map((z) => z.name)));

describe('"v6?", "what about v5?": the thread’s size with that version', () => {
  const versioned = rawSeries.flatMap((s) => s.sizes.map((z) => z.name).filter((n) => /_v\d+$/.test(n)));
  test(`every size with a version (${versioned.length}) and every other version the tables have of it`, () => {
    const problems: string[] = [];
    let n = 0;
    for (const size of versioned)
      for (const v of [2, 3, 4, 5, 6, 7]) {
        const other = size.replace(/_v\d+$/, `_v${v}`);
        if (other === size || !allSizes.has(other)) continue;
        n++;
        const [, a] = thread(`tell me about ${size}`, v % 2 ? `what about v${v}?` : `v${v}?`);
        if (sizeOf(a!) !== other) problems.push(`${size} then v${v}: ${a!.kind} ${sizeOf(a!) ?? ''} ${a!.summary.slice(0, 80)}`);
      }
    expect(n).toBeGreaterThan(300);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('in a compatibility thread the release is kept, and the new size judged', () => {
    const [, a] = thread('can I run RHEL 10 on a D2s v3?', 'v6?');
    expect(a!.kind).toBe('compat');
    expect(sizeOf(a!)).toBe('Standard_D2s_v6');
    expect(a!.title).toContain('Red Hat Enterprise Linux 10');
  });

  test('after a list of series by level, or a level asked of a size, "v3?" is still a level', () => {
    const [, list] = thread('which sizes guarantee x86-64-v4?', 'and v3?');
    expect(list!.kind).toBe('level');
    expect(list!.summary).toContain('x86-64-v3');
    const [, asked] = thread('is D2s v5 x86-64-v4?', 'and v3?');
    expect(sizeOf(asked!)).toBe('Standard_D2s_v5');
  });

  test('a processor with a generation ("E5-2673 v4"): "and v3?" is its other generation', () => {
    const [, a] = thread('what x86-64 level does the Xeon E5-2673 v4 have?', 'and v3?');
    expect(a!.kind).toBe('cpu');
    expect(a!.title).toBe('Intel Xeon E5-2673 v3');
  });
});

describe('"and 4?": the thread’s distribution at that release', () => {
  const pairs = rawDistros.flatMap((d) => d.releases.filter((r) => /^\d{1,2}(\.\d{1,2})?$/.test(r.version)).map((r) => ({ d, version: r.version })));
  test(`every numbered release (${pairs.length}), asked after another release of its distribution`, () => {
    const problems: string[] = [];
    let n = 0;
    for (const { d, version } of pairs) {
      const other = d.releases.find((r) => r.version !== version && /^\d/.test(r.version));
      if (!other) continue;
      n++;
      const [, a] = thread(`what is ${d.name} ${other.version} based on?`, `and ${version}?`);
      const said = `${a!.title} ${a!.summary}`;
      if (!said.includes(`${d.name} ${version}`)) problems.push(`${d.name} ${other.version} then ${version}: ${a!.kind} ${said.slice(0, 100)}`);
    }
    expect(n).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});

describe('"and on gen 1?": that Hyper-V generation judged', () => {
  const gen2Only = rawDistros.flatMap((d) =>
    d.releases.filter((r) => r.azureImageGenerations?.length && !r.azureImageGenerations.includes(1)).map((r) => ({ d, r })),
  );
  const bothGens = rawSeries.filter((s) => s.generationsComplete && s.generations?.includes(1) && s.generations.includes(2) && s.sizes.length);
  test(`a release whose images need Generation 2 (${gen2Only.length}) on a Gen 1 VM of every series with both (${bothGens.length}) is a No`, () => {
    expect(gen2Only.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { d, r } of gen2Only)
      for (const s of bothGens) {
        const size = s.sizes[0]!.name;
        const [first, a] = thread(`can I run ${d.name} ${r.version} on ${size}?`, 'and on gen 1?');
        if (first!.kind !== 'compat') continue;
        if (a!.kind !== 'compat' || a!.verdict !== 'no' || !/^No\b/.test(a!.summary) || !a!.summary.includes('Generation 1'))
          problems.push(`${d.name} ${r.version} on ${size}, gen 1: ${a!.kind} ${a!.summary.slice(0, 100)}`);
      }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  const gen2OnlySeries = rawSeries.filter((s) => s.generationsComplete && s.generations?.length === 1 && s.generations[0] === 2 && s.sizes.length);
  test(`a Gen 1 VM of a series that offers only Generation 2 (${gen2OnlySeries.length}) is a No, whatever the release`, () => {
    expect(gen2OnlySeries.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const s of gen2OnlySeries) {
      const [, a] = thread(`can I run Ubuntu 24.04 on ${s.sizes[0]!.name}?`, 'and on gen 1?');
      if (a!.kind !== 'compat' || a!.verdict !== 'no') problems.push(`${s.sizes[0]!.name}: ${a!.kind} ${a!.summary.slice(0, 100)}`);
    }
    expect(problems).toEqual([]);
  });

  test('"gen 1?" in the thread of a size answers whether it offers Generation 1, first', () => {
    const problems: string[] = [];
    for (const s of rawSeries.filter((x) => x.sizes.length && x.generationsComplete && x.generations?.length)) {
      const size = s.sizes[0]!.name;
      const [, a] = thread(size, 'gen 1?');
      const want = s.generations!.includes(1) ? /^Yes\b/ : /^No\b/;
      if (!want.test(a!.summary)) problems.push(`${size}: ${a!.summary.slice(0, 100)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('"which CPU?", "how many vCPUs?" in the thread of a size: that said first', () => {
  test('every series: its processors first; every size: its vCPU count first', () => {
    const problems: string[] = [];
    for (const s of rawSeries.filter((x) => x.sizes.length && x.processors.length)) {
      const size = s.sizes[0]!.name;
      const [, cpu, vcpus] = thread(size, 'which CPU?', 'how many vCPUs?');
      if (!cpu!.summary.startsWith(`${size} `) || !cpu!.summary.includes(s.processors[0]!)) problems.push(`${size} which CPU: ${cpu!.summary.slice(0, 100)}`);
      if (!new RegExp(`^${size} has \\d+ vCPU`).test(vcpus!.summary)) problems.push(`${size} vCPUs: ${vcpus!.summary.slice(0, 100)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('what the thread established, kept for the short question after it', () => {
  test('a size asked "which one?" keeps the release: "and on <size> v2?" is judged for it', () => {
    const bare = rawSeries.flatMap((s) => s.sizes.map((z) => z.name)).filter((n) => /^Standard_[A-Z]+\d+[a-z]*$/.test(n) && allSizes.has(`${n}_v2`));
    expect(bare.length).toBeGreaterThan(5);
    const problems: string[] = [];
    let asked = 0;
    for (const size of bare) {
      const body = size.replace('Standard_', '');
      const [first, a] = thread(`can I run RHEL 9 on a ${body}?`, `and on ${body} v2?`);
      if (first!.kind !== 'clarify') continue;
      asked++;
      if (a!.kind !== 'compat' || sizeOf(a!) !== `${size}_v2` || !a!.title.includes('Red Hat Enterprise Linux 9'))
        problems.push(`${body}: ${a!.kind} ${a!.title}`);
    }
    expect(asked).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  test('"which sizes use it?" after a processor: the series that may land on it, for every processor a series names', () => {
    // (placeholders such as "Intel Xeon E5 v3 (Haswell) - model not stated" name no model to ask about)
    const used = [...new Set(rawSeries.filter((s) => s.retirement?.status !== 'retired').flatMap((s) => s.processors))].filter((m) => !/not stated/.test(m));
    const problems: string[] = [];
    for (const model of used) {
      const [first, a] = thread(`what level is the ${model}?`, 'which sizes use it?');
      if (first!.kind !== 'cpu') continue;
      const users = rawSeries.filter((s) => s.retirement?.status !== 'retired' && s.processors.includes(model)).map((s) => s.series);
      if (a!.kind !== 'cpu' || !a!.summary.includes(users[0]!)) problems.push(`${model}: ${a!.kind} ${a!.summary.slice(0, 100)}`);
    }
    expect(used.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  test('"why not?" after a level a series does not guarantee: "Not guaranteed" or "No" again, for every such series', () => {
    const problems: string[] = [];
    let n = 0;
    for (const s of rawSeries.filter((x) => x.arch === 'x64' && x.sizes.length && x.processors.length)) {
      const size = s.sizes[0]!.name;
      const [first, a] = thread(`is ${size} x86-64-v4?`, 'why not?');
      if (!/^(Not guaranteed|No)\b/.test(first!.summary)) continue;
      n++;
      if (!a!.summary.startsWith(first!.summary.split(':')[0]!)) problems.push(`${size}: ${a!.summary.slice(0, 100)}`);
    }
    expect(n).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  test('"which are AMD?" after a list of series by level: that list, of series whose every processor is AMD', () => {
    const vendorOf = new Map(rawCpus.map((c) => [c.model, (c as { vendor?: string }).vendor]));
    for (const level of ['x86-64-v3', 'x86-64-v4'] as const) {
      const [, a] = thread(`which sizes guarantee ${level}?`, 'which are AMD?');
      expect(a!.kind).toBe('level');
      const listedSeries = (a as unknown as { series: string[] }).series;
      expect(listedSeries.length).toBeGreaterThan(5);
      for (const name of listedSeries) {
        const s = rawSeries.find((x) => x.series === name)!;
        expect(
          s.processors.every((p) => vendorOf.get(p) === 'AMD'),
          name,
        ).toBe(true);
      }
    }
  });

  test('"is it Zen 3?" in the thread of a size is about that size, not a list of Zen 3 parts', () => {
    const [, a] = thread('what CPU is in a D2as v5?', 'is it zen 3?');
    expect(a!.kind).toBe('vm-size');
    expect(a!.summary).toMatch(/^It depends\b/); // Dasv5: AMD EPYC 7763v (Zen 3) and EPYC 9004 (Zen 4)
  });
});
