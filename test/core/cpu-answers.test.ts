// CPU, codename, flags and ld.so answers (src/core/answers/cpu.ts) for every processor, every codename and
// every level, against ./independent-rules.ts: the level, what is missing for the next level, and which
// Azure series use the processor (no more, no fewer).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { armFlagsAnswer, codenameAnswer, cpuAnswer, flagsAnswer, ldsoAnswer, microarchAnswer, shortenedFlagsAnswer } from '../../src/core/answers/cpu.js';
import { catalog } from '../../src/core/index.js';
import { cpuLevel, flagsOf, isRetired, levelOfFeatures, levelsTable, ORDER, rawCpus, rawSeries, type Level } from './independent-rules.js';

const c = catalog();
const factOf = (a: { facts: Array<{ label: string; value: string }> }, label: string) => a.facts.find((f) => f.label === label)?.value;
const upTo = (l: Level) => ORDER.slice(0, ORDER.indexOf(l) + 1).flatMap(flagsOf);
const nextOf = (l: Level | null): Level | undefined => (l ? ORDER[ORDER.indexOf(l) + 1] : 'x86-64-v1');

describe('every processor', () => {
  test('its level, what the next level needs, and exactly the series that may land on it', () => {
    let n = 0;
    const problems: string[] = [];
    for (const cpu of rawCpus) {
      const bad = (what: string) => problems.push(`${cpu.model}: ${what}`);
      const a = cpuAnswer(c, 'q', c.cpus.get(cpu.model)!);
      if (a.kind !== 'cpu') throw new Error(a.kind);
      const level = cpuLevel.get(cpu.model)!;
      const m = c.cpus.get(cpu.model)!.model;
      if (a.title !== cpu.model || a.context.cpu !== cpu.model || a.context.topic !== 'cpu') bad('title or context');
      if (factOf(a, 'Vendor') !== m.vendor || factOf(a, 'Codename') !== m.codename) bad('vendor or codename');
      if (factOf(a, 'Microarchitecture') !== `${m.microarchitecture}${m.microarchitectureExact ? '' : ' (nearest archspec node)'}`)
        bad(`microarchitecture ${factOf(a, 'Microarchitecture')}`);
      if (!m.caveats.every((cv) => a.caveats.includes(cv))) bad('the model’s caveats');
      const urls = a.sources.map((x) => x.url);
      if (![...m.sources, c.levels.sources[0]!].every((x) => urls.includes(x.url))) bad('sources');
      // the codename, said once: a part the model's name already says ("AMD EPYC 9004 (Genoa) - model not stated",
      // "Genoa (Zen 4)") is not said again
      const [head, inner] = [m.codename.replace(/\s*\([^()]*\)$/, ''), /\(([^()]*)\)$/.exec(m.codename)?.[1]];
      const named = (part: string) => a.summary.includes(part);
      if (!named(m.codename) && !(named(head.split(/[\s-]/)[0]!) && (!inner || named(inner.replace(/\s+family$/, '')))))
        bad(`summary lacks the codename: ${a.summary}`);
      if (a.level !== level || a.processor !== cpu.model || a.arch !== cpu.arch) bad(`level ${a.level}`);
      const series = rawSeries.filter((s) => s.processors.includes(cpu.model)).map((s) => s.series);
      const listed = factOf(a, 'Azure series');
      if (listed !== (series.length ? series.join(', ') : 'none documented')) bad(`series ${listed}`);
      if (cpu.arch === 'x64') {
        if (factOf(a, 'x86-64 level') !== level) bad(`level fact ${factOf(a, 'x86-64 level')}`);
        if (!a.summary.includes(level!)) bad(`summary ${a.summary}`);
        const next = nextOf(level);
        const missing = next ? flagsOf(next).filter((f) => !cpu.features.includes(f)) : [];
        const missingFact = a.facts.find((f) => f.label.startsWith('Missing for'));
        if (next) {
          if (missingFact?.label !== `Missing for ${next}` || missingFact.value !== missing.join(' ')) bad(`missing ${JSON.stringify(missingFact)}`);
        } else if (missingFact) bad('a v4 processor misses nothing');
        if (!a.caveats.some((cv) => /fewer features/.test(cv))) bad('guest caveat');
      } else {
        if (a.level !== null || factOf(a, 'x86-64 level') !== undefined) bad('an Arm64 part has no x86-64 level');
        if (!/Arm64/.test(a.summary) || !factOf(a, 'Arm architecture')) bad(`Arm summary ${a.summary}`);
        if (JSON.stringify(a.caveats) !== JSON.stringify(m.caveats)) bad('an Arm part has its own caveats only');
      }
      n++;
    }
    expect(problems).toEqual([]);
    expect(n).toBe(rawCpus.length);
    expect(rawCpus.some((x) => x.arch === 'Arm64')).toBe(true);
  });

  test('a processor used by no series says so', () => {
    const unused = rawCpus.filter((cpu) => !rawSeries.some((s) => s.processors.includes(cpu.model)));
    for (const cpu of unused) expect(factOf(cpuAnswer(c, 'q', c.cpus.get(cpu.model)!), 'Azure series')).toBe('none documented');
  });
});

