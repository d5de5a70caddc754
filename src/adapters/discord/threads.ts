// Which conversation a Discord message or command belongs to, so a follow-up leans on what it established.
//
// - In a thread or a DM the whole thread/DM is one conversation:   discord:<guildId|dm>:<channelId>
// - In an ordinary channel a conversation is a reply chain: a mention that replies to a message of the
//   chain (the bot's answer, or the question before it) continues it; a fresh mention starts one.
//                                                                     discord:<guildId>:<channelId>:<rootMessageId>
//   The chain is remembered in the KeyValueStore (message id -> root id), so replicas sharing Redis agree.
// - Slash commands in an ordinary channel have no conversation: they are complete questions on their own.
import { THREAD_TTL_SECONDS, type KeyValueStore } from '../../ports/store.js';

export interface Place {
  guildId: string | null;
  channelId: string;
  /** the channel is a thread (public, private or announcement thread, or a forum post) */
  inThread: boolean;
}

export function placeKey(place: Place): string | undefined {
  if (place.guildId === null) return `discord:dm:${place.channelId}`;
  if (place.inThread) return `discord:${place.guildId}:${place.channelId}`;
  return undefined;
}

const chainKey = (messageId: string) => `discord:chain:${messageId}`;

/** Conversation key for a mention: its thread/DM, else the root of the reply chain it belongs to. */
export async function messageThreadKey(
  store: KeyValueStore,
  place: Place,
  message: { id: string; repliesTo: string | null },
): Promise<{ threadKey: string; root: string | null }> {
  const whole = placeKey(place);
  if (whole) return { threadKey: whole, root: null };
  let root = message.id;
  if (message.repliesTo) root = (await store.get<string>(chainKey(message.repliesTo))) ?? message.repliesTo;
  return { threadKey: `discord:${place.guildId}:${place.channelId}:${root}`, root };
}

/** Remember that these messages belong to the chain rooted at `root`. */
export async function rememberChain(store: KeyValueStore, root: string, messageIds: string[]): Promise<void> {
  await Promise.all(messageIds.map((id) => store.set(chainKey(id), root, THREAD_TTL_SECONDS)));
}
