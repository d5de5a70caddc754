// `npm run data:import` with its input missing or broken: one clear line on stderr, exit 1, no stack
// trace, and nothing written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = join(ROOT, 'src/data');
const dir = mkdtempSync(join(tmpdir(), 'azlinux-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dataHash = (): string => {
  const h = createHash('sha256');
  for (const f of readdirSync(DATA)
    .filter((n) => n.endsWith('.json'))
    .sort())
    h.update(f).update(readFileSync(join(DATA, f)));
  return h.digest('hex');
};

function importFrom(referenceDir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-reference.ts'], {
    cwd: ROOT,
    env: { ...process.env, REFERENCE_DIR: referenceDir },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run data:import without good input', () => {
  it('a missing reference folder: names the file, says how to point elsewhere, exit 1, nothing written', () => {
    const before = dataHash();
    const missing = join(dir, 'nowhere');
    const r = importFrom(missing);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`npm run data:import: the reference file ${join(missing, 'cpu-models.json')} does not exist. Nothing was written.`);
    expect(r.stderr).toContain('REFERENCE_DIR');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(dataHash()).toBe(before);
  });

  it('a reference file that is not JSON: said in one line, exit 1, nothing written', () => {
    const before = dataHash();
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'cpu-models.json'), '{ not json');
    const r = importFrom(broken);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^npm run data:import: a reference file is not valid JSON \(/);
    expect(dataHash()).toBe(before);
  });
});
