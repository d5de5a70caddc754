// What the Slack listeners remember to act once: an event delivered twice, a replayed slash command, a
// second click on the same Share button. Claimed in the shared store, so replicas agree; a store that
// fails answers rather than risks silence.
import type { AdapterLogger, KeyValueStore } from '../../ports/index.js';

/** How long an event id is remembered: Slack's retries come within minutes, give them an hour. */
export const EVENT_DEDUPE_TTL_SECONDS = 60 * 60;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class Claims {
  constructor(
    private readonly store: KeyValueStore,
    private readonly logger: AdapterLogger,
  ) {}

  /** The first time this key is seen? A store failure answers rather than risk silence. */
  async first(key: string, ttlSeconds: number): Promise<boolean> {
    try {
      return await this.store.claim(key, ttlSeconds);
    } catch (error) {
      this.logger.warn({ err: error }, `slack: could not claim ${key}, answering anyway: ${describe(error)}`);
      return true;
    }
  }

  /** Forget a claim (a Share that failed may be clicked again). */
  async release(key: string): Promise<void> {
    await this.store.set(key, false, 1).catch(() => undefined);
  }

  /** First delivery of this event id? */
  async firstDelivery(eventId: string | undefined): Promise<boolean> {
    return !eventId || this.first(`slack:event:${eventId}`, EVENT_DEDUPE_TTL_SECONDS);
  }
}

/**
 * An ack that cannot be delivered (the socket closing under it) must not cost the user the answer:
 * the response_url stays valid for 30 minutes.
 */
export async function ackSafely(ack: () => Promise<void>, logger: AdapterLogger): Promise<void> {
  try {
    await ack();
  } catch (error) {
    logger.warn({ err: error }, `slack: ack failed: ${describe(error)}`);
  }
}
