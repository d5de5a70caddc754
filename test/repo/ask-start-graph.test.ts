// What `npm run ask` loads before its first answer: the production bundle's ask entry and the chunks it
// imports statically (scripts/bundle.ts, built here with the build's own options and entries, so the
// chunks are split as they ship). That start holds the core, the tables' stamped load and the CLI, and
// nothing else: no package (zod, pino, Bolt, discord.js ...), no platform adapter, no service, no schema
// or loader that validates, and no cross-table check (stamp.ts takes the tables' file names from
// table-files.ts). What loads later (a dynamic import) is not part of it.
import { join, relative } from 'node:path';
import { build, type Metafile, type OutputFile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, ENTRIES, EXTERNAL, lazyPackages, projectRoot } from '../../scripts/bundle.js';

const ROOT = projectRoot();
let meta: Metafile;
let files: OutputFile[];

beforeAll(async () => {
  const result = await build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([out, src]) => ({ in: src, out })),
    outdir: join(ROOT, 'dist', 'graph-test'),
    external: EXTERNAL,
    plugins: [lazyPackages(ROOT)],
    write: false,
    metafile: true,
  });
  meta = result.metafile;
  files = result.outputFiles;
}, 120_000);

/** The inputs, the bare imports (packages, built-ins) and the code of an entry and of every chunk it imports statically. */
function startGraph(entry: string): { inputs: Set<string>; bare: Set<string>; code: string } {
  const first = Object.keys(meta.outputs).find((out) => meta.outputs[out]!.entryPoint === entry);
  if (!first) throw new Error(`no output for ${entry}`);
  const inputs = new Set<string>();
  const bare = new Set<string>();
  const seen = new Set<string>();
  const walk = (out: string): void => {
    if (seen.has(out)) return;
    seen.add(out);
    const output = meta.outputs[out]!;
    for (const input of Object.keys(output.inputs)) inputs.add(input);
    for (const imp of output.imports) {
      if (imp.kind !== 'import-statement') continue;
      if (imp.external) bare.add(imp.path);
      else walk(imp.path);
    }
  };
  walk(first);
  const code = files.filter((f) => seen.has(relative(ROOT, f.path))).map((f) => f.text);
  if (code.length !== seen.size) throw new Error('an output of the metafile was not found among the files');
  return { inputs, bare, code: code.join('\n') };
}

describe("the ask command's start", () => {
  it('loads only the core, the stamped tables, the configuration rules and the CLI: no package, adapter, service or validation', () => {
    const { inputs, bare, code } = startGraph(ENTRIES.ask!);
    expect(inputs.has(ENTRIES.ask!)).toBe(true);
    expect(inputs.has('src/core/index.ts')).toBe(true);
    expect(inputs.has('src/data/stamp.ts')).toBe(true);
    const outside = [...inputs].filter(
      (i) =>
        i.includes('node_modules/') ||
        i.startsWith('lazy:') ||
        (i.startsWith('src/adapters/') && !i.startsWith('src/adapters/cli/')) ||
        i.startsWith('src/service/') ||
        ['src/data/load.ts', 'src/data/load-cpu-families.ts', 'src/data/schema.ts', 'src/data/validate-build.ts', 'src/data/checks.ts'].includes(i),
    );
    expect(outside).toEqual([]);
    // no zod: the schemas' code (z.strictObject ...) is nowhere in it
    expect(code).not.toMatch(/\bstrictObject\(/);
    // imported by name at start: Node's built-ins only
    expect([...bare].filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it("the check sees packages where a start loads them: the server's start loads pino", () => {
    const { inputs } = startGraph(ENTRIES.main!);
    expect([...inputs].some((i) => i.startsWith('node_modules/pino/'))).toBe(true);
  });

  it("the server's start holds no validation either: the checks, the schemas and the loaders come with a table that changed", () => {
    const { inputs, code } = startGraph(ENTRIES.main!);
    expect(inputs.has('src/data/stamp.ts')).toBe(true);
    const validation = ['src/data/checks.ts', 'src/data/load.ts', 'src/data/load-cpu-families.ts', 'src/data/schema.ts', 'src/data/validate-build.ts'];
    expect(validation.filter((i) => inputs.has(i))).toEqual([]);
    expect(code).not.toMatch(/\bcheckCalendarDates\b/);
  });
});
