// Recent answers, handed out again. A question (with what its thread established, if anything) has
// one answer for as long as the process runs (the knowledge is loaded once and never changes), so a
// repeated question (the same size asked by a whole team, a flood of one command) costs a lookup
// instead of an answer. The key is built by the caller (core/index.ts: the text, then the context).
//
// A question is admitted on its second asking: one asked once and never again (most of a long tail)
// is not frozen or kept, so it costs no more than without a cache and leaves only short-lived garbage.
// Cached answers are shared between callers, so they are frozen, all the way down: a caller that
// wants a changed answer builds a copy ({ ...answer, text }).
import type { Answer } from './answer.js';

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
