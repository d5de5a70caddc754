// The question frame piece by piece (src/core/question/): the mention tables, the cue table, the
// operation, and the rules that turn a frame into an answer. Every row is exercised on real text.
import { describe, expect, test } from 'vitest';
import { catalog, ask } from '../../src/core/index.js';
import { ASK_CUES, readIntent, type Asked } from '../../src/core/intent.js';
import { frameOf, operationOf } from '../../src/core/question/frame.js';
import { scanMentions } from '../../src/core/question/mentions.js';
import { RULES } from '../../src/core/question/plan.js';
import { LEVELS } from '../../src/core/levels.js';

const mentions = (text: string) => scanMentions(catalog(), text).mentions;

describe('mentions: what is not a catalog name', () => {
  test.each([
    ['Fatal glibc error: CPU does not support x86-64-v2', 'glibc-level', 'x86-64-v2'],
    ['Fatal glibc error: CPU ISA level is lower than required', 'glibc-level', null],
    ['This kernel requires an x86-64 CPU, but only detected an i686 CPU.', 'kernel-refuses', 'x86-64-v1'],
    ['This program can only be run on AMD64 processors with v3 microarchitecture support.', 'runtime-refuses', 'x86-64-v3'],
    ['WARNING: MongoDB 5.0+ requires a CPU with AVX support', 'runtime-refuses', 'x86-64-v3'],
    ['Illegal instruction (core dumped)', 'illegal-instruction', null],
  ])('error %j is %s naming %s', (text, kind, level) => {
    const [error] = mentions(text).errors;
    expect(error?.kind).toBe(kind);
    expect(error?.level ?? null).toBe(level);
  });

  test('the level inside an error message is not read again as a level keyword', () => {
    expect(frameOf(catalog(), 'Fatal glibc error: CPU does not support x86-64-v2').levels).toEqual([]);
  });

  test.each([
    ['Xeon E5-2680 v4', 'x86-64-v3'],
    ['my i7-4770K box', 'x86-64-v3'],
    ['Intel(R) Xeon(R) CPU X5650 @ 2.67GHz', 'x86-64-v2'],
    ['an AMD Opteron 6376 server', 'x86-64-v2'],
  ])('%j is a processor by family, at %s, and its vN is never a level', (text, level) => {
    const m = mentions(text);
    expect(m.familyCpus[0]?.family.level).toBe(level);
    expect(frameOf(catalog(), text).levels).toEqual([]);
  });

  test("Azure's own processors stay for the name finder", () => {
    expect(mentions('Xeon E5-2673 v4').familyCpus).toEqual([]);
    expect(frameOf(catalog(), 'Xeon E5-2673 v4').e.cpus.map((c) => c.model.model)).toEqual(['Intel Xeon E5-2673 v4']);
  });

  test.each(['kvm64', 'qemu64'])('%s is a virtual CPU model', (name) => {
    expect(mentions(`the VM uses ${name}`).virtualCpus.join(' ')).toContain(name);
  });

  test.each([
    ['is AWS m5.large x86-64-v3?', 'an AWS EC2 instance type'],
    ['GCP n2-standard-4 level', 'a Google Cloud machine type'],
    ['does an M2 MacBook support avx2', 'Apple hardware'],
    ['what cuda compute capability', 'GPU compute capability'],
  ])('%j is out of scope (%s)', (text, what) => {
    expect(mentions(text).outOfScope.map((o) => o.what)).toContain(what);
  });

  test.each([
    ['Are HB/HC supported on Windows?', 'Windows'],
    ['price of D2s v5', 'prices and quotas'],
    ['does B2s support nested virtualization', 'nested virtualization'],
  ])('%j is a topic the bot does not cover (%s)', (text, topic) => {
    expect(mentions(text).offTopics).toContain(topic);
  });

  test.each([
    ['Sandy Bridge', 'x86-64-v2'],
    ['Zen 2', 'x86-64-v3'],
  ])('codename %j is %s', (text, level) => {
    const named = mentions(`CI images for ${text} CPUs`).codenames[0] ?? frameOf(catalog(), text).e.codenames[0];
    expect(named).toBeDefined();
    if ('level' in named!) expect(named.level).toBe(level);
  });
});

