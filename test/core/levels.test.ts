// The level rules of src/core/levels.ts, exercised on every level of the psABI table: what a set of
// flags reaches, exactly what it lacks for the next level, how typed flags are read, and the order of levels.
import { describe, expect, test } from 'vitest';
import { highestLevel, LEVELS, levelOfFlags, levelRank, lowestLevel, normaliseFlag } from '../../src/core/levels.js';
import { catalog } from '../../src/core/index.js';
import { cpuLevel, flagsOf, levelsTable, ORDER, rawCpus, type Level } from './independent-rules.js';

const table = catalog().levels;
const upTo = (l: Level) => ORDER.slice(0, ORDER.indexOf(l) + 1).flatMap(flagsOf);

describe('levels', () => {
  test('the four levels in order, ranked 1 to 4', () => {
    expect([...LEVELS]).toEqual(ORDER);
    expect(ORDER.map(levelRank)).toEqual([1, 2, 3, 4]);
  });

  test('exactly the flags of levels 1..N make level N, and what is missing is exactly the next level’s flags', () => {
    let n = 0;
    for (const l of ORDER) {
      const r = levelOfFlags(upTo(l), table);
      const next = ORDER[ORDER.indexOf(l) + 1];
      expect(r, l).toEqual({ level: l, missingForNext: next ? flagsOf(next) : [] });
      n++;
    }
    expect(n).toBe(4);
    expect(levelOfFlags([], table)).toEqual({ level: null, missingForNext: flagsOf('x86-64-v1') });
  });

  test('one flag taken away drops to the level below it, naming that flag alone', () => {
    let n = 0;
    for (const top of ORDER) {
      for (const l of ORDER.slice(0, ORDER.indexOf(top) + 1)) {
        for (const gone of flagsOf(l)) {
          const r = levelOfFlags(
            upTo(top).filter((f) => f !== gone),
            table,
          );
          const below = ORDER[ORDER.indexOf(l) - 1] ?? null;
          expect(r, `${top} without ${gone}`).toEqual({ level: below, missingForNext: [gone] });
          n++;
        }
      }
    }
    expect(n).toBe(ORDER.reduce((sum, top) => sum + upTo(top).length, 0));
  });

  test('a higher level’s flags without a lower level’s do not count (levels are cumulative)', () => {
    const r = levelOfFlags([...flagsOf('x86-64-v1'), ...flagsOf('x86-64-v3'), ...flagsOf('x86-64-v4')], table);
    expect(r).toEqual({ level: 'x86-64-v1', missingForNext: flagsOf('x86-64-v2') });
  });

  test('typed flags are read in any case, with - or . for _, with spaces, and by their aliases', () => {
    expect(normaliseFlag('  SSE4.2 ', table)).toBe('sse4_2');
    expect(normaliseFlag('sse4-1', table)).toBe('sse4_1');
    expect(normaliseFlag('AVX512F', table)).toBe('avx512f');
    expect(normaliseFlag('__proto__', table)).toBe('__proto__');
    expect(normaliseFlag('constructor', table)).toBe('constructor');
    let n = 0;
    for (const [alias, flag] of Object.entries(levelsTable.flagAliases)) {
      expect(normaliseFlag(alias.toUpperCase(), table), alias).toBe(flag);
      n++;
    }
    expect(n).toBe(Object.keys(levelsTable.flagAliases).length);
    expect(n).toBeGreaterThan(5);
    // a whole v2 line typed with dots, dashes, capitals and padding is still v2
    const typed = upTo('x86-64-v2').map((f) => ` ${f.toUpperCase().replace('_', '.')} `);
    expect(levelOfFlags(typed, table).level).toBe('x86-64-v2');
    expect(
      levelOfFlags(
        upTo('x86-64-v2').map((f) => f.replace('_', '-')),
        table,
      ).level,
    ).toBe('x86-64-v2');
  });

  test('every x64 processor’s computed level is the psABI rule applied to its features', () => {
    let n = 0;
    for (const cpu of rawCpus) {
      if (cpu.arch !== 'x64') continue;
      expect(catalog().cpus.get(cpu.model)!.level, cpu.model).toBe(cpuLevel.get(cpu.model));
      expect(levelOfFlags(cpu.features, table).level, cpu.model).toBe(cpuLevel.get(cpu.model));
      n++;
    }
    expect(n).toBe(rawCpus.filter((c) => c.arch === 'x64').length);
    // the processors cover every level but v1 and below, so a shifted rule cannot pass unnoticed
    expect(new Set(rawCpus.filter((c) => c.arch === 'x64').map((c) => cpuLevel.get(c.model)))).toEqual(new Set(ORDER));
  });

  test('lowest and highest of any mix of levels, unknowns ignored', () => {
    const subsets: Array<Array<Level | null>> = [];
    for (let mask = 0; mask < 32; mask++) subsets.push([...ORDER, null].filter((_, i) => mask & (1 << i)));
    let n = 0;
    for (const s of subsets) {
      const known = s.filter((l): l is Level => l !== null).map((l) => ORDER.indexOf(l));
      const low = known.length ? ORDER[Math.min(...known)]! : null;
      const high = known.length ? ORDER[Math.max(...known)]! : null;
      for (const order of [s, [...s].reverse()]) {
        expect(lowestLevel(order), JSON.stringify(order)).toBe(low);
        expect(highestLevel(order), JSON.stringify(order)).toBe(high);
        n++;
      }
    }
    expect(n).toBe(64);
  });
});
