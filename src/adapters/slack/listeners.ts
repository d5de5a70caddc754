// Slack input -> Question -> injected Handler -> Answer -> Block Kit. No domain knowledge here:
// which answers stay private is read off the answer's kind and visibility hint, nothing else.
import type { App, RespondArguments } from '@slack/bolt';
import { type Answer, today, isPrivate, isShareable } from '../../core/index.js';
import { apologise, apologising } from '../common/apologising.js';
import { settleWithin } from '../common/deadline.js';
import { KeyedCache } from '../common/keyed-cache.js';
import { type AdapterLogger, isServiceAnswer, type Handler, type KeyValueStore, type Question } from '../../ports/index.js';
import type { SlackMessage } from './blocks.js';
import { fromSlackText } from './escape.js';
import { registerDirect } from './direct.js';
import type { HomeContent } from './home.js';
import { renderAnswer, SHARE_ACTION_ID } from './render.js';
import { decodeShare, encodeShare } from './share.js';
import { ackSafely, Claims } from './claims.js';
import { type CommandListener, SlackRouter } from './router.js';

export const SLASH_COMMANDS = ['/azlinux', '/cpulevel'] as const;

/**
 * How long a slash command's trigger_id and a Share click are remembered. Slack's signature is good for
 * five minutes either side of its timestamp, so a replay cannot come later than ten minutes on.
 */
export const REPLAY_TTL_SECONDS = 15 * 60;

/**
 * How long a slash command may take to be answered in the ack itself. Slack waits 3 s for the ack;
 * an answer ready within this budget is the ack's body (one HTTP exchange, no response_url post);
 * a slower one is acked empty at the budget and follows on the response_url.
 */
export const ACK_BUDGET_MS = 2_000;

export interface ListenerDeps {
  handler: Handler;
  store: KeyValueStore;
  logger: AdapterLogger;
  /** see ACK_BUDGET_MS; must stay well under Slack's 3 s */
  ackBudgetMs?: number;
  /** the App Home tab's content; without it no Home tab is published */
  home?: HomeContent;
}

/** The thread a mention belongs to, stable across replicas and redeliveries. */
export function threadKeyOf(team: string, channel: string, threadTs: string): string {
  return `slack:${team}:${channel}:${threadTs}`;
}

const EXPIRED: SlackMessage = {
  text: 'That answer can no longer be shared; please ask again.',
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'That answer can no longer be shared; please ask again.' } }],
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a slash command is answered with, in the ack body or on the response_url. */
type CommandReply = RespondArguments & { response_type: 'ephemeral' | 'in_channel' };

// A slash command has no thread: its answer is a function of the command's text and today's date, so
// a repeated command's reply is rendered once and kept, keyed by exactly that (and by who is credited
// and the Share button's value), checked against the answer's kind, visibility and text. Kept replies
// are frozen, so the receiver serialises each one once too (receiver.ts). Only the reply to an answer
// the core keeps is kept: the answer cache freezes what it keeps, from a question's second asking on,
// so a question asked once (most of a long tail) leaves no reply behind and costs no key, no freeze and
// no eviction. The service's own answers (a cooldown, an apology) are rendered for their reply alone.
const replies = new KeyedCache<CommandReply>();

/** Replies kept now (for tests: a question asked once keeps none). */
export const keptReplies = (): number => replies.size;

