// Compat verdicts weigh architecture, Hyper-V generation and level, and name who falls short.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { judge, summaryReason } from '../../src/core/answers/compat.js';
import { levelRank } from '../../src/core/levels.js';

function compat(q: string) {
  const a = ask(q);
  expect(a.kind, `${q} -> ${a.text}`).toBe('compat');
  if (a.kind !== 'compat') throw new Error('not compat');
  return a;
}

describe('compat verdicts', () => {
  test('RHEL 10 on Standard_D1 depends, naming the v2 processors', () => {
    const a = compat('can I run RHEL 10 on Standard_D1');
    expect(a.verdict).toBe('depends');
    expect(a.shortfall.length).toBeGreaterThan(0);
    for (const p of a.shortfall) expect(a.text).toContain(p);
    expect(a.text).toContain('x86-64-v3');
  });

  test('a bare release number after the size: every number any release has is read, or asked about', () => {
    const numbers = new Map<string, { distro: string; version: string; name: string }[]>();
    for (const d of catalog().distros)
      for (const r of d.releases) {
        const head = r.version.toLowerCase().split(/[\s(]/)[0]!;
        if (!/^\d+(\.\d+)?$/.test(head)) continue;
        for (const n of new Set([head, head.replace(/\.0$/, '')])) {
          if (!numbers.has(n)) numbers.set(n, []);
          numbers.get(n)!.push({ distro: d.id, version: r.version, name: `${d.name} ${r.version}` });
        }
      }
    expect(numbers.get('10')?.length).toBeGreaterThan(3);
    for (const [n, refs] of numbers) {
      const a = ask(`/azlinux compat Standard_D2s_v3 ${n}`);
      if (refs.length === 1) {
        expect(a, `${n} -> ${a.text}`).toMatchObject({ kind: 'compat', distro: refs[0]!.distro, release: refs[0]!.version, size: 'Standard_D2s_v3' });
      } else {
        expect(a.kind, `${n} -> ${a.text}`).toBe('clarify');
        if (a.kind === 'clarify') expect([...a.choices].sort()).toEqual(refs.map((r) => r.name).sort());
      }
    }
    const unknown = ask('/azlinux compat Standard_D2s_v3 77');
    expect(unknown.kind).toBe('not-found');
    expect(unknown.text).toContain('rhel 10');
    // without a number the default stays Azure Linux's newest release
    expect(ask('/azlinux compat Standard_D2s_v3')).toMatchObject({ kind: 'compat', distro: 'azure-linux', release: '4.0' });
  });

  test('Azure Linux 4.0 needs Generation 2: a Gen1-only series is a no', () => {
    const a = compat('/azlinux compat Standard_A2_v2');
    expect(a.distro).toBe('azure-linux');
    expect(a.release).toBe('4.0');
    expect(a.verdict).toBe('no');
    expect(a.reasons.join(' ')).toMatch(/Generation 2/);
  });

  test('the default distro of /azlinux compat is the newest Azure Linux', () => {
    const a = compat('/azlinux compat Standard_D4s_v5');
    expect(a.distro).toBe('azure-linux');
    expect(a.verdict).toBe('yes');
  });

  test('RHEL 10 on a D2s v3 (Haswell floor, v3) is a yes', () => {
    expect(compat('can I run RHEL 10 on a D2s v3?').verdict).toBe('yes');
  });

  test('Arm sizes answer by architecture', () => {
    const a = compat('/azlinux compat Standard_D4ps_v5 azure linux 4');
    expect(a.verdict).toBe('yes');
    expect(a.text).toMatch(/aarch64|Arm64/);
  });

  test('every series: the verdict agrees with its processors and the release requirement', () => {
    const c = catalog();
    const rhel = c.distroById('rhel')!;
    const rhel10 = c.findRelease(rhel, '10')!;
    for (const s of c.series) {
      const j = judge(s, rhel, rhel10);
      if (s.record.arch === 'Arm64') {
        expect(j.verdict, s.record.series).toBe(rhel10.arches.includes('aarch64') ? 'yes' : 'no');
        continue;
      }
      if (s.cpus.length === 0) {
        expect(j.verdict, s.record.series).toBe('depends');
        continue;
      }
      const short = s.cpus.filter((cpu) => levelRank(cpu.level!) < levelRank('x86-64-v3'));
      expect(j.shortfall.sort(), s.record.series).toEqual(short.map((x) => x.model.model).sort());
      const expected = short.length === 0 ? 'yes' : short.length === s.cpus.length ? 'no' : 'depends';
      expect(j.verdict, s.record.series).toBe(expected);
    }
  });
});

// No Arm64 series documents two processors today; the summary of one that did would name both
describe('an Arm64 series with two processors', () => {
  test('every release that ships for aarch64: the architecture reason, then both processors', () => {
    const c = catalog();
    const arm = c.series.find((s) => s.record.arch === 'Arm64' && s.cpus.length === 1)!;
    const other = c.series.flatMap((s) => s.cpus).find((x) => x.model.arch === 'Arm64' && x.model.model !== arm.cpus[0]!.model.model)!;
    const two = { ...arm, cpus: [arm.cpus[0]!, other] };
    let n = 0;
    for (const d of c.distros)
      for (const rel of d.releases) {
        const j = judge(two, d, rel);
        if (j.deciding) continue;
        n++;
        expect(summaryReason(j, two), `${d.name} ${rel.version}`).toBe(
          `${j.reasons[0]!.replace(/\.$/, '')} (${arm.cpus[0]!.model.model}, ${other.model.model}).`,
        );
      }
    expect(n).toBeGreaterThan(5);
  });
});
