// The exact-name paths (src/core/exact.ts) answer a command without the entity finder. They must give
// exactly the answer the entity finder's path gives, for every size, series, distribution and release in
// the tables and in every spelling they take; spellings they do not take still reach the long way.
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { catalog } from '../../src/core/index.js';
import { anyNameForTests, azlinuxCommand, cpulevelCommand } from '../../src/core/commands.js';
import { exactCpu, exactLevel, exactNames, exactRelease, exactSeries, exactSize } from '../../src/core/exact.js';
import { findEntities } from '../../src/core/entities.js';
import { ambiguousSize, ambiguousSizeOf, pickRelease, siblingsOf } from '../../src/core/targets.js';
import { lineageAnswer, releasesAnswer } from '../../src/core/answers/distro.js';
import { renderText } from '../../src/core/render-text.js';
import { sizeKeyOf } from '../../src/core/text.js';
import { LEVELS } from '../../src/core/levels.js';

const c = catalog();

/** An answer as askWith finishes it, text and all. */
function done(a: Answer): Answer {
  return { ...a, text: renderText(a) };
}

/** The sizes' spellings the exact path takes, and one it does not (spaces, "standard " with a space). */
function sizeSpellings(name: string): { exact: string[]; loose: string[] } {
  const bare = name.replace(/^Standard_/, '');
  const exact = [name, name.toLowerCase(), name.toUpperCase(), ...(bare !== name ? [bare, bare.toLowerCase()] : [])];
  return { exact, loose: [bare.replace(/_/g, ' '), `standard ${bare}`] };
}

