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

test('no file under src reads ../shared at run time', () => {
  const srcDir = new URL('../../src/', import.meta.url).pathname;
  for (const f of files(srcDir)) expect(readFileSync(f, 'utf8'), f).not.toMatch(/shared\/reference/);
});
