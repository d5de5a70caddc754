// Answers about VM sizes and series: processors, guaranteed and best level, generations, caveats.
import type { Answer, Section } from '../answer.js';
import type { Catalog, SeriesInfo, SizeInfo } from '../catalog.js';
import type { LevelName } from '../../data/schema.js';
import { levelRank, LEVELS } from '../levels.js';
import { joinMapped, listOf, mapped } from '../text.js';
import type { SeriesFilter } from './vendor.js';
import { cpuLabel, fact, finish, generationsText, levelSources, seriesCpuSources, seriesName, uniqueSources } from './build.js';

const GUEST_CAVEAT =
  'Levels come from the documented host processors; a guest can see fewer features than its host (AVX-512 has been seen hidden). To be sure, paste `ld.so --help` or the /proc/cpuinfo flags line from inside the VM.';

export function sizeAnswer(catalog: Catalog, query: string, info: SizeInfo): Answer {
  const { size, series } = info;
  const rec = series.record;
  const facts = [
    ...fact('Series', rec.series),
    ...fact('vCPUs', size.constrainedFrom ? `${size.vcpus} (constrained from ${size.constrainedFrom})` : size.vcpus),
    ...fact('Memory', `${size.memoryGiB} GiB`),
    ...fact('Architecture', rec.arch),
    ...levelFacts(series),
    ...fact('Hyper-V generations', generationsText(rec.generations, rec.generationsComplete)),
    ...fact('Status', statusText(series)),
  ];
  const caveats = seriesCaveats(series);
  if (size.constrainedFrom) caveats.push(`Constrained-vCPU size: same hardware and processors as ${size.constrainedFrom}, so the same level.`);
  return finish({
    kind: 'vm-size',
    query,
    title: size.name,
    summary: levelSummary(size.name, series),
    size: size.name,
    series: rec.series,
    arch: rec.arch,
    processors: series.cpus.map((c) => c.model.model),
    guaranteedLevel: series.guaranteed,
    bestLevel: series.best,
    generations: rec.generations,
    facts,
    sections: processorSection(series),
    caveats,
    sources: uniqueSources(seriesCpuSources(series), levelSources(catalog)),
    context: { topic: 'machine', size: size.name, series: rec.series },
  });
}

export function seriesAnswer(catalog: Catalog, query: string, series: SeriesInfo): Answer {
  const rec = series.record;
  const names = rec.sizes.map((s) => s.name);
  return finish({
    kind: 'series',
    query,
    title: `${rec.series} series`,
    summary: levelSummary(`The ${rec.series} series`, series),
    series: rec.series,
    arch: rec.arch,
    sizes: names,
    processors: series.cpus.map((c) => c.model.model),
    guaranteedLevel: series.guaranteed,
    bestLevel: series.best,
    generations: rec.generations,
    facts: [
      ...fact('Family', rec.family),
      ...fact('Architecture', rec.arch),
      ...levelFacts(series),
      ...fact('Hyper-V generations', generationsText(rec.generations, rec.generationsComplete)),
      ...fact('Sizes', `${names.length} (${names[0]} … ${names[names.length - 1]})`),
      ...fact('Status', statusText(series)),
    ],
    sections: [...processorSection(series), { title: 'Sizes', lines: [names.join(', ')] }],
    caveats: seriesCaveats(series),
    sources: uniqueSources(seriesCpuSources(series), levelSources(catalog)),
    context: { topic: 'machine', series: rec.series },
  });
}

