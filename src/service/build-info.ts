// The running build's version, from the package.json above this file (src/ under tsx and the tests,
// dist/src/ when built: the depth differs, so walk up).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'azlinux-bot' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here; one level up
    }
    dir = dirname(dir);
  }
  return (cached = 'unknown');
}
