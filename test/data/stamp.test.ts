// Start-up trusts tables whose hash the build stamped after validating them; any other bytes are
// validated in full. Here: a copy of the real tables in a temporary directory, stamped as the build does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { FAMILY_FILES, loadCpuFamilies } from '../../src/data/load-cpu-families.js';
import { loadKnowledge } from '../../src/data/load.js';
import { loadStamped, readTables, STAMP_FILE, stampedHash, TABLE_FILES, tablesHash } from '../../src/data/stamp.js';

const dir = mkdtempSync(join(tmpdir(), 'azlinux-stamp-'));
const url = pathToFileURL(`${dir}/`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = readTables();
const write = (texts: ReadonlyMap<string, string>, stamp: string | null) => {
  for (const [name, text] of texts) writeFileSync(join(dir, name), text);
  if (stamp === null) rmSync(join(dir, STAMP_FILE), { force: true });
  else writeFileSync(join(dir, STAMP_FILE), JSON.stringify({ sha256: stamp, files: TABLE_FILES }));
};

describe('the build stamp', () => {
  test('stamped tables load exactly as the full validation returns them', () => {
    write(real, tablesHash(real));
    const fast = loadStamped('9.9.9', url);
    expect(fast).not.toBeNull();
    const knowledge = loadKnowledge();
    expect(fast!.knowledge).toEqual({ ...knowledge, version: '9.9.9' });
    expect(fast!.families).toEqual(loadCpuFamilies(knowledge.levels));
  });

  test('one byte changed in any table, a missing table or no stamp: not taken as validated', () => {
    for (const name of TABLE_FILES) {
      const changed = new Map(real);
      const text = real.get(name)!;
      // the same JSON, one space more: still valid, but not the bytes that were validated
      changed.set(name, text.replace('{', '{ '));
      expect(tablesHash(changed), name).not.toBe(tablesHash(real));
      write(changed, tablesHash(real));
      expect(loadStamped(undefined, url), name).toBeNull();
    }
    write(real, null);
    expect(stampedHash(url)).toBeNull();
    expect(loadStamped(undefined, url)).toBeNull();
    write(real, tablesHash(real));
    rmSync(join(dir, TABLE_FILES[0]!));
    expect(loadStamped(undefined, url)).toBeNull();
  });

  test('the family rules, parsed at their first read, are the bytes the hash covered, not what the disk holds by then', () => {
    write(real, tablesHash(real));
    const fast = loadStamped(undefined, url);
    expect(fast).not.toBeNull();
    // the files change after the check: what is read later is still what was validated
    for (const name of [FAMILY_FILES.families, FAMILY_FILES.archspec]) writeFileSync(join(dir, name), '{"not": "the tables"}');
    const knowledge = loadKnowledge();
    expect(fast!.families.families).toEqual(loadCpuFamilies(knowledge.levels).families);
    expect(fast!.families.archspec.microarchitectures.length).toBeGreaterThan(10);
    expect(fast!.families.asOf).toBe(loadCpuFamilies(knowledge.levels).asOf);
  });

  test('the hash covers every table the core loads, by name and content', () => {
    expect([...real.keys()]).toEqual(TABLE_FILES);
    expect(TABLE_FILES.length).toBe(6);
    const swapped = new Map(real);
    swapped.set(TABLE_FILES[0]!, real.get(TABLE_FILES[1]!)!);
    swapped.set(TABLE_FILES[1]!, real.get(TABLE_FILES[0]!)!);
    expect(tablesHash(swapped)).not.toBe(tablesHash(real));
    expect(readFileSync(new URL(`../../src/data/${TABLE_FILES[2]}`, import.meta.url), 'utf8')).toBe(real.get(TABLE_FILES[2]!));
  });
});
