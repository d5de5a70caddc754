// "@bot what is azure linux 4 based on?" -> an answer in the same thread or as a reply, with no intent
// beyond Guilds + GuildMessages + DirectMessages: Discord still sends the content of messages that
// mention the bot (and of DMs), so the privileged MessageContent intent is not needed.
import type { Message } from 'discord.js';
import type { AdapterLogger, Handler, KeyValueStore, Question } from '../../ports/index.js';
import { renderAnswer } from './render.js';
import { settleWithin } from '../common/deadline.js';
import { NO_MENTIONS } from './replies.js';
import { messageThreadKey, rememberChain } from './threads.js';

export interface MentionDeps {
  handler: Handler;
  store: KeyValueStore;
  logger: AdapterLogger;
  deferAfterMs: number;
}

const SEEN_TTL_SECONDS = 10 * 60;

/**
 * The message with every mention of the bot removed and whitespace tidied: of its user, and of the
 * roles given (its managed role, which Discord's @-autocomplete offers beside the bot itself).
 */
export function stripMention(content: string, botId: string, roleIds: readonly string[] = []): string {
  const roles = roleIds.length > 0 ? `|<@&(?:${roleIds.join('|')})>` : '';
  return content
    .replace(new RegExp(`<@!?${botId}>${roles}`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ids of the roles this message mentions that are the bot's own managed role (tagged with its id). */
export function botRolesMentioned(message: Message, botId: string): string[] {
  return message.mentions.roles.filter((role) => role.tags?.botId === botId).map((role) => role.id);
}

/**
 * Whether this message is for us: a person (not a bot, webhook or system message) mentioning us, by
 * user or by the bot's managed role, or any DM.
 */
export function isForBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId || message.webhookId || message.system) return false;
  if (!message.inGuild()) return true;
  return message.mentions.users.has(botId) || botRolesMentioned(message, botId).length > 0;
}

export async function answerMention(message: Message, botId: string, deps: MentionDeps): Promise<void> {
  // Discord may deliver an event twice (e.g. across a resume); answer it once, whichever replica sees it.
  // The store is only a helper here: when it fails, answer (a rare double beats certain silence).
  const first = await deps.store.claim(`discord:seen:${message.id}`, SEEN_TTL_SECONDS).catch((err: unknown) => {
    deps.logger.warn({ err }, 'discord: could not claim a message, answering anyway');
    return true;
  });
  if (!first) return;

  const text = stripMention(message.content, botId, botRolesMentioned(message, botId)) || '/azlinux help';
  const place = { guildId: message.guildId, channelId: message.channelId, inThread: message.channel.isThread() };
  const { threadKey, root } = await messageThreadKey(deps.store, place, { id: message.id, repliesTo: message.reference?.messageId ?? null }).catch(
    // without the store the reply chain is unknown: the message starts its own conversation
    () => ({ threadKey: `discord:${place.guildId}:${place.channelId}:${message.reference?.messageId ?? message.id}`, root: null }),
  );
  const question: Question = { platform: 'discord', userId: message.author.id, threadKey, text };

  const pending = deps.handler(question); // never rejects: a failure is the apology
  let settled = await settleWithin(pending, deps.deferAfterMs);
  if (!settled) {
    // slow answer: show "typing…" meanwhile (best effort; it lasts ~10 s)
    if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
    settled = { value: await pending };
  }
  const body = { embeds: renderAnswer(settled.value), allowedMentions: NO_MENTIONS };

  const sent = await message.reply({ ...body, failIfNotExists: false });
  if (root) await rememberChain(deps.store, root, [message.id, sent.id]).catch(() => undefined);
}
