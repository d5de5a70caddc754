// A stand-in for the core's ask() in unit tests of the service wrapper: deterministic, instant, and
// it remembers a VM size the way the real core's context does, so thread memory can be observed.
import type { Answer, ConversationContext } from '../../../src/core/answer.js';

export function stubAnswer(query: string, over: Partial<Answer> = {}): Answer {
  return {
    kind: 'help',
    query,
    title: 'Stub',
    summary: 'stub answer',
    facts: [],
    sections: [],
    caveats: [],
    suggestions: [],
    sources: [],
    visibility: 'private',
    context: {},
    text: `stub answer to: ${query.slice(0, 100)}`,
    ...over,
  } as Answer;
}

/** Answers with the size it was told, or the one the thread already knew ("and this one?"). */
export function stubAsk(text: string, context?: ConversationContext): Answer {
  const size = /Standard_\w+/.exec(text)?.[0] ?? context?.size;
  return stubAnswer(text, {
    text: size ? `size ${size}` : `no size in: ${text.slice(0, 100) || '(empty)'}`,
    context: size ? { size } : {},
  });
}
