// Recent answers, handed out again. A question (with what its thread established, if anything) has
// one answer for as long as the process runs (the knowledge is loaded once and never changes), so a
// repeated question (the same size asked by a whole team, a flood of one command) costs a lookup
// instead of an answer. The key is today, the text, then every field of the thread's context (cacheKey).
//
// A question is admitted on its second asking: one asked once and never again (most of a long tail)
// is not frozen or kept, so it costs no more than without a cache and leaves only short-lived garbage.
// Cached answers are shared between callers, so they are frozen, all the way down: a caller that
// wants a changed answer builds a copy ({ ...answer, text }).
import { type Answer, type ConversationContext, today } from '../core/index.js';
import type { AskFn } from './conversation.js';

/** Answers kept (least recently used goes first): a few MB at most. */
export const ANSWER_CACHE_SIZE = 256;
/** Longer keys (pasted flags lines, ld.so output) are answered afresh: they rarely repeat. */
export const MAX_CACHED_QUESTION = 300;
/** Questions remembered as asked once, waiting for a second asking (forgotten all at once when full). */
const SEEN_SIZE = 4 * ANSWER_CACHE_SIZE;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

export class AnswerCache {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  private readonly entries = new Map<string, Answer>();
  private readonly seen = new Set<string>();

  constructor(readonly capacity = ANSWER_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached answer to `question`, or `answer()`'s (frozen and kept from the question's second asking). */
  answer(question: string, answer: () => Answer): Answer {
    if (question.length > MAX_CACHED_QUESTION) return answer();
    const hit = this.entries.get(question);
    if (hit !== undefined) {
      this.entries.delete(question);
      this.entries.set(question, hit);
      return hit;
    }
    if (!this.seen.has(question)) {
      if (this.seen.size >= SEEN_SIZE) this.seen.clear();
      this.seen.add(question);
      return answer();
    }
    this.seen.delete(question);
    const fresh = deepFreeze(answer());
    this.entries.set(question, fresh);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return fresh;
  }
}

/** Every field of a thread's context, in a fixed order: part of the cache key of a question asked in a thread. */
const CONTEXT_FIELDS = ['distro', 'release', 'size', 'series', 'cpu', 'topic', 'level'] as const satisfies readonly (keyof ConversationContext)[];
// A field added to ConversationContext but not to CONTEXT_FIELDS would make two threads share an answer.
const allFieldsKeyed: Exclude<keyof ConversationContext, (typeof CONTEXT_FIELDS)[number]> extends never ? true : never = true;
void allFieldsKeyed;

/** Today and the text when the thread knows nothing; else also every context field. Today is part of the
 * key because statuses ("end of life in 3 days") are computed against it: yesterday's answer is never served. */
export function cacheKey(text: string, context: ConversationContext | undefined): string {
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
 * `ask` behind a cache: the answer is a function of the text and the thread's context alone (the core is
 * pure over data loaded once), so it is shared. It may come back frozen: copy it to change it.
 */
export function cachedAsk(ask: AskFn, cache = new AnswerCache()): AskFn {
  return (text, context) => (typeof text !== 'string' ? ask(text, context) : cache.answer(cacheKey(text, context), () => ask(text, context)));
}
