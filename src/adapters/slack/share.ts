// What the "Share in channel" button carries: the question that produced the answer, so the action
// handler can ask it again and post the result in the channel. A button value holds at most 2,000
// characters; a longer question (a pasted `ld.so --help`, say) is parked in the store and the button
// carries its key instead. Either way nothing about the answer itself needs to fit in the button.
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../../ports/store.js';
import { SLACK_LIMITS } from './limits.js';

const INLINE = 'q:';
const STORED = 'k:';
export const SHARE_TTL_SECONDS = 24 * 60 * 60;

const storeKey = (id: string): string => `slack:share:${id}`;

export async function encodeShare(question: string, store: KeyValueStore): Promise<string> {
  const inline = INLINE + question;
  if (inline.length <= SLACK_LIMITS.buttonValue) return inline;
  const id = randomUUID();
  await store.set(storeKey(id), question, SHARE_TTL_SECONDS);
  return STORED + id;
}

/** The question behind a button value; undefined when it is malformed or has expired. */
export async function decodeShare(value: string | undefined, store: KeyValueStore): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (value.startsWith(INLINE)) return value.slice(INLINE.length);
  if (value.startsWith(STORED)) return store.get<string>(storeKey(value.slice(STORED.length)));
  return undefined;
}
