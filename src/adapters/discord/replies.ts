// Small pieces every reply shares: no pings, a problem message, the logger shape.
import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import type { AdapterLogger } from '../../ports/index.js';
import { EMBED_LIMITS } from './limits.js';
import { neutraliseMentions, truncate } from './text.js';

/** Sent on every reply: nothing typed by anyone, and no reply ping, can notify anybody. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false }) as MessageMentionOptions;

export const silentLogger: AdapterLogger = { info() {}, warn() {}, error() {} };

const PROBLEM_COLOUR = 0x6b7280;

/** A short problem notice as an embed (usage mistakes, failures). */
export function problemReply(message: string): { embeds: APIEmbed[]; allowedMentions: MessageMentionOptions } {
  return {
    embeds: [{ description: truncate(neutraliseMentions(message), EMBED_LIMITS.description), color: PROBLEM_COLOUR }],
    allowedMentions: NO_MENTIONS,
  };
}
