// The core's public face: ask and complete over the knowledge loaded (and validated) once.
import { loadKnowledge } from '../data/load.js';
import type { Answer, ConversationContext } from './answer.js';
import { askWith } from './ask.js';
export { QUERY_ECHO_LIMIT } from './ask.js';
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

/** Answer one question. Pure over in-memory data; never throws for any input. */
export function ask(text: string, context?: ConversationContext): Answer {
  return askWith(catalog(), text, context);
}

/** Ranked completions for a partly typed name (at most 25). */
export function complete(field: CompleteField, partial: string, options?: CompleteOptions): Choice[] {
  return completeWith(catalog(), field, partial, options);
}
