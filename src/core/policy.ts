// Who sees an answer: the one rule every platform applies. Help, problems and questions back are for
// the asker alone, whatever was asked; any other answer is shared when the asker said so (the word
// `public` at the end, which the core reads into `visibility`, or a platform's own switch).
import type { Answer, AnswerKind } from './answer.js';

/** Kinds only the asker ever sees: never posted in a channel, never given a Share button. */
export const ALWAYS_PRIVATE_KINDS: ReadonlySet<AnswerKind> = new Set<AnswerKind>(['help', 'error', 'not-found', 'clarify']);

/** Could this answer be shared with a channel (a Share button)? */
export function isShareable(answer: Pick<Answer, 'kind'>): boolean {
  return !ALWAYS_PRIVATE_KINDS.has(answer.kind);
}

/**
 * Only the asker sees it: an always-private kind, or nobody asked for it to be shared. `sharedByAsker`
 * is a platform's switch (Discord's `public` option) that says what the word says.
 */
export function isPrivate(answer: Pick<Answer, 'kind' | 'visibility'>, sharedByAsker = false): boolean {
  return ALWAYS_PRIVATE_KINDS.has(answer.kind) || !(sharedByAsker || answer.visibility === 'public');
}
