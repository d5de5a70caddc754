// A fleet check: several machines × several releases, a verdict and its deciding reason per row.
import type { Answer, MatrixRow, Verdict } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import type { Distro, DistroRelease } from '../../data/schema.js';
import { fact, finish, generationsText, levelSources, releaseLabel, seriesCpuSources, uniqueSources } from './build.js';
import { listOf, sizeKeyOf } from '../text.js';
import { judge, summaryReason } from './compat.js';

export interface MatrixMachine {
  series: SeriesInfo;
  size?: string;
  label: string;
}
export interface MatrixRelease {
  distro: Distro;
  release: DistroRelease;
  defaulted: boolean;
}

const WORD: Record<Verdict, string> = { yes: 'yes', no: 'no', depends: 'depends' };

export function matrixAnswer(catalog: Catalog, query: string, machines: MatrixMachine[], releases: MatrixRelease[], notUnderstood: string[] = []): Answer {
  const rows: MatrixRow[] = [];
  for (const m of machines)
    for (const r of releases) {
      const j = judge(m.series, r.distro, r.release);
      rows.push({
        size: m.label,
        series: m.series.record.series,
        distro: r.distro.id,
        release: r.release.version,
        verdict: j.verdict,
        reason: summaryReason(j, m.series),
        shortfall: j.shortfall,
      });
    }
  const verdicts = { yes: 0, no: 0, depends: 0 };
  for (const r of rows) verdicts[r.verdict]++;
  const relName = (r: MatrixRow) => releaseLabel(catalog.distroById(r.distro)!, catalog.findRelease(catalog.distroById(r.distro)!, r.release));
  const oneRelease = releases.length === 1;
  const oneMachine = machines.length === 1;
  const rowName = (r: MatrixRow) => (oneRelease ? r.size : oneMachine ? relName(r) : `${relName(r)} on ${r.size}`);

  // Answer first: each row's verdict in one line when there are few, else the count and the exceptions.
  const byVerdict = (v: Verdict) => rows.filter((r) => r.verdict === v).map(rowName);
  const parts: string[] = [];
  if (verdicts.yes) parts.push(`yes on ${listOf(byVerdict('yes'))}`);
  if (verdicts.no) parts.push(`no on ${listOf(byVerdict('no'))}`);
  if (verdicts.depends) parts.push(`it depends on ${listOf(byVerdict('depends'))}`);
  const relNames = releases.map((r) => releaseLabel(r.distro, r.release));
  const lead =
    verdicts.yes === rows.length
      ? `Yes, all ${rows.length}: ${listOf(relNames)} ${oneRelease ? 'runs' : 'run'} on ${listOf(machines.map((m) => m.label))}.`
      : verdicts.no === rows.length
        ? `No, none of the ${rows.length}: ${parts[0]}.`
        : `${capital(parts.join('; '))}.`;
  const exceptions = rows
    .filter((r) => r.verdict !== 'yes')
    .slice(0, 3)
    .map((r) => `${rowName(r)}: ${r.reason}`);
  const summary = rows.length <= 4 || exceptions.length ? [lead, ...exceptions.slice(0, rows.length <= 4 ? 3 : 2)].join(' ') : lead;

  const caveats: string[] = [];
  for (const r of releases)
    if (r.defaulted && r.distro.releases.length > 1)
      caveats.push(`No release named for ${r.distro.name}, so this is about the newest: ${releaseLabel(r.distro, r.release)}.`);
  if (notUnderstood.length) caveats.unshift(`Not understood, so left out: ${notUnderstood.map((w) => `“${w}”`).join(', ')}.`);
  caveats.push(
    'Each row is the same judgement as `/azlinux compat <size> <distro>`: architecture, Hyper-V generation, then the lowest x86-64 level the machine may land on.',
  );

  return finish({
    kind: 'matrix',
    query,
    title: oneRelease
      ? `${releaseLabel(releases[0]!.distro, releases[0]!.release)} on ${machines.length} machines`
      : `${releases.length} releases on ${machines.length} machine${machines.length > 1 ? 's' : ''}`,
    summary,
    rows,
    verdicts,
    facts: [...fact('Yes', verdicts.yes), ...fact('No', verdicts.no), ...fact('Depends', verdicts.depends)],
    sections: [
      {
        title: 'Fleet check',
        table: {
          columns: ['Machine', 'Generations', 'Release', 'Verdict', 'Why'],
          rows: rows.map((r) => [
            r.size,
            generationsText(catalog.seriesByKey.get(sizeKeyOf(r.series))?.record.generations ?? null),
            relName(r),
            WORD[r.verdict],
            r.reason,
          ]),
        },
      },
    ],
    caveats,
    sources: uniqueSources(...releases.map((r) => r.release.sources.slice(0, 2)), ...machines.map((m) => seriesCpuSources(m.series)), levelSources(catalog)),
    context: {
      topic: 'compat',
      distro: releases[0]!.distro.id,
      release: releases[0]!.release.version,
      ...(machines[0]!.size ? { size: machines[0]!.size } : {}),
      series: machines[0]!.series.record.series,
    },
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
