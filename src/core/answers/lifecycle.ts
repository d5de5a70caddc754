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
