// The core is platform-blind: it never imports an adapter, a platform SDK or I/O-bound infrastructure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const coreDir = new URL('../../src/core/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const FORBIDDEN = [/@slack\//, /discord\.js/, /@discordjs\//, /ioredis/, /pino/, /node:http/, /node:net/, /\/adapters\//, /shared\/reference/];

test.each(files(coreDir).map((f) => [f.slice(coreDir.length)]))('src/core/%s imports no platform code', (rel) => {
  const source = readFileSync(join(coreDir, rel), 'utf8');
  const imports = [...source.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  for (const spec of imports) for (const bad of FORBIDDEN) expect(spec, `${rel} imports ${spec}`).not.toMatch(bad);
});

test('no file under src reads the reference snapshots at run time', () => {
  const srcDir = new URL('../../src/', import.meta.url).pathname;
  for (const f of files(srcDir)) {
    const text = readFileSync(f, 'utf8');
    expect(text, f).not.toMatch(/shared\/reference/);
    expect(text, f).not.toMatch(/['"`](?:\.\.\/)+reference\//);
  }
});

test('the repository stands alone: no source, test, script or benchmark reads a folder beside the clone', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const outside = new RegExp(['\\.\\.', 'shared'].join('/'));
  const all = ['src', 'test', 'scripts', 'bench'].flatMap((d) => files(join(root, d)));
  expect(all.length).toBeGreaterThan(100);
  for (const f of [...all, join(root, 'package.json')]) expect(readFileSync(f, 'utf8'), f).not.toMatch(outside);
});
