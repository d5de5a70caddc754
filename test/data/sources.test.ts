// Every record carries at least one source with a valid address and a real, not-future date.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/data/schema.js';
import { fileUrl } from '../../scripts/reference/urls.js';
import { knowledge, ref } from './fixtures.js';

function expectGoodSources(where: string, sources: Source[]): void {
  expect(sources.length, where).toBeGreaterThan(0);
  for (const s of sources) {
    const url = new URL(s.url);
    expect(url.protocol, `${where}: ${s.url}`).toBe('https:');
    expect(s.title.trim().length, where).toBeGreaterThan(0);
    expect(s.asOf, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${s.asOf}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(s.asOf);
    expect(s.asOf <= knowledge.asOf, `${where}: ${s.asOf}`).toBe(true);
  }
  expect(new Set(sources.map((s) => s.url)).size, `${where}: duplicate source`).toBe(sources.length);
}

describe('sources', () => {
  it('back the levels table', () => expectGoodSources('x86-64-levels.json', knowledge.levels.sources));

  it('back every CPU model', () => {
    for (const c of knowledge.cpus) expectGoodSources(c.model, c.sources);
  });

  it('back every VM series, starting with its size page at the recorded commit and date', () => {
    const refOf = new Map(ref.series.map((s) => [s.series, s]));
    for (const s of knowledge.series) {
      expectGoodSources(s.series, s.sources);
      const r = refOf.get(s.series)!;
      expect(s.sources[0]).toMatchObject({ url: fileUrl(r.source.repo, r.source.path, r.source.commit), asOf: r.source.date });
      expect(s.sources[0]!.url).toMatch(/^https:\/\/github\.com\/MicrosoftDocs\/azure-(compute-)?docs\/blob\/[0-9a-f]{40}\//);
      for (const inc of r.source.includes ?? []) {
        expect(
          s.sources.some((x) => x.url === fileUrl(inc.repo, inc.path!, inc.commit!) && x.asOf === inc.date),
          `${s.series}: ${inc.path}`,
        ).toBe(true);
      }
    }
  });

  it('back every distro release', () => {
    for (const d of knowledge.distros) for (const r of d.releases) expectGoodSources(`${d.id} ${r.version}`, r.sources);
  });
});
