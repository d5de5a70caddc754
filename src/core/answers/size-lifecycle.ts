// "Is Standard_A1 still available?", "is Dv2 retired?", "when is Av2 end of life?": the lifecycle the data holds for a
// size's series (a retirement, its date, a capacity restriction), said first, or plainly that it holds none.
import type { SeriesInfo } from '../catalog.js';
import type { Target } from '../targets.js';

/** Words that ask about a size's lifecycle. */
export const LIFECYCLE_ASKED =
  /\b(still (?:be )?(?:available|offered|sold|around|supported)|available (?:any ?more|still)|no longer (?:available|offered|sold)|retire[ds]?|retirement|retiring|deprecat\w*|end[- ]of[- ]life|eol|sunset\w*|discontinu\w*|phas(?:e|ed|ing) out|going away|capacity restrict\w*|still (?:deploy|create|provision|use|buy|get|launch|order)\w*|can (?:i|we|you) still|still exists?|exists? any ?more|(?:is|are) (?:it|they|\S+) gone)\b/;

/** Which way a yes/no lifecycle question leans: "is it retired?" (yes = gone) or "is it still available?" (yes = there). */
const ASKS_GONE = /\b(retire[ds]?|retiring|deprecat\w*|end[- ]of[- ]life|eol|sunset\w*|discontinu\w*|phas(?:e|ed|ing) out|going away|no longer|gone)\b/;
const ASKS_WHEN = /\b(when|what date|which date|until when|how long)\b/;

/** The lifecycle lead for a size or series, or null when the words do not ask about it. */
export function lifecycleLead(t: Target, lower: string, asOf: string, today: string): string | null {
  if (!LIFECYCLE_ASKED.test(lower)) return null;
  const s = t.series;
  const r = s.record.retirement;
  const restriction = capacityRestriction(s);
  // lower case after a dash ("Not yet — the Dv2 series …"), upper case when it opens the sentence
  const ofSeries = t.size ? `${t.label} (the ${s.record.series} series)` : `the ${s.record.series} series`;
  const upper = (line: string) => line.charAt(0).toUpperCase() + line.slice(1);
  const gone = r?.status === 'retired' || (r?.date != null && r.date < today);
  const when = ASKS_WHEN.test(lower) && !/^\W*(is|are|was|has|have|can|could|does|do)\b/.test(lower);
  const askedGone = ASKS_GONE.test(lower) && !/\bstill (?:be )?available\b/.test(lower);
  const more = restriction ? ` ${restriction}` : '';
  if (gone) {
    const line = `${ofSeries} was retired${r?.date ? ` on ${r.date}` : ''}.${more}`;
    return when ? upper(line) : `${askedGone ? 'Yes' : 'No'} — ${line}`;
  }
  if (r) {
    const line = `${ofSeries} is still offered, but its retirement is announced${r.date ? ` for ${r.date}` : ' (no date given)'}.${more}`;
    if (when) return upper(line);
    // "deprecated?": announced; "retired?": not yet; "still available?": yes, for now
    return /\bdeprecat/.test(lower) ? `Yes — ${line}` : askedGone ? `Not yet — ${line}` : `Yes, for now — ${line}`;
  }
  const none = `the data (as of ${asOf}) records no retirement for ${ofSeries}${s.record.preview ? '; it is in preview' : ''}.${more}`;
  if (restriction) return `${askedGone || when ? 'No retirement is announced' : 'Restricted'} — ${none}`;
  return when ? `No retirement date: ${none}` : `${askedGone ? 'No' : 'Yes'} — ${none}`;
}

/** The series' capacity restriction, as its caveat states it ("Under capacity restrictions from July 2026: …"). */
function capacityRestriction(s: SeriesInfo): string | null {
  return s.record.caveats.find((c) => /capacity[- ]restrict|capacity-limited/i.test(c)) ?? null;
}
