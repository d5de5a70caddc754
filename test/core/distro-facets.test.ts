// A distribution answer's summary is the facet asked for, and only that one is worked out (issue 15: distroAnswer
// used to build all seven facets' summaries and keep one). Walks every release of every distribution, named and
// defaulted, through every facet, against the release's own fields.
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { distroAnswer, lineageParts, type DistroFacet } from '../../src/core/answers/distro.js';
import { catalog } from '../../src/core/index.js';
import { endedCaveat } from '../../src/core/answers/lifecycle.js';

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
      // a release without a date whose caveat says its support ended (Azure Linux 2.0) says that, not "no date"
      expect(said('eol')).toContain(
        r.eol ? `${r.eol}` : endedCaveat(r) ? `is out of support, but no single end-of-life date is recorded: ${endedCaveat(r)}` : 'No end-of-life date',
      );
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

describe('lineageAnswer, worked out once per release', () => {
  /** The same catalog under another identity: nothing remembered for it yet, so every answer is worked out afresh. */
  const fresh = () => Object.assign(Object.create(Object.getPrototypeOf(c) as object) as typeof c, c);

  test('every release, named and defaulted, both facets: the remembered answer is the one worked out afresh', () => {
    let n = 0;
    for (const facet of ['lineage', 'upstream'] as const)
      for (const { d, named } of rows) {
        const first = distroAnswer(c, 'q', d, named, facet);
        const again = distroAnswer(c, 'q', d, named, facet);
        const afresh = distroAnswer(fresh(), 'q', d, named, facet);
        expect(JSON.stringify(again)).toBe(JSON.stringify(afresh));
        expect(JSON.stringify(first)).toBe(JSON.stringify(afresh));
        n++;
      }
    expect(n).toBe(rows.length * 2);
  });

  test('the parts are kept once per release, and an answer changed by its caller changes no other answer', () => {
    for (const { d, r } of rows) {
      expect(lineageParts(c, d, r)).toBe(lineageParts(c, d, r));
      const a = distroAnswer(c, 'q', d, r, 'lineage') as Answer & { kind: 'lineage' };
      const before = JSON.stringify(distroAnswer(c, 'q', d, r, 'lineage'));
      a.chain.push({ distro: 'x', release: null, relation: 'independent' });
      if (a.chain[0]) a.chain[0].distro = 'changed';
      a.sections[0]!.lines!.push('changed');
      expect(JSON.stringify(distroAnswer(c, 'q', d, r, 'lineage'))).toBe(before);
      // the chain is the walk to the root, and the summary names the release
      expect(a.chain.length).toBeGreaterThan(0);
      expect(distroAnswer(c, 'q', d, r, 'lineage').summary).toContain(`${d.name} ${r.version}`);
    }
  });
});
