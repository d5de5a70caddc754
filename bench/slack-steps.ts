// Where the bot's time goes beyond the bare Bolt floor: the bot's Slack stack in steps, each its own
// process on PORT serving POST /slack/events, measured under the same load as the bot and the floor.
//   STEP=receiver-ack  the bot's receiver and Bolt App (as surface.ts builds them), a listener that only acks
//   STEP=no-core       the bot's Slack surface (listeners, renderer, answer in the ack body) over answers
//                      the core computed once per question at start-up (each reply rendered once, then reused)
//   STEP=core          the same surface asking the core on every command (thread memory included), without
//                      the service layer (cooldown, request ids, logging) that src/service/handler.ts adds
// Env: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
import { createServer } from 'node:http';
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Answer } from '../src/core/answer.js';
import { askInThread } from '../src/service/conversation.js';
import { ask as coreAsk } from '../src/core/index.js';
import { cachedAsk } from '../src/service/answer-cache.js';
import { MemoryStore } from '../src/service/memory-store.js';
import { InFlight } from '../src/adapters/common/in-flight.js';
import { EventsReceiver } from '../src/adapters/slack/receiver.js';
import { createSlackSurface } from '../src/adapters/slack/surface.js';
import { TrackedApp } from '../src/adapters/slack/tracked-app.js';
import { SLACK_TEXTS } from './slack-texts.js';

const ask = cachedAsk(coreAsk);

const port = Number(process.env.PORT);
const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
const apiUrl = process.env.SLACK_API_URL ?? '';
const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: (fields: object | string, message?: string) => console.error(message ?? fields, typeof fields === 'string' ? '' : fields),
};
const step = process.env.STEP;

if (step === 'receiver-ack') {
  const boltLogger: BoltLogger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (...m: unknown[]) => console.error(...m),
    setLevel: () => undefined,
    getLevel: () => LogLevel.ERROR,
    setName: () => undefined,
  };
  const receiver = new EventsReceiver({ signingSecret, logger: boltLogger });
  const app = new TrackedApp(new InFlight(), {
    token: 'xoxb-bench',
    botUserId: 'UBOT',
    botId: 'B0BOT',
    receiver,
    logger: boltLogger,
    convoStore: false,
    clientOptions: { slackApiUrl: apiUrl },
  });
  app.command(/^\/(?:azlinux|cpulevel)$/, async ({ ack }) => ack());
  createServer(receiver.requestListener).listen(port, '127.0.0.1');
} else if (step === 'no-core' || step === 'core') {
  const store = new MemoryStore();
  let handler = (q: { text: string; threadKey?: string }): Promise<Answer> => askInThread(ask, store, q.threadKey, q.text);
  if (step === 'no-core') {
    const answers = new Map<string, Answer>();
    for (const text of SLACK_TEXTS) {
      const question = `/cpulevel ${text}`;
      ask(question); // the core keeps an answer from a question's second asking (the listeners, its reply)
      answers.set(question, ask(question));
    }
    handler = async (q) => answers.get(q.text) ?? ask(q.text);
  }
  const surface = await createSlackSurface({ botToken: 'xoxb-bench', signingSecret, apiUrl, handler, store, logger: quiet });
  await surface.listen(port, '127.0.0.1');
} else {
  console.error(`STEP must be receiver-ack, no-core or core, got ${String(step)}`);
  process.exit(2);
}
process.on('SIGTERM', () => process.exit(0));
