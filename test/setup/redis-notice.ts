// Vitest global set-up: says once, for the whole run, that the Redis tests are skipped and how to run
// them; and where CI demands them (AZLINUX_REQUIRE_REDIS=1), stops the run when redis-server is missing.
import { findRedisServer, REDIS_SKIP_NOTICE, REQUIRE_REDIS_VAR } from '../service/support/redis-server.js';

export default function setup(): void {
  if (findRedisServer() !== null) return;
  if (process.env[REQUIRE_REDIS_VAR] === '1') {
    throw new Error(`${REQUIRE_REDIS_VAR}=1 but no redis-server is on the PATH: install it (apt-get install -y redis-server).`);
  }
  process.stdout.write(`${REDIS_SKIP_NOTICE}\n`);
}
