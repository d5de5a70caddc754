// npm run data:import — rebuilds src/data/*.json from reference/ (the snapshots kept in the repository);
// all but the hand-written cpu-families.json, whose rules cite their own sources.
//
// Reads the reference set, builds the four tables (scripts/reference/build-*.ts, with the hand-curated
// additions in scripts/reference-overrides.ts), validates them exactly as the product will at start-up
// (validateKnowledge), and only then writes them. Run it again after the reference changes; the data
// tests fail when the committed tables differ from what this script would write.
//
// Dates: VM series sources carry the page's ms.date (source.date in azure-vm-series.json); CPU and level
// sources, which have none, carry the reference's compilation date 2026-11-27. distros.json records no
// date per source: a source gets the date of the snapshot it clearly belongs to (notes/distro-notes.md:
// microsoft/azurelinux git mirror 2026-04-30, azure-management-docs / Learn Azure Linux pages 2026-08-20,
// endoflife.date 2026-08-22), every other one 2026-11-27. See DISTRO_SOURCE_SNAPSHOTS in
// scripts/reference-overrides.ts, where every hand-curated addition lives.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError, validateKnowledge } from '../src/data/load.js';
import { FILES } from '../src/data/checks.js';
import { FAMILY_FILES } from '../src/data/load-cpu-families.js';
import { buildArchspecX86 } from './reference/build-archspec-x86.js';
import { buildTables } from './reference/build-all.js';
import { formatJson } from './reference/format-json.js';
import { readReference } from './reference/read.js';

const DATA_DIR = new URL('../src/data/', import.meta.url);

function main(): void {
  const ref = readReference();
  const tables = buildTables(ref);
  const knowledge = validateKnowledge(tables);

  const out: Array<[string, unknown]> = [
    [FILES.levels, tables.levels],
    [FILES.cpus, tables.cpus],
    [FILES.series, tables.series],
    [FILES.distros, tables.distros],
    [FAMILY_FILES.archspec, buildArchspecX86(ref, knowledge.levels)],
  ];
  for (const [name, value] of out) writeFileSync(new URL(name, DATA_DIR), formatJson(value));

  const sizes = knowledge.series.flatMap((s) => s.sizes);
  console.log(`read ${ref.dir}`);
  console.log(`wrote ${fileURLToPath(DATA_DIR)}{${out.map(([n]) => n).join(',')}}`);
  console.log(
    `${knowledge.series.length} series, ${sizes.length} sizes (${sizes.filter((z) => z.constrainedFrom).length} constrained), ` +
      `${knowledge.cpus.length} CPU models, ${knowledge.distros.length} distros, ` +
      `${knowledge.distros.reduce((n, d) => n + d.releases.length, 0)} releases; as of ${knowledge.asOf}`,
  );
}

/** A missing or unreadable reference set is the usual mistake: say which file, and how to point at another. */
function inputProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return `the reference file ${e.path ?? ''} does not exist`;
  if (e?.code === 'EACCES' || e?.code === 'EISDIR') return `the reference file ${e.path ?? ''} cannot be read (${e.code})`;
  if (err instanceof SyntaxError) return `a reference file is not valid JSON (${err.message})`;
  return undefined;
}

try {
  main();
} catch (err) {
  const problem = inputProblem(err);
  if (err instanceof DataError) {
    console.error(err.message);
    process.exitCode = 1;
  } else if (problem !== undefined) {
    console.error(`npm run data:import: ${problem}. Nothing was written. Set REFERENCE_DIR to the folder that holds the reference JSON files.`);
    process.exitCode = 1;
  } else throw err;
}
