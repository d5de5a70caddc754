// npm run data:refresh — rebuilds the data from the upstream sources in their published formats, prints a
// change report, and writes only data that passes the product's own validation. See HELP.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseIsoDay, today as realToday } from '../../src/core/clock.js';
import { FILES } from '../../src/data/checks.js';
import { validateKnowledge, type Knowledge } from '../../src/data/load.js';
import { FAMILY_FILES, validateCpuFamilies, type CpuFamilyData } from '../../src/data/load-cpu-families.js';
import { buildArchspecX86 } from '../reference/build-archspec-x86.js';
import { buildTables } from '../reference/build-all.js';
import { curate } from '../reference/curated.js';
import { formatJson } from '../reference/format-json.js';
import { DEFAULT_REFERENCE_DIR, readReference } from '../reference/read.js';
import type { RefArchspec, Reference } from '../reference/types.js';
import { applyRefresh, type RefreshInputs } from './apply.js';
import { readSizePages } from './docs-pages.js';
import { EOL_PRODUCTS, readEol } from './eol.js';
import { changeReport as changeReportFor } from './report.js';
import { readSkus } from './skus.js';

export const HELP = `npm run data:refresh -- [sources] [options]

Rebuilds reference/ and src/data/*.json from upstream sources in their published formats, prints a change
report, and refuses to write data that fails the product's validation (src/data/load.ts, checks.ts).
Hand-curated facts (caveats, judgement calls, fixes) stay in scripts/reference-overrides.ts and are applied
on top. Give any of the sources; what is not given keeps its current snapshot.

Sources (a path or an http(s) URL, except --docs):
  --docs <dir>              a local checkout of MicrosoftDocs/azure-compute-docs
                            (https://github.com/MicrosoftDocs/azure-compute-docs): the size pages under
                            articles/virtual-machines/sizes (series, sizes, processors, ms.date dates)
  --docs-commit <sha>       the checkout's commit (default: git rev-parse HEAD in <dir>)
  --skus <file|url>         Azure Resource SKUs: the output of \`az vm list-skus -o json\`
                            (vCPUs, memory, architecture, Hyper-V generations)
  --archspec <file|url>     archspec-json's cpu/microarchitectures.json
                            (https://raw.githubusercontent.com/archspec/archspec-json/master/cpu/microarchitectures.json)
  --archspec-commit <sha>   the archspec-json commit it was taken from (cited by the CPU sources)
  --eol <product>=<file|url>
                            endoflife.date API JSON for one product, repeatable
                            (https://endoflife.date/api/v1/products/<product>), release and end-of-life dates;
                            products: ${Object.keys(EOL_PRODUCTS).join(', ')}

Options:
  --today <YYYY-MM-DD>      the refresh date: new snapshot date (default: AZLINUX_TODAY, else today, UTC)
  --reference <dir>         the snapshot to start from and write back (default: reference/)
  --data <dir>              where the tables go (default: src/data/)
  --dry-run                 print the change report, write nothing
  --help                    this text

Exit codes: 0 written (or dry run), 1 refused (validation failed or a source needs a hand edit), 2 usage error.`;

const DATA_DIR = fileURLToPath(new URL('../../src/data/', import.meta.url));

class UsageError extends Error {}

export interface Options {
  docs?: string;
  docsCommit?: string;
  skus?: string;
  archspec?: string;
  archspecCommit?: string;
  eol: Array<{ product: string; from: string }>;
  today: string;
  reference: string;
  data: string;
  dryRun: boolean;
  help: boolean;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): Options {
  const o: Options = { eol: [], today: '', reference: DEFAULT_REFERENCE_DIR, data: DATA_DIR, dryRun: false, help: false };
  let today = env.AZLINUX_TODAY?.trim() || realToday(new Date());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--help':
      case '-h':
        o.help = true;
        break;
      case '--dry-run':
        o.dryRun = true;
        break;
      case '--docs':
        o.docs = value();
        break;
      case '--docs-commit':
        o.docsCommit = value();
        break;
      case '--skus':
        o.skus = value();
        break;
      case '--archspec':
        o.archspec = value();
        break;
      case '--archspec-commit':
        o.archspecCommit = value();
        break;
      case '--reference':
        o.reference = value();
        break;
      case '--data':
        o.data = value();
        break;
      case '--today':
        today = value();
        break;
      case '--eol': {
        const v = value();
        const m = /^([a-z0-9-]+)=(.+)$/.exec(v);
        if (!m) throw new UsageError(`--eol wants <product>=<file|url>, e.g. --eol fedora=fedora.json (got ${v})`);
        o.eol.push({ product: m[1]!, from: m[2]! });
        break;
      }
      default:
        throw new UsageError(`unknown argument ${arg}`);
    }
  }
  const day = parseIsoDay(today);
  if (!day) throw new UsageError(`--today / AZLINUX_TODAY must be a YYYY-MM-DD date (got ${today})`);
  o.today = day;
  if (!o.help && !o.docs && !o.skus && !o.archspec && o.eol.length === 0) {
    throw new UsageError('give at least one source: --docs, --skus, --archspec or --eol (see --help)');
  }
  return o;
}

