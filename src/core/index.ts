// The core's public face: ask and complete over the knowledge loaded (and validated) once.
import { loadKnowledge } from '../data/load.js';
import type { Answer, ConversationContext } from './answer.js';
import { AnswerCache } from './answer-cache.js';
import { askWith, QUERY_ECHO_LIMIT } from './ask.js';
import { errorAnswer as makeErrorAnswer } from './answers/meta.js';
import { renderText } from './render-text.js';

export { QUERY_ECHO_LIMIT };
import { Catalog } from './catalog.js';
import { completeWith, type Choice, type CompleteField, type CompleteOptions } from './complete.js';

export type { Answer, AnswerKind, ConversationContext, Fact, Section, Source, Verdict } from './answer.js';
export type { Choice, CompleteField, CompleteOptions } from './complete.js';

let shared: Catalog | undefined;

/** The catalog, built on first use from src/data (validation errors surface here, all at once). */
export function catalog(): Catalog {
  shared ??= new Catalog(loadKnowledge());
  return shared;
}

const answers = new AnswerCache();

function knowsSomething(context: ConversationContext | undefined): boolean {
  for (const key in context) if (context[key as keyof ConversationContext] !== undefined) return true;
  return false;
}

/**
 * Answer one question. Pure over in-memory data; never throws for any input. An answer given without
 * thread context is cached and shared, so it comes back frozen: copy it to change it.
 */
export function ask(text: string, context?: ConversationContext): Answer {
  if (typeof text !== 'string' || knowsSomething(context)) return askWith(catalog(), text, context);
  return answers.answer(text, () => askWith(catalog(), text));
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
