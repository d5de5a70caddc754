// The project's version, for answers that say which build is speaking. No zod here (see stamp.ts).
import { readFileSync } from 'node:fs';

/** The version in the project's package.json: two levels up from src/data, three from dist/src/data. */
export function projectVersion(): string | undefined {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'azlinux-bot' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not there: try the next level
    }
  }
  return undefined;
}
