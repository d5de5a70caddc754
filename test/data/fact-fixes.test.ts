// The known fact defects of the reference snapshot (issue 11), each pinned to the value its source gives,
// checked in the product's tables and in the answers people see. The fixes live in
// scripts/reference-overrides.ts (ADDED_SERIES, SERIES_EXTRA_PROCESSORS, RELEASE_FIXES, RELEASE_OVERRIDES)
// and go through the importer, so a re-import keeps them.
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { knowledge, snapshot } from './fixtures.js';

function release(id: string, version: string) {
  const r = knowledge.distros.find((d) => d.id === id)?.releases.find((x) => x.version === version);
  if (!r) throw new Error(`no release ${id} ${version}`);
  return r;
}
const series = (name: string) => knowledge.series.find((s) => s.series === name)!;
const urls = (sources: Array<{ url: string }>) => sources.map((s) => s.url);

describe('Fedora', () => {
  it('45 is released (fedora-release in release mode 2026-10-15), ending 2027-12-08; no GA date is invented', () => {
    const f45 = release('fedora', '45');
    expect(f45.status).toBe('ga');
    expect(f45.eol).toBe('2027-12-08');
    expect(f45.released).toBeNull();
    expect(f45.caveats.join(' ')).toMatch(/release mode on 2026-10-15.*2027-12-08 on 2026-10-23.*not confirmed/);
    expect(urls(f45.sources)).toContain('https://src.fedoraproject.org/rpms/fedora-release/blob/f45/f/fedora-release.spec');
    expect(snapshot.distros.find((d) => d.id === 'fedora')!.releases.find((r) => r.version.startsWith('45'))!.eol).toBeNull();
  });

  it('44 was released 2026-04-28 (Fedora Magazine) and ends 2027-06-02; 43 ends 2026-12-09', () => {
    expect(release('fedora', '44')).toMatchObject({ released: '2026-04-28', eol: '2027-06-02', status: 'ga' });
    expect(urls(release('fedora', '44').sources)).toContain('https://fedoramagazine.org/announcing-fedora-linux-44/');
    expect(release('fedora', '43')).toMatchObject({ released: '2025-10-28', eol: '2026-12-09' });
    expect(urls(release('fedora', '43').sources)).toContain('https://docs.fedoraproject.org/en-US/releases/lifecycle/');
  });

  it('answers Fedora 45 as generally available, not in preview', () => {
    const a = ask('/azlinux releases fedora');
    expect(a.text).toMatch(/45 \| generally available; end of life in \d+ days \(2027-12-08\)/);
    expect(a.text).not.toMatch(/45 \| in preview/);
  });
});

describe('Debian 12', () => {
  it("ended regular security support on 2026-07-12 (Debian's announcement; its releases page says 07-11) and has Debian LTS to 2028-06-30, both shown", () => {
    const d12 = release('debian', '12');
    expect(d12.eol).toBe('2026-07-12');
    expect(d12.extendedSupport).toEqual({ name: 'Debian LTS', until: '2028-06-30' });
    expect(urls(d12.sources)[0]).toBe('https://www.debian.org/News/2026/20260712');
    expect(urls(d12.sources)).toContain('https://www.debian.org/releases/');
    expect(d12.caveats.join(' ')).toMatch(/2026-07-12.*2026-07-11/);
    const a = ask('/azlinux releases debian');
    expect(a.text).toMatch(/12 \| regular support ended \d+ days ago \(2026-07-12\); Debian LTS until 2028-06-30/);
    expect(ask('is debian 12 end of life?').text).toContain('2026-07-11');
  });
});

describe('Dlsv5 and Dldsv5', () => {
  it.each([
    ['Dlsv5', 'ls', 'dlsv5-series.md', '1502ca28c5fdd94f643454c86edd81f92a903839'],
    ['Dldsv5', 'lds', 'dldsv5-series.md', '1f02b8770ccb7e1cd869397064d50b04f710e8c8'],
  ])('%s: eight sizes at 2 GiB per vCPU on Sapphire Rapids, Ice Lake or Emerald Rapids, from its Learn page', (name, letters, page, specsCommit) => {
    const s = series(name);
    expect(s.sizes.map((z) => [z.name, z.vcpus, z.memoryGiB])).toEqual([2, 4, 8, 16, 32, 48, 64, 96].map((n) => [`Standard_D${n}${letters}_v5`, n, n * 2]));
    expect(s.processors).toEqual(['Intel Xeon Platinum 8473C', 'Intel Xeon Platinum 8370C', 'Intel Xeon Platinum 8573C']);
    expect(s.generations).toEqual([1, 2]);
    expect(s.sources[0]!.url).toBe(
      `https://github.com/MicrosoftDocs/azure-compute-docs/blob/2e4af98705e2ace519e313d40c5de3c3c7cc45a7/articles/virtual-machines/sizes/general-purpose/${page}`,
    );
    expect(s.sources[0]).toMatchObject({ asOf: '2026-03-10', dated: 'page' });
    expect(s.sources[1]!.url).toContain(specsCommit);
    const a = ask(`/cpulevel Standard_D4${letters}_v5`);
    expect(a).toMatchObject({ kind: 'vm-size', series: name, guaranteedLevel: 'x86-64-v4' });
  });
});

