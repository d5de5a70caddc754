// Slash commands and autocomplete: interaction -> text grammar -> Handler -> embeds.
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type InteractionReplyOptions,
} from 'discord.js';
import { type Answer, isPrivate, isShareable } from '../../core/index.js';
import type { AdapterLogger, Handler, KeyValueStore, Question } from '../../ports/index.js';
import { autocompleteChoices, type CompleteFn } from './autocomplete.js';
import { toQuestionText } from './grammar.js';
import { renderAnswer } from './render.js';
import { settleWithin } from '../common/deadline.js';
import { NO_MENTIONS, problemReply } from './replies.js';
import { shareRow } from './share.js';
import { placeKey } from './threads.js';

export interface InteractionDeps {
  handler: Handler;
  complete: CompleteFn;
  logger: AdapterLogger;
  deferAfterMs: number;
  /** parks the questions behind Share buttons; without it private answers carry no button */
  store?: KeyValueStore;
}

/** String and boolean options by name, flattened out of a subcommand. */
function optionValues(data: readonly CommandInteractionOption[]): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (const o of data) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) {
      Object.assign(out, optionValues(o.options ?? []));
    } else if (typeof o.value === 'string' || typeof o.value === 'boolean') {
      out[o.name] = o.value;
    }
  }
  return out;
}

function threadKeyOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): string | undefined {
  if (!interaction.channelId) return undefined;
  return placeKey({
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    inThread: interaction.channel?.isThread() ?? false,
  });
}

export async function answerCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const parsed = toQuestionText({
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    options: optionValues(interaction.options.data),
  });
  if (!parsed.ok) {
    await interaction.reply({ ...problemReply(parsed.message), flags: MessageFlags.Ephemeral });
    return;
  }
  const question: Question = {
    platform: 'discord',
    userId: interaction.user.id,
    text: parsed.text,
  };
  const threadKey = threadKeyOf(interaction);
  if (threadKey) question.threadKey = threadKey;

  const started = Date.now();
  const pending = deps.handler(question); // never rejects: a failure is the apology
  // Answer straight away when the handler is quick; otherwise defer (Discord allows 3 s) and edit.
  // The clock starts before the handler is called, in case it does synchronous work up front.
  const early = await settleWithin(pending, Math.max(0, deps.deferAfterMs - (Date.now() - started)));
  if (early) {
    await interaction.reply(await withShare(replyFor(early.value, parsed.public), parsed.text, interaction, deps));
    return;
  }
  await interaction.deferReply(parsed.public ? {} : { flags: MessageFlags.Ephemeral });
  let reply = replyFor(await pending, parsed.public);
  reply = await withShare(reply, parsed.text, interaction, deps);
  const wantsEphemeral = reply.flags === MessageFlags.Ephemeral;
  if (parsed.public && wantsEphemeral) {
    // deferred in public but the answer must stay private: drop the placeholder, answer privately
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(reply);
    return;
  }
  const { flags: _flags, ...edit } = reply;
  await interaction.editReply(edit);
}

/**
 * A private answer worth sharing gets the Share button, except in the DM with the bot (there is no one
 * to share it with). A store that cannot park the question costs the button, not the answer.
 */
async function withShare(
  reply: InteractionReplyOptions,
  question: string,
  interaction: ChatInputCommandInteraction,
  deps: InteractionDeps,
): Promise<InteractionReplyOptions> {
  if (deps.store === undefined || reply.flags !== MessageFlags.Ephemeral || !shareable.has(reply)) return reply;
  if (interaction.context === InteractionContextType.BotDM) return reply;
  try {
    return { ...reply, components: [await shareRow(deps.store, question)] };
  } catch (err) {
    deps.logger.warn({ err }, 'discord: no Share button, the question could not be parked');
    return reply;
  }
}

/** Replies that carry an answer someone else could use (not help, problems or questions back). */
const shareable = new WeakSet<InteractionReplyOptions>();

function replyFor(answer: Answer, shared: boolean): InteractionReplyOptions {
  const ephemeral = isPrivate(answer, shared);
  const reply: InteractionReplyOptions = {
    embeds: renderAnswer(answer),
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
  if (isShareable(answer)) shareable.add(reply);
  return reply;
}

export async function answerAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const filled: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(optionValues(interaction.options.data))) {
    if (typeof value === 'string') filled[name] = value;
  }
  const choices = autocompleteChoices(deps.complete, {
    command: interaction.commandName,
    subcommand: interaction.options.getSubcommand(false),
    focused: focused.name,
    partial: String(focused.value ?? ''),
    options: filled,
  });
  await interaction.respond(choices);
}
