// `npm run --silent ask -- [--json] <question>`, driven as a real process: one answer, or exactly one
// answer per stdin line in order; exit codes 0 answered, 1 not found, 2 usage error.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = 'src/adapters/cli/ask.ts';

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ask CLI', () => {
  test('--json answers one question with the contract', () => {
    const r = run(['--json', 'can I run RHEL 10 on Standard_D1']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.kind).toBe('compat');
    expect(a.verdict).toBe('depends');
    expect(a.shortfall).toContain('Intel Xeon E5-2660 v2');
    expect(a.text).toContain('Intel Xeon E5-2660 v2');
    expect(a.query).toBe('can I run RHEL 10 on Standard_D1');
  });

  test('plain text without a TTY has no colour codes', () => {
    const r = run(['/cpulevel', 'Standard_D4s_v5']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('x86-64-v4');
    expect(r.out).not.toContain('\x1b[');
  });

  test('not found exits 1 with suggestions', () => {
    const r = run(['--json', '/cpulevel Standard_D4s_v55']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).suggestions).toContain('Standard_D4s_v5');
  });

  test('an unknown option is a usage error (exit 2)', () => {
    const r = run(['--jsn', 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --jsn/);
  });

  test('stdin: exactly one JSON answer per input line, blank lines included, in order', () => {
    const lines = ['/azlinux upstream', '', 'd4s v5', 'what is rocky 10 downstream of', '\u0000\u0007'];
    const r = run(['--json'], `${lines.join('\n')}\n`);
    const answers = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.query)).toEqual(lines);
    expect(answers[0].text).toContain('Fedora Linux 43');
    expect(answers[1].kind).toBe('help');
    expect(answers[2].size).toBe('Standard_D4s_v5');
    expect(answers[3].chain.map((l: { distro: string }) => l.distro)).toContain('rhel');
    expect(r.code).toBe(0);
  });
});
