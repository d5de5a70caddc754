// The reference with the curated fact fixes of reference-overrides.ts applied: series the snapshot lacks
// (ADDED_SERIES), processors its pages omit (SERIES_EXTRA_PROCESSORS) and release dates it has wrong or
// lacks (RELEASE_FIXES). Pure: returns a new Reference and says what it changed, what it skipped.
import { ADDED_SERIES, RELEASE_FIXES, SERIES_EXTRA_PROCESSORS, type CuratedRelease } from '../reference-overrides.js';
import { renamedVersion } from './build-distros.js';
import type { Reference } from './types.js';

export interface Curated {
  ref: Reference;
  /** one line per fix that changed something */
  applied: string[];
  /** one line per fix upstream already carries (it can be dropped from reference-overrides.ts) */
  redundant: string[];
}

export function curate(input: Reference): Curated {
  const ref: Reference = structuredClone(input);
  const applied: string[] = [];
  const redundant: string[] = [];

  for (const add of ADDED_SERIES) {
    if (ref.series.some((s) => s.series === add.series.series)) {
      redundant.push(`ADDED_SERIES ${add.series.series}: the reference has it now`);
      continue;
    }
    ref.series.push(structuredClone(add.series) as Reference['series'][number]);
    ref.generations.series.push({
      series: add.series.series,
      generations: [...add.generations],
      generationsComplete: true,
      basisKind: 'page',
      source: { repo: add.series.source.repo, path: add.series.source.path, commit: add.series.source.commit },
      overviewCheck: {},
      notes: [],
    });
    for (const raw of add.series.processors) {
      const alias = ref.aliases.find((a) => a.raw === raw);
      if (!alias) throw new Error(`ADDED_SERIES ${add.series.series}: no processor alias for ${JSON.stringify(raw)}`);
      if (!alias.series.includes(add.series.series)) alias.series.push(add.series.series);
    }
    applied.push(`added series ${add.series.series} (${add.series.sizes.length} sizes) from ${add.series.source.path}`);
  }

  for (const [name, extras] of Object.entries(SERIES_EXTRA_PROCESSORS)) {
    const series = ref.series.find((s) => s.series === name);
    if (!series) throw new Error(`SERIES_EXTRA_PROCESSORS names unknown series ${name}`);
    for (const extra of extras) {
      if (series.processors.includes(extra.raw)) {
        redundant.push(`SERIES_EXTRA_PROCESSORS ${name}: ${extra.raw} is on its page now`);
        continue;
      }
      if (!ref.cpus.some((c) => c.model === extra.model)) throw new Error(`SERIES_EXTRA_PROCESSORS ${name}: unknown CPU model ${extra.model}`);
      series.processors.push(extra.raw);
      series.multipleProcessors = true;
      series.source.includes = [...(series.source.includes ?? []), { ...extra.source }];
      const alias = ref.aliases.find((a) => a.raw === extra.raw);
      if (alias) {
        if (alias.model !== extra.model) throw new Error(`SERIES_EXTRA_PROCESSORS ${name}: ${extra.raw} maps to ${alias.model} already`);
        if (!alias.series.includes(name)) alias.series.push(name);
      } else {
        ref.aliases.push({ raw: extra.raw, model: extra.model, basis: extra.basis, series: [name] });
      }
      applied.push(`${name} may also land on ${extra.model} (${extra.source.path})`);
    }
  }

  const used = new Set<string>();
  for (const d of ref.distros) {
    for (const r of d.releases as CuratedRelease[]) {
      const id = `${d.id}@${renamedVersion(d.id, r.version)}`;
      const fix = RELEASE_FIXES[id];
      if (!fix) continue;
      used.add(id);
      const changed: string[] = [];
      if (fix.released !== undefined && fix.released !== r.released) {
        changed.push(`released ${r.released ?? 'none'} -> ${fix.released ?? 'none'}`);
        r.released = fix.released;
      }
      if (fix.eol !== undefined && fix.eol !== r.eol) {
        changed.push(`end of life ${r.eol ?? 'none'} -> ${fix.eol ?? 'none'}`);
        r.eol = fix.eol;
      }
      if (fix.extendedSupport && JSON.stringify(fix.extendedSupport) !== JSON.stringify(r.extendedSupport ?? null)) {
        changed.push(`${fix.extendedSupport.name} until ${fix.extendedSupport.until}`);
        r.extendedSupport = { ...fix.extendedSupport };
      }
      // the fix's sources first: they back the dates the answers show
      r.sources = [...fix.sources.map((s) => ({ ...s })), ...r.sources.filter((x) => !fix.sources.some((s) => s.url === x.url))];
      const setsDates = fix.released !== undefined || fix.eol !== undefined || fix.extendedSupport !== undefined;
      if (changed.length) applied.push(`${id}: ${changed.join(', ')}`);
      else if (setsDates) redundant.push(`RELEASE_FIXES ${id}: upstream dates agree now (its sources are still added)`);
    }
  }
  for (const id of Object.keys(RELEASE_FIXES)) if (!used.has(id)) throw new Error(`RELEASE_FIXES names unknown release ${id}`);
  return { ref, applied, redundant };
}
