// "How do I check whether my CPU supports x86-64-v2?" is answered with how to check, first: glibc's loader
// (`ld-linux-x86-64.so.2 --help`, its glibc-hwcaps lines) and the flags line of /proc/cpuinfo with the level's flags
// (x86-64-levels.json); with a release named, the release's need follows, never a distro verdict first. Every level,
// every release with a baseline, and the question in several languages.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { levelRank } from '../../src/core/levels.js';

const c = catalog();
const levels = c.levels.levels.filter((l) => levelRank(l.level) >= 2);
const wordings = [
  (l: string) => `how do I check whether my CPU supports ${l}`,
  (l: string) => `How can I tell if my processor is ${l} capable?`,
  (l: string) => `comment vérifier si mon CPU supporte ${l}`,
  (l: string) => `如何检查CPU是否支持${l}`,
  (l: string) => `${l}に対応しているかの確認方法は？`,
  (l: string) => `как проверить, поддерживает ли процессор ${l}?`,
];
const flagsOf = (level: string) =>
  c.levels.levels.filter((l) => levelRank(l.level) >= 2 && levelRank(l.level) <= levelRank(level as never)).flatMap((l) => l.cpuinfoFlags);

describe('how to check a level', () => {
  test('every level, every wording: the loader and the flags line first, with every flag the level needs', () => {
    for (const { level } of levels)
      for (const w of wordings) {
        const q = w(level);
        const a = ask(q);
        expect(a.kind, q).toBe('triage');
        expect(a.summary, q).toMatch(new RegExp(`^To check whether a CPU supports ${level}, run \`/lib64/ld-linux-x86-64.so.2 --help\``));
        expect(a.summary, q).toContain(`${level} (supported, searched)`);
        for (const flag of flagsOf(level)) expect(a.summary, `${q}: ${flag}`).toContain(flag);
      }
  });

  test('every release with a baseline: how to check for its need, then the need', () => {
    let asked = 0;
    for (const d of c.distros)
      for (const r of d.releases) {
        const need = r.azureImageBaseline ?? r.x86_64Baseline;
        if (!need || levelRank(need) < 2) continue;
        const name = `${d.name} ${r.version}`;
        const q = `how do I check if my server can run ${name}?`;
        const a = ask(q);
        if (a.kind !== 'triage') continue; // a name two distributions share is asked which
        expect(a.summary, q).toMatch(new RegExp(`^To check whether a CPU supports ${need}`));
        expect(a.summary, q).toContain(`${name} needs ${need}`);
        asked++;
      }
    expect(asked).toBeGreaterThanOrEqual(14);
  });

  test('a release’s own facts asked how to check are not a CPU question', () => {
    expect(ask('how do I check the kernel version of rhel 9').kind).toBe('distro');
  });
});
