// /azlinux about: snapshot date, counts, each table's oldest and newest source date and the version,
// each checked against the tables and package.json read independently.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { rawTables } from '../data/fixtures.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
type Src = { asOf: string };
const t = rawTables() as {
  levels: { sources: Src[] };
  cpus: { asOf: string; models: Array<{ sources: Src[] }> };
  series: { asOf: string; series: Array<{ sizes: unknown[]; sources: Src[] }> };
  distros: { asOf: string; distros: Array<{ releases: Array<{ sources: Src[] }> }> };
};
const span = (sources: Src[]) => {
  const d = sources.map((s) => s.asOf).sort();
  return [d[0], d[d.length - 1]];
};

it('answers with the version, the snapshot date and the counts of the tables', () => {
  const a = ask('/azlinux about');
  if (a.kind !== 'about') throw new Error(`kind ${a.kind}`);
  expect(a.version).toBe(pkg.version);
  expect(a.asOf).toBe([t.cpus.asOf, t.series.asOf, t.distros.asOf].sort().at(-1));
  expect(a.today).toBe(process.env.AZLINUX_TODAY);
  expect(a.counts).toEqual({
    series: t.series.series.length,
    sizes: t.series.series.reduce((n, s) => n + s.sizes.length, 0),
    cpus: t.cpus.models.length,
    distros: t.distros.distros.length,
    releases: t.distros.distros.reduce((n, d) => n + d.releases.length, 0),
  });
  expect(a.summary).toContain(`data as of ${a.asOf}`);
  expect(a.text).toContain(`Version: ${pkg.version}`);
});

it("gives each table's oldest and newest source date", () => {
  const a = ask('/azlinux about');
  if (a.kind !== 'about') throw new Error(`kind ${a.kind}`);
  expect(a.tables.map((x) => [x.oldest, x.newest])).toEqual([
    span(t.series.series.flatMap((s) => s.sources)),
    span(t.cpus.models.flatMap((m) => m.sources)),
    span(t.distros.distros.flatMap((d) => d.releases.flatMap((r) => r.sources))),
    span(t.levels.sources),
  ]);
  for (const row of a.tables) expect(a.text).toContain(`${row.table} | ${row.oldest} | ${row.newest}`);
});

it('is listed in the help and reachable as "version" too', () => {
  expect(ask('/azlinux help').text).toContain('/azlinux about');
  expect(ask('/azlinux version').kind).toBe('about');
});
