// One way to start the bot: package.json's start script, and the Procfile, the Dockerfile and the docs run
// the same command with the same node flags (the Slack bench launches the bot with them too).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStartCommand, startCommand } from '../../bench/start-command.js';

const root = new URL('../../', import.meta.url).pathname;
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const start = startCommand(root);
const line = ['node', ...start.nodeFlags, start.script].join(' ');

describe('the start command', () => {
  it('npm start runs the production bundle with node flags only', () => {
    expect(start.script).toBe('dist/bundle/main.js');
    expect(start.nodeFlags.every((flag) => flag.startsWith('--'))).toBe(true);
  });

  it('the Procfile and the Dockerfile run exactly what npm start runs', () => {
    expect(read('Procfile')).toMatch(new RegExp(`^web: ${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    const cmd = /^CMD (\[.*\])$/m.exec(read('Dockerfile'))?.[1];
    expect(cmd, 'the Dockerfile has an exec-form CMD').toBeDefined();
    expect(JSON.parse(cmd!)).toEqual(['node', ...start.nodeFlags, start.script]);
  });

  it('the production docs show the same command wherever they spell it out', () => {
    const docs = read('docs/production.md') + read('docs/discord.md');
    const spelled = [...docs.matchAll(/node (?:--\S+ )*dist\/bundle\/main\.js/g)].map((m) => m[0]);
    expect(spelled.length).toBeGreaterThanOrEqual(3);
    for (const command of spelled) expect(command).toBe(line);
  });

  it('node accepts every flag (a misspelt V8 flag would stop the bot from starting)', () => {
    const run = spawnSync(process.execPath, [...start.nodeFlags, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('ok');
  });

  it('a start script in another form is refused with a clear message', () => {
    expect(() => parseStartCommand('npm run serve')).toThrow(/not "node \[flags\] script"/);
    expect(() => parseStartCommand('node')).toThrow(/not "node \[flags\] script"/);
    expect(() => parseStartCommand('node dist/a.js --inspect')).toThrow(/not "node \[flags\] script"/);
    expect(() => parseStartCommand('node -r x dist/a.js')).toThrow(/"-r" is not a node flag/);
    expect(parseStartCommand(' node  --a=1 --b  x.js ')).toEqual({ nodeFlags: ['--a=1', '--b'], script: 'x.js' });
  });
});