async function readJsonFrom(from: string): Promise<unknown> {
  if (/^https?:\/\//.test(from)) {
    const res = await fetch(from, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${from}: HTTP ${res.status}`);
    return res.json();
  }
  if (!existsSync(from)) throw new UsageError(`${from}: no such file`);
  try {
    return JSON.parse(readFileSync(from, 'utf8'));
  } catch (err) {
    throw new UsageError(`${from}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function docsCommit(dir: string, given: string | undefined): string {
  if (given) return given;
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw new UsageError(`${dir} is not a git checkout: give its commit with --docs-commit <sha>`);
  }
}

export async function loadInputs(o: Options): Promise<RefreshInputs> {
  const inputs: RefreshInputs = { today: o.today };
  if (o.docs) {
    if (!existsSync(o.docs)) throw new UsageError(`--docs ${o.docs}: no such directory (a local azure-compute-docs checkout)`);
    inputs.docs = { pages: readSizePages(o.docs), commit: docsCommit(o.docs, o.docsCommit) };
  }
  if (o.skus) inputs.skus = readSkus(await readJsonFrom(o.skus));
  if (o.archspec) {
    const json = (await readJsonFrom(o.archspec)) as RefArchspec;
    if (!json || typeof json !== 'object' || !('microarchitectures' in json)) throw new UsageError(`${o.archspec}: not archspec's microarchitectures.json`);
    inputs.archspec = { json, ...(o.archspecCommit ? { commit: o.archspecCommit } : {}) };
  }
  if (o.eol.length) inputs.eol = await Promise.all(o.eol.map(async (e) => ({ product: e.product, cycles: readEol(await readJsonFrom(e.from)) })));
  return inputs;
}

function readData(dir: string): { knowledge: Knowledge; families: CpuFamilyData } {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const knowledge = validateKnowledge({ levels: read(FILES.levels), cpus: read(FILES.cpus), series: read(FILES.series), distros: read(FILES.distros) });
  const families = validateCpuFamilies({ archspec: read(FAMILY_FILES.archspec), families: read(FAMILY_FILES.families) }, knowledge.levels);
  return { knowledge, families };
}

/** Writes the snapshot back in each file's own indentation, keeping every top-level field it does not manage. */
function writeReference(dir: string, ref: Reference): string[] {
  const written: string[] = [];
  const put = (name: string, update: (old: unknown) => unknown) => {
    const file = join(dir, name);
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const old = text ? JSON.parse(text) : undefined;
    const indent = /^[[{]\n( +)/.exec(text)?.[1]?.length ?? 2;
    const next = `${JSON.stringify(update(old), null, indent)}${text === '' || text.endsWith('\n') ? '\n' : ''}`;
    if (next !== text) {
      writeFileSync(file, next);
      written.push(name);
    }
  };
  put('azure-vm-series.json', () => ref.series);
  put('processor-aliases.json', (old) => ({ ...(old as object), aliases: ref.aliases }));
  put('azure-vm-generations.json', (old) => ({ ...(old as object), series: ref.generations.series }));
  put('archspec-microarchitectures.json', () => ref.archspec);
  put('distros.json', (old) => ({ ...(old as object), distros: ref.distros }));
  put('snapshot.json', () => ({ asOf: ref.asOf, note: 'date of the last npm run data:refresh; the tables take it as their asOf' }));
  return written;
}

export interface RunResult {
  code: number;
  report: string[];
}

export async function run(argv: string[], out: (line: string) => void, err: (line: string) => void, env = process.env): Promise<RunResult> {
  let o: Options;
  try {
    o = parseArgs(argv, env);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`data:refresh: ${e.message}`);
    return { code: 2, report: [] };
  }
  if (o.help) {
    out(HELP);
    return { code: 0, report: [] };
  }
  let inputs: RefreshInputs;
  try {
    inputs = await loadInputs(o);
  } catch (e) {
    err(`data:refresh: ${e instanceof Error ? e.message : String(e)}`);
    return { code: e instanceof UsageError ? 2 : 1, report: [] };
  }

  const snapshot = readReference(resolve(o.reference));
  const refreshed = applyRefresh(snapshot, inputs);
  const curated = curate(refreshed.ref);
  const before = readData(o.data);
  out(
    `data:refresh ${o.today}: from ${[o.docs && `docs ${inputs.docs!.commit.slice(0, 8)}`, o.skus && 'list-skus', o.archspec && 'archspec', ...o.eol.map((e) => `endoflife.date ${e.product}`)].filter(Boolean).join(', ')}`,
  );
  for (const n of refreshed.notes) out(`  note: ${n}`);
  for (const n of curated.redundant) out(`  curated fix now redundant (drop it from reference-overrides.ts): ${n}`);

  if (refreshed.problems.length) {
    err('data:refresh: REFUSED, a source needs a hand edit first; nothing written:');
    for (const p of refreshed.problems) err(`  - ${p}`);
    return { code: 1, report: [] };
  }
  let after: Knowledge;
  let afterFamilies: CpuFamilyData;
  let tables: ReturnType<typeof buildTables>;
  let archspecX86: ReturnType<typeof buildArchspecX86>;
  try {
    tables = buildTables(refreshed.ref);
    after = validateKnowledge(tables);
    // the CPU family rules (cpu-families.json, unchanged) must still hold over the refreshed archspec nodes
    archspecX86 = buildArchspecX86(refreshed.ref, after.levels);
    afterFamilies = validateCpuFamilies(
      { archspec: archspecX86, families: JSON.parse(readFileSync(join(o.data, FAMILY_FILES.families), 'utf8')) },
      after.levels,
    );
  } catch (e) {
    err('data:refresh: REFUSED, the refreshed data fails validation; nothing written:');
    err(e instanceof Error ? e.message : String(e));
    return { code: 1, report: [] };
  }
  for (const n of curated.applied) out(`  curated fix applied: ${n}`);
  const report = changeReportFor(before.knowledge, after, { before: before.families, after: afterFamilies });
  out(report.length ? 'Changes:' : 'No changes to the tables.');
  for (const line of report) out(`  ${line}`);
  if (o.dryRun) {
    out('Dry run: nothing written.');
    return { code: 0, report };
  }
  const written = writeReference(resolve(o.reference), refreshed.ref);
  const files: Array<[string, unknown]> = [
    [FILES.levels, tables.levels],
    [FILES.cpus, tables.cpus],
    [FILES.series, tables.series],
    [FILES.distros, tables.distros],
    [FAMILY_FILES.archspec, archspecX86],
  ];
  for (const [name, value] of files) writeFileSync(join(o.data, name), formatJson(value));
  out(`Wrote ${written.length ? `reference/{${written.join(',')}} and ` : ''}${files.map(([n]) => n).join(', ')}.`);
  // The parser's stored pattern literals include the CPU codenames read from these tables: rewrite them with the tables.
  if (resolve(o.data) === resolve(DATA_DIR)) {
    execFileSync('npm', ['run', '--silent', 'literals'], { stdio: ['ignore', 'inherit', 'inherit'] });
    out('Rewrote src/core/question/literal-table.ts (npm run literals).');
  }
  return { code: 0, report };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(
    process.argv.slice(2),
    (l) => process.stdout.write(`${l}\n`),
    (l) => process.stderr.write(`${l}\n`),
  ).then(
    (r) => (process.exitCode = r.code),
    (e: unknown) => {
      process.stderr.write(`data:refresh: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
