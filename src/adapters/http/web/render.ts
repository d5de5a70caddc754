// Answer -> HTML, from the same Answer tree every surface renders: the straight answer first (the
// verdict for a compat question), then the facts, the details, the caveats, "did you mean" as links
// that ask again, and the sources linked with their dates. Pure; every piece of text is escaped.
import type { Answer, Section } from '../../../core/index.js';
import { esc, questionHref, safeHref } from './html.js';

const VERDICT_WORD = { yes: 'Yes', no: 'No', depends: 'It depends' } as const;

function section(s: Section): string {
  const lines = s.lines?.length ? `<ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '';
  const table = s.table
    ? `<div class="table"><table><thead><tr>${s.table.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${s.table.rows
        .map((r) => `<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${esc(cell)}</th>` : `<td>${esc(cell)}</td>`)).join('')}</tr>`)
        .join('')}</tbody></table></div>`
    : '';
  return `<section><h3>${esc(s.title)}</h3>${lines}${table}</section>`;
}

export function answerHtml(answer: Answer): string {
  const parts: string[] = [];
  const verdict = answer.kind === 'compat' ? answer.verdict : undefined;
  // The first thing read is the answer itself; for a verdict, the verdict word in its own element.
  parts.push(
    `<p id="verdict" class="summary${verdict ? ` verdict-${verdict}` : ''}">${verdict ? verdictLine(verdict, answer.summary) : esc(answer.summary)}</p>`,
  );
  parts.push(`<h2 id="answer-title">${esc(answer.title)}</h2>`);
  if (answer.facts.length) {
    parts.push(`<dl class="facts">${answer.facts.map((f) => `<div><dt>${esc(f.label)}</dt><dd>${esc(f.value)}</dd></div>`).join('')}</dl>`);
  }
  for (const s of answer.sections) parts.push(section(s));
  if (answer.caveats.length) {
    parts.push(`<section class="caveats"><h3>Caveats</h3><ul>${answer.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul></section>`);
  }
  if (answer.suggestions.length) {
    parts.push(
      `<section class="suggestions"><h3>Did you mean</h3><ul>${answer.suggestions
        .map((s) => `<li><a href="${esc(questionHref(retyped(answer.query, s)))}">${esc(s)}</a></li>`)
        .join('')}</ul></section>`,
    );
  }
  if (answer.sources.length) {
    parts.push(
      `<section class="sources"><h3>Sources</h3><ol>${answer.sources
        .map((s) => {
          const href = safeHref(s.url);
          const title = href ? `<a href="${esc(href)}" rel="noopener noreferrer">${esc(s.title)}</a>` : esc(s.title);
          return `<li>${title} <span class="as-of">(checked <time datetime="${esc(s.asOf)}">${esc(s.asOf)}</time>)</span></li>`;
        })
        .join('')}</ol></section>`,
    );
  }
  return parts.join('\n');
}

/** The summary with its verdict word marked: the core's summary leads with it ("It depends: …"). */
function verdictLine(verdict: keyof typeof VERDICT_WORD, summary: string): string {
  const word = VERDICT_WORD[verdict];
  if (summary.toLowerCase().startsWith(word.toLowerCase())) {
    return `<strong class="verdict">${esc(summary.slice(0, word.length))}</strong>${esc(summary.slice(word.length))}`;
  }
  return `<strong class="verdict">${word}</strong> ${esc(summary)}`;
}

/**
 * The question asked again with a suggestion: a slash command keeps its command and subcommand
 * ("/cpulevel d4s v9" -> "/cpulevel Standard_D4s_v5"); plain words are replaced by the name alone.
 */
function retyped(query: string, suggestion: string): string {
  const command = /^\/(cpulevel|azlinux)(?:\s+(upstream|releases|lineage|compat))?\b/i.exec(query.trim());
  return command ? `${command[0]} ${suggestion}` : suggestion;
}
