// Where a release stands today: preview, not yet released, supported (end of life in N days), in an
// extended phase (LTS), or past its end of life (N days ago). Computed from the dates against today.
import type { DistroRelease } from '../../data/schema.js';
import { daysBetween } from '../clock.js';

function inDays(n: number): string {
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  return `in ${n} days`;
}

function agoDays(n: number): string {
  return n === 1 ? 'yesterday' : `${n} days ago`;
}

/** "end of life in 3 days (2026-12-09)", "reached end of life 37 days ago (2026-12-09)" */
export function eolPhrase(eol: string, today: string): string {
  const n = daysBetween(today, eol);
  return n >= 0 ? `end of life ${inDays(n)} (${eol})` : `reached end of life ${agoDays(-n)} (${eol})`;
}

export function statusOf(rel: DistroRelease, today: string): string {
  if (rel.status === 'preview') return 'in preview';
  if (rel.released && rel.released > today) return `not released yet (due ${rel.released}, ${inDays(daysBetween(today, rel.released))})`;
  if (!rel.eol) return 'generally available';
  if (rel.eol >= today) return `generally available; ${eolPhrase(rel.eol, today)}`;
  const ext = rel.extendedSupport;
  if (ext && ext.until >= today) {
    return `regular support ended ${agoDays(daysBetween(rel.eol, today))} (${rel.eol}); ${ext.name} until ${ext.until} (${inDays(daysBetween(today, ext.until))})`;
  }
  if (ext) return `${eolPhrase(ext.until, today)}; regular support ended ${rel.eol}`;
  return eolPhrase(rel.eol, today);
}

/** A release out of support with no single end-of-life date (the sources disagree on the day): the caveat that says
 * so, e.g. Azure Linux 2.0's "… AKS support ended 2025-11-30 …". */
export function endedCaveat(rel: DistroRelease): string | undefined {
  return rel.eol ? undefined : rel.caveats.find((c) => /support ended|ended support|reached end of life|is end of life/i.test(c));
}

/** What a release's end of life is when no date is recorded: the caveat saying it ended, else that none is published. */
export function noEolDate(name: string, rel: DistroRelease): string {
  const ended = endedCaveat(rel);
  return ended ? `${name} is out of support, but no single end-of-life date is recorded: ${ended}` : `No end-of-life date is published for ${name}.`;
}
