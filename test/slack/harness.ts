// A running Slack surface on loopback: the fake Slack API, the surface listening on 127.0.0.1:0 and a
// sender that signs requests like Slack. Each test gets its own, torn down afterwards.
import type { AdapterLogger, Handler, Question } from '../../src/ports/index.js';
import { createSlackSurface, type SlackSurface, type SlackSurfaceOptions } from '../../src/adapters/slack/surface.js';
import { MemoryStore, type KeyValueStore } from '../../src/service/memory-store.js';
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
  const surface = await createSlackSurface({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    store,
    logger,
    drainTimeoutMs: 5000,
    ...options,
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
    async close() {
      await surface.stop();
      if (!options.fake) await fake.close();
      if (!options.store) await store.close();
    },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
