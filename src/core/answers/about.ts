// /azlinux about: what this bot knows and how fresh it is — the data's snapshot date, counts, each
// table's oldest and newest source date, the project version, and the date statuses are judged against.
import type { Answer, Source } from '../answer.js';
import type { Catalog } from '../catalog.js';
import { today } from '../clock.js';
import { fact, finish } from './build.js';

function span(table: string, sources: Source[]): { table: string; oldest: string; newest: string } {
  const dates = sources.map((s) => s.asOf).sort();
  return { table, oldest: dates[0] ?? '—', newest: dates[dates.length - 1] ?? '—' };
}

export function aboutAnswer(catalog: Catalog, query: string): Answer {
  const releases = catalog.distros.reduce((n, d) => n + d.releases.length, 0);
  const counts = {
    series: catalog.series.length,
    sizes: catalog.sizes.length,
    cpus: catalog.cpus.size,
    distros: catalog.distros.length,
    releases,
  };
  const tables = [
    span(
      'VM series (vm-series.json)',
      catalog.series.flatMap((s) => s.record.sources),
    ),
    span(
      'CPU models (cpu-models.json)',
      [...catalog.cpus.values()].flatMap((c) => c.model.sources),
    ),
    span(
      'Distributions (distros.json)',
      catalog.distros.flatMap((d) => d.releases.flatMap((r) => r.sources)),
    ),
    span('x86-64 levels (x86-64-levels.json)', catalog.levels.sources),
  ];
  const day = today();
  return finish({
    kind: 'about',
    query,
    title: `azlinux-bot ${catalog.version}`,
    summary: `azlinux-bot ${catalog.version}: data as of ${catalog.asOf}, covering ${counts.series} VM series (${counts.sizes} sizes), ${counts.cpus} CPU models, ${counts.distros} distributions and ${counts.releases} releases.`,
    version: catalog.version,
    asOf: catalog.asOf,
    today: day,
    counts,
    tables,
    facts: [
      ...fact('Version', catalog.version),
      ...fact('Data snapshot', catalog.asOf),
      ...fact('Dates judged against', day),
      ...fact('VM series', counts.series),
      ...fact('VM sizes', counts.sizes),
      ...fact('CPU models', counts.cpus),
      ...fact('Distributions', counts.distros),
      ...fact('Releases', counts.releases),
    ],
    sections: [
      {
        title: 'Source dates per table',
        table: { columns: ['Table', 'Oldest source', 'Newest source'], rows: tables.map((t) => [t.table, t.oldest, t.newest]) },
      },
    ],
    caveats: [
      "A size page's source date is the page's own date; other sources are dated when they were checked. `npm run data:refresh` rebuilds the data from the upstream sources.",
    ],
  });
}