/** "Which series guarantee x86-64-v3?" — or, negated, which do not. */
export function levelAnswer(
  catalog: Catalog,
  query: string,
  level: LevelName,
  negated = false,
  family?: string,
  vendor?: 'AMD' | 'Intel',
  made?: SeriesFilter | null,
): Answer {
  const rank = levelRank(level);
  // "AMD sizes with AVX-512": every documented processor of the series is that vendor's
  const ofVendor = (s: SeriesInfo) => !vendor || (s.cpus.length > 0 && s.cpus.every((c) => c.model.vendor === vendor));
  // "v5 sizes", "gen 1 series": that version or generation only
  const current = catalog.series.filter(
    (s) => s.guaranteed && !isRetired(s) && (!family || s.record.family === family) && ofVendor(s) && (!made || made.keep(s)),
  );
  if (vendor) family = family ? `${vendor} ${family}` : vendor;
  if (made) family = family ? `${family} ${made.label}` : made.label;
  const meets = current.filter((s) => levelRank(s.guaranteed!) >= rank);
  const below = current.filter((s) => levelRank(s.guaranteed!) < rank);
  const maybe = below.filter((s) => s.best && levelRank(s.best) >= rank);
  const step = catalog.levels.levels.find((l) => l.level === level)!;
  const names = (negated ? below : meets).map((s) => s.record.series);
  const sections: Section[] = negated
    ? [
        {
          title: `Series that do not guarantee ${level} (${below.length})`,
          lines: byFamily(below, (s) => `${s.record.series} (${s.guaranteed}${s.best !== s.guaranteed ? `–${s.best}` : ''})`),
        },
      ]
    : [{ title: `Series that guarantee ${level} (${names.length}), by family`, lines: byFamily(meets) }];
  if (!negated && maybe.length > 0)
    sections.push({
      title: `May land on an ${level} processor, not guaranteed (${maybe.length})`,
      lines: [maybe.map((s) => `${s.record.series} (guarantees ${s.guaranteed})`).join(', ')],
    });
  sections.push({
    title: `What ${level} needs`,
    lines: [
      `Flags (cpuinfo spelling) on top of ${LEVELS[rank - 2] ?? 'nothing'}: ${step.cpuinfoFlags.join(' ')}`,
      'Levels are cumulative: every flag of the lower levels too.',
    ],
  });
  // a few current, common choices: general purpose, compute and memory series of the newest generations first
  const common = meets.filter((s) => ['General purpose', 'Compute optimized', 'Memory optimized'].includes(s.record.family));
  const examples = [...common.filter((s) => /v[5-7]$/.test(s.record.series)), ...common.filter((s) => !/v[5-7]$/.test(s.record.series))]
    .slice(0, 6)
    .map((s) => s.record.series);
  const summary = negated
    ? `${below.length} current x64${family ? ` ${family}` : ''} series do not guarantee ${level}: they may land on a processor below it${maybe.length ? ` (${maybe.length} of them sometimes reach it)` : ''}. To always get it, pick one of the ${meets.length} that guarantee it${examples.length ? `, e.g. ${listOf(examples)}` : ''}.`
    : `${names.length} current x64${family ? ` ${family}` : ''} series guarantee ${level} on every processor they may land on${maybe.length ? `; ${maybe.length} more may or may not` : ''}.`;
  return finish({
    kind: 'level',
    query,
    title: `Azure series that ${negated ? 'do not guarantee' : 'guarantee'} ${level}`,
    summary,
    level,
    series: names,
    facts: [...fact('Level', level), ...fact('Guaranteed by', `${meets.length} series`), ...fact('Not guaranteed by', `${below.length} series`)],
    sections,
    caveats: ['Retired series and Arm64 series are left out; series with no documented processor cannot guarantee anything.', GUEST_CAVEAT],
    sources: uniqueSources(levelSources(catalog), [
      {
        title: 'Microsoft Learn: Azure VM sizes',
        url: 'https://learn.microsoft.com/en-us/azure/virtual-machines/sizes/overview',
        asOf: catalog.asOf,
        dated: 'checked',
      },
    ]),
    context: { topic: 'level', level },
  });
}

/** Chat shows at most this many names a family; the JSON \`series\` field has them all. */
const NAMES_PER_FAMILY = 12;

/** One line per VM family: "General purpose (41): Dsv5, Dasv5, … and 29 more". */
export function byFamily(series: SeriesInfo[], name: (s: SeriesInfo) => string = (s) => s.record.series): string[] {
  const families = new Map<string, SeriesInfo[]>();
  for (const s of series) {
    const list = families.get(s.record.family);
    if (list) list.push(s);
    else families.set(s.record.family, [s]);
  }
  if (families.size === 0) return ['none'];
  return [...families.entries()].map(([family, list]) => {
    const shown = list.slice(0, NAMES_PER_FAMILY).map(name).join(', ');
    const more = list.length > NAMES_PER_FAMILY ? ` … and ${list.length - NAMES_PER_FAMILY} more` : '';
    return `${family} (${list.length}): ${shown}${more}`;
  });
}

/** "Does Dsv3 guarantee AVX2?": the straight yes/no that opens a size or series answer. */
export function levelVerdict(series: SeriesInfo, level: LevelName, typed?: string): string {
  const name = seriesName(series);
  // "does Dsv3 support AVX2?": name what was asked when it was a feature, not the level itself
  const asked = typed && !/^(x86[-_]?64[-_]?)?v\d$/i.test(typed) ? `${typed.toUpperCase()} (${level})` : level;
  if (series.record.arch === 'Arm64') return `No: ${name} is Arm64; x86-64 levels do not apply.`;
  if (!series.guaranteed) return `Unknown: the docs name no processor for ${name}.`;
  if (levelRank(series.guaranteed) >= levelRank(level))
    return `Yes: ${name} guarantees ${series.guaranteed}${series.guaranteed === level && asked === level ? '' : `, which includes ${asked}`}.`;
  if (series.best && levelRank(series.best) >= levelRank(level))
    return `Not guaranteed: ${name} guarantees only ${series.guaranteed}; it reaches ${asked} only on some of its processors.`;
  return `No: ${name} stops at ${series.guaranteed}${asked === level ? '' : `, below ${asked}`}.`;
}

export function levelFacts(series: SeriesInfo) {
  if (series.record.arch === 'Arm64') return fact('x86-64 level', 'none (Arm64)');
  if (series.cpus.length === 0) return fact('Guaranteed level', 'unknown (no processor documented)');
  return [...fact('Guaranteed level', series.guaranteed), ...(series.best !== series.guaranteed ? fact('Best level', series.best) : [])];
}

