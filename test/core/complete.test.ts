// Autocomplete: every size completes to itself from its exact name, lists stay within Discord's 25,
// newer versions and releases come first, and any typed text is safe.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog, complete } from '../../src/core/index.js';

describe('autocomplete', () => {
  test('every size is the first choice for its own name, and for its loose spelling', () => {
    for (const s of catalog().sizes) {
      expect(complete('size', s.size.name)[0]?.value, s.size.name).toBe(s.size.name);
      expect(complete('size', s.size.name.replace(/^Standard_/, '').toLowerCase())[0]?.value, s.size.name).toBe(s.size.name);
    }
  });

  test('a prefix offers at most 25 sizes, newest version first', () => {
    const d4s = complete('size', 'd4s');
    expect(d4s.length).toBeLessThanOrEqual(25);
    expect(d4s.map((c) => c.value)).toContain('Standard_D4s_v5');
    expect(d4s.slice(0, 2).map((c) => c.value)).toEqual(['Standard_D4s_v7', 'Standard_D4s_v6']);
    expect(complete('size', '').length).toBe(25);
  });

  test("the core caps nothing at a platform's limit: a caller asking for more gets more (Discord keeps its 25)", () => {
    expect(catalog().sizes.length).toBeGreaterThan(100);
    expect(complete('size', '', { limit: 100 }).length).toBe(100);
    const everyD = complete('size', 'd', { limit: 10_000 });
    expect(everyD.length).toBeGreaterThan(25);
    expect(everyD.length).toBe(new Set(everyD.map((c) => c.value)).size);
  });

  test('distros by any alias; releases of the chosen distro newest first', () => {
    expect(complete('distro', 'mariner')[0]?.value).toBe('azure-linux');
    expect(complete('distro', 'alma')[0]?.value).toBe('almalinux');
    expect(complete('release', '', { distro: 'rhel' }).map((c) => c.value)).toEqual(['rhel 10', 'rhel 9', 'rhel 8']);
    expect(complete('release', '26', { distro: 'ubuntu' })[0]?.name).toBe('Ubuntu 26.04 LTS');
  });

  test('names and values stay within 100 characters for any input, and nothing throws', () => {
    fc.assert(
      fc.property(fc.constantFrom('size', 'distro', 'release', 'cpu', 'level') as fc.Arbitrary<'size'>, fc.string({ maxLength: 300 }), (field, typed) => {
        const choices = complete(field, typed);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length).toBeGreaterThan(0);
          expect(c.name.length).toBeLessThanOrEqual(100);
          expect(c.value.length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });
});
