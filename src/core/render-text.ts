// The plain-text rendering every answer carries (terminal, fallbacks, JSON `text`): at most 4,000
// characters. When it must be cut, detail sections go first; the answer, caveats and sources stay.
import type { Answer, Source } from './answer.js';
import { truncate } from './text.js';

export const TEXT_LIMIT = 4000;
const CUT = '\n…(truncated)';
/** Sources cited in the text; the rest stay in the JSON. */
const CITED = 5;

/** A source's date, labelled for what it is: the page's own date, when the fact was checked, or when it was cited unread. */
export function sourceDateLabel(s: Source): string {
  if (s.dated === 'page') return `page dated ${s.asOf}`;
  if (s.dated === 'cited') return `cited ${s.asOf}, not re-read`;
  return `checked ${s.asOf}`;
}

export function renderText(a: Answer): string {
  const head = [a.title, a.summary];
  if (a.facts.length) head.push('', ...a.facts.map((f) => `${f.label}: ${f.value}`));

  const detail: string[] = [];
  for (const s of a.sections) {
    detail.push('', `${s.title}:`);
    if (s.lines) detail.push(...s.lines.map((l) => `  ${l}`));
    if (s.table) detail.push(`  ${s.table.columns.join(' | ')}`, ...s.table.rows.map((r) => `  ${r.join(' | ')}`));
  }

  const tail: string[] = [];
  if (a.caveats.length) tail.push('', 'Caveats:', ...a.caveats.map((c) => `  - ${c}`));
  if (a.suggestions.length && a.kind !== 'clarify' && a.kind !== 'not-found') tail.push('', `Did you mean: ${a.suggestions.join(', ')}`);
  // the few sources that back what is shown (builders put them first); every one stays in the JSON
  const cited = a.sources.slice(0, CITED);
  if (cited.length) tail.push('', 'Sources:', ...cited.map((s) => `  - ${s.title} (${sourceDateLabel(s)}) ${s.url}`));
  if (a.sources.length > CITED) tail.push(`  - … and ${a.sources.length - CITED} more in the answer's JSON \`sources\``);

  const full = [...head, ...detail, ...tail].join('\n').trim();
  if (full.length <= TEXT_LIMIT) return full;

  // Too long: keep the answer and the citations, shorten the detail in between.
  const headText = truncate(head.join('\n').trim(), 1500, '…');
  const tailText = truncate(tail.join('\n'), 1800, CUT);
  const room = TEXT_LIMIT - headText.length - tailText.length - CUT.length - 1;
  const detailText = room > 0 ? truncate(detail.join('\n'), room, CUT) : CUT;
  return truncate(`${headText}\n${detailText}${tailText}`, TEXT_LIMIT, CUT);
}
