// What stdin is, without touching process.stdin (which would open a handle): the console runs for a
// terminal or a pipe/file, never for /dev/null or a closed stdin (Heroku, containers, CI).
import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';

export type StdinKind = 'tty' | 'pipe' | 'none';

export function stdinKind(fd = 0): StdinKind {
  try {
    if (isatty(fd)) return 'tty';
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isFile() || stat.isSocket() ? 'pipe' : 'none';
  } catch {
    return 'none';
  }
}
