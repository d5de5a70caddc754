// What the build validated: the SHA-256 of the six tables, written beside them (validated.json) by
// validate-build.ts after a full validation. At start the core reads the tables and, when their hash is
// the one stamped, takes them as validated (no zod, no cross-table checks: the same bytes passed both);
// any other bytes, or no stamp (tests, a source checkout, an edited file), get the full validation.
// The hash is taken over the bytes as read (a string would be encoded back to UTF-8 first: the same
// digest, one more copy of every table). No zod here, and no checks: the file names come from
// table-files.ts alone.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CpuFamilyData } from './load-cpu-families.js';
import type { Knowledge } from './load.js';
import type { ArchspecX86Table, CpuFamily, CpuModel, Distro, LevelsTable, VmSeries } from './schema.js';
import { FAMILY_FILES, FILES, TABLE_FILES } from './table-files.js';

export { TABLE_FILES };

export const STAMP_FILE = 'validated.json';

/** The directory of the tables: this module's (src/data, or dist/src/data when built). */
const HERE = new URL('./', import.meta.url);

/** The tables' text, by file name (throws when one cannot be read). */
export function readTables(dir: URL = HERE): Map<string, string> {
  return new Map(TABLE_FILES.map((name) => [name, readFileSync(new URL(name, dir), 'utf8')]));
}

/** The tables' bytes as stored, by file name (throws when one cannot be read). */
export function readTableBytes(dir: URL = HERE): Map<string, Buffer> {
  return new Map(TABLE_FILES.map((name) => [name, readFileSync(new URL(name, dir))]));
}

/** SHA-256 over every table's name and text (as UTF-8: a text and the bytes it was read from hash alike). */
export function tablesHash(texts: ReadonlyMap<string, string | Buffer>): string {
  const h = createHash('sha256');
  for (const name of TABLE_FILES) {
    // in three parts, so that bytes are hashed as they are (a template would decode them to a string first)
    h.update(`${name}\u0000`);
    h.update(texts.get(name) ?? '');
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** The hash the build stamped, or null when there is no stamp. */
export function stampedHash(dir: URL = HERE): string | null {
  try {
    const stamp = JSON.parse(readFileSync(new URL(STAMP_FILE, dir), 'utf8')) as { sha256?: unknown };
    return typeof stamp.sha256 === 'string' ? stamp.sha256 : null;
  } catch {
    return null;
  }
}

export interface ValidatedTables {
  knowledge: Knowledge;
  families: CpuFamilyData;
}

/**
 * The tables as the build validated them, or null when they are not the bytes it stamped (or cannot be
 * read): the caller then validates them in full. Shapes as the validators return them (the schemas
 * transform nothing, so the parsed JSON is what they would give back).
 */
export function loadStamped(version?: string, dir: URL = HERE): ValidatedTables | null {
  const stamped = stampedHash(dir);
  if (stamped === null) return null;
  let bytes: Map<string, Buffer>;
  try {
    bytes = readTableBytes(dir);
  } catch {
    return null;
  }
  if (tablesHash(bytes) !== stamped) return null;
  const json = <T>(name: string): T => parseTable<T>(bytes.get(name)!);
  const cpus = json<{ asOf: string; models: CpuModel[] }>(FILES.cpus);
  const series = json<{ asOf: string; series: VmSeries[] }>(FILES.series);
  const distros = json<{ asOf: string; distros: Distro[] }>(FILES.distros);
  const asOf = [cpus.asOf, series.asOf, distros.asOf].sort()[2]!;
  return {
    knowledge: {
      asOf,
      ...(version ? { version } : {}),
      levels: json<LevelsTable>(FILES.levels),
      cpus: cpus.models,
      series: series.series,
      distros: distros.distros,
    },
    families: lazyFamilies(bytes.get(FAMILY_FILES.archspec)!, bytes.get(FAMILY_FILES.families)!),
  };
}

/** A table's JSON; the bundle's copies are ASCII (scripts/bundle.ts): read as Latin-1, without UTF-8 decoding. */
function parseTable<T>(bytes: Buffer): T {
  return JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as T;
}

/**
 * The family rules' two tables (a fifth of the bytes), parsed at their first read: the catalog compiles
 * the rules on first use, and a command naming a size never reads them. Their bytes passed the stamp's
 * hash with the others, so what is parsed later is what was validated; only these two buffers are kept
 * until then (a function of their own, so that no closure holds the other tables' bytes).
 */
function lazyFamilies(archspecBytes: Buffer, familiesBytes: Buffer): CpuFamilyData {
  let pending: { archspec: Buffer; families: Buffer } | undefined = { archspec: archspecBytes, families: familiesBytes };
  let parsed: { archspec: ArchspecX86Table; table: { asOf: string; families: CpuFamily[] } } | undefined;
  const tables = () => {
    if (!parsed) {
      parsed = { archspec: parseTable(pending!.archspec), table: parseTable(pending!.families) };
      pending = undefined;
    }
    return parsed;
  };
  return {
    get archspec() {
      return tables().archspec;
    },
    get families() {
      return tables().table.families;
    },
    get asOf() {
      return tables().table.asOf;
    },
  };
}
