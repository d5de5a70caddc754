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
  // Built string by string (no arrays of lines); each part starts each of its lines with "\n".
  const head = headOf(a);
  const detail = detailOf(a);
  const tail = tailOf(a);
  const full = `${head}${detail}${tail}`.trim();
  if (full.length <= TEXT_LIMIT) return full;

  // Too long: keep the answer and the citations, shorten the detail in between.
  const headText = truncate(head.trim(), 1500, '…');
  const tailText = truncate(tail.slice(1), 1800, CUT);
  const room = TEXT_LIMIT - headText.length - tailText.length - CUT.length - 1;
  const detailText = room > 0 ? truncate(detail.slice(1), room, CUT) : CUT;
  return truncate(`${headText}\n${detailText}${tailText}`, TEXT_LIMIT, CUT);
}

/** The title, the answer and its facts. */
function headOf(a: Answer): string {
  let out = `${a.title}\n${a.summary}`;
  if (a.facts.length) {
    out += '\n';
    for (const f of a.facts) out += `\n${f.label}: ${f.value}`;
  }
  return out;
}

/** The detail sections, each line after a "\n". */
function detailOf(a: Answer): string {
  let out = '';
  for (const s of a.sections) {
    out += `\n\n${s.title}:`;
    if (s.lines) for (const l of s.lines) out += `\n  ${l}`;
    if (s.table) {
      out += `\n  ${s.table.columns.join(' | ')}`;
      for (const r of s.table.rows) out += `\n  ${r.join(' | ')}`;
    }
  }
  return out;
}

/** Caveats, "did you mean" and the sources cited, each line after a "\n". */
function tailOf(a: Answer): string {
  let out = '';
  if (a.caveats.length) {
    out += '\n\nCaveats:';
    for (const c of a.caveats) out += `\n  - ${c}`;
  }
  if (a.suggestions.length && a.kind !== 'clarify' && a.kind !== 'not-found') out += `\n\nDid you mean: ${a.suggestions.join(', ')}`;
  // the few sources that back what is shown (builders put them first); every one stays in the JSON
  const cited = Math.min(a.sources.length, CITED);
  if (cited) out += '\n\nSources:';
  for (let i = 0; i < cited; i++) {
    const s = a.sources[i]!;
    out += `\n  - ${s.title} (${sourceDateLabel(s)}) ${s.url}`;
  }
  if (a.sources.length > CITED) out += `\n  - … and ${a.sources.length - CITED} more in the answer's JSON \`sources\``;
  return out;
}