function levelSummary(subject: string, series: SeriesInfo): string {
  const rec = series.record;
  if (rec.arch === 'Arm64') {
    const arm = [...new Set(mapped(series.cpus, (c) => c.model.armArch).filter(Boolean))].join(' / ');
    return `${subject} is Arm64 (${joinMapped(series.cpus, (c) => c.model.model, ', ') || 'Arm processor'}${arm ? `, ${arm}` : ''}): no x86-64 level applies.`;
  }
  if (series.cpus.length === 0) return `${subject} has no documented processor, so no x86-64 level can be guaranteed.`;
  if (series.guaranteed === series.best)
    return `${subject} guarantees ${series.guaranteed} (${listOf(
      mapped(series.cpus, (c) => c.model.model),
      'or',
    )}).`;
  return `${subject} guarantees ${series.guaranteed}, since it can land on ${listOf(lowest(series), 'or')}, and may reach ${series.best} on its other processors.`;
}

/** After a list of several processors, each with its level: what they add up to ("Dv3 guarantees x86-64-v3 and may
 * reach x86-64-v4."). One processor's level is the guarantee, said already: nothing. */
export function guaranteeOfList(subject: string, series: SeriesInfo): string {
  if (series.cpus.length < 2 || series.record.arch === 'Arm64' || !series.guaranteed) return '';
  return `${subject} guarantees ${series.guaranteed}${series.best !== series.guaranteed ? ` and may reach ${series.best}` : ''}.`;
}

/** The processors at the series' guaranteed level, the ones that hold it down. */
function lowest(series: SeriesInfo): string[] {
  const low: string[] = [];
  for (const c of series.cpus) if (c.level === series.guaranteed) low.push(c.model.model);
  return low;
}

/** What a size or series answer adds after levelVerdict's yes/no, which said its guaranteed level already: the
 * processors, and which of them hold it below its best or below the level asked. */
export function afterLevelVerdict(subject: string, series: SeriesInfo, level: LevelName): string {
  const rec = series.record;
  const on = series.cpus.length > 1 ? 'may land on' : 'runs on';
  if (rec.arch === 'Arm64') {
    const arm = [...new Set(mapped(series.cpus, (c) => c.model.armArch).filter(Boolean))].join(' / ');
    const cpus = joinMapped(series.cpus, (c) => c.model.model, ', ');
    return cpus ? `${subject} ${on} ${cpus}${arm ? ` (${arm})` : ''}.` : '';
  }
  if (!series.guaranteed || !series.best) return '';
  if (series.guaranteed === series.best)
    return `${subject} ${on} ${listOf(
      mapped(series.cpus, (c) => c.model.model),
      'or',
    )}.`;
  const low = lowest(series);
  // "Not guaranteed": the lead said it reaches the level only on some processors; these are the others
  if (levelRank(series.guaranteed) < levelRank(level) && levelRank(series.best) >= levelRank(level))
    return `${subject} can land on ${listOf(low, 'or')}, which ${low.length > 1 ? 'fall' : 'falls'} short.`;
  return `${subject} may reach ${series.best} on some processors, but not on ${listOf(low, 'or')}.`;
}

function processorSection(series: SeriesInfo): Section[] {
  if (series.cpus.length === 0) return [];
  return [
    {
      title: series.cpus.length > 1 ? `May land on any of ${series.cpus.length} processors` : 'Processor',
      lines: series.cpus.map(cpuLabel),
    },
  ];
}

export function isRetired(series: SeriesInfo): boolean {
  return series.record.retirement?.status === 'retired';
}

function statusText(series: SeriesInfo): string | null {
  const r = series.record.retirement;
  const parts: string[] = [];
  if (series.record.preview) parts.push('preview');
  if (r) parts.push(r.status === 'retired' ? `retired${r.date ? ` ${r.date}` : ''}` : `retirement announced${r.date ? ` for ${r.date}` : ''}`);
  return parts.length ? parts.join('; ') : 'generally available';
}

export function seriesCaveats(series: SeriesInfo): string[] {
  const rec = series.record;
  // a list literal filled by push: a copy of an empty list is a list of small integers to V8, and a string pushed
  // onto it dropped the optimised function ('not a Smi')
  const out: string[] = [];
  for (const c of rec.caveats) out.push(c);
  const said = (re: RegExp) => out.some((c) => re.test(c));
  if (rec.arch === 'x64' && series.cpus.length === 0 && !said(/no processor/i)) out.push('The docs name no processor for this series.');
  if (rec.retirement && !said(/retire/i))
    out.push(
      rec.retirement.status === 'retired'
        ? `This series is retired${rec.retirement.date ? ` (${rec.retirement.date})` : ''}.`
        : `Retirement announced${rec.retirement.date ? ` for ${rec.retirement.date}` : ''}.`,
    );
  if (rec.preview && !said(/preview/i)) out.push('This series is in preview.');
  if (rec.arch === 'x64' && series.cpus.length > 0) out.push(GUEST_CAVEAT);
  return out;
}
