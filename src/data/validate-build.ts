// `npm run build` runs this after tsc: validates the tables in full (the same validation as a start
// without a stamp) and stamps their hash beside the built copy (dist/src/data/validated.json), so that
// a start from dist loads and indexes only. Invalid tables fail the build with every problem listed.
// The bundle (scripts/bundle.ts) stamps its own copy of the tables with validateAndStamp.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FAMILY_FILES, FILES } from './table-files.js';
import { validateCpuFamilies } from './load-cpu-families.js';
import { validateKnowledge } from './load.js';
import { readTables, STAMP_FILE, TABLE_FILES, tablesHash } from './stamp.js';

/** Validates the tables in `dir` in full and writes their stamp there; throws listing every problem. */
export function validateAndStamp(dir: URL): string {
  const texts = readTables(dir);
  const json = (name: string): unknown => JSON.parse(texts.get(name)!);
  const knowledge = validateKnowledge({ levels: json(FILES.levels), cpus: json(FILES.cpus), series: json(FILES.series), distros: json(FILES.distros) });
  validateCpuFamilies({ archspec: json(FAMILY_FILES.archspec), families: json(FAMILY_FILES.families) }, knowledge.levels);
  const path = fileURLToPath(new URL(STAMP_FILE, dir));
  writeFileSync(path, `${JSON.stringify({ sha256: tablesHash(texts), files: TABLE_FILES }, null, 2)}\n`);
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const path = validateAndStamp(new URL('./', import.meta.url));
    process.stdout.write(`validated ${TABLE_FILES.length} tables; stamped ${path}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
