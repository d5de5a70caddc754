// "Did you mean" over the real data: misspellings made from every size, series, distro alias and CPU
// key in the catalog get exactly the suggestions of a plain reference written here — every candidate
// re-keyed from the catalog's records on each call, the full distance with no cap and no early exit,
// the ranking rules spelled out (src/core/fuzzy.ts: prefix counts as one edit; nothing past
// max(3, ceil(¾ of the query)); best, then the shorter key, then the value met first).
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { closest } from '../../src/core/fuzzy.js';
import { keyOf, sizeKeyOf } from '../../src/core/text.js';
import { reference } from './fuzzy-reference.js';

/** One slip in `key`, its kind and place chosen by `n`: a letter dropped, doubled, swapped with the
 * next, replaced, a letter added at the end, or only the first half typed. */
function misspell(key: string, n: number): string {
  const at = n % Math.max(1, key.length);
  switch (n % 6) {
    case 0:
      return key.slice(0, at) + key.slice(at + 1);
    case 1:
      return key.slice(0, at + 1) + key.slice(at);
    case 2:
      return at + 1 < key.length ? key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2) : `${key}x`;
    case 3:
      return `${key.slice(0, at)}${key[at] === 'q' ? 'z' : 'q'}${key.slice(at + 1)}`;
    case 4:
      return `${key}${n % 10}`;
    default:
      return key.slice(0, Math.ceil(key.length / 2));
  }
}

const c = catalog();
const sizes = (): Array<[string, string]> => c.sizes.map((s) => [sizeKeyOf(s.size.name), s.size.name]);
const series = (): Array<[string, string]> => c.series.map((s) => [sizeKeyOf(s.record.series), s.record.series]);
const distros = (): Array<[string, string]> => {
  // the first distro to claim an alias keeps it
  const byKey = new Map<string, string>();
  for (const d of c.distros) for (const a of [d.id, d.name, ...d.aliases]) if (keyOf(a) && !byKey.has(keyOf(a))) byKey.set(keyOf(a), d.name);
  return [...byKey.entries()];
};
const cpus = (): Array<[string, string]> => {
  const byKey = new Map<string, string[]>();
  const add = (k: string, name: string) => {
    const list = byKey.get(k) ?? [];
    if (!list.includes(name)) list.push(name);
    byKey.set(k, list);
  };
  for (const info of c.cpus.values()) {
    const m = info.model;
    for (const k of [m.model, ...m.keys]) add(keyOf(k), m.model);
    add(keyOf(m.model.replace(/^(Intel|AMD|NVIDIA|Microsoft|Ampere)\s+/i, '')), m.model);
  }
  return [...byKey.entries()].flatMap(([k, names]) => names.map((n) => [k, n] as [string, string]));
};
const anyName = (): Array<[string, string]> => [
  ...distros(),
  ...series(),
  ...[...c.cpus.values()].map((i) => [keyOf(i.model.model), i.model.model] as [string, string]),
];

describe('did you mean, over every name in the data', () => {
  test('the catalog holds the same candidates, in the same order, as the records give', () => {
    const names = c.fuzzyNames;
    const pairs = (ix: { keys: readonly string[]; values: readonly string[] }) => ix.keys.map((k, i) => [k, ix.values[i]]);
    expect(pairs(names.sizes)).toEqual(sizes());
    expect(pairs(names.series)).toEqual(series());
    expect(pairs(names.distros)).toEqual(distros());
    expect(pairs(names.cpus)).toEqual(cpus());
    expect(pairs(names.any)).toEqual(anyName());
    expect(c.sizeKeys).toEqual(sizes().map(([k]) => k));
  });

  test('a misspelled size: the same sizes and series as the reference', () => {
    const candidates = sizes();
    const seriesCandidates = series();
    let checked = 0;
    candidates.forEach(([key], n) => {
      const q = misspell(key, n);
      expect(closest(q, c.fuzzyNames.sizes), q).toEqual(reference(q, candidates));
      if (n % 4 === 0) expect(closest(q, c.fuzzyNames.series, 1), q).toEqual(reference(q, seriesCandidates, 1));
      checked++;
    });
    expect(checked).toBe(c.sizes.length);
  }, 60_000);

  test('a misspelled series: the same sizes and series as the reference', () => {
    const sizeCandidates = sizes();
    const candidates = series();
    candidates.forEach(([key], n) => {
      for (const q of [misspell(key, n), misspell(key, n + 3)]) {
        expect(closest(q, c.fuzzyNames.series, 1), q).toEqual(reference(q, candidates, 1));
        expect(closest(q, c.fuzzyNames.sizes), q).toEqual(reference(q, sizeCandidates));
      }
    });
  });

  test('a misspelled distro alias or CPU name: the same names as the reference, alone and among all names', () => {
    const distroCandidates = distros();
    const cpuCandidates = cpus();
    const all = anyName();
    distroCandidates.forEach(([key], n) => {
      for (let kind = 0; kind < 6; kind++) {
        const q = misspell(key, n + kind);
        expect(closest(q, c.fuzzyNames.distros), q).toEqual(reference(q, distroCandidates));
        expect(closest(q, c.fuzzyNames.any), q).toEqual(reference(q, all));
      }
    });
    cpuCandidates.forEach(([key], n) => {
      const q = misspell(key, n);
      expect(closest(q, c.fuzzyNames.cpus), q).toEqual(reference(q, cpuCandidates));
      if (n % 3 === 0) expect(closest(q, c.fuzzyNames.any), q).toEqual(reference(q, all));
    });
  });
});
