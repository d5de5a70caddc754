// The one thing an adapter calls: a platform-neutral question in, an Answer out. The service builds the
// handler (thread memory, cooldown, logging, the core's answer); adapters only translate.
import { type Answer, errorAnswer } from '../core/index.js';

export type Platform = 'slack' | 'discord' | 'http' | 'console';

export interface Question {
  platform: Platform;
  /** who asked (platform user id); cooldowns are per user */
  userId: string;
  /** stable id of the conversation thread, when there is one (e.g. "slack:C123:1700000000.000100") */
  threadKey?: string;
  /** the question as plain text, platform syntax (a mention of the bot) already removed by the adapter */
  text: string;
}

export type Handler = (question: Question) => Promise<Answer>;

/** An answer the service itself gives (a flood warning, an apology): transports pick a status from `code`. */
export type ServiceAnswer = Answer & { kind: 'error'; code: 'cooldown' | 'internal'; ref?: string; retryAfterSeconds?: number };

export function isServiceAnswer(answer: Answer): answer is ServiceAnswer {
  return answer.kind === 'error' && 'code' in answer;
}

/**
 * The one apology: what a question gets when answering it failed (the service's handler catches the
 * failure and logs it under `ref`; an adapter handed a handler that throws does the same).
 */
export function apologyAnswer(query: string, ref: string): ServiceAnswer {
  const summary = `Sorry, something went wrong on my side while answering. It has been logged; if it keeps happening, quote reference ${ref}.`;
  return { ...errorAnswer(query, 'Something went wrong', summary), code: 'internal', ref };
}
