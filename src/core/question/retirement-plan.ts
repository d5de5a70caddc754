// "Which sizes are being retired?", "which D-series sizes retire before 2029?", "list retired GPU series": a list of
// retirements, when a question asks for one rather than about one size or series.
import type { Answer } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import { retirementBound, retirementFrom, retirementsAnswer, retirementsWhich } from '../answers/retirements.js';
import { asksLifecycle } from '../answers/size-lifecycle.js';
import { type SeriesFilter, seriesFilter } from '../answers/vendor.js';
import { today } from '../clock.js';
import type { Frame } from './frame.js';

/** "which … sizes", "list … series", "any … VMs": a question after several machines. */
const ASKS_LIST =
  /\b(which|what|list|show|all|any|every)\b[^.?!]{0,40}\b(sizes|series|skus|vms|machines|instances|families|ones)\b|\b(sizes|series|skus|vms)\b[^.?!]{0,20}\b(list|which)\b/;

/** The retirements answer, or null when the question is not a list of them. */
export function retirementList(catalog: Catalog, query: string, f: Frame): Answer | null {
  if (!asksLifecycle(f.lower) || !/retir|deprecat|end[- ]of[- ]life|\beol\b|sunset|phas(?:e|ed|ing) out/.test(f.lower)) return null;
  if (!ASKS_LIST.test(f.lower) || f.e.sizes.length || f.releases.length || f.e.distros.length || f.e.cpus.length) return null;
  // "is Dv2 being retired?": one series asked about, not a list
  if (f.targets.length === 1 && /^\W*(is|are|was|will|has|does)\b/.test(f.lower) && !/\b(any|which|what)\b/.test(f.lower)) return null;
  const named = namedLetters(f.targets.map((t) => t.series));
  const words = seriesFilter(catalog, f.lower);
  const filter: SeriesFilter | null =
    named && words ? { label: `${named.label} ${words.label}`, keep: (s) => named.keep(s) && words.keep(s) } : (named ?? words);
  return retirementsAnswer(
    catalog,
    query,
    { filter, before: retirementBound(f.lower), after: retirementFrom(f.lower), which: retirementsWhich(f.lower) },
    today(),
  );
}

/** The series a question names, as a filter: a name without a version ("D-series", "NC") keeps every series of those
 * letters (Dv2, Dsv3, Dasv5, "D (11-14)", not DCsv2); a name with one keeps that series. */
function namedLetters(series: SeriesInfo[]): SeriesFilter | null {
  if (!series.length) return null;
  const names = [...new Set(series.map((s) => s.record.series))];
  const keepOne = (name: string) =>
    /\d/.test(name)
      ? (s: SeriesInfo) => s.record.series === name
      : (s: SeriesInfo) => s.record.series.startsWith(name) && !/^[A-Z]/.test(s.record.series.slice(name.length));
  const keeps = names.map(keepOne);
  return { label: names.map((n) => (/\d/.test(n) ? n : `${n}-family`)).join(', '), keep: (s) => keeps.some((k) => k(s)) };
}
