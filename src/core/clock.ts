// Today's date, against which release dates are judged ("end of life in 3 days"). The real UTC date,
// unless fixed for a run (AZLINUX_TODAY, parsed with the configuration, then setToday): tests and
// reproducing a report. Answers depend on it, so the answer cache keys on it too (core/index.ts).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The YYYY-MM-DD of a real calendar day, or null ("2026-02-30", "tomorrow", "2026-1-5" are not). */
export function parseIsoDay(value: string): string | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? m.slice(1).join('-') : null;
}

let fixed: string | undefined;

/** Fix today for this process (undefined: back to the real date). Throws on anything but a real YYYY-MM-DD. */
export function setToday(day: string | undefined): void {
  if (day === undefined) {
    fixed = undefined;
    return;
  }
  const parsed = parseIsoDay(day);
  if (!parsed) throw new Error(`not a YYYY-MM-DD calendar date: ${JSON.stringify(day)}`);
  fixed = parsed;
}

/** The real date last computed, and the span of epoch milliseconds (that UTC day) it holds for. */
let realDay = '';
let dayStarts = 0;
let dayEnds = 0;

/** Today as YYYY-MM-DD (UTC). The real date is worked out once per day, not on every call. */
export function today(now?: Date): string {
  if (fixed !== undefined) return fixed;
  if (now !== undefined) return now.toISOString().slice(0, 10);
  const t = Date.now();
  if (t < dayStarts || t >= dayEnds) {
    dayStarts = t - (t % 86_400_000);
    dayEnds = dayStarts + 86_400_000;
    realDay = new Date(dayStarts).toISOString().slice(0, 10);
  }
  return realDay;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
