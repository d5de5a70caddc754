// Small helpers every answer builder shares.
import type { Answer, Fact, Source } from '../answer.js';
import type { Catalog, CpuInfo, SeriesInfo } from '../catalog.js';
import type { DistroRelease, Distro } from '../../data/schema.js';
import { joinMapped, mapped } from '../text.js';

/** Everything optional in an answer, defaulted; the builder names kind, title and summary. */
type Optional = 'facts' | 'sections' | 'caveats' | 'suggestions' | 'sources' | 'visibility' | 'context';
export type Draft = (Answer extends infer A ? (A extends Answer ? Omit<A, Optional | 'text'> : never) : never) & Partial<Pick<Answer, Optional>>;

export function finish(draft: Draft): Answer {
  // the defaults first, in this order (the JSON's key order), each made only when the draft has none; then the
  // draft's own keys copied over them (Object.assign: V8 copies a plain object's properties on its fast path, where
  // an object literal with a spread after other keys takes the generic one)
  const answer: Record<string, unknown> = {
    facts: draft.facts ?? [],
    sections: draft.sections ?? [],
    caveats: draft.caveats ?? [],
    suggestions: draft.suggestions ?? [],
    sources: draft.sources ?? [],
    visibility: draft.visibility ?? 'private',
    context: draft.context ?? {},
  };
  Object.assign(answer, draft);
  answer['text'] = '';
  return answer as unknown as Answer;
}

export function fact(label: string, value: string | number | null | undefined): Fact[] {
  return value === null || value === undefined || value === '' ? [] : [{ label, value: String(value) }];
}

/** fact() pushed onto `out`: a long list of facts without a list and a spread per fact (each spread an iteration
 * that TurboFan compiles into the builder). */
export function pushFact(out: Fact[], label: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') out.push({ label, value: String(value) });
}

export function uniqueSources(...lists: ReadonlyArray<readonly Source[]>): Source[] {
  const out: Source[] = [];
  // most answers cite a few sources: the ones kept are compared directly, a set made only for a long list
  let seen: Set<string> | undefined;
  for (const list of lists) {
    for (const s of list) {
      if (seen) {
        if (seen.has(s.url)) continue;
        seen.add(s.url);
      } else if (keeps(out, s.url)) continue;
      else if (out.length === SHORT_LIST) seen = new Set([...mapped(out, (x) => x.url), s.url]);
      out.push(s);
    }
  }
  return out;
}

/** How many sources uniqueSources compares one by one before it keeps a set of their addresses. */
const SHORT_LIST = 8;

function keeps(out: readonly Source[], url: string): boolean {
  for (let i = 0; i < out.length; i++) if (out[i]!.url === url) return true;
  return false;
}

export function levelSources(catalog: Catalog): Source[] {
  return catalog.levels.sources.slice(0, 1);
}

export function cpuLabel(cpu: CpuInfo): string {
  const lvl = cpu.model.arch === 'Arm64' ? (cpu.model.armArch ?? 'Arm64') : (cpu.level ?? 'below x86-64-v1');
  return `${cpu.model.model} (${cpu.model.codename}): ${lvl}`;
}

/** What a processor's codename adds after its name: all of it, or only what the name does not already say
 * ("AMD EPYC 9004 (Genoa) - model not stated" with "Genoa (Zen 4)": "Zen 4"), or null when the name says it all. */
export function codenameBeside(model: string, codename: string): string | null {
  const head = codename.replace(/\s*\([^()]*\)$/, '');
  // "Haswell-EP" after "… (Haswell) - model not stated": the name says it
  if (!model.includes(head.split(/[\s-]/)[0]!)) return codename;
  const inner = /\(([^()]*)\)$/.exec(codename)?.[1];
  // "(Xeon E5 v3 family)" after "Intel Xeon E5 v3 …": so does the name
  return inner && !model.includes(inner.replace(/\s+family$/, '')) ? inner : null;
}

/** "Intel Xeon E5-2673 v3 (Haswell-EP)": a processor's name with its codename, said once. */
export function withCodename(model: string, codename: string): string {
  const beside = codenameBeside(model, codename);
  return beside ? `${model} (${beside})` : model;
}

/** The series' own pages, then where its processors' features come from (archspec, not other size pages).
 * Worked out once per series (callers copy it: uniqueSources). */
export function seriesCpuSources(series: SeriesInfo): readonly Source[] {
  let sources = cpuSourcesOf.get(series);
  if (!sources) {
    sources = uniqueSources(series.record.sources, ...series.cpus.map((c) => c.model.sources.filter((s) => /archspec/.test(s.url))));
    cpuSourcesOf.set(series, sources);
  }
  return sources;
}
const cpuSourcesOf = new WeakMap<SeriesInfo, Source[]>();

export function generationsText(gens: number[] | null, complete = true): string {
  if (!gens || gens.length === 0) return 'not stated in the docs';
  const t = joinMapped(gens, (g) => `Gen ${g}`, ' and ');
  return complete ? t : `${t} (the other generation is not stated)`;
}

export function releaseLabel(distro: Distro, release: DistroRelease | null): string {
  return release ? `${distro.name} ${release.version}` : distro.name;
}

/** "Dsv3", but "the D series" where the bare name would read as a letter. */
export function seriesName(series: SeriesInfo): string {
  const name = series.record.series;
  return /\d/.test(name) ? name : `the ${name} series`;
}
