// The core's public face: ask and complete over the knowledge loaded (and validated) once.
import { loadKnowledge } from '../data/load.js';
import { loadCpuFamilies } from '../data/load-cpu-families.js';
import type { Answer, ConversationContext } from './answer.js';
import { AnswerCache } from './answer-cache.js';
import { askWith, QUERY_ECHO_LIMIT } from './ask.js';
import { errorAnswer as makeErrorAnswer } from './answers/meta.js';
import { renderText } from './render-text.js';
import { setToday, today } from './clock.js';

export { QUERY_ECHO_LIMIT, setToday, today };
export { EXAMPLE_QUESTIONS } from './examples.js';
import { Catalog } from './catalog.js';
import { completeWith, type Choice, type CompleteField, type CompleteOptions } from './complete.js';

export type { Answer, AnswerKind, ConversationContext, Fact, MatrixRow, Section, Source, Verdict } from './answer.js';
export type { Choice, CompleteField, CompleteOptions } from './complete.js';

let shared: Catalog | undefined;

/** The catalog, built on first use from src/data (validation errors surface here, all at once). */
export function catalog(): Catalog {
  if (!shared) {
    const knowledge = loadKnowledge();
    shared = new Catalog(knowledge, loadCpuFamilies(knowledge.levels));
  }
  return shared;
}

const answers = new AnswerCache();

/** Every field of a thread's context, in a fixed order: part of the cache key of a question asked in a thread. */
const CONTEXT_FIELDS = ['distro', 'release', 'size', 'series', 'cpu', 'topic', 'level'] as const satisfies readonly (keyof ConversationContext)[];
// A field added to ConversationContext but not to CONTEXT_FIELDS would make two threads share an answer.
const allFieldsKeyed: Exclude<keyof ConversationContext, (typeof CONTEXT_FIELDS)[number]> extends never ? true : never = true;
void allFieldsKeyed;

/** Today and the text when the thread knows nothing; else also every context field. Today is part of the
 * key because statuses ("end of life in 3 days") are computed against it: yesterday's answer is never served. */
function cacheKey(text: string, context: ConversationContext | undefined): string {
  const day = `${today()}\u0000`;
  if (context === undefined) return day + text;
  let key = day + text;
  let knows = false;
  for (const field of CONTEXT_FIELDS) {
    const value = context[field];
    if (value !== undefined) knows = true;
    key += `\u0000${value ?? ''}`;
  }
  return knows ? key : day + text;
}

/**
 * Answer one question. Pure over in-memory data; never throws for any input. The answer is a function
 * of the text and the thread's context alone, so it is cached and shared: it may come back frozen, so
 * copy it to change it.
 */
export function ask(text: string, context?: ConversationContext): Answer {
  if (typeof text !== 'string') return askWith(catalog(), text, context);
  return answers.answer(cacheKey(text, context), () => askWith(catalog(), text, context));
}

/** An error answer made outside the core (a cooldown, a failure), rendered like every other answer. */
export function errorAnswer(query: string, title: string, summary: string): Answer & { kind: 'error' } {
  const answer = makeErrorAnswer(query.length <= QUERY_ECHO_LIMIT ? query : `${query.slice(0, QUERY_ECHO_LIMIT - 1)}…`, title, summary);
  answer.text = renderText(answer);
  return answer;
}

/** Ranked completions for a partly typed name (at most 25). */
export function complete(field: CompleteField, partial: string, options?: CompleteOptions): Choice[] {
  return completeWith(catalog(), field, partial, options);
}
