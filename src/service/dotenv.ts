// A .env file in the working directory, loaded at start-up without overriding the real environment:
// a variable already set (even to '') wins over the file. Node's own loader (process.loadEnvFile, Node
// 20.12+, which never overrides) when it is there and the target is process.env; otherwise the tiny
// parser below, which reads the same simple KEY=value lines.
import { existsSync, readFileSync } from 'node:fs';

export type Env = Record<string, string | undefined>;

/** KEY=value lines: `export ` allowed, # comments, single/double quotes (double: \n escapes). */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.indexOf(quote, 1) > 0) {
      value = value.slice(1, value.indexOf(quote, 1));
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]!] = value;
  }
  return out;
}

/**
 * Load `file` (default .env in the working directory) into `env` for the variables it does not already
 * have. Returns the names loaded (never values). A missing file is not an error; an unreadable one is
 * reported by the caller's start-up like any other problem.
 */
export function loadDotEnv(env: Env = process.env, file = '.env'): string[] {
  if (!existsSync(file)) return [];
  const before = new Set(Object.keys(env));
  if (env === process.env && typeof process.loadEnvFile === 'function') {
    process.loadEnvFile(file);
  } else {
    for (const [key, value] of Object.entries(parseDotEnv(readFileSync(file, 'utf8')))) {
      if (!(key in env)) env[key] = value;
    }
  }
  return Object.keys(env).filter((k) => !before.has(k));
}
