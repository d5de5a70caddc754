// What happens between the bot and one person: direct messages (message.im), the App Home tab
// (app_home_opened -> views.publish) and its example buttons. Everything said here is private by
// nature, so every answer is posted as it is, in the DM.
import type { AdapterLogger, Handler } from '../../ports/index.js';
import { fromSlackText } from './escape.js';
import { EXAMPLE_ACTION_ID, homeView, type HomeContent } from './home.js';
import { ackSafely, type Claims } from './claims.js';
import { renderAnswer } from './render.js';
import type { SlackRouter } from './router.js';

export interface DirectDeps {
  /** the handler, a failure already turned into the apology */
  ask: Handler;
  /** what was handled already (a redelivered event) */
  claims: Claims;
  logger: AdapterLogger;
  /** what the Home tab shows; without it the Home tab is not published */
  home?: HomeContent;
}

/**
 * The conversation one person has with the bot: their DM (or a thread in it). Keyed by the person, not
 * the DM channel, so a question asked from the Home tab continues the same conversation.
 */
export function dmThreadKey(team: string, user: string, threadTs?: string): string {
  return threadTs === undefined ? `slack:${team}:im:${user}` : `slack:${team}:im:${user}:${threadTs}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface ImMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  team?: string;
}

export function registerDirect(router: SlackRouter, deps: DirectDeps): void {
  const { ask, claims, logger } = deps;

  router.event('message', async ({ event, body, context, client }) => {
    const message = event as unknown as ImMessage;
    // Only what a person typed in their DM with the bot: no edits, joins, bot posts (our own included).
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id !== undefined) return;
    if (message.user === undefined || typeof message.text !== 'string') return;
    if (!(await claims.firstDelivery(body.event_id))) {
      logger.info(`slack: skipped a redelivered DM (${body.event_id}, retry ${context.retryNum ?? 0})`);
      return;
    }
    const team = body.team_id ?? message.team ?? context.teamId ?? 'T';
    const answer = await ask({
      platform: 'slack',
      userId: message.user,
      threadKey: dmThreadKey(team, message.user, message.thread_ts),
      text: fromSlackText(message.text, context.botUserId),
    });
    try {
      await client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
        ...renderAnswer(answer),
      });
    } catch (error) {
      logger.error({ err: error }, `slack: could not answer a DM: ${describe(error)}`);
    }
  });

  const home = deps.home;
  if (home === undefined) return;
  const view = homeView(home);

  router.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logger.error({ err: error }, `slack: could not publish the Home tab: ${describe(error)}`);
    }
  });

  // An example pressed on the Home tab: asked as the person, answered in their DM with the bot (the
  // Home tab has no channel to post an ephemeral message in; the DM is just as private).
  router.blockAction(EXAMPLE_ACTION_ID, async ({ ack, action, body, client, context }) => {
    await ackSafely(ack, logger);
    const text = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
    if (text === undefined) return;
    const user = body.user.id;
    const team = body.team?.id ?? context.teamId ?? 'T';
    const answer = await ask({ platform: 'slack', userId: user, threadKey: dmThreadKey(team, user), text });
    try {
      // chat.postMessage to a user id posts in the app's DM with them (chat:write is enough).
      await client.chat.postMessage({
        channel: user,
        unfurl_links: false,
        unfurl_media: false,
        ...renderAnswer(answer),
      });
    } catch (error) {
      logger.error({ err: error }, `slack: could not answer a Home example: ${describe(error)}`);
    }
  });
}
