// What a start loads before its first answer: the static import graph of src/main.ts (dynamic imports,
// which load only when configured or needed, are not followed). zod stays out of it (the configuration
// is checked by hand; the tables' zod schemas load only when the build's stamp does not match), and so
// do the SDKs of surfaces that may not be configured. The ask command (src/adapters/cli/ask.ts) loads
// the core and the configuration's date rule only: no package at all, no logger, no service.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `import x from '...'` and `export ... from '...'`, but not `import type` / `export type` */
const STATIC = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (spec!.startsWith('.')) visit(join(dirname(file), spec!).replace(/\.js$/, '.ts'));
      else if (!spec!.startsWith('node:')) packages.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the start path', () => {
  const { files, packages } = staticGraph(join(ROOT, 'src/main.ts'));

  it('walks the real graph (the service, the core, the config)', () => {
    for (const f of ['src/service/start.ts', 'src/core/index.ts', 'src/config.ts', 'src/data/stamp.ts'])
      expect([...files].map((x) => x.slice(ROOT.length + 1))).toContain(f);
    expect(packages).toContain('pino');
  });

  it('imports neither zod nor the data schemas, validators, discord.js, Bolt, ioredis or prom-client up front', () => {
    for (const pkg of ['zod', 'discord.js', '@slack/bolt', 'ioredis', 'prom-client']) expect(packages).not.toContain(pkg);
    const rel = [...files].map((x) => x.slice(ROOT.length + 1));
    for (const f of ['src/data/schema.ts', 'src/data/load.ts', 'src/data/load-cpu-families.ts']) expect(rel).not.toContain(f);
  });
});

describe("the ask command's start path", () => {
  const { files, packages } = staticGraph(join(ROOT, 'src/adapters/cli/ask.ts'));
  const rel = [...files].map((x) => x.slice(ROOT.length + 1));

  it('walks the real graph (the core, the stamp, the write loop)', () => {
    for (const f of ['src/core/index.ts', 'src/data/stamp.ts', 'src/config.ts', 'src/adapters/cli/answer-lines.ts']) expect(rel).toContain(f);
  });

  it('imports no package (pino, zod, SDKs) and nothing of the service, the validators or other surfaces', () => {
    expect([...packages]).toEqual([]);
    expect(rel.filter((f) => f.startsWith('src/service/') || /^src\/adapters\/(?!cli\/(ask|answer-lines|input-lines|format)\.ts$)/.test(f))).toEqual([]);
    for (const f of ['src/data/schema.ts', 'src/data/load.ts', 'src/data/load-cpu-families.ts']) expect(rel).not.toContain(f);
  });
});