describe('cues: every row of the table asks what it says', () => {
  const examples: Record<Asked, string> = {
    level: 'what level is it',
    verdict: 'will it boot',
    processors: 'which cpu is behind it',
    generations: 'is it gen 2',
    upstream: 'what is it based on',
    lineage: 'show the lineage',
    status: 'is it generally available',
    eol: 'when is end of life',
    kernel: 'which kernel',
    'package-manager': 'does it use dnf',
    arches: 'does it ship arm64',
    baseline: 'what is the minimum',
    difference: 'what is the difference',
    'how-to-check': 'how do i check',
    why: 'why?',
    releases: 'which versions',
    sizes: 'which sizes',
    successor: 'what is the successor',
  };
  test('every cue has an example', () => {
    expect(ASK_CUES.map(([a]) => a).sort()).toEqual(Object.keys(examples).sort());
  });
  test.each(Object.entries(examples))('%s: %j', (asked, text) => {
    expect(readIntent(text.toLowerCase()).asks.has(asked as Asked)).toBe(true);
  });
  test('several cues count at once', () => {
    const asks = readIntent('what is azure linux 3 based on and what kernel does it use?').asks;
    expect(asks.has('upstream') && asks.has('kernel')).toBe(true);
  });
});

describe('operation', () => {
  const intent = readIntent('x');
  test.each([
    [1, 1, 0, 'one'],
    [2, 1, 0, 'matrix'],
    [1, 2, 0, 'matrix'],
    [2, 0, 0, 'compare'],
    [0, 2, 0, 'compare'],
    [0, 0, 2, 'compare'],
  ] as const)('%i machines, %i releases, %i CPUs: %s', (m, r, c, op) => {
    expect(operationOf(intent, m, r, c)).toBe(op);
  });
});

describe('rules', () => {
  test('every rule has a distinct name', () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });

  test('a fleet matrix answers every machine × release pair with its own verdict', () => {
    const a = ask('can rhel 10 and rocky 9 run on Standard_D1, D2s_v3 and D2s_v5?');
    expect(a.kind).toBe('matrix');
    if (a.kind !== 'matrix') return;
    expect(a.rows).toHaveLength(6);
    for (const row of a.rows) {
      const single = ask(`/azlinux compat ${row.size} ${row.distro} ${row.release}`);
      expect(single.kind === 'compat' && single.verdict, `${row.size} ${row.distro}`).toBe(row.verdict);
    }
    expect(a.verdicts.yes + a.verdicts.no + a.verdicts.depends).toBe(6);
  });

  test('a release asked about each level answers from its own requirement, never the asked one', () => {
    for (const d of catalog().distros)
      for (const r of d.releases) {
        const need = r.azureImageBaseline ?? r.x86_64Baseline;
        if (!need) continue;
        for (const level of LEVELS) {
          const a = ask(`does ${d.name} ${r.version} need ${level}?`);
          if (a.kind !== 'distro' || a.distro !== d.id) continue; // names shared by two distros are answered elsewhere
          const rank = (l: string) => LEVELS.indexOf(l as (typeof LEVELS)[number]);
          const word = rank(need) >= rank(level) ? /^Yes/ : /^No/;
          expect(a.summary, `${d.name} ${r.version} / ${level}`).toMatch(word);
          expect(a.summary).toContain(need);
        }
      }
  });

  test('follow-ups keep the thread’s question', () => {
    const first = ask('what is rocky 10 based on?');
    const next = ask('and alma?', first.context);
    expect(next.kind).toBe('lineage');
    expect(next.kind === 'lineage' && next.distro).toBe('almalinux');
    const why = ask('why?', ask('can I run rhel 10 on Standard_D1?').context);
    expect(why.kind).toBe('compat');
    expect(why.summary).toMatch(/because/);
  });

  test('what was not understood is named, not dropped', () => {
    const a = ask('can I run rocky 10 on D2s_v3 and d4s_v99?');
    expect(a.caveats.join(' ')).toContain('d4s_v99');
  });
});
