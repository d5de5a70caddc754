// The "Share in channel" button, with the semantics Slack's has: a private answer carries it; pressing
// it asks the question again as the person who pressed it and posts that answer for everyone, crediting
// them, and the button leaves the private copy. A share happens once: the first press claims it in the
// store (shared between replicas), later presses are told it is done.
//
// A custom_id holds at most 100 characters, too few for a question (a pasted flags line), so the button
// carries a key and the question waits in the store.
import { randomUUID } from 'node:crypto';
import { ButtonStyle, ComponentType, MessageFlags, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction } from 'discord.js';
import { isShareable } from '../../core/index.js';
import type { AdapterLogger, Handler, KeyValueStore } from '../../ports/index.js';
import { renderAnswer } from './render.js';
import { NO_MENTIONS, problemReply } from './replies.js';

export const SHARE_PREFIX = 'azlinux_share:';
/** A private answer can be shared for a day (Slack's share button lives as long). */
export const SHARE_TTL_SECONDS = 24 * 60 * 60;

const questionKey = (id: string) => `discord:share:${id}`;
const claimKey = (id: string) => `discord:share:done:${id}`;

/** Park the question and return the button row that shares its answer. */
export async function shareRow(store: KeyValueStore, question: string): Promise<APIActionRowComponent<APIButtonComponent>> {
  const id = randomUUID();
  await store.set(questionKey(id), question, SHARE_TTL_SECONDS);
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Share in channel', custom_id: `${SHARE_PREFIX}${id}` }],
  };
}

export interface ShareDeps {
  handler: Handler;
  store: KeyValueStore;
  logger: AdapterLogger;
}

const ephemeral = (message: string) => ({ ...problemReply(message), flags: MessageFlags.Ephemeral as const });

export async function answerShare(interaction: ButtonInteraction, deps: ShareDeps): Promise<void> {
  const id = interaction.customId.slice(SHARE_PREFIX.length);
  const question = id ? await deps.store.get<string>(questionKey(id)) : undefined;
  if (question === undefined) {
    await interaction.reply(ephemeral('That answer can no longer be shared; please ask again.'));
    return;
  }
  if (!(await deps.store.claim(claimKey(id), SHARE_TTL_SECONDS))) {
    await interaction.reply(ephemeral('That answer has already been shared.'));
    return;
  }
  // Acknowledge at once (the answer may take longer than Discord's 3 s), then answer.
  await interaction.deferUpdate();
  const answer = await deps.handler({ platform: 'discord', userId: interaction.user.id, text: question });
  if (!isShareable(answer)) {
    // e.g. a cooldown on the re-ask: tell the presser, post nothing for everyone
    await interaction.followUp({ embeds: renderAnswer(answer), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.followUp({ content: `Shared by <@${interaction.user.id}>`, embeds: renderAnswer(answer), allowedMentions: NO_MENTIONS });
  // The private copy keeps its answer but loses the button.
  await interaction.editReply({ components: [] }).catch((err: unknown) => deps.logger.warn({ err }, 'discord: could not remove the Share button'));
}
