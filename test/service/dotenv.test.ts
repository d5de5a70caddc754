// .env: loaded into what the environment does not already set, by Node's loader for process.env (in a
// child process, so this one's environment stays as it is) and by the small parser otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDotEnv, parseDotEnv } from '../../src/service/dotenv.js';

const dir = mkdtempSync(join(tmpdir(), 'azlinux-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = [
  '# a comment',
  'PORT=4000',
  'export LOG_LEVEL=debug',
  'SLACK_SIGNING_SECRET="quoted # not a comment"',
  "SINGLE='single'",
  'TRAILING=value # comment',
  'EMPTY=',
  '  SPACED = spaced  ',
  'MULTI="a\\nb"',
].join('\n');

describe('.env', () => {
  it("the small parser reads what Node's own parser reads from the same file", () => {
    const ours = parseDotEnv(SAMPLE);
    expect(ours).toEqual({
      PORT: '4000',
      LOG_LEVEL: 'debug',
      SLACK_SIGNING_SECRET: 'quoted # not a comment',
      SINGLE: 'single',
      TRAILING: 'value',
      EMPTY: '',
      SPACED: 'spaced',
      MULTI: 'a\nb',
    });
    if (typeof parseEnv === 'function') expect(ours).toEqual({ ...parseEnv(SAMPLE) });
    // a line that is not KEY=value is passed over
    expect(parseDotEnv('not a line\nA=1')).toEqual({ A: '1' });
  });

  it('fills in only what is unset: a variable already set, even empty, wins over the file', () => {
    const file = join(dir, 'one.env');
    writeFileSync(file, SAMPLE);
    const env: Record<string, string | undefined> = { PORT: '3000', LOG_LEVEL: '' };
    const loaded = loadDotEnv(env, file);
    expect(env.PORT).toBe('3000');
    expect(env.LOG_LEVEL).toBe('');
    expect(env.SLACK_SIGNING_SECRET).toBe('quoted # not a comment');
    expect(loaded.sort()).toEqual(['EMPTY', 'MULTI', 'SINGLE', 'SLACK_SIGNING_SECRET', 'SPACED', 'TRAILING']);
    expect(loadDotEnv(env, join(dir, 'missing.env'))).toEqual([]);
  });

  it("process.env: Node's loader, with the same rule (checked in a child process with its own environment)", () => {
    writeFileSync(join(dir, '.env'), 'PORT=4000\nCOOLDOWN_MAX=7\n');
    const module = new URL('../../src/service/dotenv.ts', import.meta.url).href;
    const script = `const { loadDotEnv } = await import(${JSON.stringify(module)}); const names = loadDotEnv(process.env); console.log(JSON.stringify({ names, PORT: process.env.PORT, COOLDOWN_MAX: process.env.COOLDOWN_MAX }));`;
    // tsx by path: the child runs in the temporary folder, where no node_modules resolves it
    const tsx = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
    const r = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      cwd: dir,
      env: { PATH: process.env['PATH'], PORT: '3000', NODE_OPTIONS: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ names: ['COOLDOWN_MAX'], PORT: '3000', COOLDOWN_MAX: '7' });
  });
});
