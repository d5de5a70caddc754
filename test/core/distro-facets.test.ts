// A distribution answer's summary is the facet asked for, and only that one is worked out (issue 15: distroAnswer
// used to build all seven facets' summaries and keep one). Walks every release of every distribution, named and
// defaulted, through every facet, against the release's own fields.
import { describe, expect, test } from 'vitest';
import { distroAnswer, type DistroFacet } from '../../src/core/answers/distro.js';
import { catalog } from '../../src/core/index.js';

const c = catalog();
const FACETS: DistroFacet[] = ['overview', 'kernel', 'package-manager', 'eol', 'status', 'arches', 'baseline'];
const rows = c.distros.flatMap((d) => [...d.releases.map((r) => ({ d, r, named: r })), { d, r: c.newestRelease(d), named: null }]);

describe('distroAnswer, every release × every facet', () => {
  test('each summary says what its facet asks about that release', () => {
    let n = 0;
    for (const { d, r, named } of rows) {
      const name = `${d.name} ${r.version}`;
      const said = (facet: DistroFacet) => distroAnswer(c, 'q', d, named, facet).summary;
      for (const facet of FACETS) expect(said(facet).startsWith(name) || said(facet).includes(` ${name}`), `${name} ${facet}`).toBe(true);
      expect(said('kernel')).toContain(r.kernel ? `ships kernel ${r.kernel}` : 'name no kernel');
      expect(said('package-manager')).toContain(r.packageManager ? `uses ${r.packageManager}.` : 'no package manager');
      expect(said('eol')).toContain(r.eol ? `${r.eol}` : 'No end-of-life date');
      expect(said('status')).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is `));
      expect(said('status').includes(`(released ${r.released})`)).toBe(Boolean(r.released));
      for (const arch of r.arches) expect(said('arches')).toContain(arch);
      expect(said('baseline')).toContain(r.x86_64Baseline ? `needs ${r.x86_64Baseline}` : 'No x86-64 baseline');
      expect(said('overview')).toContain(`${name}: `);
      if (r.kernel) expect(said('overview')).toContain(`kernel ${r.kernel}`);
      // six facets, six different sentences: no facet answers with another's (the end of life of a release under
      // extended support is its status, which can be the overview's whole sentence)
      const distinct = FACETS.filter((f) => f !== 'eol');
      expect(new Set(distinct.map(said)).size, name).toBe(distinct.length);
      n++;
    }
    expect(n).toBe(rows.length);
    expect(n).toBeGreaterThan(50);
  });

  test('the answer around the summary is the same whichever facet was asked', () => {
    for (const { d, named } of rows) {
      const answers = FACETS.map((f) => distroAnswer(c, 'q', d, named, f));
      for (const a of answers) {
        expect(a.facts).toEqual(answers[0]!.facts);
        expect(a.caveats).toEqual(answers[0]!.caveats);
        expect(a.sources).toEqual(answers[0]!.sources);
      }
      expect(answers[0]!.facts.some((f) => f.label === 'Status')).toBe(true);
    }
  });
});
