// Questions in plain words: one parse into a question frame (src/core/question/frame.ts), then the
// planner (src/core/question/plan.ts) answers every entity asked about, leaning on the thread.
import type { Answer, ConversationContext } from './answer.js';
import type { Catalog } from './catalog.js';
import { helpAnswer } from './answers/meta.js';
import { namedFollowUp } from './question/follow-up.js';
import { frameOf } from './question/frame.js';
import { plan } from './question/plan.js';

/** Longer than any real question with the output it pastes (a log, an lscpu listing): a paste of something else.
 * The chat adapters keep their own, smaller limits. */
const MAX_QUESTION = 4000;

export function plainWords(catalog: Catalog, query: string, text: string, context: ConversationContext): Answer {
  if (text.length > MAX_QUESTION && !/cpu does not support|illegal instruction|fatal glibc/i.test(text))
    return helpAnswer(
      query,
      undefined,
      `That is ${text.length.toLocaleString('en')} characters and not a flags line or \`ld.so --help\` output; ask one question at a time.`,
    );
  // "v6?", "and 4?": the thread's size or distribution with that version, named
  const asked = context.topic ? namedFollowUp(catalog, text, context) : text;
  return plan(catalog, query, frameOf(catalog, asked), context);
}
