// Release names as people type them: glued to the version ("RHEL9", "centos-7"), with ".x" for any minor release
// ("CentOS-7.x", "9.X"), with a letter missing from the name ("RockLinux-8"), and inside Chinese or Japanese text
// (entities.ts: ANY_MINOR, gluedTypo). Every release of every distribution whose name is one word of five letters or
// more (distros.json), in every shape: the finder finds that release.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { findEntities } from '../../src/core/entities.js';

const c = catalog();
/** a one-word name of the distribution, five letters or more: its name or an alias ("AlmaLinux", "RockyLinux") */
const oneWord = (names: string[]) => names.map((n) => n.replace(/\s+/g, '')).find((n) => /^[A-Za-z]{5,}$/.test(n));
const rows = c.distros.flatMap((d) => {
  const name = oneWord([d.name, ...d.aliases]);
  return name ? d.releases.filter((r) => /^\d+(\.\d+)?$/.test(r.version)).map((r) => ({ d, r, name })) : [];
});

/** the name with one letter dropped from its middle ("RockLinux" for "RockyLinux"), when no other name is that */
const slip = (name: string) => name.slice(0, Math.floor(name.length / 2)) + name.slice(Math.floor(name.length / 2) + 1);
const major = (v: string) => v.split('.')[0]!;

const found = (text: string, distroId: string, version: string) =>
  findEntities(c, text).releases.some((x) => x.distro.id === distroId && x.release.version === version);

describe('releases typed glued, with ".x", misspelt, in CJK text', () => {
  test('every release in every shape', () => {
    let asked = 0;
    for (const { d, r, name } of rows) {
      // ".x" stands for a minor release: only where the major number is the release ("7", "9", "24" of "24.04" is not)
      const shapes = [`${name}${r.version}`, `${name}-${r.version}`, `${name.toUpperCase()}-${r.version}`, `${name} ${r.version}のサポート終了日は？`];
      if (!r.version.includes('.') && d.releases.filter((x) => major(x.version) === r.version).length === 1)
        shapes.push(`${name}-${r.version}.x`, `${name}${r.version}.x`, `${name}-${r.version}.xへ移行したい`, `从${name}${r.version}.X迁移`);
      for (const text of shapes) {
        expect(found(text, d.id, r.version), text).toBe(true);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(100);
  });

  test('a letter missing from a long name glued to its version still finds the release', () => {
    let asked = 0;
    for (const { d, r, name } of rows) {
      if (name.length < 8) continue;
      const typo = slip(name);
      // only where the slip is no other distribution's name
      if (c.distroByKey.has(typo.toLowerCase())) continue;
      for (const text of [`${typo}-${r.version}`, `${typo}${r.version}`, `${typo}-${r.version}のサポート終了日`]) {
        expect(found(text, d.id, r.version), text).toBe(true);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(20);
  });

  test('a word that only ends in digits is no release', () => {
    for (const text of ['python3.9 crashes', 'build kernel6.1', 'version2.x of the tool']) expect(findEntities(c, text).releases, text).toEqual([]);
  });
});
