// The one thing an adapter calls: a platform-neutral question in, an Answer out.
// main.ts builds the handler (core + thread memory + cooldown + logging); adapters only translate.
import type { Answer } from '../core/answer.js';

export type Platform = 'slack' | 'discord' | 'http' | 'console';

export interface Question {
  platform: Platform;
  /** who asked (platform user id); cooldowns are per user */
  userId: string;
  /** stable id of the conversation thread, when there is one (e.g. "slack:C123:1700000000.000100") */
  threadKey?: string;
  /** the question as plain text: "/cpulevel Standard_D4s_v5" or "can I run RHEL 10 on a D2s v3?" */
  text: string;
}

export type Handler = (question: Question) => Promise<Answer>;

/** A running surface (Slack, Discord, HTTP, console) as main.ts sees it. */
export interface Surface {
  readonly name: string;
  /** true once connected to its platform and able to answer */
  isReady(): boolean;
  /** stop taking new work, finish replies in flight, disconnect */
  stop(): Promise<void>;
}
