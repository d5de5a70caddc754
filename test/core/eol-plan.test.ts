// "Do you have a plan for the end of support of CentOS 7?", "what should I do about … end of life?": a plan or advice
// asked is no yes/no about the lifecycle; the date and the state lead. Every release with an end-of-life date.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';

const c = catalog();

// (a name holding another's, "Azure Linux with OS Guard (preview)", is read as the shorter one: not asked here)
const releases = c.distros
  .filter((d) => !c.distros.some((o) => o !== d && d.name.includes(o.name)))
  .flatMap((d) => d.releases.filter((r) => r.eol).map((r) => ({ d, r })));

describe('a plan asked for an end of life', () => {
  test('leads with the release and its end-of-life date, never with yes or no', () => {
    expect(releases.length).toBeGreaterThan(20);
    for (const { d, r } of releases) {
      const name = d.releases.length === 1 ? d.name : `${d.name} ${r.version}`;
      for (const q of [`Do you have a plan for the end of support of ${name}?`, `what should I do about ${name} end of life?`]) {
        const a = ask(q);
        expect(a.summary, q).not.toMatch(/^(Yes|No)\b/);
        expect(a.summary.split('. ')[0], q).toContain(r.eol!);
      }
    }
  });
});
