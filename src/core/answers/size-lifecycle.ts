// "Is Standard_A1 still available?", "is Dv2 retired?", "when is Av2 end of life?": the lifecycle the data holds for a
// size's series (a retirement, its date, a capacity restriction), said first, or plainly that it holds none.
import type { SeriesInfo } from '../catalog.js';
import type { Target } from '../targets.js';

/** Words that ask about a size's lifecycle. */
export const LIFECYCLE_ASKED =
  /\b(still (?:be )?(?:available|offered|sold|around|supported)|available (?:any ?more|still)|no longer (?:available|offered|sold)|retire[ds]?|retirement|retiring|deprecat\w*|end[- ]of[- ]life|eol|sunset\w*|discontinu\w*|phas(?:e|ed|ing) out|going away|capacity restrict\w*|still (?:deploy|create|provision|use|buy|get|launch|order)\w*|can (?:i|we|you) still|still exists?|exists? any ?more|(?:is|are) (?:it|they|\S+) gone)\b/;

/** The same, in the other languages questions come in: retired, discontinued, still available, when. */
const GONE_ELSEWHERE = /retir[ée]e?s?(?!\w)|retirad[oa]s?|dad[oa] de baja|eingestellt|ausgemustert|abgekündigt|退役|停用|下线|下線|廃止|提供終了|снят|выведен/;
const AVAILABLE_ELSEWHERE = /disponible|verfügbar|还能用|還能用|可用吗|利用可能|使えますか|доступ/;
const WHEN_ELSEWHERE = /什么时候|何时|何時|いつ|cuándo|\bquand\b|\bwann\b|когда/;

/** Which way a yes/no lifecycle question leans: "is it retired?" (yes = gone) or "is it still available?" (yes = there). */
const ASKS_GONE = /\b(retire[ds]?|retiring|deprecat\w*|end[- ]of[- ]life|eol|sunset\w*|discontinu\w*|phas(?:e|ed|ing) out|going away|no longer|gone)\b/;
/** Asks whether it is going ("deprecated?", "being retired?", "will it be retired?"): an announced retirement is a yes. */
const ASKS_GOING = /\b(deprecat\w*|being retired|be retired|going away|phas(?:e|ing) out|sunset\w*)\b|廃止され|abgekündigt/;
const ASKS_WHEN = /\b(when|what date|which date|until when|how long|(?:retirement|end[- ]of[- ]life|eol) date)\b/;

/** Whether the words ask about a size's lifecycle, in English or another language. */
export function asksLifecycle(lower: string): boolean {
  return LIFECYCLE_ASKED.test(lower) || GONE_ELSEWHERE.test(lower) || AVAILABLE_ELSEWHERE.test(lower);
}

/** The lifecycle lead for a size or series, or null when the words do not ask about it. */
export function lifecycleLead(t: Target, lower: string, asOf: string, today: string): string | null {
  if (!asksLifecycle(lower)) return null;
  const s = t.series;
  const r = s.record.retirement;
  const restriction = capacityRestriction(s);
  // lower case after a dash ("Not yet — the Dv2 series …"), upper case when it opens the sentence
  const ofSeries = t.size ? `${t.label} (the ${s.record.series} series)` : `the ${s.record.series} series`;
  const upper = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);
  const gone = r?.status === 'retired' || (r?.date != null && r.date < today);
  const when = (ASKS_WHEN.test(lower) || WHEN_ELSEWHERE.test(lower)) && !/^\W*(is|are|was|has|have|can|could|does|do)\b/.test(lower);
  const askedGone = (ASKS_GONE.test(lower) || GONE_ELSEWHERE.test(lower)) && !/\bstill (?:be )?available\b/.test(lower);
  const more = restriction ? ` ${restriction}` : '';
  if (gone) {
    const line = `${ofSeries} was retired${r?.date ? ` on ${r.date}` : ''}.${more}`;
    return when ? upper(line) : `${askedGone ? 'Yes' : 'No'} — ${line}`;
  }
  if (r) {
    const line = `${ofSeries} is still offered, but its retirement is announced${r.date ? ` for ${r.date}` : ' (no date given)'}.${more}`;
    if (when) return upper(line);
    // "deprecated?": announced; "retired?": not yet; "still available?": yes, for now
    return ASKS_GOING.test(lower) ? `Yes — ${line}` : askedGone ? `Not yet — ${line}` : `Yes, for now — ${line}`;
  }
  const none = `the data (as of ${asOf}) records no retirement for ${ofSeries}${s.record.preview ? '; it is in preview' : ''}.${more}`;
  if (restriction) return `${askedGone || when ? 'No retirement is announced' : 'Restricted'} — ${none}`;
  return when ? `No retirement date: ${none}` : `${askedGone ? 'No' : 'Yes'} — ${none}`;
}

/** The series' capacity restriction, as its caveat states it ("Under capacity restrictions from July 2026: …"). */
function capacityRestriction(s: SeriesInfo): string | null {
  return s.record.caveats.find((c) => /capacity[- ]restrict|capacity-limited/i.test(c)) ?? null;
}