describe('codenames', () => {
  test('one part: its own answer; parts that agree: the family’s level; parts that differ: which one?', () => {
    let n = 0;
    for (const [key, cpus] of c.cpuByCodename) {
      const a = codenameAnswer(c, 'q', key, cpus);
      const levels = new Set(cpus.map((x) => cpuLevel.get(x.model.model)));
      if (cpus.length === 1) {
        expect(a.kind, key).toBe('cpu');
        if (a.kind === 'cpu') expect(a.processor).toBe(cpus[0]!.model.model);
        expect(a.title, key).toBe(cpus[0]!.model.model);
      } else if (levels.size === 1) {
        expect(a.kind, key).toBe('cpu');
        const [level] = levels;
        expect(a.summary, key).toContain(level ?? 'Arm64');
        for (const x of cpus) expect(a.summary, key).toContain(x.model.model);
        // each part named on its own, not run together with the next
        for (let i = 1; i < cpus.length; i++) expect(a.summary, key).not.toContain(`${cpus[i - 1]!.model.model}${cpus[i]!.model.model}`);
      } else {
        expect(a.kind, key).toBe('clarify');
        if (a.kind === 'clarify') {
          expect(a.choices, key).toEqual(cpus.map((x) => x.model.model));
          expect(a.suggestions, key).toEqual(cpus.map((x) => x.model.model));
        }
      }
      n++;
    }
    expect(n).toBe(c.cpuByCodename.size);
    expect([...c.cpuByCodename.values()].some((cpus) => cpus.length > 1)).toBe(true);
  });

  test('parts of different levels under one name: the bot asks which, offering exactly those parts', () => {
    const parts = ORDER.map((l) => [...c.cpus.values()].find((x) => x.level === l)!);
    for (let i = 1; i < parts.length; i++) {
      const pair = [parts[i - 1]!, parts[i]!];
      const a = codenameAnswer(c, 'q', 'typed', pair);
      expect(a.kind).toBe('clarify');
      if (a.kind === 'clarify') {
        expect(a.choices).toEqual(pair.map((x) => x.model.model));
        expect(a.suggestions).toEqual(pair.map((x) => x.model.model));
      }
    }
  });

  test('several parts of one level answer for the family, naming every part and the level', () => {
    for (const level of ORDER) {
      const parts = [...c.cpus.values()].filter((x) => x.level === level).slice(0, 3);
      if (parts.length < 2) continue;
      const a = codenameAnswer(c, 'q', 'typed', parts);
      expect(a.kind, level).toBe('cpu');
      if (a.kind !== 'cpu') continue;
      expect(a.level, level).toBe(level);
      expect(a.title, level).toBe(parts[0]!.model.codename);
      expect(a.summary, level).toContain(level);
      for (const x of parts) expect(a.summary, level).toContain(x.model.model);
    }
    const arm = [...c.cpus.values()].filter((x) => x.model.arch === 'Arm64').slice(0, 2);
    expect(arm).toHaveLength(2);
    const a = codenameAnswer(c, 'q', 'typed', arm);
    expect(a.kind).toBe('cpu');
    expect(a.summary).toMatch(/Arm64/);
  });
});

