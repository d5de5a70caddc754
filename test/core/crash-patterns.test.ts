// Crashes reported in other shapes: Windows' name for an illegal instruction (0xC000001D, STATUS_ILLEGAL_INSTRUCTION,
// exit code -1073741795), and processors said to lack a feature beside a crash ("some Celeron and Pentium chips lack
// AVX"). Both are triage: the missing instruction set is the likely cause, said first, never a list of Azure series.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';

const c = catalog();

describe("Windows' illegal instruction", () => {
  const codes = ['0xC000001D', '0xc000001d', 'C000001D', 'STATUS_ILLEGAL_INSTRUCTION', 'EXCEPTION_ILLEGAL_INSTRUCTION', '-1073741795', '3221225501'];
  const shapes = [
    (code: string) => `My app crashes on Windows with exception code ${code} at startup. What's wrong?`,
    (code: string) => `Faulting application name: foo.exe, version: 1.0.0.0\nException code: ${code}\nFault offset: 0x0000000000012345`,
    (code: string) => `The process exited with code ${code} on our Azure VM`,
  ];
  test('is read as an illegal instruction in every shape', () => {
    for (const code of codes)
      for (const shape of shapes) {
        const q = shape(code);
        const a = ask(q);
        expect(a.kind, q).toBe('triage');
        expect(a.summary, q).toMatch(/^“Illegal instruction” at start means .*AVX/);
      }
  });
  test('on Windows XP and older, or a processor from before x86-64, it is declined: no x86-64 level applies', () => {
    for (const where of ['Windows XP Professional SP3', 'Windows 98', 'a VIA Cyrix III', 'a Pentium III'])
      for (const code of ['0xC000001D', 'STATUS_ILLEGAL_INSTRUCTION', 'illegal instruction']) {
        const q = `Setup crashes with ${code} as soon as it is opened on ${where}`;
        expect(ask(q).kind, q).toBe('out-of-scope');
      }
  });
  test('a number that only contains the code is no crash', () => {
    for (const q of ['order 110737417950 shipped', 'build 0xC000001DE failed to link']) expect(ask(q).summary).not.toMatch(/Illegal instruction/);
  });
});

describe('processors said to lack a feature', () => {
  // every feature of every level above the first, by its cpuinfo name (x86-64-levels.json)
  const features = c.levels.levels.slice(1).flatMap((l) => l.cpuinfoFlags.map((flag) => ({ flag, level: l.level })));
  const subjects = ['Some Celeron and Pentium chips', 'Older Pentium CPUs', 'Our users with Celeron processors'];
  test('beside a crash: the missing feature is the likely cause, said first, with its level', () => {
    let n = 0;
    for (const { flag, level } of features)
      for (const who of subjects) {
        const q = `${who} lack ${flag} and the app crashes`;
        const a = ask(q);
        if (a.kind !== 'triage' || !a.summary.startsWith('The likely cause')) {
          // a flag the question parser does not read as a feature (lahf_lm, cx16): never a list of Azure series
          expect(a.kind, q).not.toBe('level');
          continue;
        }
        expect(a.summary, q).toContain(`an ${level} feature`);
        expect(a.summary, q).toContain('/proc/cpuinfo');
        n++;
      }
    expect(n).toBeGreaterThanOrEqual(subjects.length * 6);
  });
  test('without a crash: what such a CPU can run, not a list of Azure series', () => {
    for (const q of ['Some Celeron and Pentium processors lack AVX', 'note: Intel Celeron / Pentium chips often lack AVX2 instructions']) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.summary, q).toMatch(/^A CPU without AVX2? \(an x86-64-v3 feature\) is at most x86-64-v2/);
    }
  });
  test('a question for the machines without a feature still lists them', () => {
    expect(ask("which machines don't have AVX2?").kind).toBe('level');
  });
});
