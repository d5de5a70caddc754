// The layers, checked by reading the import statements of every file under src: the core imports no
// adapter, service, port, platform SDK or store client; adapters import no service module; the ports
// import nothing from adapters or the service (and no SDK). docs/architecture.md draws them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** Every module a file imports or re-exports, statically or with import(): relative ones as paths under src. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? relative(src, resolve(dirname(file), s)) : s));
}

const SDKS = [/^@slack\//, /^discord\.js$/, /^@discordjs\//, /^ioredis$/, /^node-cache$/, /^pino$/, /^prom-client$/];
const layer = (name: string) => files(join(src, name)).map((f) => [relative(src, f), f] as const);

describe('core', () => {
  test.each(layer('core'))('%s imports no adapter, service, port, SDK, store client or network module', (_rel, file) => {
    for (const spec of importsOf(file)) {
      expect(spec, `${_rel} imports ${spec}`).not.toMatch(/^(adapters|service|ports)\//);
      expect(spec).not.toMatch(/^(config)(\.js)?$/);
      for (const sdk of [...SDKS, /^node:(http|https|net|tls|dgram|child_process)$/]) expect(spec, `${_rel} imports ${spec}`).not.toMatch(sdk);
    }
  });
});

describe('adapters', () => {
  test.each(layer('adapters'))('%s imports no service module', (_rel, file) => {
    for (const spec of importsOf(file)) expect(spec, `${_rel} imports ${spec}`).not.toMatch(/^service\//);
  });
});

describe('ports', () => {
  test.each(layer('ports'))('%s imports nothing from adapters or the service, and no SDK', (_rel, file) => {
    for (const spec of importsOf(file)) {
      expect(spec, `${_rel} imports ${spec}`).not.toMatch(/^(adapters|service)\//);
      for (const sdk of SDKS) expect(spec, `${_rel} imports ${spec}`).not.toMatch(sdk);
    }
  });
});

test('the import reader sees static, re-exported and dynamic imports', () => {
  // the service imports adapters lazily (import()) and statically: both must be seen, or the checks above prove nothing
  const start = importsOf(join(src, 'service/start.ts'));
  expect(start.some((s) => s.startsWith('adapters/'))).toBe(true);
  expect(start).toContain('core/index.js');
  expect(importsOf(join(src, 'ports/index.ts'))).toContain('ports/question.js');
});
