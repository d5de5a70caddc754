// validateKnowledge over tampered copies of the real tables: it must list every problem at once.
import { describe, expect, it } from 'vitest';
import { DataError, validateKnowledge } from '../../src/data/load.js';
import type { CpuModel, Distro, VmSeries } from '../../src/data/schema.js';
import { rawTables } from './fixtures.js';

type Raw = ReturnType<typeof rawTables>;
const series = (raw: Raw) => (raw.series as { series: VmSeries[] }).series;
const cpus = (raw: Raw) => (raw.cpus as { models: CpuModel[] }).models;
const distros = (raw: Raw) => (raw.distros as { distros: Distro[] }).distros;
const find = <T>(list: T[], pred: (x: T) => boolean): T => {
  const x = list.find(pred);
  if (!x) throw new Error('fixture record not found');
  return x;
};

function problemsOf(raw: Raw): string[] {
  try {
    validateKnowledge(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toContain((err as DataError).problems[0]);
    return (err as DataError).problems;
  }
  return [];
}

describe('validateKnowledge', () => {
  it('accepts the tables as committed', () => {
    expect(problemsOf(rawTables())).toEqual([]);
  });

  it('reports several injected problems at once', () => {
    const raw = rawTables();
    // unknown processor
    find(series(raw), (s) => s.series === 'Dsv5').processors.push('Intel Xeon Platinum 9999Z');
    // dangling upstream
    find(distros(raw), (d) => d.id === 'rocky-linux').releases[0]!.upstream[0]!.distro = 'red-hat-enterprise';
    // lineage cycle: Fedora derived from Azure Linux, which is derived from Fedora
    find(distros(raw), (d) => d.id === 'fedora').releases[1]!.upstream = [{ distro: 'azure-linux', version: '4.0', relation: 'derived-from' }];
    // bad dates: a day that does not exist, and a date in the wrong format
    find(distros(raw), (d) => d.id === 'debian').releases[0]!.eol = '2028-02-30';
    cpus(raw)[0]!.sources[0]!.asOf = '27/11/2026';

    const tampered = JSON.stringify(raw);
    const problems = problemsOf(raw);
    expect(JSON.stringify(raw), 'validateKnowledge must not change its input').toBe(tampered);
    const text = problems.join('\n');
    expect(text).toMatch(/vm-series\.json: Dsv5: processor "Intel Xeon Platinum 9999Z" is not a model/);
    expect(text).toMatch(/distros\.json: rocky-linux 10: upstream distro "red-hat-enterprise" does not exist/);
    expect(text).toMatch(/distros\.json: lineage cycle (azure-linux -> fedora -> azure-linux|fedora -> azure-linux -> fedora)/);
    expect(text).toMatch(/distros\.json: distros\[\d+\]\.releases\[0\]\.eol: 2028-02-30 is not a calendar date/);
    expect(text).toMatch(/cpu-models\.json: models\[0\]\.sources\[0\]\.asOf \(AMD Opteron 4171 HE\): expected a YYYY-MM-DD date/);
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('does not report a record as dangling just because that record is itself invalid', () => {
    const raw = rawTables();
    const rhel = find(distros(raw), (d) => d.id === 'rhel');
    (rhel as { vendor: unknown }).vendor = 42;
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/distros\.json: distros\[\d+\]\.vendor \(rhel\)/);
  });

  it('checks sizes, architectures, aliases and upstream versions across tables', () => {
    const raw = rawTables();
    const dsv5 = find(series(raw), (s) => s.series === 'Dsv5');
    dsv5.sizes.push({ ...dsv5.sizes[0]! }); // duplicate size name
    const esv5 = find(series(raw), (s) => s.series === 'Esv5');
    const constrained = find(esv5.sizes, (z) => z.constrainedFrom !== null);
    constrained.constrainedFrom = 'Standard_D4s_v5'; // parent in another series
    find(series(raw), (s) => s.series === 'Dpsv6').processors = ['Intel Xeon Platinum 8370C']; // x64 CPU on an Arm series
    find(distros(raw), (d) => d.id === 'debian').releases[0]!.aliases.push('noble'); // alias of Ubuntu 24.04
    find(distros(raw), (d) => d.id === 'almalinux').releases[0]!.upstream[0]!.version = '11'; // no RHEL 11
    cpus(raw)[1]!.keys.push('8370C'); // a key of another model

    const text = problemsOf(raw).join('\n');
    expect(text).toMatch(/size Standard_D2s_v5 \(Dsv5\) has the same name/);
    expect(text).toMatch(/Esv5: .* is constrained from Standard_D4s_v5, which is not a size of this series/);
    expect(text).toMatch(/Dpsv6: series is Arm64 but processor Intel Xeon Platinum 8370C is x64/);
    expect(text).toMatch(/alias "noble" \((debian 13|ubuntu 24\.04 LTS)\) also names release (ubuntu 24\.04 LTS|debian 13)/);
    expect(text).toMatch(/almalinux 10: upstream rhel version 11 is not a listed release/);
    expect(text).toMatch(/key "8370c" names both/);
  });

  it('checks the extended-support phase and the separate build for older CPUs against the release', () => {
    const raw = rawTables();
    const d12 = find(find(distros(raw), (d) => d.id === 'debian').releases, (r) => r.version === '12');
    d12.extendedSupport = { name: 'Debian LTS', until: '2026-01-01' }; // before the end of regular support
    find(find(distros(raw), (d) => d.id === 'almalinux').releases, (r) => r.version === '10').altBuildBaseline = 'x86-64-v3'; // not below v3
    const text = problemsOf(raw).join('\n');
    expect(text).toMatch(/debian 12: Debian LTS ends 2026-01-01, not after end of life 2026-07-12/);
    expect(text).toMatch(/almalinux 10: altBuildBaseline x86-64-v3 must be below x86_64Baseline x86-64-v3/);
  });

  it('accepts upstream versions that are symbolic or older than the table', () => {
    const raw = rawTables();
    const centos = find(distros(raw), (d) => d.id === 'centos');
    expect(centos.releases[1]!.upstream[0]).toMatchObject({ distro: 'rhel', version: '7' }); // before RHEL 8
    const ubuntu = find(distros(raw), (d) => d.id === 'ubuntu');
    expect(ubuntu.releases[0]!.upstream[0]).toMatchObject({ distro: 'debian', version: 'unstable (sid)' });
    expect(problemsOf(raw)).toEqual([]);
  });

  it('rejects a table that is not there at all', () => {
    const raw = rawTables();
    raw.series = undefined;
    raw.levels = { levels: [] };
    const text = problemsOf(raw).join('\n');
    expect(text).toMatch(/vm-series\.json: expected an object/);
    expect(text).toMatch(/x86-64-levels\.json: levels/);
  });
});
