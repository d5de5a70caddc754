// "Is X based on Y?" for every release of every distribution against every other distribution in the data, judged
// against a walk of the upstream edges written here on its own (not the answer's code): the first words say yes,
// "yes, indirectly", no or "not recorded", the verdict field agrees, and the answer names the distribution asked.
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { distroAnswer } from '../../src/core/answers/distro.js';
import { ask, catalog } from '../../src/core/index.js';
import type { Distro, DistroRelease } from '../../src/data/schema.js';

const c = catalog();
type Lineage = Answer & { kind: 'lineage' };

/** Does `rel` come from distribution `id`? true / false, or 'some' where an edge names no release and only some of
 * that distribution's releases (which differ in their upstreams) lead there. */
function comesFrom(rel: DistroRelease, id: string, depth = 0): boolean | 'some' {
  if (depth > 10) return false;
  let some = false;
  for (const e of rel.upstream) {
    if (e.relation === 'independent') continue;
    if (e.distro === id) return true;
    const up = c.distroById(e.distro)!;
    let from: DistroRelease[];
    if (e.version) {
      const r = c.findRelease(up, e.version);
      from = r ? [r] : [];
    } else {
      const sets = new Set(up.releases.map((r) => JSON.stringify(r.upstream.map((x) => `${x.relation}:${x.distro}`).sort())));
      from = sets.size > 1 ? up.releases : [up.releases[0]!];
    }
    const each = from.filter((r) => r !== rel).map((r) => comesFrom(r, id, depth + 1));
    if (each.length && each.every((x) => x === true)) return true;
    if (each.some((x) => x !== false)) some = true;
  }
  return some ? 'some' : false;
}

const direct = (rel: DistroRelease, id: string) => rel.upstream.some((e) => e.relation !== 'independent' && e.distro === id);

/** The question for one release: its version typed after the name, or only the name when it has one release. */
function subjectText(d: Distro, r: DistroRelease): string {
  return d.releases.length === 1 ? d.name : `${d.name} ${r.version}`;
}

const pairs = c.distros.flatMap((d) => d.releases.flatMap((r) => c.distros.filter((y) => y !== d).map((y) => ({ d, r, y }))));