describe('pasted flags and ld.so output', () => {
  test.each(ORDER.map((l) => [l] as const))('the flags of %s: that level, and exactly what the next one needs', (level) => {
    const a = flagsAnswer(c, 'q', upTo(level));
    if (a.kind !== 'flags') throw new Error(a.kind);
    const next = nextOf(level);
    expect(a.level).toBe(level);
    expect(a.missingForNext).toEqual(next ? flagsOf(next) : []);
    expect(factOf(a, 'Level')).toBe(level);
    expect(factOf(a, 'Flags read')).toBe(String(upTo(level).length));
    const missing = a.facts.find((f) => f.label.startsWith('Missing for'));
    if (next) {
      expect(missing).toEqual({ label: `Missing for ${next}`, value: flagsOf(next).join(' ') });
      expect(a.summary).toContain(flagsOf(next).join(' '));
      expect(a.summary).toContain(next);
    } else expect(missing).toBeUndefined();
    expect(a.summary).toContain(level);
  });

  test('flags below x86-64-v1: no level, and the v1 flags missing', () => {
    const a = flagsAnswer(c, 'q', ['fpu', 'sse']);
    if (a.kind !== 'flags') throw new Error(a.kind);
    const missing = flagsOf('x86-64-v1').filter((f) => f !== 'fpu' && f !== 'sse');
    expect(a.level).toBeNull();
    expect(a.missingForNext).toEqual(missing);
    expect(a.facts.find((f) => f.label.startsWith('Missing for'))).toEqual({ label: 'Missing for x86-64-v1', value: missing.join(' ') });
    expect(factOf(a, 'Level')).toMatch(/below x86-64-v1/);
    expect(a.summary).toContain(missing.join(' '));
  });

  test('ld.so --help: the highest supported level, and exactly what the next one needs', () => {
    const cases: Array<[Level[], Level]> = [
      [[], 'x86-64-v1'],
      [['x86-64-v2'], 'x86-64-v2'],
      [['x86-64-v2', 'x86-64-v3'], 'x86-64-v3'],
      [['x86-64-v2', 'x86-64-v3', 'x86-64-v4'], 'x86-64-v4'],
    ];
    for (const [supported, level] of cases) {
      const a = ldsoAnswer(c, 'q', supported);
      if (a.kind !== 'flags') throw new Error(a.kind);
      const next = nextOf(level);
      expect(a.level, level).toBe(level);
      expect(a.missingForNext, level).toEqual(next ? flagsOf(next) : []);
      expect(factOf(a, 'Level'), level).toBe(level);
      expect(
        a.facts.find((f) => f.label.endsWith('needs')),
        level,
      ).toEqual(next ? { label: `${next} needs`, value: flagsOf(next).join(' ') } : undefined);
      expect(a.summary, level).toContain(level);
      expect(/no glibc-hwcaps level/.test(a.summary), level).toBe(supported.length === 0);
    }
  });

  test('an Arm Features line: no x86-64 level', () => {
    const a = armFlagsAnswer(c, 'q');
    if (a.kind !== 'flags') throw new Error(a.kind);
    expect(a.level).toBeNull();
    expect(a.missingForNext).toEqual([]);
    expect(a.summary).toMatch(/Arm64|aarch64/);
  });
});

