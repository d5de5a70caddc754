// Every distro release of the reference against src/data/distros.json: facts kept, upstream edges kept,
// and the curated Azure facts and aliases the bot relies on.
import { describe, expect, it } from 'vitest';
import { renamedVersion } from '../../scripts/reference/build-distros.js';
import { PREVIEW_RELEASES } from '../../scripts/reference-overrides.js';
import { knowledge, ref } from './fixtures.js';

const byId = new Map(knowledge.distros.map((d) => [d.id, d]));
const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function release(id: string, version: string) {
  const r = byId.get(id)?.releases.find((x) => x.version === version);
  if (!r) throw new Error(`no release ${id} ${version}`);
  return r;
}

function byAlias(alias: string): string[] {
  const out: string[] = [];
  for (const d of knowledge.distros) for (const r of d.releases) if (r.aliases.some((a) => key(a) === key(alias))) out.push(`${d.id} ${r.version}`);
  return out;
}

describe('distros.json', () => {
  it('holds the 28 distributions of the reference, in order', () => {
    expect(knowledge.distros.map((d) => d.id)).toEqual(ref.distros.map((d) => d.id));
  });

  describe.each(ref.distros.flatMap((d) => d.releases.map((r) => [`${d.id} ${r.version}`, d.id, r] as const)))('%s', (_, id, r) => {
    const got = release(id, renamedVersion(id, r.version));

    it('keeps the dates, tools, baseline and architectures', () => {
      expect(got.codename).toBe(r.codename);
      expect(got.released).toBe(r.released);
      expect(got.eol).toBe(r.eol);
      expect(got.packageManager).toBe(r.packageManager);
      expect(got.kernel).toBe(r.kernel);
      expect(got.x86_64Baseline).toBe(r.x86_64Baseline);
      expect(got.arches).toEqual(r.arches);
    });

    it('keeps every upstream edge', () => {
      expect(got.upstream).toHaveLength(r.upstream.length);
      r.upstream.forEach((u, i) => {
        const e = got.upstream[i]!;
        expect(e.distro).toBe(u.distro);
        expect(e.relation).toBe(u.relation);
        if (u.version === null) expect(e.version).toBeNull();
        else {
          // same version, or the upstream's own spelling of it ("24.04" -> "24.04 LTS", "16" -> "16.0")
          const v = renamedVersion(u.distro, u.version);
          if (e.version !== v) {
            expect(e.version === `${v}.0` || e.version!.startsWith(`${v} `), `${e.version} for ${v}`).toBe(true);
            expect(byId.get(u.distro)!.releases.map((x) => x.version)).toContain(e.version);
          }
        }
      });
    });

    it('has at least one source, every one from the reference', () => {
      expect(got.sources.length).toBeGreaterThan(0);
      const urls = new Set(r.sources.map((s) => s.url));
      for (const s of got.sources) expect(urls.has(s.url), s.url).toBe(true);
      expect(got.sources).toHaveLength(urls.size);
    });

    it('is a preview only where the sources say so', () => {
      const preview = PREVIEW_RELEASES.some(([i, v]) => i === id && v === got.version);
      expect(got.status).toBe(preview ? 'preview' : 'ga');
    });
  });

  it('gives Chromium OS, which the reference lists without releases, one honest placeholder', () => {
    const cros = byId.get('chromium-os')!;
    expect(ref.distros.find((d) => d.id === 'chromium-os')!.releases).toHaveLength(0);
    expect(cros.releases).toHaveLength(1);
    expect(cros.releases[0]!.upstream).toEqual([]);
    expect(cros.releases[0]!.caveats.join(' ')).toMatch(/no release/);
  });

  it('records what Azure Linux 4.0 needs on Azure', () => {
    const azl4 = release('azure-linux', '4.0');
    expect(azl4.status).toBe('preview');
    expect(azl4.released).toBeNull();
    expect(azl4.x86_64Baseline).toBe('x86-64-v2');
    expect(azl4.azureImageBaseline).toBeNull();
    expect(azl4.azureImageGenerations).toEqual([2]);
    expect(azl4.upstream).toEqual([{ distro: 'fedora', version: '43', relation: 'derived-from' }]);
    const text = azl4.caveats.join(' ');
    expect(text).toMatch(/preview/i);
    expect(text).toMatch(/Fedora 45 change proposal/);
    expect(text).toMatch(/no source makes v3 mandatory/);
    expect(byId.get('azure-linux')!.releases[0]!.version).toBe('4.0');
  });

  it('separates archive and Azure image baselines', () => {
    const ubuntu26 = release('ubuntu', '26.04 LTS');
    expect(ubuntu26.x86_64Baseline).toBe('x86-64-v1');
    expect(ubuntu26.azureImageBaseline).toBe('x86-64-v3');
    expect(release('ubuntu', '24.04 LTS').azureImageBaseline).toBeNull();
    const alma10 = release('almalinux', '10');
    expect(alma10.x86_64Baseline).toBe('x86-64-v3');
    expect(alma10.arches).toContain('x86_64_v2');
    expect(alma10.caveats.join(' ')).toMatch(/x86_64_v2 build/);
    for (const [id, v] of [
      ['rhel', '10'],
      ['centos-stream', '10'],
      ['rocky-linux', '10'],
    ] as const) {
      expect(release(id, v).x86_64Baseline).toBe('x86-64-v3');
    }
  });

  it('resolves the release aliases people type, each to one release', () => {
    const expected: Record<string, string> = {
      rhel10: 'rhel 10',
      'rhel 10': 'rhel 10',
      el10: 'rhel 10',
      rhel9: 'rhel 9',
      azl3: 'azure-linux 3.0',
      azl4: 'azure-linux 4.0',
      mariner2: 'azure-linux 2.0',
      'cbl-mariner 2': 'azure-linux 2.0',
      noble: 'ubuntu 24.04 LTS',
      resolute: 'ubuntu 26.04 LTS',
      jammy: 'ubuntu 22.04 LTS',
      bookworm: 'debian 12',
      trixie: 'debian 13',
      alma10: 'almalinux 10',
      rocky9: 'rocky-linux 9',
      al2023: 'amazon-linux 2023',
      f43: 'fedora 43',
      c10s: 'centos-stream 10',
    };
    for (const [alias, target] of Object.entries(expected)) expect(byAlias(alias), alias).toEqual([target]);
  });

  it('keeps release-specific and ambiguous names out of the distro aliases', () => {
    const distroKeys = knowledge.distros.flatMap((d) => d.aliases.map(key));
    for (const moved of ['azl3', 'azl4', 'al2023', 'al2', 'opensuse']) expect(distroKeys).not.toContain(moved);
  });

  it('dates each source by the snapshot it was read from (distro-notes.md), else by the compilation date', () => {
    for (const d of knowledge.distros) {
      for (const r of d.releases) {
        for (const s of r.sources) {
          const expected = /^https:\/\/github\.com\/microsoft\/azurelinux\/(blob|tree|commit)\//.test(s.url)
            ? '2026-04-30'
            : /^https:\/\/learn\.microsoft\.com\/en-us\/azure\/azure-linux\/|^https:\/\/github\.com\/MicrosoftDocs\/azure-management-docs\//.test(s.url)
              ? '2026-08-20'
              : s.url.startsWith('https://endoflife.date/')
                ? '2026-08-22'
                : '2026-11-27';
          expect(s.asOf, s.url).toBe(expected);
        }
      }
    }
  });
});