function replyTo(question: string, answer: Answer, pub: boolean, userId: string, shareValue: string | undefined): CommandReply {
  const askedBy = pub ? userId : undefined;
  const render = (): CommandReply => ({ response_type: pub ? 'in_channel' : 'ephemeral', ...renderAnswer(answer, { askedBy, shareValue }) });
  if (isServiceAnswer(answer) || !Object.isFrozen(answer)) return render();
  const key = `${today()}\u0000${question}\u0000${askedBy ?? ''}\u0000${shareValue ?? ''}`;
  return replies.get(key, `${answer.kind}\u0000${answer.visibility}\u0000${answer.text}`, () => Object.freeze(render()));
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  const { store, logger } = deps;
  const ackBudgetMs = deps.ackBudgetMs ?? ACK_BUDGET_MS;
  // the one catch for a failed answer (the service's handler never throws; a test's may)
  const ask = apologising(deps.handler, logger, 'slack');

  const claims = new Claims(store, logger);
  const safeAck = (ack: () => Promise<void>): Promise<void> => ackSafely(ack, logger);

  /** The reply to a slash command; never rejects (a failure becomes the private apology). */
  const commandReply = async (userId: string, text: string): Promise<CommandReply> => {
    const answer = await ask({ platform: 'slack', userId, text });
    try {
      const pub = !isPrivate(answer);
      let shareValue: string | undefined;
      if (!pub && isShareable(answer)) {
        try {
          shareValue = await encodeShare(text, store);
        } catch (error) {
          logger.warn({ err: error }, `slack: no Share button, the question could not be parked: ${describe(error)}`);
        }
      }
      return replyTo(text, answer, pub, userId, shareValue);
    } catch (error) {
      return { response_type: 'ephemeral', ...renderAnswer(apologise(logger, error, text, `slack: rendering an answer (${answer.kind})`)) };
    }
  };

  // A slash command is answered in its ack when the answer is ready within the budget (the usual
  // case: the core answers in microseconds), else acked empty at the budget and answered on the
  // response_url (valid for 30 minutes) once ready. Slack shows an ack body exactly like a
  // response_url post: response_type in_channel puts it (and the command) in the channel.
  const onCommand: CommandListener = async ({ command, ack, respond }) => {
    // A replayed request (same trigger_id, signature still fresh) is acked and otherwise ignored:
    // no second reply, and no cooldown spent for the user it was captured from.
    if (command.trigger_id && !(await claims.first(`slack:command:${command.trigger_id}`, REPLAY_TTL_SECONDS))) {
      logger.warn(`slack: ignored a replayed ${command.command} (trigger_id seen before)`);
      await safeAck(ack);
      return;
    }
    const text = `${command.command} ${fromSlackText(command.text ?? '')}`.trim();
    const reply = commandReply(command.user_id, text);
    // commandReply never rejects: a failure is the apology
    const early = (await settleWithin(reply, ackBudgetMs))?.value;
    if (early !== undefined) {
      try {
        await ack(early);
        return;
      } catch (error) {
        // e.g. the request timed out under us: the answer still reaches the user this way
        logger.warn({ err: error }, `slack: could not answer ${command.command} in the ack, using response_url: ${describe(error)}`);
      }
    } else {
      await safeAck(ack);
    }
    try {
      await respond(early ?? (await reply));
    } catch (error) {
      logger.error({ err: error }, `slack: could not respond to ${command.command}: ${describe(error)}`);
    }
  };
  // Every listener behind one Bolt middleware (router.ts): Bolt would run each listener's matchers on every request.
  const router = new SlackRouter();
  for (const name of SLASH_COMMANDS) router.command(name, onCommand);

  router.blockAction(SHARE_ACTION_ID, async ({ ack, action, body, respond }) => {
    await safeAck(ack);
    // One post per private answer: a replayed request or a second click on the same message is
    // dropped. Keyed by what Slack sends: the message clicked and who clicked it, else the click itself.
    const clickKey = shareClickKey(body, action);
    if (clickKey !== undefined && !(await claims.first(clickKey, REPLAY_TTL_SECONDS))) {
      logger.info('slack: ignored a repeated Share click');
      return;
    }
    let shared = false;
    try {
      let question: string | undefined;
      try {
        question = await decodeShare('value' in action ? action.value : undefined, store);
      } catch (error) {
        const apology = apologise(logger, error, '', 'slack: reading a parked question');
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderAnswer(apology) });
        return;
      }
      if (question === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...EXPIRED });
        return;
      }
      const answer = await ask({ platform: 'slack', userId: body.user.id, text: question });
      if (!isShareable(answer)) {
        // e.g. a cooldown error on the re-ask: tell the asker, post nothing in the channel
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderAnswer(answer) });
        return;
      }
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        ...renderAnswer(answer, { askedBy: body.user.id }),
      });
      shared = true;
      // The private copy has served its purpose.
      await respond({ delete_original: true });
      logger.info(`slack: shared an answer in channel (${answer.kind})`);
    } catch (error) {
      logger.error({ err: error }, `slack: could not share: ${describe(error)}`);
    } finally {
      if (!shared && clickKey !== undefined) await claims.release(clickKey);
    }
  });

  router.event('app_mention', async ({ event, body, context, client }) => {
    if (!(await claims.firstDelivery(body.event_id))) {
      logger.info(`slack: skipped a redelivered event (${body.event_id}, retry ${context.retryNum ?? 0})`);
      return;
    }
    const team = body.team_id ?? event.team ?? context.teamId ?? 'T';
    const threadTs = event.thread_ts ?? event.ts;
    const question: Question = {
      platform: 'slack',
      userId: event.user ?? event.bot_id ?? 'unknown',
      threadKey: threadKeyOf(team, event.channel, threadTs),
      text: fromSlackText(event.text, context.botUserId),
    };
    const answer = await ask(question);
    try {
      const message = renderAnswer(answer);
      // Help, not-found, clarifying questions and errors are for the asker only, here as everywhere.
      if (!isShareable(answer) && event.user !== undefined) {
        await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, ...message });
      } else {
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts: threadTs,
          unfurl_links: false,
          unfurl_media: false,
          ...message,
        });
      }
    } catch (error) {
      logger.error({ err: error }, `slack: could not reply to a mention: ${describe(error)}`);
    }
  });

  // Direct messages, the Home tab and its examples (direct.ts).
  registerDirect(router, { ask, claims, logger, ...(deps.home ? { home: deps.home } : {}) });

  app.use(router.middleware);
  app.error(async (error) => {
    logger.error({ err: error }, `slack: ${describe(error)}`);
  });
}

/** What identifies one Share: the message clicked and who clicked, else the click's own ids. */
export function shareClickKey(body: unknown, action: unknown): string | undefined {
  const b = (body ?? {}) as { user?: { id?: unknown }; container?: { message_ts?: unknown; channel_id?: unknown }; trigger_id?: unknown };
  const a = (action ?? {}) as { action_ts?: unknown };
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const user = text(b.user?.id);
  const messageTs = text(b.container?.message_ts);
  if (user !== undefined && messageTs !== undefined) return `slack:share-click:${text(b.container?.channel_id) ?? ''}:${messageTs}:${user}`;
  const click = text(a.action_ts) ?? text(b.trigger_id);
  return click === undefined ? undefined : `slack:share-click:${click}`;
}
