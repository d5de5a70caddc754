// `npm run build` runs this after tsc: validates the tables in full (the same validation as a start
// without a stamp) and stamps their hash beside the built copy (dist/src/data/validated.json), so that
// a start from dist loads and indexes only. Invalid tables fail the build with every problem listed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FAMILY_FILES, FILES } from './checks.js';
import { validateCpuFamilies } from './load-cpu-families.js';
import { validateKnowledge } from './load.js';
import { readTables, STAMP_FILE, TABLE_FILES, tablesHash } from './stamp.js';

const texts = readTables();
const json = (name: string): unknown => JSON.parse(texts.get(name)!);
try {
  const knowledge = validateKnowledge({ levels: json(FILES.levels), cpus: json(FILES.cpus), series: json(FILES.series), distros: json(FILES.distros) });
  validateCpuFamilies({ archspec: json(FAMILY_FILES.archspec), families: json(FAMILY_FILES.families) }, knowledge.levels);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
const path = fileURLToPath(new URL(`./${STAMP_FILE}`, import.meta.url));
writeFileSync(path, `${JSON.stringify({ sha256: tablesHash(texts), files: TABLE_FILES }, null, 2)}\n`);
process.stdout.write(`validated ${TABLE_FILES.length} tables; stamped ${path}\n`);