describe('is <release> based on <distribution>?, every pair in the data', () => {
  test('the answer is about that release, and its first words are the verdict the upstream edges give', () => {
    const counts = { yes: 0, indirectly: 0, no: 0, unknown: 0 };
    for (const { d, r, y } of pairs) {
      const q = `is ${subjectText(d, r)} based on ${y.name}?`;
      const a = ask(q) as Lineage;
      expect(a.kind, q).toBe('lineage');
      expect(a.distro, q).toBe(d.id);
      expect(a.release, q).toBe(r.version);
      const from = r.upstream.length ? comesFrom(r, y.id) : null;
      if (from === true && direct(r, y.id)) {
        expect(a.summary, q).toMatch(/^Yes(, in part)? — /);
        expect(a.verdict, q).toBe('yes');
        counts.yes++;
      } else if (from === true) {
        expect(a.summary, q).toMatch(/^Yes, indirectly — /);
        expect(a.verdict, q).toBe('yes');
        counts.indirectly++;
      } else if (from === false) {
        expect(a.summary, q).toMatch(/^No — /);
        expect(a.verdict, q).toBe('no');
        counts.no++;
      } else {
        expect(a.summary, q).toMatch(/^Not recorded — /);
        expect(a.verdict, q).toBeUndefined();
        counts.unknown++;
      }
      // the first sentence is about the release asked, and names the distribution asked when it is upstream
      expect(a.summary, q).toContain(`${d.name} ${r.version}`);
      if (from !== false && from !== null) expect(a.summary, q).toContain(y.name);
    }
    // every kind of answer occurs in the data
    expect(counts.yes).toBeGreaterThan(10);
    expect(counts.indirectly).toBeGreaterThan(10);
    expect(counts.no).toBeGreaterThan(500);
    expect(counts.unknown).toBeGreaterThan(0);
  });

  test('the same question in other word orders gets the same verdict about the same release', () => {
    for (const { d, r, y } of pairs) {
      const first = ask(`is ${subjectText(d, r)} based on ${y.name}?`) as Lineage;
      for (const q of [
        `is ${y.name} the upstream of ${subjectText(d, r)}?`,
        `is ${subjectText(d, r)} a ${y.name} derivative?`,
        `is ${subjectText(d, r)} downstream of ${y.name}?`,
      ]) {
        const a = ask(q) as Lineage;
        expect([a.kind, a.distro, a.release, a.verdict], q).toEqual([first.kind, first.distro, first.release, first.verdict]);
      }
    }
  });

  test('a rebuild asked ("a clone of") is yes only for a rebuild-of edge', () => {
    for (const { d, r, y } of pairs) {
      const q = `is ${subjectText(d, r)} a clone of ${y.name}?`;
      const a = ask(q) as Lineage;
      const rebuild = r.upstream.some((e) => e.relation === 'rebuild-of' && e.distro === y.id);
      if (rebuild) expect(a.summary, q).toMatch(/^Yes — .* is a rebuild of /);
      else if (r.upstream.length && comesFrom(r, y.id) !== 'some') expect(a.verdict, q).toBe('no');
    }
  });

  test('the upstream release asked: yes for the one an edge names, no for its other releases', () => {
    let n = 0;
    for (const d of c.distros)
      for (const r of d.releases)
        for (const e of r.upstream) {
          const y = c.distroById(e.distro)!;
          const named = e.version ? c.findRelease(y, e.version) : null;
          if (!named || y === d) continue;
          const yes = ask(`is ${subjectText(d, r)} based on ${y.name} ${named.version}?`) as Lineage;
          expect(yes.summary, `${d.name} ${r.version} / ${y.name} ${named.version}`).toMatch(/^Yes(, in part)? — /);
          for (const other of y.releases.filter((x) => x !== named)) {
            const no = ask(`is ${subjectText(d, r)} based on ${y.name} ${other.version}?`) as Lineage;
            expect(no.summary, `${d.name} ${r.version} / ${y.name} ${other.version}`).toMatch(/^No — /);
            expect(no.summary).toContain(`not ${e.relation === 'derived-from' ? 'from' : 'of'} ${y.name} ${other.version}`);
            n++;
          }
          // "which <Y> release is it built from?" leads with the release the edge names
          const which = ask(`which ${y.name} release is ${subjectText(d, r)} built from?`);
          expect(which.summary.startsWith(`${y.name} ${e.version} — `), which.summary).toBe(true);
        }
    expect(n).toBeGreaterThan(20);
  });

  test('is <release> independent?: yes exactly where the data records it as its own root', () => {
    for (const d of c.distros)
      for (const r of d.releases) {
        const a = ask(`is ${subjectText(d, r)} independent?`) as Lineage;
        if (!r.upstream.length) expect(a.summary).toMatch(/^Not recorded — /);
        else if (r.upstream.some((e) => e.relation === 'independent')) expect(a.verdict, r.version).toBe('yes');
        else expect(a.verdict, `${d.name} ${r.version}`).toBe('no');
      }
  });
});

describe('several distributions asked about, and "based on anything?"', () => {
  test('are <A> and <B> based on <Y>?: each named before the relation word is judged, for every two releases sharing a direct upstream', () => {
    let n = 0;
    const releases = c.distros.flatMap((d) => (d.releases.length === 1 ? [] : d.releases.map((r) => ({ d, r }))));
    for (const [i, x] of releases.entries())
      for (const z of releases.slice(i + 1)) {
        if (x.d === z.d) continue;
        const shared = x.r.upstream.filter(
          (e) =>
            e.relation !== 'independent' &&
            e.distro !== x.d.id &&
            e.distro !== z.d.id &&
            z.r.upstream.some((o) => o.relation !== 'independent' && o.distro === e.distro),
        );
        for (const e of shared) {
          const y = c.distroById(e.distro)!;
          const a = ask(`are ${x.d.name} ${x.r.version} and ${z.d.name} ${z.r.version} based on ${y.name}?`) as Lineage;
          const q = `${x.d.name} ${x.r.version} + ${z.d.name} ${z.r.version} / ${y.name}`;
          expect(a.verdict, q).toBe('yes');
          expect(a.summary, q).toContain(`${x.d.name} ${x.r.version} `);
          expect(a.summary, q).toContain(`${z.d.name} ${z.r.version} `);
          // neither is said to come from the other
          expect(a.summary, q).not.toMatch(/^No — /);
          n++;
        }
      }
    expect(n).toBeGreaterThan(20);
  });

  test('is <release> based on anything?: yes where it has an upstream besides itself, no for a root, not recorded for none', () => {
    for (const d of c.distros)
      for (const r of d.releases) {
        const a = ask(`is ${subjectText(d, r)} based on anything?`) as Lineage;
        const q = `${d.name} ${r.version}`;
        expect(a.release, q).toBe(r.version);
        if (!r.upstream.length) expect(a.summary, q).toMatch(/^Not recorded — /);
        else if (r.upstream.some((e) => e.relation !== 'independent')) expect(a.verdict, q).toBe('yes');
        else expect(a.summary, q).toMatch(/^No — .* its own root/);
      }
  });
});

