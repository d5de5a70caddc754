// vm-series.json from azure-vm-series.json, processor-aliases.json and azure-vm-generations.json.
import type { Source, VmSeries } from '../../src/data/schema.js';
import { LIFECYCLE_PAGE, NVME_ONLY_IMAGE_SERIES, REFERENCE_COMPILED, SERIES_CAVEATS } from '../reference-overrides.js';
import { readRetirement } from './retirement.js';
import { uniqueSources } from './sources.js';
import type { RefGenerations, RefRepoFile, RefVmSeries, Reference } from './types.js';
import { fileUrl } from './urls.js';

/** The alias basis says the docs name only a generation, codename or family, not a model. */
export const GENERIC_BASIS = /\b(codename|generation|family) only\b|no SKU/;
const FORK_REPO = 'petersatsuse/azure-compute-docs';

function pageSource(s: RefVmSeries): Source {
  const { repo, path, commit, date } = s.source;
  const page = path.split('/').pop() ?? path;
  const title =
    page === 'sizes-previous-gen.md'
      ? `Microsoft Learn (azure-docs): previous-generation sizes, ${s.series}`
      : `${repo === 'MicrosoftDocs/azure-docs' ? 'Microsoft Learn (azure-docs)' : 'Microsoft Learn'}: ${s.series} size series`;
  return { title, url: fileUrl(repo, path, commit), asOf: date, dated: 'page' };
}

function includeSource(series: string, inc: RefRepoFile): Source {
  if (!inc.path || !inc.commit || !inc.date) throw new Error(`${series}: include without path, commit or date`);
  const file = inc.path.split('/').pop() ?? inc.path;
  const azureDocs = inc.repo === 'MicrosoftDocs/azure-docs';
  let what: string;
  if (file.endsWith('-specs.md')) what = `${series} specs (${file})`;
  else if (file.endsWith('-summary.md')) what = `${series} summary (${file})`;
  else if (file === 'constrained-vcpu.md') what = 'constrained-vCPU sizes';
  else if (file === 'sizes-previous-gen.md') what = `previous-generation sizes, ${series}`;
  else if (file.endsWith('-retirement.md')) what = `${series} retirement notice`;
  else if (file === 'compute-benchmark-scores.md') what = 'Linux compute benchmark scores (2018), which name the processors measured';
  else if (azureDocs) what = `older ${series} page (${file})`;
  else what = `${series}: ${file}`;
  const title = inc.repo === FORK_REPO ? `${FORK_REPO} (fork of Microsoft's docs): ${file}` : `Microsoft Learn${azureDocs ? ' (azure-docs)' : ''}: ${what}`;
  return { title, url: fileUrl(inc.repo, inc.path, inc.commit), asOf: inc.date, dated: 'page' };
}

function generationCaveats(checks: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(checks)) {
    const year = /^generation2md_(\d{4})$/.exec(key)?.[1];
    if (!year || !value.startsWith('disagrees')) continue;
    if (/Generation 2 not supported/.test(value)) {
      out.push(
        `The ${year} Generation 2 overview page counts this series as Generation 2 capable, but the series' own page says Generation 1 only; the series page is followed.`,
      );
    } else if (/Generation 1 not supported/.test(value)) {
      out.push(
        `The ${year} Generation 2 overview page implies Generation 1 works here, but the series' own page says Generation 2 only; the series page is followed.`,
      );
    } else {
      throw new Error(`unexpected generation overview check ${JSON.stringify(value)}`);
    }
  }
  return out;
}

function generationsOf(entry: RefGenerations['series'][number]): Array<1 | 2> | null {
  if (entry.generations === null) return null;
  return entry.generations.map((g) => {
    if (g === '1') return 1 as const;
    if (g === '2') return 2 as const;
    throw new Error(`${entry.series}: unexpected generation ${g}`);
  });
}

/** Series whose notes say the OS image must support NVMe, read from the notes for a cross-check only. */
function nvmeOnlyFromNotes(ref: Reference): string[] {
  const needs = /NVMe-only OS images|NVMe-capable OS images only|needs NVMe-capable OS images/;
  const out = new Set<string>();
  for (const s of ref.series) if (needs.test(s.notes ?? '')) out.add(s.series);
  for (const g of ref.generations.series) if (g.notes.some((n) => needs.test(n))) out.add(g.series);
  return [...out].sort();
}

