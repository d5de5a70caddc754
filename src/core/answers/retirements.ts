// "Which sizes are being retired?", "which GPU series retire before 2028?", "list retired D-series": the series the
// data records a retirement for, announced or done, dated and cited, narrowed as the question narrows them.
import type { Answer, Section, Source } from '../answer.js';
import type { Catalog, SeriesInfo } from '../catalog.js';
import { listOf } from '../text.js';
import { fact, finish, uniqueSources } from './build.js';
import type { SeriesFilter } from './vendor.js';

export interface RetirementsAsked {
  /** what narrows the list: a brand, a version, a family, the letters of a named series */
  filter: SeriesFilter | null;
  /** only retirements before this date ("before 2029" -> 2029-01-01), exclusive */
  before: string | null;
  /** only retirements on or after this date ("in 2028" -> 2028-01-01) */
  after?: string | null;
  /** only the ones still to come ("being retired", "retiring"), only the ones done ("retired"), or both */
  which: 'coming' | 'done' | 'both';
}

/** "in 2028", "during 2028": the first day of that year, the list's lower bound. */
export function retirementFrom(lower: string): string | null {
  const m = /\b(?:in|during)\s+(\d{4})\b/.exec(lower);
  return m ? `${m[1]}-01-01` : null;
}

/** "before 2029", "by 2028", "until 2027-06-30", "in 2028": the date bound a question puts on a list, exclusive. */
export function retirementBound(lower: string): string | null {
  const m = /\b(before|by|until|till|prior to|ahead of|in)\s+(?:the end of\s+|end of\s+)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b/.exec(lower);
  if (!m) return null;
  const [, word, year, month, day] = m as unknown as [string, string, string, string | undefined, string | undefined];
  if (month) {
    const date = `${year}-${month}-${day ?? '01'}`;
    return word === 'before' || word === 'prior to' || word === 'ahead of' ? date : nextDay(date, !day);
  }
  return word === 'before' || word === 'prior to' || word === 'ahead of' ? `${year}-01-01` : `${Number(year) + 1}-01-01`;
}

/** The day after a date, or the first day of the next month when `month` is set. */
function nextDay(date: string, month: boolean): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (month) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Which retirements the words ask about: "being retired" / "retiring" / "will retire" the coming ones, "retired"
 * alone the done ones, anything else both. */
export function retirementsWhich(lower: string): RetirementsAsked['which'] {
  if (/\b(being retired|retiring|will (?:be )?retire|to be retired|going to (?:be )?retire|upcoming|planned|announced|scheduled|soon)\b/.test(lower))
    return 'coming';
  if (/\b(already retired|were retired|have been retired|has been retired|retired ones?)\b/.test(lower)) return 'done';
  if (/\bretired\b/.test(lower) && !/\bretire(?:ment|s|ing)?\b/.test(lower.replace(/\bretired\b/g, ''))) return 'done';
  return 'both';
}

export function retirementsAnswer(catalog: Catalog, query: string, asked: RetirementsAsked, today: string): Answer {
  const dated = catalog.series.filter((s) => s.record.retirement && (!asked.filter || asked.filter.keep(s)));
  const isDone = (s: SeriesInfo) => s.record.retirement!.status === 'retired' || (s.record.retirement!.date ?? '9999') < today;
  const inBound = (s: SeriesInfo) => {
    const date = s.record.retirement!.date;
    if (!asked.before && !asked.after) return true;
    return date !== null && (!asked.before || date < asked.before) && (!asked.after || date >= asked.after);
  };
  const byDate = (a: SeriesInfo, b: SeriesInfo) => (a.record.retirement!.date ?? '9999').localeCompare(b.record.retirement!.date ?? '9999');
  const coming = asked.which === 'done' ? [] : dated.filter((s) => !isDone(s) && inBound(s)).sort(byDate);
  const done = asked.which === 'coming' ? [] : dated.filter((s) => isDone(s) && inBound(s)).sort((a, b) => byDate(b, a));
  const label = asked.filter ? ` ${asked.filter.label}` : '';
  const oneYear = asked.after && asked.before && asked.before === `${Number(asked.after.slice(0, 4)) + 1}-01-01` ? asked.after.slice(0, 4) : null;
  const bound = oneYear
    ? ` in ${oneYear}`
    : asked.after && asked.before
      ? ` from ${asked.after} to before ${asked.before}`
      : asked.before
        ? ` before ${asked.before}`
        : asked.after
          ? ` from ${asked.after}`
          : '';
  const names = (list: SeriesInfo[]) => list.map((s) => s.record.series);
  const whenList = (list: SeriesInfo[], most = 8) => {
    const shown = list.slice(0, most).map((s) => `${s.record.series} (${s.record.retirement!.date ?? 'no date'})`);
    return list.length > most ? `${shown.join(', ')} and ${list.length - most} more` : listOf(shown);
  };
  const parts: string[] = [];
  // asked for both: the empty one left out, unless both are
  const both = asked.which === 'both';
  if (both && !coming.length && !done.length) parts.push(`No${label} series has a retirement recorded${bound} in the data (as of ${catalog.asOf}).`);
  else if (asked.which !== 'done' && !(both && !coming.length))
    parts.push(
      coming.length
        ? `${coming.length}${label} series ${coming.length === 1 ? 'has its' : 'have their'} retirement announced${bound}: ${whenList(coming)}.`
        : `No${label} series has a retirement announced${bound} in the data (as of ${catalog.asOf}).`,
    );
  if (asked.which !== 'coming' && !(both && !done.length))
    parts.push(
      done.length
        ? `${done.length}${label} series ${done.length === 1 ? 'is' : 'are'} already retired${bound}: ${whenList(done, asked.which === 'done' ? 8 : 5)}.`
        : `No${label} series is retired${bound} in the data (as of ${catalog.asOf}).`,
    );
  const byDay = (list: SeriesInfo[]) => {
    const days = new Map<string, string[]>();
    for (const s of list) {
      const d = s.record.retirement!.date ?? 'no date';
      days.set(d, [...(days.get(d) ?? []), s.record.series]);
    }
    return [...days].map(([d, l]) => `${d}: ${l.join(', ')}`);
  };
  const sections: Section[] = [];
  if (coming.length) sections.push({ title: `Retirement announced (${coming.length}), soonest first`, lines: byDay(coming) });
  if (done.length) sections.push({ title: `Retired (${done.length}), latest first`, lines: byDay(done) });
  const listed = [...coming, ...done];
  return finish({
    kind: 'retirements',
    query,
    title: `Azure${label} series retirements${bound}`,
    summary: parts.join(' '),
    series: names(listed),
    facts: [...fact('Announced', coming.length), ...fact('Retired', done.length), ...fact('Data as of', catalog.asOf)],
    sections,
    caveats: ['Dates are the retirement dates Microsoft announced; a series under capacity restrictions before then takes no new subscriptions or quota.'],
    sources: retirementSources(listed),
    context: { topic: 'retirements' },
  });
}

/** Each listed series' retirement source (the page that announces it), or its own pages when none is titled so. */
function retirementSources(listed: SeriesInfo[]): Source[] {
  const lists: Source[][] = [];
  for (const s of listed) {
    const notices = s.record.sources.filter((src) => /retire|lifecycle|capacity/i.test(src.title));
    lists.push(notices.length ? notices : s.record.sources.slice(0, 1));
  }
  return uniqueSources(...lists);
}
