// An Intel Core named by its generation, no model number ("an old i7 3rd gen", "6th generation Core i5"):
// for every tier and generation 1-14, in every phrasing, the family rule whose name covers both, computed
// here from the raw table's family names (src/data/cpu-families.json), or nothing when none does.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { identifyCpu } from '../../src/core/cpu-family.js';
import table from '../../src/data/cpu-families.json' with { type: 'json' };

const c = catalog();
/** "Intel Core i3/i5/i7/i9 (7th–10th generation)" -> tiers i3..i9, generations 7..10 */
const byName = table.families
  .filter((f) => f.kind === 'processor')
  .flatMap((f) => {
    const m = /^Intel Core ((?:i\d\/)*i\d) \((\d+)\D+?(?:–(\d+)\D+?)? generation\)$/.exec(f.family);
    return m
      ? [{ family: f.family, tiers: m[1]!.split('/'), from: Number(m[2]), to: Number(m[3] ?? m[2]), range: f.family.replace(/^.*\((.*)\)$/, '$1') }]
      : [];
  });
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

describe('an Intel Core named by its generation', () => {
  test('every tier and generation, every phrasing: the family that covers both, at the place typed', () => {
    expect(byName.length).toBeGreaterThanOrEqual(8);
    let found = 0;
    let none = 0;
    for (const tier of ['i3', 'i5', 'i7', 'i9'])
      for (let g = 1; g <= 15; g++) {
        const rule = byName.find((r) => r.tiers.includes(tier) && g >= r.from && g <= r.to);
        for (const phrase of [
          `${tier} ${ordinal(g)} gen`,
          `Core ${tier.toUpperCase()} ${ordinal(g)} generation`,
          `intel core ${tier}-${ordinal(g)}-gen`,
          `${ordinal(g)} gen ${tier}`,
          `${ordinal(g)} generation Intel Core ${tier}`,
        ]) {
          const text = `is my old ${phrase} fine?`;
          const m = identifyCpu(c, text);
          if (!rule) {
            expect(m, text).toBeNull();
            none++;
            continue;
          }
          expect(m?.family.rule.family, text).toBe(rule.family);
          expect(m!.model, text).toBe(`Intel Core ${tier} (${rule.range})`);
          expect(m!.typed, text).toBe(phrase);
          expect(text.slice(m!.start, m!.end), text).toBe(phrase);
          found++;
        }
      }
    expect(found).toBeGreaterThan(100);
    expect(none).toBeGreaterThan(0);
  });

  test('no generation, or words glued on either side: nothing', () => {
    for (const text of ['my i7 is slow', 'an i7 gen', '3rd gen', 'xi7 3rd gen', 'i7 3rd genx', 'i7 3rd generations', 'i8 3rd gen'])
      expect(identifyCpu(c, text), text).toBeNull();
  });
});
