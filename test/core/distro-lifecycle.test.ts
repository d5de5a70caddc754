// A distribution's lifecycle asked without a version covers the releases it plausibly means (its newest released
// ones, plan.ts lifecycleOfDistro), not the newest alone: "CentOS" once got only CentOS 8's end of life. Versions
// listed after the name ("CentOS EOL for 7 and 8", "CentOS 7/8") are each answered (frame.ts). Every distribution of
// distros.json, by its name.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { today } from '../../src/core/clock.js';
import { isPastEol } from '../../src/core/answers/release-questions.js';
import { endedCaveat } from '../../src/core/answers/lifecycle.js';

const c = catalog();
const now = today();
const released = (d: (typeof c.distros)[number]) => d.releases.filter((r) => r.status !== 'preview' && !(r.released && r.released > now)).slice(0, 3);
const datesDiffer = (rs: ReturnType<typeof released>) => new Set(rs.map((r) => `${r.eol}|${r.extendedSupport?.until}`)).size >= 2;
const covered = c.distros.filter((d) => released(d).length >= 2 && datesDiffer(released(d)));

describe('a lifecycle asked without a version', () => {
  test('names each of the newest released releases, with its end-of-life date when one is recorded', () => {
    expect(covered.length).toBeGreaterThanOrEqual(10);
    for (const d of covered)
      for (const q of [`When does ${d.name} reach end of life?`, `${d.name} EOL date`]) {
        const a = ask(q);
        expect(a.kind, q).toBe('distro');
        for (const r of released(d)) {
          expect(a.summary, `${q}: ${r.version}`).toContain(`${d.name} ${r.version}`);
          if (r.eol && !r.extendedSupport) expect(a.summary, `${q}: ${r.version}`).toContain(r.eol);
        }
      }
  });

  test('asked yes/no, the first word says whether they are supported, or that it depends on the release', () => {
    for (const d of covered) {
      const live = released(d).filter((r) => !isPastEol(r, now) && !endedCaveat(r));
      const all = live.length === released(d).length;
      const none = live.length === 0;
      const supported = ask(`is ${d.name} still supported?`).summary;
      const ended = ask(`is ${d.name} end of life?`).summary;
      if (all) {
        expect(supported, d.name).toMatch(/^Yes — /);
        expect(ended, d.name).toMatch(/^No — /);
      } else if (none) {
        expect(supported, d.name).toMatch(/^No — /);
        expect(ended, d.name).toMatch(/^Yes — /);
      } else {
        expect(supported, d.name).toMatch(/^It depends on the release — /);
        for (const r of live) expect(supported.split(';')[0], `${d.name} ${r.version}`).toContain(`${d.name} ${r.version}`);
      }
    }
  });

  test('a release typed is answered alone', () => {
    for (const d of covered) {
      const [first, second] = released(d);
      const a = ask(`When does ${d.name} ${first!.version} reach end of life?`);
      expect(a.summary, d.name).not.toContain(`${d.name} ${second!.version}:`);
    }
  });
});

describe('versions listed after a distribution typed without one', () => {
  test('each version listed is answered, whatever joins them', () => {
    let asked = 0;
    for (const d of c.distros) {
      const numeric = d.releases.filter((r) => /^\d{1,2}(\.\d+)?$/.test(r.version));
      for (let i = 0; i + 1 < numeric.length; i++) {
        const [a, b] = [numeric[i + 1]!.version, numeric[i]!.version];
        for (const q of [`${d.name} EOL date for ${a} and ${b}`, `when do ${d.name} ${a}/${b} reach end of life`]) {
          const s = ask(q).summary;
          expect(s, q).toContain(`${d.name} ${a}`);
          expect(s, q).toContain(`${d.name} ${b}`);
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(20);
  });
});
