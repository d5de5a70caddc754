// A running Slack surface on loopback: the fake Slack API, the surface listening on 127.0.0.1:0 and a
// sender that signs requests like Slack. Each test gets its own, torn down afterwards.
import type { AdapterLogger, Handler, Question } from '../../src/ports/index.js';
import { createSlackSurface, type SlackSurface, type SlackSurfaceOptions } from '../../src/adapters/slack/surface.js';
import { MemoryStore, type KeyValueStore } from '../../src/service/memory-store.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api.js';
import { SlackSender } from '../fakes/slack-sign.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-token';

export interface CapturedLogger extends AdapterLogger {
  lines: string[];
}

/** One line per call: the level, the message, and an error's message when one was passed as `{ err }`. */
export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  const line = (level: string) => (fields: object | string, message?: string) => {
    if (typeof fields === 'string') return void lines.push(`${level} ${fields}`);
    const err = (fields as { err?: unknown }).err;
    lines.push(`${level} ${message ?? ''}${err instanceof Error && !message?.includes(err.message) ? ` (${err.message})` : ''}`);
  };
  return { lines, info: line('info'), warn: line('warn'), error: line('error') };
}

export interface Harness {
  fake: FakeSlack;
  surface: SlackSurface;
  sender: SlackSender;
  store: KeyValueStore;
  logger: CapturedLogger;
  /** every Question the handler received */
  questions: Question[];
  eventsUrl: string;
  /**
   * Resolves once every delivery the surface has taken is done with, its replies posted (retries
   * included): after it, nothing more will be posted for what was sent, so "nothing else happened"
   * can be checked without sleeping. Rejects when something is still in flight after `timeoutMs`.
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  handler: (store: KeyValueStore) => Handler,
  options: Partial<SlackSurfaceOptions> & { fake?: FakeSlack; store?: KeyValueStore } = {},
): Promise<Harness> {
  const fake = options.fake ?? (await startFakeSlack());
  const store = options.store ?? new MemoryStore();
  const logger = captureLogger();
  const questions: Question[] = [];
  const inner = handler(store);
  const inFlight = options.inFlight ?? new InFlight();
  const surface = await createSlackSurface({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    store,
    logger,
    drainTimeoutMs: 5000,
    ...options,
    inFlight,
    handler: async (q) => {
      questions.push(q);
      return inner(q);
    },
  });
  const address = await surface.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${address.port}/slack/events`;
  return {
    fake,
    surface,
    sender: new SlackSender(eventsUrl, SIGNING_SECRET),
    store,
    logger,
    questions,
    eventsUrl,
    async settled(timeoutMs = 10_000) {
      if (!(await inFlight.drain(timeoutMs))) throw new Error(`still ${inFlight.size} Slack deliveries in flight after ${timeoutMs} ms`);
    },
    async close() {
      await surface.stop();
      if (!options.fake) await fake.close();
      if (!options.store) await store.close();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
