// The store's claims and counters off the JS heap (src/service/mark-table.ts), held to a plain Map doing the
// same: every key found with the expiry and count last written, removed keys gone, sweeps dropping exactly
// the rows expired by then, through growth, rebuilds and keys of any length and script.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkTable } from '../../src/service/mark-table.js';

type Row = { expiry: number; count: number };

function read(table: MarkTable, key: string): Row | undefined {
  const row = table.find(key);
  return row < 0 ? undefined : { expiry: table.expiry(row), count: table.count(row) };
}

function expectSame(table: MarkTable, model: Map<string, Row>, keys: Iterable<string>): void {
  expect(table.size).toBe(model.size);
  for (const key of keys) expect(read(table, key), key).toEqual(model.get(key));
}

const op = (keys: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.record({ kind: fc.constant('put' as const), key: keys, expiry: fc.integer({ min: 0, max: 100 }), count: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('count' as const), key: keys, count: fc.integer({ min: 1, max: 1000 }) }),
    fc.record({ kind: fc.constant('delete' as const), key: keys }),
    fc.record({ kind: fc.constant('sweep' as const), at: fc.integer({ min: 0, max: 100 }) }),
  );

describe('MarkTable', () => {
  it('keeps what a Map keeps, through puts, counts, deletes and sweeps', () => {
    // few distinct keys (so they repeat), any characters, some longer than the first scratch buffer
    const keys = fc.oneof(fc.constantFrom('a', 'slack:command:1.t', 'cooldown:slack:U1:7', '', 'é', '🙂x'), fc.string({ unit: 'binary', maxLength: 120 }));
    fc.assert(
      fc.property(fc.array(op(keys), { maxLength: 200 }), (ops) => {
        const table = new MarkTable();
        const model = new Map<string, Row>();
        const seen = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'put') {
            table.put(o.key, o.expiry, o.count);
            model.set(o.key, { expiry: o.expiry, count: o.count });
          } else if (o.kind === 'count') {
            const row = table.find(o.key);
            const had = model.get(o.key);
            expect(row >= 0).toBe(had !== undefined);
            if (had !== undefined) {
              table.setCount(row, o.count);
              had.count = o.count;
            }
          } else if (o.kind === 'delete') {
            table.delete(o.key);
            model.delete(o.key);
          } else {
            table.sweep(o.at);
            for (const [key, row] of model) if (row.expiry <= o.at) model.delete(key);
          }
          if (o.kind !== 'sweep') seen.add(o.key);
          expectSame(table, model, seen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first size and shrinks back when swept, every key found throughout', () => {
    const table = new MarkTable();
    const model = new Map<string, Row>();
    const key = (i: number) => `slack:command:${i}.${'x'.repeat(i % 90)}`;
    for (let i = 0; i < 20_000; i++) {
      table.put(key(i), i, i % 3);
      model.set(key(i), { expiry: i, count: i % 3 });
      if (i % 7 === 0 && i >= 3) {
        table.delete(key(i - 3));
        model.delete(key(i - 3));
      }
    }
    expectSame(
      table,
      model,
      Array.from({ length: 20_000 }, (_, i) => key(i)),
    );
    table.sweep(15_000);
    for (const [k, row] of model) if (row.expiry <= 15_000) model.delete(k);
    expectSame(
      table,
      model,
      Array.from({ length: 20_000 }, (_, i) => key(i)),
    );
    table.sweep(Number.POSITIVE_INFINITY);
    expect(table.size).toBe(0);
    expect(table.find(key(19_999))).toBe(-1);
    table.put(key(1), 5, 1);
    expect(read(table, key(1))).toEqual({ expiry: 5, count: 1 });
  });

  it('overwrites a key in place and tells keys apart that share a hash bucket or a prefix', () => {
    const table = new MarkTable();
    table.put('ab', 1, 0);
    table.put('ab', 2, 3);
    table.put('a', 4, 1);
    table.put('abc', 5, 2);
    expect(table.size).toBe(3);
    expect(read(table, 'ab')).toEqual({ expiry: 2, count: 3 });
    expect(read(table, 'a')).toEqual({ expiry: 4, count: 1 });
    expect(read(table, 'abc')).toEqual({ expiry: 5, count: 2 });
    table.delete('ab');
    expect(read(table, 'ab')).toBeUndefined();
    expect(read(table, 'abc')).toEqual({ expiry: 5, count: 2 });
    // the same length and the same FNV-1a hash (found by search): told apart by their bytes
    table.put('k0062vu', 6, 1);
    table.put('k00duea', 7, 2);
    expect(read(table, 'k0062vu')).toEqual({ expiry: 6, count: 1 });
    expect(read(table, 'k00duea')).toEqual({ expiry: 7, count: 2 });
    table.delete('k0062vu');
    expect(read(table, 'k00duea')).toEqual({ expiry: 7, count: 2 });
    expect(read(table, 'k0062vu')).toBeUndefined();
    table.clear();
    expect(table.size).toBe(0);
    expect(read(table, 'abc')).toBeUndefined();
  });
});