describe('Av2', () => {
  it("lands on the Sandy Bridge E5-2660 too (Microsoft's 2018 benchmark tables), so it guarantees only x86-64-v2", () => {
    const s = series('Av2');
    expect(s.processors).toContain('Intel Xeon E5-2660');
    expect(urls(s.sources)).toContain(
      'https://github.com/MicrosoftDocs/azure-docs/blob/0317ec988b51214a459cc5313f296bb7f9c2e8cb/articles/virtual-machines/linux/compute-benchmark-scores.md',
    );
    expect(ask('/cpulevel Standard_A2_v2')).toMatchObject({ guaranteedLevel: 'x86-64-v2', bestLevel: 'x86-64-v4' });
  });

  it('so RHEL 10 (x86-64-v3) on Av2 depends, naming the E5-2660', () => {
    const a = ask('/azlinux compat Standard_A2_v2 rhel 10');
    expect(a).toMatchObject({ kind: 'compat', verdict: 'depends', shortfall: ['Intel Xeon E5-2660'] });
    expect(a.summary).toMatch(/^It depends: .*E5-2660 \(x86-64-v2\)/);
  });
});

describe('a verdict never contradicts its caveats', () => {
  it('AlmaLinux 10 on a v2-only series: the headline names the separate x86_64_v2 build its caveat mentions', () => {
    expect(release('almalinux', '10').altBuildBaseline).toBe('x86-64-v2');
    const a = ask('/azlinux compat Standard_A2_v2 alma 10');
    expect(a).toMatchObject({ kind: 'compat', verdict: 'depends' });
    expect(a.summary).toMatch(/separate x86-64-v2 build/);
    expect(a.caveats.join(' ')).toMatch(/x86_64_v2 build/);
  });

  it('where every processor falls short of v3 but runs the v2 build, AlmaLinux 10 is "depends", never a bare "no"', () => {
    const a = ask('/azlinux compat Standard_D1 alma 10'); // D (v1): E5-2660 v2 and E5-2673 v3 / v4 hosts
    expect(a.kind).toBe('compat');
    if (a.kind !== 'compat') return;
    expect(a.verdict).not.toBe('no');
    const rhel = ask('/azlinux compat Standard_D1 rhel 10');
    expect(rhel.kind === 'compat' && rhel.verdict).toBe('depends');
  });
});

describe('Azure Linux 4.0 Secure Boot', () => {
  it('says both Learn pages, which disagree, and cites both', () => {
    const azl = release('azure-linux', '4.0');
    expect(azl.caveats.join(' ')).toMatch(/disagree on Secure Boot: the Azure Linux architecture page .* whereas the VM and scale-set overview/);
    expect(urls(azl.sources)).toEqual(
      expect.arrayContaining([
        'https://learn.microsoft.com/en-us/azure/azure-linux/architecture',
        'https://learn.microsoft.com/en-us/azure/azure-linux/azure-linux-vm-vmss-overview',
      ]),
    );
  });
});

describe('SLES 16', () => {
  it('cites the SUSE comparison document and the openSUSE wiki its level caveat refers to', () => {
    const sles = release('sles', '16.0');
    expect(sles.x86_64Baseline).toBe('x86-64-v2');
    expect(sles.caveats.join(' ')).toMatch(/SUSE's SLE 16 comparison document .* openSUSE wiki/);
    expect(urls(sles.sources)).toEqual(
      expect.arrayContaining([
        'https://susedoc.github.io/doc-modular/main/single-html/SLE-comparison/',
        'https://en.opensuse.org/X86-64_microarchitecture_levels',
      ]),
    );
  });
});
