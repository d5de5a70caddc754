// Completion of a question as typed (the web page's ask box, the console's Tab): the last word typed,
// completed as a size, a distro or a CPU model by the core's completer, and put back into the
// question. At most MAX_SUGGESTIONS, each a whole question.
import type { CompleteField } from '../core/index.js';
import type { CompleteFn } from '../ports/index.js';

export type { CompleteFn };

export const MAX_SUGGESTIONS = 8;
const FIELDS: readonly CompleteField[] = ['size', 'distro', 'cpu'];
/** A typed word shorter than this completes to too much to be useful. */
const MIN_PARTIAL = 2;

export function questionCompletions(text: string, complete: CompleteFn): string[] {
  const typed = text.slice(0, 200);
  const match = /(\S+)$/.exec(typed);
  if (!match || match[1]!.length < MIN_PARTIAL || match[1]!.startsWith('/')) return [];
  const partial = match[1]!;
  const head = typed.slice(0, match.index);
  const out = new Set<string>();
  // Each field gets its share first, so sizes cannot crowd out a distro that matches too.
  const perField = FIELDS.map((field) => complete(field, partial, { limit: MAX_SUGGESTIONS }));
  for (let i = 0; i < MAX_SUGGESTIONS && out.size < MAX_SUGGESTIONS; i += 1) {
    for (const choices of perField) {
      const choice = choices[i];
      if (choice && out.size < MAX_SUGGESTIONS) out.add(`${head}${choice.value}`);
    }
  }
  return [...out];
}