describe('a distribution without a release named: every release judged', () => {
  test('one verdict when all its releases agree, "It depends on the release" when they do not', () => {
    let depends = 0;
    for (const d of c.distros.filter((x) => x.releases.length > 1))
      for (const y of c.distros.filter((x) => x !== d)) {
        const verdicts = new Set(d.releases.map((r) => (r.upstream.length ? comesFrom(r, y.id) : null)));
        const a = ask(`is ${d.name} based on ${y.name}?`) as Lineage;
        const q = `${d.name} / ${y.name}`;
        if (verdicts.size > 1) {
          expect(a.summary, q).toMatch(/^It depends on the release: /);
          expect(a.verdict, q).toBe('depends');
          // each release is named in it
          for (const r of d.releases) expect(a.summary, q).toContain(r.version);
          depends++;
        } else if (verdicts.has(true)) expect(a.summary, q).toMatch(/^Yes/);
        else if (verdicts.has(false)) expect(a.summary, q).toMatch(/^No — /);
      }
    expect(depends).toBeGreaterThan(2);
  });
});

describe('what a release is built from, in one sentence', () => {
  test('every release: the summary names every upstream once, and the chain names every direct upstream', () => {
    for (const d of c.distros)
      for (const r of d.releases) {
        const a = distroAnswer(c, 'q', d, r, 'lineage') as Lineage;
        const sentences = a.summary.split(/(?<=\.)\s+(?=[A-Z])/);
        expect(sentences.length, a.summary).toBe(1);
        const chain = a.facts.find((f) => f.label === 'Chain')!.value;
        for (const e of r.upstream) {
          const name = c.distroById(e.distro)!.name;
          if (e.relation === 'independent') expect(a.summary).toContain('its own root');
          else {
            expect(a.summary, `${d.name} ${r.version}`).toContain(name);
            expect(chain, `${d.name} ${r.version}`).toContain(name);
          }
        }
      }
  });
});

describe('"it" in a thread takes the place it has in the sentence', () => {
  /** each turn asked with what the turns before established, as the service carries a thread */
  function inThread(first: string, second: string): Answer {
    const a = ask(first, {});
    return ask(second, { ...a.context });
  }
  /** a release as typed: its version after the name, or only the name when it has one release */
  const releaseText = (d: Distro, r: DistroRelease) => (d.releases.length === 1 ? d.name : `${d.name} ${r.version}`);

  test('every release and every distribution in its chain, asked both ways round: the same answer as naming it', () => {
    let n = 0;
    for (const d of c.distros)
      for (const r of d.releases)
        for (const y of c.distros.filter((x) => x !== d && comesFrom(r, x.id) === true)) {
          // (a name holding another's, "Azure Linux with OS Guard (preview)", is read as the shorter one in a first
          // turn: no thread about that release to test)
          if ([d, y].some((x) => c.distros.some((o) => o !== x && x.name.includes(o.name)))) continue;
          const edge = r.upstream.find((e) => e.distro === y.id && e.version);
          const yr = (edge && c.findRelease(y, edge.version!)) || c.newestRelease(y);
          const sub = releaseText(d, r);
          const up = releaseText(y, yr);
          // the upstream in the thread, "is <release> based on it?": the release is the one judged, against the upstream
          const named = ask(`is ${sub} based on ${up}?`) as Lineage;
          const viaUp = inThread(`what is ${up}?`, `is ${sub} based on it?`) as Lineage;
          const q1 = `${up} then ${sub} based on it`;
          expect([viaUp.kind, viaUp.distro, viaUp.release, viaUp.verdict], q1).toEqual(['lineage', d.id, r.version, named.verdict]);
          expect(viaUp.summary.split(' — ')[0], q1).toBe(named.summary.split(' — ')[0]);
          // the release in the thread, "is <upstream> based on it?": the upstream is the one judged
          const reverse = ask(`is ${up} based on ${sub}?`) as Lineage;
          const viaSub = inThread(`what is ${sub}?`, `is ${up} based on it?`) as Lineage;
          const q2 = `${sub} then ${up} based on it`;
          expect([viaSub.kind, viaSub.distro, viaSub.release, viaSub.verdict], q2).toEqual(['lineage', y.id, yr.version, reverse.verdict]);
          // and "is it based on <upstream>?" after the release still judges the release
          const viaIt = inThread(`what is ${sub}?`, `is it based on ${up}?`) as Lineage;
          expect([viaIt.kind, viaIt.distro, viaIt.release, viaIt.verdict], `${sub} then it based on ${up}`).toEqual([
            'lineage',
            d.id,
            r.version,
            named.verdict,
          ]);
          n++;
        }
    expect(n).toBeGreaterThan(30);
  });
});
