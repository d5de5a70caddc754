// Loose spellings of a series or size name the series or size meant, never another one: "B-series v2" is Bsv2's
// sibling Bv2 when the tables have it, never Bv1 with a level v2 read from its "v2". Every series and every size of
// the raw tables is walked in every spelling below; the expected name is the table's own.
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { rawSeries } from './independent-rules.js';

/** the series named by letters and a version ("Bsv2", "HBv3"), as the tables spell them */
const versioned = rawSeries.flatMap((s) => {
  const m = /^([A-Za-z]+)v(\d+)$/.exec(s.series);
  return m ? [{ series: s.series, letters: m[1]!, version: m[2]! }] : [];
});

function answered(q: string): { kind: string; series?: string; size?: string; summary: string } {
  const a = ask(q) as unknown as { kind: string; series?: string; size?: string; summary: string; context?: { series?: string; size?: string } };
  return { kind: a.kind, series: a.series ?? a.context?.series, size: a.size ?? a.context?.size, summary: a.summary };
}

describe('a series typed loosely is the series meant', () => {
  const spellings: Array<(letters: string, v: string) => string> = [
    (l, v) => `${l}-series v${v}`,
    (l, v) => `${l} series v${v}`,
    (l, v) => `${l}-series-v${v}`,
    (l, v) => `${l}-series version ${v}`,
    (l, v) => `${l} series version ${v}`,
    (l, v) => `tell me about the ${l}-series v${v}`,
    (l, v) => `Standard_${l} series v${v}`,
    (l, v) => `${l} v${v} series`,
    (l, v) => `${l}v${v} series`,
    (l, v) => `the ${l} v${v}`,
    (l, v) => `Standard_${l} v${v}`,
    (l, v) => `${l.toLowerCase()}v${v}`,
    (l, v) => `${l}_v${v}`,
    (l, v) => `${l}-v${v}`,
  ];
  test(`every series of letters and a version (${versioned.length}), ${spellings.length} spellings`, () => {
    expect(versioned.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const { series, letters, version } of versioned)
      for (const [p, spell] of spellings.entries()) {
        // "A v2 series", "the A v2": "A" is the article there, as in "a v2 series" (a list of series of a level)
        if (letters === 'A' && p >= 7 && p <= 9) continue;
        const q = spell(letters, version);
        const a = answered(q);
        if (a.series !== series) problems.push(`${q}: ${a.kind} ${a.series ?? ''} ${a.summary.slice(0, 80)}`);
      }
    expect(problems).toEqual([]);
  });

  test('"<letters>-series v<N>" the tables lack is every current series of those letters and that version, or not found', () => {
    const names = new Set(rawSeries.map((s) => s.series.toLowerCase()));
    const problems: string[] = [];
    let n = 0;
    let kinSeen = 0;
    for (const { letters } of versioned)
      for (const version of ['1', '2', '5', '7', '9']) {
        if (names.has(`${letters}v${version}`.toLowerCase())) continue;
        n++;
        // "B-series v2": Bsv2, Basv2, Bpsv2 (Microsoft's own name for them), never Bv1
        const family = new RegExp(`^${letters}[a-z]*v${version}$`, 'i');
        const kin = rawSeries.filter((s) => s.retirement?.status !== 'retired' && family.test(s.series.replace(/_/g, ''))).map((s) => s.series);
        const q = `${letters}-series v${version}`;
        const a = ask(q) as unknown as { kind: string; series?: string; items?: string[]; summary: string };
        const got = a.kind === 'compare' ? (a.items ?? []) : a.series ? [a.series] : [];
        if (kin.length) kinSeen++;
        const ok = kin.length ? [...got].sort().join() === [...kin].sort().join() : a.kind === 'not-found';
        if (!ok) problems.push(`${q}: ${a.kind} ${got.join(',')} (want ${kin.join(',') || 'not-found'}) ${a.summary.slice(0, 60)}`);
      }
    expect(n).toBeGreaterThan(100);
    expect(kinSeen).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});

describe('a size typed loosely is the size meant', () => {
  const sizes = rawSeries.flatMap((s) =>
    s.sizes.flatMap((z) => {
      const m = /^Standard_([A-Za-z0-9-]+)_v(\d+)$/.exec(z.name);
      return m ? [{ size: z.name, body: m[1]!, version: m[2]! }] : [];
    }),
  );
  const spellings: Array<(body: string, v: string) => string> = [
    (b, v) => `${b} v${v}`,
    (b, v) => `Standard ${b} v${v}`,
    (b, v) => `${b}-v${v}`,
    (b, v) => `${b} version ${v}`,
    (b, v) => `Standard ${b} version ${v}`,
    (b, v) => `the ${b} v${v}`,
    (b, v) => `${b.toLowerCase()}v${v}`,
    (b, v) => `${b}_v${v}`,
    (b, v) => `what cpu does the ${b} version ${v} have`,
  ];
  test(`every size with a version (${sizes.length}), ${spellings.length} spellings`, () => {
    expect(sizes.length).toBeGreaterThan(1000);
    const problems: string[] = [];
    for (const { size, body, version } of sizes)
      for (const spell of spellings) {
        const q = spell(body, version);
        const a = answered(q);
        if (a.size !== size) problems.push(`${q}: ${a.kind} ${a.size ?? ''} ${a.summary.slice(0, 80)}`);
      }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
