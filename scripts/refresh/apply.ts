// Applies the upstream sources to the reference snapshot: pure over parsed inputs, so the fixtures test
// it without a network. Returns the updated snapshot (written back to reference/ so data:import keeps
// reproducing the tables), notes on what it did, and problems that must stop the write.
import { levelOfFlags } from '../../src/core/levels.js';
import { cpuinfoFeaturesOfNode } from '../reference/archspec.js';
import { renamedVersion } from '../reference/build-distros.js';
import { buildLevels } from '../reference/build-levels.js';
import { CPU_FEATURE_GAPS } from '../reference-overrides.js';
import type { RefArchspec, RefVmSeries, Reference } from '../reference/types.js';
import type { SizePage } from './docs-pages.js';
import { cycleMatches, EOL_PRODUCTS, type EolCycle } from './eol.js';
import type { Sku } from './skus.js';

export const DOCS_REPO = 'MicrosoftDocs/azure-compute-docs';

export interface RefreshInputs {
  /** size pages read from a checkout, and the checkout's commit */
  docs?: { pages: SizePage[]; commit: string };
  skus?: Map<string, Sku>;
  archspec?: { json: RefArchspec; commit?: string };
  eol?: Array<{ product: string; cycles: EolCycle[] }>;
  /** the day of the refresh: the new snapshot date and the date the endoflife.date facts were checked */
  today: string;
}

export interface Refreshed {
  ref: Reference;
  notes: string[];
  problems: string[];
}

const strip = (s: string) =>
  s
    .replace(/[®™]/g, '')
    .replace(/Intel@/g, 'Intel')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A processor string not in processor-aliases.json, matched to a known model by spelling or model number. */
function matchProcessor(ref: Reference, raw: string): { model: string; basis: string } | null {
  const same = ref.aliases.find((a) => strip(a.raw) === strip(raw));
  if (same) return { model: same.model, basis: `same model as "${same.raw}"; the printed spelling differs (matched by data:refresh)` };
  const tokens = raw.match(/\b(?:[A-Z]?\d{4}[A-Z0-9]{0,3}|\d[A-Z]\d{2}[A-Z]?)\b/g) ?? [];
  for (const token of tokens) {
    const hits = ref.cpus.filter((c) => new RegExp(`\\b${token}\\b`).test(c.model));
    if (hits.length === 1) return { model: hits[0]!.model, basis: `model number ${token} (matched by data:refresh)` };
  }
  return null;
}

