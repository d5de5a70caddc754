// Reads the free-text `retired` field of azure-vm-series.json into {status, date}.
//
// The texts mix several dates: when a retirement was *announced*, when capacity restrictions start,
// when reserved-instance sales ended, and the planned or actual *retirement* date. Only the last one is
// wanted, so each rule names the phrase that introduces it. A text no rule understands stops the import.
// A planned date on or before the data set's as-of date means the series has retired by then: it is
// recorded as retired, with a caveat saying the sources only announced it.

export interface Retirement {
  status: 'announced' | 'retired';
  date: string | null;
}

export interface RetirementReading {
  retirement: Retirement | null;
  caveats: string[];
  /** true when the text cites the lifecycle page (LIFECYCLE_PAGE) */
  citesLifecycle: boolean;
}

const ISO = String.raw`(\d{4}-\d{2}-\d{2})`;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "March 1, 2021" -> "2021-03-01" */
function englishDate(text: string): string | null {
  const m = /\b([A-Z][a-z]+) (\d{1,2}), (\d{4})\b/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
  if (month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

export function readRetirement(text: string | null, asOf: string): RetirementReading {
  if (text === null) return { retirement: null, caveats: [], citesLifecycle: false };
  const citesLifecycle = /lifecycle\/retirements-and-capacity-restrictions\.md|lifecycle table/.test(text);
  const caveats: string[] = [];
  if (/capacity growth restrictions from July 2026/i.test(text)) {
    caveats.push('Under capacity restrictions from July 2026: no new subscriptions and no extra quota for this series.');
  }

  // Not a retirement at all.
  if (/^Previous-gen\b/.test(text) && /no retirement date announced/.test(text)) {
    caveats.push('Listed by Microsoft as a previous-generation series (a newer one is available); no retirement date has been announced.');
    return { retirement: null, caveats, citesLifecycle };
  }
  if (/^Not retired\b/.test(text)) {
    if (/Preview DC-series/.test(text)) caveats.push('Still listed as a capacity-limited preview series in the 2025 previous-generation list.');
    return { retirement: null, caveats, citesLifecycle };
  }
  // Only some sizes retire: the series itself is not retiring.
  const partial = new RegExp(String.raw`^Isolated sizes (.+?) retire ${ISO}`).exec(text);
  if (partial) {
    caveats.push(`Only the isolated sizes ${partial[1]} are due to retire, on ${partial[2]}; the other sizes are not retiring.`);
    return { retirement: null, caveats, citesLifecycle };
  }

  let status: Retirement['status'];
  let date: string | null;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^Retired:? (?:status Retired with retirement date )?${ISO}`).exec(text))) {
    status = 'retired';
    date = m[1]!;
  } else if ((m = new RegExp(String.raw`planned retirement ${ISO}`).exec(text))) {
    status = 'announced';
    date = m[1]!;
  } else if ((m = new RegExp(String.raw`^Retirement (?:on|scheduled) ${ISO}`).exec(text))) {
    status = 'announced';
    date = m[1]!;
  } else if (/planned for retirement in [A-Z][a-z]+ \d{4}/.test(text) && englishDate(text)) {
    status = 'announced';
    date = englishDate(text);
  } else {
    throw new Error(`retirement text not understood: ${JSON.stringify(text)}`);
  }

  if (status === 'announced' && date !== null && date <= asOf) {
    status = 'retired';
    caveats.push(`The sources announced retirement for ${date}; that date has passed, so the series is treated as retired.`);
  }
  return { retirement: { status, date }, caveats, citesLifecycle };
}
