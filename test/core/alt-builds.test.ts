// A release's need is said with every separate build below it (answers/alt-builds.ts): its own (AlmaLinux 10's
// x86-64-v2 build) and a same-version rebuild's ("does EL10 need x86-64-v3?" once dropped AlmaLinux 10's). Every release
// with a baseline (distros.json), asked its CPU requirement and whether it needs its own level.
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { levelRank } from '../../src/core/levels.js';

const c = catalog();
const major = (v: string) => v.split(/[\s.]/)[0];
const rows = c.distros.flatMap((d) =>
  d.releases.filter((r) => r.azureImageBaseline ?? r.x86_64Baseline).map((r) => ({ d, r, need: (r.azureImageBaseline ?? r.x86_64Baseline)! })),
);

describe('separate builds below a release’s need', () => {
  test('every release: its own and its same-version rebuilds’ separate builds are said with its need', () => {
    let withBuilds = 0;
    for (const { d, r, need } of rows) {
      const name = `${d.name} ${r.version}`;
      const others = c.distros.flatMap((x) =>
        x.releases
          .filter((o) => o !== r && o.altBuildBaseline && levelRank(o.altBuildBaseline) < levelRank(need) && major(o.version) === major(r.version))
          .map((o) => `${x.name} ${o.version} ships a separate ${o.altBuildBaseline} build`),
      );
      const own =
        r.altBuildBaseline && levelRank(r.altBuildBaseline) < levelRank(need)
          ? `Its separate ${r.altBuildBaseline} build runs on ${r.altBuildBaseline} CPUs`
          : null;
      for (const q of [`what are the cpu requirements of ${name}?`, `does ${name} need ${need}?`]) {
        const a = ask(q);
        if (a.kind !== 'distro' || !a.summary.includes(`${name} needs ${need}`)) continue; // a name two distributions share is asked which
        for (const o of others) expect(a.summary, q).toContain(o);
        if (own) expect(a.summary, q).toContain(own);
        if (!own && !others.length) expect(a.summary, q).not.toContain('separate');
        if (own || others.length) withBuilds++;
      }
    }
    expect(withBuilds).toBeGreaterThanOrEqual(6);
  });
});