describe('what the CPU answers add', () => {
  test('a clarifying question repeats the name typed; an Arm part names its architecture', () => {
    const parts = ORDER.map((l) => [...c.cpus.values()].find((x) => x.level === l)!).slice(0, 2);
    const a = codenameAnswer(c, 'q', 'Typedname', parts);
    expect(a.title).toContain('Typedname');
    expect(a.summary).toContain('Typedname');
    for (const cpu of [...c.cpus.values()].filter((x) => x.model.arch === 'Arm64')) {
      const arm = cpuAnswer(c, 'q', cpu);
      expect(factOf(arm, 'Arm architecture'), cpu.model.model).toBe(cpu.model.armArch ?? undefined);
      if (cpu.model.armArch) expect(arm.summary, cpu.model.model).toContain(cpu.model.armArch);
      expect(arm.summary, cpu.model.model).toContain(cpu.model.codename);
    }
    expect(factOf(armFlagsAnswer(c, 'q'), 'Architecture')).toMatch(/Arm64/);
  });

  test('flags at v4 say there is no higher level; every flags answer cites the level rules', () => {
    const top = flagsAnswer(c, 'q', upTo('x86-64-v4'));
    expect(top.summary).toMatch(/highest/);
    expect(top.summary).not.toMatch(/undefined|also needs/);
    for (const a of [top, flagsAnswer(c, 'q', []), ldsoAnswer(c, 'q', []), ldsoAnswer(c, 'q', ['x86-64-v2']), armFlagsAnswer(c, 'q')]) {
      expect(a.title).toMatch(/\w{4}/);
      expect(a.summary).not.toMatch(/Stryker|undefined/);
      expect(a.sources.map((x) => x.url)).toEqual([c.levels.sources[0]!.url]);
      for (const cv of a.caveats) expect(cv.length).toBeGreaterThan(20);
      if (a !== top && a.summary.includes('Arm64')) continue;
      expect(a.caveats.length).toBeGreaterThan(0);
    }
  });

  test('a processor whose level is unknown is said to be below v1, not given one', () => {
    const x64 = [...c.cpus.values()].find((x) => x.model.arch === 'x64')!;
    const a = cpuAnswer(c, 'q', { ...x64, level: null, missingForNext: [] });
    expect(a.summary).toMatch(/below x86-64-v1/);
    expect(a.summary).not.toMatch(/x86-64-v[234]/);
  });
});

describe('the guest caveat of a flags line', () => {
  test('flags at or below v1 warn that a virtual CPU type hides features; flags at v2 and above do not', () => {
    const at = (flags: string[]) => flagsAnswer(c, 'q', flags).caveats;
    const above = at(upTo('x86-64-v2'));
    for (const l of ['x86-64-v3', 'x86-64-v4'] as const) expect(at(upTo(l)), l).toEqual(above);
    for (const low of [at(upTo('x86-64-v1')), at([]), at(['fpu', 'sse'])]) {
      expect(low.slice(0, above.length)).toEqual(above);
      expect(low).toHaveLength(above.length + 1);
      expect(low[above.length]).toMatch(/kvm64|qemu64/);
    }
  });
});

