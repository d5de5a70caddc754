// The plain-text rendering every answer carries (terminal, fallbacks, JSON `text`): at most 4,000 characters.
import type { Answer } from './answer.js';
import { truncate } from './text.js';

export const TEXT_LIMIT = 4000;

export function renderText(a: Answer): string {
  const out: string[] = [a.title, a.summary];
  if (a.facts.length) out.push('', ...a.facts.map((f) => `${f.label}: ${f.value}`));
  for (const s of a.sections) {
    out.push('', `${s.title}:`);
    if (s.lines) out.push(...s.lines.map((l) => `  ${l}`));
    if (s.table) {
      out.push(`  ${s.table.columns.join(' | ')}`);
      out.push(...s.table.rows.map((r) => `  ${r.join(' | ')}`));
    }
  }
  if (a.caveats.length) out.push('', 'Caveats:', ...a.caveats.map((c) => `  - ${c}`));
  if (a.suggestions.length && a.kind !== 'clarify' && a.kind !== 'not-found') out.push('', `Did you mean: ${a.suggestions.join(', ')}`);
  if (a.sources.length) out.push('', 'Sources:', ...a.sources.map((s) => `  - ${s.title} (checked ${s.asOf}) ${s.url}`));
  const text = out.join('\n').trim();
  return truncate(text, TEXT_LIMIT, '\n…(truncated)');
}