function applyDocs(ref: Reference, docs: NonNullable<RefreshInputs['docs']>, notes: string[], problems: string[]): void {
  const byPath = new Map<string, RefVmSeries[]>();
  for (const s of ref.series) if (s.source.repo === DOCS_REPO) byPath.set(s.source.path, [...(byPath.get(s.source.path) ?? []), s]);

  for (const page of docs.pages) {
    const records = byPath.get(page.path) ?? ref.series.filter((s) => s.series === page.series);
    if (records.length > 1) {
      notes.push(`${page.path}: holds ${records.length} series (${records.map((r) => r.series).join(', ')}); not refreshed from the page`);
      continue;
    }
    if (page.sizes.length === 0) {
      notes.push(`${page.path}: no size table found; not refreshed`);
      continue;
    }
    const includes = page.specs ? [{ repo: DOCS_REPO, path: page.specs.path, commit: docs.commit, date: page.specs.date }] : [];
    const existing = records[0];
    if (!existing) {
      if (!page.processors || !page.arch) {
        problems.push(`${page.path}: new series ${page.series} names no processor or architecture; add it by hand (reference-overrides.ts)`);
        continue;
      }
      ref.series.push({
        series: page.series,
        family: page.family,
        familyQualifier: null,
        arch: page.arch,
        archBasis: 'architecture tag in the processor cell',
        processors: page.processors,
        multipleProcessors: page.processors.length > 1,
        processorSource: 'specs',
        sizes: page.sizes,
        retired: null,
        preview: false,
        source: { repo: DOCS_REPO, path: page.path, commit: docs.commit, date: page.date, includes },
        notes: '',
      });
      ref.generations.series.push({
        series: page.series,
        generations: page.generations,
        generationsComplete: page.generations !== null && page.generations.length === 2,
        basisKind: 'page',
        source: { repo: DOCS_REPO, path: page.path, commit: docs.commit },
        overviewCheck: {},
        notes: page.generations ? [] : ['no VM Generation Support row on the page'],
      });
      notes.push(`${page.path}: new series ${page.series}`);
      continue;
    }
    // an existing series: its sizes, processors and page versions follow the page
    if (page.processors && existing.processorSource !== 'fork-specs') existing.processors = page.processors;
    if (page.processors) existing.multipleProcessors = existing.processors.length > 1;
    const kept = new Map(existing.sizes.map((z) => [z.name, z]));
    const names = new Set(page.sizes.map((z) => z.name));
    existing.sizes = [
      ...page.sizes.map((z) => ({ ...(kept.get(z.name) ?? {}), ...z })),
      // constrained-vCPU sizes come from constrained-vcpu.md, not the series page: kept while their base size is
      ...existing.sizes.filter((z) => z.constrainedFrom && names.has(z.constrainedFrom) && !names.has(z.name)),
    ];
    existing.source = {
      ...existing.source,
      commit: docs.commit,
      date: page.date,
      includes: [...includes, ...(existing.source.includes ?? []).filter((i) => !includes.some((n) => n.path === i.path))],
    };
    const gen = ref.generations.series.find((g) => g.series === existing.series);
    if (gen && page.generations && gen.basisKind === 'page' && gen.source.path === page.path) {
      gen.generations = page.generations;
      gen.generationsComplete = page.generations.length === 2 || gen.generationsComplete;
      gen.source = { ...gen.source, commit: docs.commit };
    }
  }

  // every processor string must map to a known CPU model
  for (const s of ref.series) {
    for (const raw of s.processors) {
      const alias = ref.aliases.find((a) => a.raw === raw);
      if (alias) {
        if (!alias.series.includes(s.series)) alias.series.push(s.series);
        continue;
      }
      const hit = matchProcessor(ref, raw);
      if (hit) {
        ref.aliases.push({ raw, model: hit.model, basis: hit.basis, series: [s.series] });
        notes.push(`${s.series}: "${raw}" read as ${hit.model} (${hit.basis})`);
      } else {
        problems.push(`${s.series}: unknown processor "${raw}": add it to reference/processor-aliases.json (and the model to cpu-models-extra.json)`);
      }
    }
  }
}

function applySkus(ref: Reference, skus: Map<string, Sku>, notes: string[]): void {
  const known = new Set<string>();
  for (const s of ref.series) {
    const gensSeen = new Set<'1' | '2'>();
    let anySku = false;
    for (const z of s.sizes) {
      known.add(z.name);
      const sku = skus.get(z.name);
      if (!sku) continue;
      anySku = true;
      if (sku.vcpus !== null && sku.vcpus !== z.vcpus) {
        notes.push(`${z.name}: vCPUs ${z.vcpus} -> ${sku.vcpus} (list-skus)`);
        z.vcpus = sku.vcpus;
      }
      if (sku.memoryGiB !== null && sku.memoryGiB !== z.memoryGiB) {
        notes.push(`${z.name}: memory ${z.memoryGiB} -> ${sku.memoryGiB} GiB (list-skus)`);
        z.memoryGiB = sku.memoryGiB;
      }
      if (sku.arch && sku.arch !== s.arch) notes.push(`${z.name}: list-skus says ${sku.arch}, the docs ${s.arch} (docs kept; check by hand)`);
      for (const g of sku.generations ?? []) gensSeen.add(g);
    }
    const gen = ref.generations.series.find((g) => g.series === s.series);
    if (anySku && gen && gensSeen.size > 0) {
      const fromSkus = [...gensSeen].sort();
      if (JSON.stringify(fromSkus) !== JSON.stringify(gen.generations)) {
        notes.push(`${s.series}: Hyper-V generations ${JSON.stringify(gen.generations)} -> ${JSON.stringify(fromSkus)} (list-skus)`);
        gen.generations = fromSkus;
        gen.generationsComplete = true;
        gen.notes = [...gen.notes.filter((n) => !/list-skus/.test(n)), 'generations as az vm list-skus reports them (HyperVGenerations)'];
      }
    }
  }
  const unknown = [...skus.keys()].filter((n) => !known.has(n));
  if (unknown.length)
    notes.push(
      `list-skus has ${unknown.length} size(s) in no documented series (not added): ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`,
    );
}