describe('an Arm part with no architecture name', () => {
  test('its summary still names the codename, with no empty slot', () => {
    const arm = [...c.cpus.values()].find((x) => x.model.arch === 'Arm64')!;
    const a = cpuAnswer(c, 'q', { ...arm, model: { ...arm.model, armArch: null } });
    expect(a.summary).toContain(arm.model.codename);
    expect(a.summary).not.toMatch(/\(\s*,|null|undefined/);
  });
});

describe('a shortened flags list (inxi, lscpu summaries)', () => {
  // for each level above v1, exactly the flags of that level the list shows, in the level table's order
  const expected = (flags: string[]) =>
    ORDER.filter((l) => l !== 'x86-64-v1')
      .map((l) => ({ level: l, seen: flagsOf(l).filter((f) => flags.includes(f)) }))
      .filter((x) => x.seen.length > 0)
      .map((x) => ({ label: `${x.level} flags shown`, value: x.seen.join(' ') }));
  const lists: string[][] = [
    [],
    flagsOf('x86-64-v1'),
    ...ORDER.map((l) => upTo(l)),
    ...ORDER.map((l) => flagsOf(l)),
    // every other flag of every level, and the v1 flags with one flag of each higher level
    ...ORDER.map((l) => upTo(l).filter((_, i) => i % 2 === 1)),
    [...flagsOf('x86-64-v1'), ...ORDER.slice(1).map((l) => flagsOf(l).at(-1)!)],
  ];
  test.each(lists.map((f, i) => [i, f] as const))('list %i: no level, and exactly the flags of each higher level it shows', (_i, flags) => {
    const a = shortenedFlagsAnswer(c, 'q', flags);
    if (a.kind !== 'flags') throw new Error(a.kind);
    expect(a.level).toBeNull();
    expect(a.missingForNext).toEqual([]);
    expect(a.facts).toEqual(expected(flags));
    expect(a.title).toMatch(/short/i);
    expect(a.summary).toMatch(/ld\.so --help/);
    expect(a.sources.map((x) => x.url)).toEqual([levelsTable.sources[0]!.url]);
  });
});

describe('microarchitectures named by codename', () => {
  interface Node {
    name: string;
    x86_64: boolean;
    features: string[];
  }
  const nodes: Node[] = JSON.parse(readFileSync(new URL('../../src/data/archspec-x86.json', import.meta.url), 'utf8')).microarchitectures;
  // what a mention carries: the level from the node's features, and what the next level (v1 when none) needs
  const named = nodes.map((n) => {
    const level = n.x86_64 ? levelOfFeatures(n.features) : null;
    const next = level ? ORDER[ORDER.indexOf(level) + 1] : 'x86-64-v1';
    return { name: `Codename ${n.name}`, level, node: n.name, missing: next ? flagsOf(next).filter((f) => !n.features.includes(f)) : [] };
  });
  const nextOfNamed = (l: Level | null) => (l ? ORDER[ORDER.indexOf(l) + 1] : undefined);
  /** current series with a processor of this microarchitecture */
  const seriesOn = (node: string) =>
    rawSeries.filter((s) => !isRetired(s) && s.processors.some((p) => rawCpus.find((x) => x.model === p)?.microarchitecture === node)).map((s) => s.series);
  const words = (text: string) => text.split(/[\s,;.]+/);
  const archspecUrls = levelsTable.sources.map((x) => x.url).filter((u) => /archspec/.test(u));

  test('every node: its level, what it lacks for the next one, and exactly the current series that may land on it', () => {
    expect(named.length).toBe(nodes.length);
    expect(named.some((n) => n.level === null) && named.some((n) => n.level === 'x86-64-v4')).toBe(true);
    let withSeries = 0;
    for (const n of named) {
      const a = microarchAnswer(c, 'q', [n]);
      if (a.kind !== 'cpu') throw new Error(a.kind);
      expect(a.level, n.node).toBe(n.level);
      expect(a.processor, n.node).toBe(n.name);
      expect(a.arch, n.node).toBe('x64');
      expect(a.title, n.node).toBe(n.name);
      expect(a.context.topic, n.node).toBe('cpu');
      // the summary opens with the name and says its level (none, for a 32-bit node)
      expect(a.summary.startsWith(n.name), a.summary).toBe(true);
      expect(a.summary, n.node).not.toMatch(/undefined|null|Stryker/);
      if (n.level) expect(a.summary, n.node).toContain(n.level);
      else expect(a.summary, n.node).not.toMatch(/x86-64-v\d/);
      const next = nextOfNamed(n.level);
      if (next && n.missing.length) {
        expect(a.summary, n.node).toContain(next);
        for (const f of n.missing) expect(words(a.summary), n.node).toContain(f);
      } else expect(a.summary, n.node).not.toMatch(/x86-64-v\d.*x86-64-v\d/);
      // the level fact: the level first (or a plain "no level"), and the archspec node
      const levelFact = a.facts.find((f) => f.label === n.name)!;
      expect(levelFact.value, n.node).toContain(n.node);
      if (n.level) expect(levelFact.value.startsWith(n.level), levelFact.value).toBe(true);
      else expect(levelFact.value, n.node).toMatch(/^\w[^(]*\w \(/);
      expect(levelFact.value, n.node).not.toMatch(n.level ? /null|undefined/ : /null|undefined|x86-64-v\d/);
      // the series fact: exactly the current series on that node, at most 12 named and the rest counted
      const on = seriesOn(n.node);
      const seriesFacts = a.facts.filter((f) => f.label !== n.name);
      if (on.length === 0) expect(seriesFacts, n.node).toEqual([]);
      else {
        withSeries++;
        expect(seriesFacts, n.node).toHaveLength(1);
        expect(seriesFacts[0]!.label, n.node).toContain(n.name);
        const shown = seriesFacts[0]!.value.replace(/ and \d+ more$/, '').split(', ');
        expect(shown, n.node).toEqual(on.slice(0, 12));
        const more = /and (\d+) more$/.exec(seriesFacts[0]!.value);
        if (on.length > 12) expect(Number(more?.[1]), n.node).toBe(on.length - 12);
        else expect(more, n.node).toBeNull();
      }
      expect(a.sources.map((x) => x.url).sort(), n.node).toEqual([...new Set([...archspecUrls, levelsTable.sources[0]!.url])].sort());
      expect(a.caveats.length, n.node).toBeGreaterThan(0);
      for (const cv of a.caveats) expect(cv.length, n.node).toBeGreaterThan(20);
      // no empty slot where a level or a list would be
      expect(a.summary, n.node).not.toMatch(/\s{2}|\s[.,;]/);
    }
    expect(withSeries).toBeGreaterThan(0);
    expect(named.some((n) => seriesOn(n.node).length > 12)).toBe(true);
    // retired series are left out: some would otherwise be listed
    const micro = new Map(rawCpus.map((x) => [x.model, x.microarchitecture]));
    expect(rawSeries.some((s) => isRetired(s) && s.processors.some((p) => named.some((n) => n.node === micro.get(p))))).toBe(true);
  });

  test('exactly 12 series on a node: all 12 named, none said to be more', () => {
    const n = named.find((x) => seriesOn(x.node).length > 12)!;
    const twelve = c.series.filter((s) => seriesOn(n.node).slice(0, 12).includes(s.record.series));
    expect(twelve).toHaveLength(12);
    const fewer: typeof c = Object.assign(Object.create(Object.getPrototypeOf(c) as object) as typeof c, c, { series: twelve });
    const a = microarchAnswer(fewer, 'q', [n]);
    const value = a.facts.find((f) => f.label !== n.name)!.value;
    expect(value.split(', ')).toEqual(twelve.map((s) => s.record.series));
  });

  test('several named together: each in turn, in its own sentence; a lead opens the summary', () => {
    for (let i = 1; i < named.length; i++) {
      const pair = [named[i - 1]!, named[i]!];
      const a = microarchAnswer(c, 'q', pair);
      if (a.kind !== 'cpu') throw new Error(a.kind);
      expect(a.title.split(', ')).toEqual(pair.map((n) => n.name));
      expect(a.level).toBe(pair[0]!.level);
      expect(a.processor).toBe(pair[0]!.name);
      expect(a.summary.startsWith(pair[0]!.name)).toBe(true);
      expect(a.summary).toContain(`. ${pair[1]!.name}`);
      expect(a.facts.filter((f) => pair.some((n) => n.name === f.label)).map((f) => f.label)).toEqual(pair.map((n) => n.name));
      // a lead states the first one's level: its own sentence then gives only the reason, and the others follow
      const led = microarchAnswer(c, 'q', pair, 'Lead words:');
      if (pair[0]!.level) {
        expect(led.summary.startsWith(`Lead words: Archspec’s ${pair[0]!.node} features give it that level`)).toBe(true);
        expect(led.summary).not.toContain(`${pair[0]!.name} is`);
        expect(led.summary.endsWith(a.summary.slice(a.summary.indexOf(`. ${pair[1]!.name}`)))).toBe(true);
      } else expect(led.summary).toBe(`Lead words: ${a.summary}`);
    }
  });
});
