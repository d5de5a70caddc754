// When the Redis tests run, skip, or fail: a server on the PATH runs them; none skips them with one line
// saying how to enable them; none with AZLINUX_REQUIRE_REDIS=1 (CI) stops the run.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { findRedisServer, redisTestsEnabled, REDIS_SKIP_NOTICE } from './support/redis-server.js';
import setup from '../setup/redis-notice.js';

const withServer = mkdtempSync(join(tmpdir(), 'redis-path-'));
const empty = mkdtempSync(join(tmpdir(), 'redis-none-'));
writeFileSync(join(withServer, 'redis-server'), '#!/bin/sh\n');
chmodSync(join(withServer, 'redis-server'), 0o755);
afterAll(() => {
  rmSync(withServer, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

it('finds redis-server on the PATH, and only an executable one', () => {
  expect(findRedisServer(`${empty}:${withServer}`)).toBe(join(withServer, 'redis-server'));
  expect(findRedisServer(empty)).toBeNull();
  chmodSync(join(withServer, 'redis-server'), 0o644);
  expect(findRedisServer(withServer)).toBeNull();
  chmodSync(join(withServer, 'redis-server'), 0o755);
});

it('runs the Redis tests with a server, skips them without one, and runs them (to fail) when CI requires them', () => {
  expect(redisTestsEnabled({ PATH: withServer })).toBe(true);
  expect(redisTestsEnabled({ PATH: empty })).toBe(false);
  expect(redisTestsEnabled({ PATH: empty, AZLINUX_REQUIRE_REDIS: '1' })).toBe(true);
});

it('prints one line saying how to enable them, or fails the run when required', () => {
  expect(REDIS_SKIP_NOTICE).not.toContain('\n');
  expect(REDIS_SKIP_NOTICE).toMatch(/apt-get install -y redis-server/);
  const saved = { PATH: process.env.PATH, REQ: process.env.AZLINUX_REQUIRE_REDIS };
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    process.env.PATH = empty;
    delete process.env.AZLINUX_REQUIRE_REDIS;
    setup();
    expect(write.mock.calls.map((c) => String(c[0]))).toEqual([`${REDIS_SKIP_NOTICE}\n`]);
    process.env.AZLINUX_REQUIRE_REDIS = '1';
    expect(() => setup()).toThrow(/AZLINUX_REQUIRE_REDIS=1 but no redis-server/);
    process.env.PATH = withServer;
    write.mockClear();
    setup();
    expect(write).not.toHaveBeenCalled();
  } finally {
    write.mockRestore();
    process.env.PATH = saved.PATH;
    if (saved.REQ === undefined) delete process.env.AZLINUX_REQUIRE_REDIS;
    else process.env.AZLINUX_REQUIRE_REDIS = saved.REQ;
  }
});
