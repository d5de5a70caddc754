// Level from flags agrees with the reference rules on this very machine: its /proc/cpuinfo flags line
// and its own `ld.so --help` output.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { levelFromFlags } from '../oracle.js';

const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
const flagsLine = /^flags\s*:.*$/m.exec(cpuinfo)?.[0];
const ldso = ['/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'].find(existsSync);

test.runIf(flagsLine)('this machine’s /proc/cpuinfo flags line', () => {
  const a = ask(flagsLine!);
  expect(a.kind).toBe('flags');
  if (a.kind !== 'flags') return;
  const flags = new Set(flagsLine!.split(':')[1]!.trim().split(/\s+/));
  expect(a.level).toBe(levelFromFlags(flags));
});

test.runIf(ldso && flagsLine)('this machine’s ld.so --help output agrees with its flags', () => {
  const out = execFileSync(ldso!, ['--help'], { encoding: 'utf8' });
  const a = ask(`/cpulevel ${out}`);
  expect(a.kind).toBe('flags');
  if (a.kind !== 'flags') return;
  const supported = [...out.matchAll(/^\s+(x86-64-v[234]) \(supported/gm)].map((m) => m[1]);
  const expected = supported.length ? supported.sort().at(-1) : 'x86-64-v1';
  expect(a.level).toBe(expected);
  // glibc and the flags line agree here unless the hypervisor hides XSAVE state; then ld.so is lower.
  const fromFlags = ask(flagsLine!);
  if (fromFlags.kind === 'flags' && fromFlags.level) expect(Number(a.level!.at(-1))).toBeLessThanOrEqual(Number(fromFlags.level.at(-1)));
});
