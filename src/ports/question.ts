// The one thing an adapter calls: a platform-neutral question in, an Answer out. The service builds the
// handler (thread memory, cooldown, logging, the core's answer); adapters only translate.
import type { Answer } from '../core/answer.js';

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
