// Small pieces every reply shares: no pings, a problem message, a "did it settle in time" race, the logger shape.
import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import { EMBED_LIMITS } from './limits.js';
import { neutraliseMentions, truncate } from './text.js';

/** Sent on every reply: nothing typed by anyone, and no reply ping, can notify anybody. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false }) as MessageMentionOptions;

/** pino-compatible: (object, message). */
export interface DiscordLogger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

export const silentLogger: DiscordLogger = { info() {}, warn() {}, error() {} };

const PROBLEM_COLOUR = 0x6b7280;

/** A short problem notice as an embed (usage mistakes, failures). */
export function problemReply(message: string): { embeds: APIEmbed[]; allowedMentions: MessageMentionOptions } {
  return {
    embeds: [{ description: truncate(neutraliseMentions(message), EMBED_LIMITS.description), color: PROBLEM_COLOUR }],
    allowedMentions: NO_MENTIONS,
  };
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The promise's outcome if it settles within `ms`, else undefined (the promise keeps running). */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<Settled<T> | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled<T> => ({ ok: true, value }),
        (error: unknown): Settled<T> => ({ ok: false, error }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