describe('/cpulevel with an exact size or series name', () => {
  test('every size, in every spelling the exact path takes, gets the entity finder path’s answer', () => {
    let n = 0;
    const problems: string[] = [];
    for (const s of c.sizes) {
      const { exact, loose } = sizeSpellings(s.size.name);
      for (const typed of exact) {
        const shared = (c.sizeByKey.get(sizeKeyOf(typed)) ?? []).length > 1;
        // a key two sizes share is no exact name: the entity finder names both
        if (shared) expect(exactSize(c, typed), typed).toBeUndefined();
        else expect(exactSize(c, typed)?.size.name, typed).toBe(s.size.name);
        const q = `/cpulevel ${typed}`;
        const fast = done(cpulevelCommand(c, q, typed));
        const full = done(anyNameForTests.cpulevel(c, q, typed));
        if (JSON.stringify(fast) !== JSON.stringify(full)) problems.push(typed);
        n++;
      }
      for (const typed of loose) if (!exact.includes(typed)) expect(exactSize(c, typed), typed).toBeUndefined();
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBeGreaterThan(c.sizes.length * 3);
  });

  test('exactSize finds through the size keys exactly what the map of every size spelling holds', () => {
    const map = exactNames(c).sizes;
    expect(map.size).toBeGreaterThan(c.sizes.length);
    for (const [spelling, size] of map) expect(exactSize(c, spelling), spelling).toBe(size);
    for (const s of c.sizes) {
      const { exact, loose } = sizeSpellings(s.size.name);
      for (const typed of [...exact, ...loose, `${s.size.name}x`, `x${s.size.name}`, s.size.name.replace(/_/, '')])
        expect(exactSize(c, typed), typed).toBe(typed.length <= 40 ? map.get(typed.toLowerCase()) : undefined);
    }
  });

  test('every series, by its name and as "<name> series", gets the entity finder path’s answer', () => {
    let taken = 0;
    const problems: string[] = [];
    for (const s of c.series) {
      const name = s.record.series;
      for (const typed of [name, name.toLowerCase(), `${name} series`, `${name}-series`]) {
        const hit = exactSeries(c, typed);
        if (hit) {
          expect(hit, typed).toBe(s);
          taken++;
        }
        const q = `/cpulevel ${typed}`;
        if (JSON.stringify(done(cpulevelCommand(c, q, typed))) !== JSON.stringify(done(anyNameForTests.cpulevel(c, q, typed)))) problems.push(typed);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // every series is taken, each way ("Dv2 (11-15)" too); the short names only as written
    const long = c.series.filter((s) => /^[a-z0-9][a-z0-9 _()-]{2,}$/i.test(s.record.series)).length;
    expect(c.series.filter((s) => s.record.series.includes('(')).length).toBeGreaterThan(3);
    const short = c.series.filter((s) => /^[a-z0-9]{1,2}$/i.test(s.record.series)).length;
    expect(short).toBeGreaterThan(5);
    expect(taken).toBe(4 * long + short);
  });

  // "Intel Xeon E5 v3 (Haswell) - model not stated": a record's description, which the entity finder reads as
  // loose words; "did you mean" offers it, so the exact path is what answers it typed back
  const described = (name: string) => name.includes('(');

  test('every processor Azure documents, by its name in any case, gets the entity finder path’s answer', () => {
    let taken = 0;
    const problems: string[] = [];
    for (const cpu of c.cpus.values()) {
      const name = cpu.model.model;
      for (const typed of [name, name.toLowerCase(), name.toUpperCase()]) {
        const hit = exactCpu(c, typed);
        if (hit) {
          expect(hit, typed).toBe(cpu);
          taken++;
        }
        if (described(name)) continue;
        const q = `/cpulevel ${typed}`;
        if (JSON.stringify(done(cpulevelCommand(c, q, typed))) !== JSON.stringify(done(anyNameForTests.cpulevel(c, q, typed)))) problems.push(typed);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(taken).toBeGreaterThan(c.cpus.size * 2);
  });

  test('every processor record, by its name as the table spells it, is answered as found, at its own level', () => {
    let descriptions = 0;
    for (const cpu of c.cpus.values()) {
      const name = cpu.model.model;
      if (described(name)) descriptions++;
      const a = done(cpulevelCommand(c, `/cpulevel ${name}`, name));
      expect(a.kind, name).not.toBe('not-found');
      expect(a.kind, name).not.toBe('clarify');
      // its own record, or the one series built on it (an HBv5 custom part), and never another level
      expect(a.summary, name).toContain(name);
      if (cpu.level) expect(a.summary, name).toContain(cpu.level);
      else expect(a.summary, name).toMatch(/Arm/);
    }
    expect(descriptions).toBeGreaterThan(5);
  });

  test('every x86-64 level, in any case, gets the entity finder path’s answer; other spellings go the long way', () => {
    for (const level of LEVELS)
      for (const typed of [level, level.toUpperCase(), level.replace(/-/g, '_'), level.slice(-2), `${level} please`]) {
        expect(exactLevel(typed), typed).toBe(typed.toLowerCase() === level ? level : undefined);
        const q = `/cpulevel ${typed}`;
        expect(JSON.stringify(done(cpulevelCommand(c, q, typed))), typed).toBe(JSON.stringify(done(anyNameForTests.cpulevel(c, q, typed))));
      }
  });

  test('a near miss is no exact name and still gets "did you mean"', () => {
    for (const s of c.sizes.filter((_, i) => i % 40 === 0)) {
      const typed = `${s.size.name}x`;
      expect(exactSize(c, typed)).toBeUndefined();
      const a = cpulevelCommand(c, `/cpulevel ${typed}`, typed);
      expect(a.kind, typed).not.toBe('vm-size');
      if (a.kind === 'not-found') expect(a.suggestions.length, typed).toBeGreaterThan(0);
    }
    const a = cpulevelCommand(c, '/cpulevel Standard_D4s_v55', 'Standard_D4s_v55');
    expect(a.kind).toBe('not-found');
    expect(a.suggestions).toContain('Standard_D4s_v5');
  });

  test('a bare size that other versions extend is still asked about ("D2": D2, D2_v2 … D2_v5)', () => {
    const a = cpulevelCommand(c, '/cpulevel D2', 'D2');
    expect(a.kind).toBe('clarify');
    if (a.kind === 'clarify') expect(a.choices).toEqual(expect.arrayContaining(['Standard_D2', 'Standard_D2_v2', 'Standard_D2_v5']));
    expect(cpulevelCommand(c, '/cpulevel Standard_D2', 'Standard_D2').kind).toBe('vm-size');
  });
});

describe('the siblings index gives what a scan of every size gives', () => {
  test('for every size key and every key a size extends', () => {
    const keys = c.sizeKeys;
    const scan = (key: string) =>
      c.sizes.filter((_, i) => {
        const k = keys[i]!;
        return k !== key && k.startsWith(key) && /^s?(v\d+)?$/.test(k.slice(key.length));
      });
    const asked = new Set<string>();
    for (const k of keys) for (let cut = 1; cut <= k.length; cut++) asked.add(k.slice(0, cut));
    let withSiblings = 0;
    for (const key of asked) {
      const got = siblingsOf(c, key);
      expect(got, key).toEqual(scan(key));
      if (got.length) withSiblings++;
    }
    expect(withSiblings).toBeGreaterThan(100);
  });

  test('ambiguousSizeOf is ambiguousSize for the one size found', () => {
    for (const s of c.sizes) {
      const typed = s.size.name.replace(/^Standard_/, '');
      const e = findEntities(c, typed);
      expect(JSON.stringify(ambiguousSizeOf(c, 'q', s, typed)), typed).toBe(JSON.stringify(ambiguousSize(c, 'q', { ...e, sizes: [s] }, typed)));
    }
  });
});

describe('/azlinux compat, lineage and releases with exact names', () => {
  const refs = c.distros.flatMap((d) => [{ distro: d, release: null }, ...d.releases.map((release) => ({ distro: d, release }))]);
  const label = (r: (typeof refs)[number]) => (r.release ? `${r.distro.name} ${r.release.version}` : r.distro.name);

  test('every distribution and release name: /azlinux lineage and releases answer as the entity finder path does', () => {
    let taken = 0;
    const problems: string[] = [];
    for (const r of refs) {
      const typed = label(r);
      if (exactRelease(c, typed)) taken++;
      const full = pickRelease(c, findEntities(c, typed), typed);
      for (const sub of ['lineage', 'releases', 'upstream'] as const) {
        const q = `/azlinux ${sub} ${typed}`;
        const want =
          'answer' in full ? full.answer : sub === 'releases' ? releasesAnswer(c, q, full.distro) : lineageAnswer(c, q, full.distro, full.release, sub);
        if (JSON.stringify(done(azlinuxCommand(c, q, `${sub} ${typed}`))) !== JSON.stringify(done(want))) problems.push(q);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // "/azlinux upstream 3.0": a bare version is Azure Linux's
    const azl = c.distroById('azure-linux')!;
    for (const r of azl.releases) {
      const q = `/azlinux upstream ${r.version}`;
      const full = pickRelease(c, findEntities(c, `azure linux ${r.version}`), q);
      const want = 'answer' in full ? full.answer : lineageAnswer(c, q, full.distro, full.release, 'upstream');
      if (JSON.stringify(done(azlinuxCommand(c, q, `upstream ${r.version}`))) !== JSON.stringify(done(want))) problems.push(q);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(taken).toBe(exactNames(c).releases.size);
    expect(taken).toBeGreaterThan(refs.length * 0.9);
  });

  test('every release beside an x64 size, an Arm64 size and one with no processor: the same answer both ways', () => {
    const sizes = [
      c.sizes.find((s) => s.series.record.arch === 'x64' && s.series.cpus.length > 1 && s.series.guaranteed !== s.series.best)!,
      c.sizes.find((s) => s.series.record.arch === 'Arm64')!,
      c.sizes.find((s) => s.series.record.arch === 'x64' && s.series.cpus.length === 0),
    ].filter((s) => s !== undefined);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    const problems: string[] = [];
    let fast = 0;
    for (const s of sizes)
      for (const r of [...refs, null]) {
        const args = [s.size.name, ...(r ? label(r).split(/\s+/) : [])];
        const q = `/azlinux compat ${args.join(' ')}`;
        const got = done(azlinuxCommand(c, q, `compat ${args.join(' ')}`));
        const want = done(anyNameForTests.compat(c, q, args));
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(q);
        if (got.kind === 'compat') fast++;
      }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(fast).toBeGreaterThan(refs.length);
  });

  test('every size beside one release: the same answer both ways', () => {
    const problems: string[] = [];
    for (const s of c.sizes) {
      const args = [s.size.name, 'Red', 'Hat', 'Enterprise', 'Linux', '10'];
      const q = `/azlinux compat ${args.join(' ')}`;
      if (JSON.stringify(done(azlinuxCommand(c, q, `compat ${args.join(' ')}`))) !== JSON.stringify(done(anyNameForTests.compat(c, q, args)))) problems.push(q);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('a release the tables do not hold still gets its not-found', () => {
    const a = azlinuxCommand(c, 'q', 'compat Standard_D2s_v3 Red Hat Enterprise Linux 11');
    expect(a.kind).toBe('not-found');
    expect(exactRelease(c, 'Red Hat Enterprise Linux 11')).toBeUndefined();
  });
});