export function buildVmSeries(ref: Reference): VmSeries[] {
  const aliasByRaw = new Map(ref.aliases.map((a) => [a.raw, a]));
  const genBySeries = new Map(ref.generations.series.map((g) => [g.series, g]));

  const fromNotes = nvmeOnlyFromNotes(ref);
  const curated = [...NVME_ONLY_IMAGE_SERIES].sort();
  if (JSON.stringify(fromNotes) !== JSON.stringify(curated)) {
    throw new Error(`NVME_ONLY_IMAGE_SERIES differs from the notes: ${fromNotes.join(', ')}`);
  }
  for (const name of Object.keys(SERIES_CAVEATS)) {
    if (!ref.series.some((s) => s.series === name)) throw new Error(`SERIES_CAVEATS names unknown series ${name}`);
  }

  return ref.series.map((s): VmSeries => {
    const gen = genBySeries.get(s.series);
    if (!gen) throw new Error(`${s.series}: no entry in azure-vm-generations.json`);

    const processors: string[] = [];
    const caveats: string[] = [];
    if (s.processors.length === 0) {
      caveats.push("Microsoft's size documentation names no processor for this series, so no x86-64 level can be guaranteed.");
    }
    for (const raw of s.processors) {
      const alias = aliasByRaw.get(raw);
      if (!alias) throw new Error(`${s.series}: no processor alias for ${JSON.stringify(raw)}`);
      if (!processors.includes(alias.model)) processors.push(alias.model);
      const generic = / - model not stated$/.test(alias.model);
      if (generic !== GENERIC_BASIS.test(alias.basis)) throw new Error(`alias basis and model disagree for ${raw}`);
      if (generic) {
        caveats.push(`Microsoft names only a processor generation ("${raw.replace(/[®™]/g, '')}"), not a model; the level assumes that generation's features.`);
      }
    }
    if (s.processorSource === 'fork-specs') {
      caveats.push(
        `The processor row comes from a public fork's copy of Microsoft's specs file (${FORK_REPO}), because the official file was missing from the docs index used.`,
      );
    }
    if (/inferred \(NVIDIA Grace is an Arm CPU\)/.test(s.archBasis)) {
      caveats.push("Microsoft's pages give no architecture for the NVIDIA Grace CPU; Arm64 is inferred because Grace is an Arm processor.");
    }
    caveats.push(...(SERIES_CAVEATS[s.series] ?? []));
    caveats.push(...generationCaveats(gen.overviewCheck));
    if (NVME_ONLY_IMAGE_SERIES.includes(s.series)) caveats.push('Boots only OS images that support NVMe disks.');
    for (const z of s.sizes) {
      if (z.printedAs) {
        caveats.push(`The page prints ${z.printedAs} with a footnote mark fused to the name; the real size is ${z.name}.`);
      }
    }
    const retirement = readRetirement(s.retired, REFERENCE_COMPILED);
    caveats.push(...retirement.caveats);

    const sources: Source[] = [pageSource(s), ...(s.source.includes ?? []).map((inc) => includeSource(s.series, inc))];
    if (gen.source.path !== s.source.path) {
      const overview = ref.generations.overviewSources.find((o) => o.commit === gen.source.commit);
      if (!overview) throw new Error(`${s.series}: generation source ${gen.source.path} is not an overview page`);
      const year = overview.msDate.slice(0, 4);
      sources.push({
        title: `Microsoft Learn${overview.repo === 'MicrosoftDocs/azure-docs' ? ' (azure-docs)' : ''}: Generation 2 VM support overview (${year})`,
        url: fileUrl(overview.repo, overview.path, overview.commit),
        asOf: overview.msDate,
        dated: 'page',
      });
    }
    if (retirement.citesLifecycle) {
      sources.push({
        title: 'Microsoft Learn: VM size retirements and capacity restrictions',
        url: fileUrl(LIFECYCLE_PAGE.repo, LIFECYCLE_PAGE.path, LIFECYCLE_PAGE.commit),
        asOf: LIFECYCLE_PAGE.date,
        dated: 'page',
      });
    }

    return {
      series: s.series,
      family: s.family,
      arch: s.arch,
      processors,
      processorsAsPrinted: [...s.processors],
      generations: generationsOf(gen),
      generationsComplete: gen.generationsComplete,
      preview: s.preview,
      retirement: retirement.retirement,
      accelerator: s.accelerator ?? null,
      sizes: s.sizes.map((z) => ({
        name: z.name,
        vcpus: z.vcpus,
        memoryGiB: z.memoryGiB,
        constrainedFrom: z.constrainedFrom ?? null,
      })),
      caveats: [...new Set(caveats)],
      sources: uniqueSources(sources),
    };
  });
}