function applyArchspec(ref: Reference, archspec: NonNullable<RefreshInputs['archspec']>, notes: string[], problems: string[]): void {
  ref.archspec = archspec.json;
  // A CPU whose level the new features change is the worst kind of change: report it and stop until
  // someone has checked it and updated the model's "level" in reference/cpu-models*.json.
  const levels = buildLevels(ref);
  for (const m of ref.cpus) {
    if (m.arch !== 'x64') continue;
    let features: string[];
    try {
      features = cpuinfoFeaturesOfNode(ref.archspec, m.microarchitecture, levels.levels[0]!.cpuinfoFlags);
    } catch (e) {
      problems.push(`${m.model}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const level = levelOfFlags([...features, ...(CPU_FEATURE_GAPS[m.model]?.add ?? [])], levels).level;
    if (level !== m.level) {
      problems.push(
        `CPU level changed by archspec: ${m.model} (${m.microarchitecture}): ${m.level ?? 'none'} -> ${level ?? 'none'}; check it, then set "level" in reference/cpu-models*.json`,
      );
    }
  }
  if (!archspec.commit) {
    notes.push('archspec: no --archspec-commit given; CPU sources keep citing the previous commit');
    return;
  }
  const at = (s: { repo?: string; commit?: string }) => {
    if (s.repo === 'archspec/archspec-json') s.commit = archspec.commit;
  };
  for (const c of ref.cpus) c.sources.forEach(at);
  ref.levels.sources.forEach(at);
  notes.push(`archspec: CPU sources now cite commit ${archspec.commit.slice(0, 8)}`);
}

function applyEol(ref: Reference, list: NonNullable<RefreshInputs['eol']>, today: string, notes: string[], problems: string[]): void {
  for (const { product, cycles } of list) {
    const map = EOL_PRODUCTS[product];
    if (!map) {
      problems.push(`endoflife.date product "${product}" is not mapped to a distribution (scripts/refresh/eol.ts EOL_PRODUCTS)`);
      continue;
    }
    const distro = ref.distros.find((d) => d.id === map.distro);
    if (!distro) {
      problems.push(`endoflife.date product "${product}": no distribution ${map.distro} in the reference`);
      continue;
    }
    const url = `https://endoflife.date/${product}`;
    for (const cycle of cycles) {
      const rel = distro.releases.find((r) => cycleMatches(cycle.cycle, renamedVersion(distro.id, r.version)));
      if (!rel) {
        notes.push(`endoflife.date ${product} ${cycle.cycle}: no such release in the data (not added: a release needs its lineage by hand)`);
        continue;
      }
      if (cycle.released && cycle.released !== rel.released) rel.released = cycle.released;
      if (cycle.eol && cycle.eol !== rel.eol) rel.eol = cycle.eol;
      if (cycle.extended) rel.extendedSupport = { name: map.extendedName, until: cycle.extended };
      const what = `endoflife.date ${product} release and end-of-life dates (API read ${today})`;
      rel.sources = [{ url, what, checked: today }, ...rel.sources.filter((s) => s.url !== url)];
    }
  }
}

export function applyRefresh(snapshot: Reference, inputs: RefreshInputs): Refreshed {
  const ref: Reference = structuredClone(snapshot);
  const notes: string[] = [];
  const problems: string[] = [];
  if (inputs.docs) applyDocs(ref, inputs.docs, notes, problems);
  if (inputs.skus) applySkus(ref, inputs.skus, notes);
  if (inputs.archspec) applyArchspec(ref, inputs.archspec, notes, problems);
  if (inputs.eol) applyEol(ref, inputs.eol, inputs.today, notes, problems);
  ref.asOf = inputs.today;
  return { ref, notes, problems };
}
