// The adapters' keyed cache (src/adapters/common/keyed-cache.ts): a hit needs the same key and the same
// check; the least recently used entry goes first.
import { expect, test } from 'vitest';
import { KeyedCache } from '../../src/adapters/common/keyed-cache.js';

test('a value is made once per key and check, and made again when the check differs', () => {
  const cache = new KeyedCache<{ n: number }>(4);
  let made = 0;
  const get = (key: string, check: string) => cache.get(key, check, () => ({ n: ++made }));
  const first = get('a', 'x');
  expect(get('a', 'x')).toBe(first);
  expect(made).toBe(1);
  const changed = get('a', 'y');
  expect(changed).not.toBe(first);
  expect(changed.n).toBe(2);
  expect(get('a', 'y')).toBe(changed);
  expect(cache.size).toBe(1);
});

test('keeps the most recently used entries', () => {
  const cache = new KeyedCache<string>(2);
  const made: string[] = [];
  const get = (key: string) => cache.get(key, '', () => (made.push(key), key));
  for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) get(key);
  // b was the least recently used when c came in; a stayed
  expect(made).toEqual(['a', 'b', 'c', 'b']);
  expect(cache.size).toBe(2);
});
