// How the bot is started in production: package.json's `start` script, `node <flags> dist/bundle/main.js`.
// The Procfile and the Dockerfile run the same command (test/repo/start-command.test.ts), and the Slack
// bench launches the bot with the same flags, so what it measures is what runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartCommand {
  /** node's own flags, e.g. --max-semi-space-size=8 */
  readonly nodeFlags: readonly string[];
  /** the script, relative to the project root */
  readonly script: string;
}

/** Splits `node [flags] script` (the form the start script keeps: no shell syntax). */
export function parseStartCommand(command: string): StartCommand {
  const words = command.trim().split(/\s+/);
  const script = words.at(-1);
  if (words[0] !== 'node' || words.length < 2 || !script || script.startsWith('-')) {
    throw new Error(`start script is not "node [flags] script": ${command}`);
  }
  const nodeFlags = words.slice(1, -1);
  const notFlag = nodeFlags.find((word) => !word.startsWith('--'));
  if (notFlag !== undefined) throw new Error(`start script: "${notFlag}" is not a node flag: ${command}`);
  return { nodeFlags, script };
}

export function startCommand(root: string): StartCommand {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return parseStartCommand(pkg.scripts.start);
}
