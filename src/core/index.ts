// The core's public face: ask and complete over the knowledge loaded (and validated) once.
import { projectVersion } from '../data/version.js';
import { loadStamped } from '../data/stamp.js';
import type { Answer, ConversationContext } from './answer.js';
import { askWith, QUERY_ECHO_LIMIT } from './ask.js';
import { errorAnswer as makeErrorAnswer } from './answers/meta.js';
import { renderText } from './render-text.js';
import { setToday, today } from './clock.js';

export { QUERY_ECHO_LIMIT, setToday, today };
export { sourceDateLabel, TEXT_LIMIT } from './render-text.js';
export { truncate } from './text.js';
export { toJson } from './answer.js';
export { EXAMPLE_QUESTIONS } from './examples.js';
import { Catalog } from './catalog.js';
import { completeWith, type Choice, type CompleteField, type CompleteOptions } from './complete.js';

export type { Answer, AnswerKind, ConversationContext, Fact, MatrixRow, Section, Source, Verdict } from './answer.js';
export type { Choice, CompleteField, CompleteOptions } from './complete.js';
export { ALWAYS_PRIVATE_KINDS, isPrivate, isShareable } from './policy.js';

let shared: Catalog | undefined;

// The tables as the build validated them (their hash is the one it stamped), or else their full
// validation, which loads zod and the checks: only then (tests, a source checkout, an edited table).
const stamped = loadStamped(projectVersion());
const validating = stamped ? undefined : { ...(await import('../data/load.js')), ...(await import('../data/load-cpu-families.js')) };

/** The catalog, built on first use from src/data (validation errors surface here, all at once). */
export function catalog(): Catalog {
  if (!shared) {
    if (stamped) shared = new Catalog(stamped.knowledge, stamped.families);
    else {
      const knowledge = validating!.loadKnowledge();
      shared = new Catalog(knowledge, validating!.loadCpuFamilies(knowledge.levels));
    }
  }
  return shared;
}

/**
 * Answer one question. Pure over in-memory data; never throws for any input. The answer is a function
 * of the text and the thread's context alone (the service caches it: src/service/answer-cache.ts).
 */
export function ask(text: string, context?: ConversationContext): Answer {
  return askWith(catalog(), text, context);
}

/** An error answer made outside the core (a cooldown, a failure), rendered like every other answer. */
export function errorAnswer(query: string, title: string, summary: string): Answer & { kind: 'error' } {
  const answer = makeErrorAnswer(query.length <= QUERY_ECHO_LIMIT ? query : `${query.slice(0, QUERY_ECHO_LIMIT - 1)}…`, title, summary);
  answer.text = renderText(answer);
  return answer;
}

/** Ranked completions for a partly typed name (25 unless `options.limit` says otherwise). */
export function complete(field: CompleteField, partial: string, options?: CompleteOptions): Choice[] {
  return completeWith(catalog(), field, partial, options);
}
