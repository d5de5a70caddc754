// Thread memory: a follow-up in the same thread inherits what the thread already established.
import type { Answer, ConversationContext } from '../core/index.js';
import { THREAD_TTL_SECONDS, type KeyValueStore } from '../ports/store.js';

export { THREAD_TTL_SECONDS };

export type AskFn = (text: string, context?: ConversationContext) => Answer;

/** Answer `text` in the thread `threadKey`, leaning on and then updating what the thread knows. */
export async function askInThread(ask: AskFn, store: KeyValueStore, threadKey: string | undefined, text: string): Promise<Answer> {
  if (!threadKey) return ask(text);
  const key = `thread:${threadKey}`;
  const known = (await store.get<ConversationContext>(key)) ?? {};
  const answer = ask(text, known);
  if (Object.keys(answer.context).length > 0) {
    await store.set(key, { ...known, ...answer.context }, THREAD_TTL_SECONDS);
  }
  return answer;
}
