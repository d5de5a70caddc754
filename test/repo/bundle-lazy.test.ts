// The bundle's lazy packages (scripts/bundle.ts, LAZY_PACKAGES): a package required at the top of a
// module runs only when something of it is first read, then once, and reads as the package itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, lazyPackages } from '../../scripts/bundle.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/lazy/', import.meta.url));
const OUT = mkdtempSync(join(tmpdir(), 'azlinux-lazy-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

async function run(lazy: string[], entry = 'entry.cjs'): Promise<Record<string, unknown>> {
  const outdir = join(OUT, `${entry}-${lazy.length ? 'lazy' : 'eager'}`);
  await build({ ...BUNDLE_OPTIONS, absWorkingDir: FIXTURE, entryPoints: [{ in: entry, out: 'entry' }], outdir, plugins: [lazyPackages(FIXTURE, lazy)] });
  const r = spawnSync(process.execPath, [join(outdir, 'entry.js')], { encoding: 'utf8', timeout: 20_000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('lazy packages in the bundle', () => {
  it('a lazy package runs at its first read, once, and reads as itself', async () => {
    expect(await run(['./side-effect.cjs'])).toEqual({
      afterRequire: 0,
      answer: 42,
      afterRead: 1,
      keys: ['answer', 'hello'],
      has: true,
      hello: 'hi',
      missing: null,
      loads: 1,
    });
  });

  it("through TypeScript's helpers (a function package, an ES-module one): nothing runs at the require, each at its first use", async () => {
    const want = {
      made: 'made app',
      router: 'router',
      version: 5,
      starKeys: ['Router', 'default', 'version'],
      client: 'c',
      isClient: true,
      helper: 'help',
      loads: 2,
    };
    expect(await run(['./callable.cjs', './es-module.cjs'], 'entry-helpers.cjs')).toEqual({ ...want, afterRequire: 0, afterCall: 1 });
    // and the same answers with the packages loaded at the require, as without the bundle's lazy modules
    expect(await run([], 'entry-helpers.cjs')).toEqual({ ...want, afterRequire: 2, afterCall: 2 });
  });

  it('the same entry without it: the package runs at the require (what the lazy module changes)', async () => {
    expect(await run([])).toMatchObject({ afterRequire: 1, answer: 42, afterRead: 1, keys: ['answer', 'hello'], loads: 1 });
  });
});
