// The Slack surface: one factory that checks its options, verifies the bot token (auth.test), wires
// the listeners and hands back a Surface the service (through slack/platform.ts) can watch and stop.
//
// HTTP mode (no appToken): nothing listens by itself. Mount `requestListener` on the service's
// node:http server for POST /slack/events, or call listen() (tests, a standalone process).
// Socket Mode (appToken given): Bolt's SocketModeReceiver connects out; no port is needed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { CodedError, type Handler, type KeyValueStore, type PlatformObserver, type Surface, type WorkTracker } from '../../ports/index.js';
import { observedClientOptions } from './observe.js';
import type { HomeContent } from './home.js';
import { sendError } from '../http/json.js';
import { PlatformHealth } from '../platform-health.js';
import { InFlight } from '../common/in-flight.js';
import { registerListeners } from './listeners.js';
import { consoleLogger, toBoltLogger, type SlackLogger } from './logger.js';
import { EventsReceiver, SLACK_EVENTS_PATH } from './receiver.js';
import { SLACK_TIMEOUT_MS, slackFetch } from './transport.js';

export { SLACK_EVENTS_PATH };

export interface SlackSurfaceOptions {
  /** Bot token, xoxb-… (SLACK_BOT_TOKEN) */
  botToken: string;
  /** Signing secret (SLACK_SIGNING_SECRET); required in HTTP mode, unused in Socket Mode */
  signingSecret?: string;
  /** App-level token, xapp-… (SLACK_APP_TOKEN): selects Socket Mode */
  appToken?: string;
  /** Web API base (SLACK_API_URL), e.g. https://slack-gov.com/api/ or a test fake; default https://slack.com/api/ */
  apiUrl?: string;
  handler: Handler;
  /** event de-duplication and long share payloads; share it between replicas */
  store: KeyValueStore;
  logger?: SlackLogger;
  /** how long stop() waits for replies in flight before closing anyway (default 10 s) */
  drainTimeoutMs?: number;
  /** where each delivery is counted until its reply is sent (the service's; default: the surface's own) */
  inFlight?: WorkTracker;
  /**
   * A slash command answered within this is answered in the ack body; a slower one is acked empty at
   * this point and answered on its response_url (default 2 s; at most 2.5 s, Slack waits 3 s).
   */
  ackBudgetMs?: number;
  /** the App Home tab: example questions and the data's as-of date (no Home tab without it) */
  home?: HomeContent;
  /** told of Web API errors and retries (the metrics) */
  observer?: PlatformObserver;
  /** Web API and response_url timeouts and readiness probing (defaults: 10 s, 5 s, 5 s) */
  transport?: { timeoutMs?: number; stuckAfterMs?: number; probeEveryMs?: number };
}

export interface SlackSurface extends Surface {
  readonly name: 'slack';
  readonly mode: 'http' | 'socket';
  /** HTTP mode: a node:http listener for POST /slack/events (other paths: 404). Socket Mode: always 503. */
  readonly requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  /** The bot's own user id, from auth.test */
  readonly botUserId: string;
  /** HTTP mode only: serve requestListener on its own server (tests, a standalone process). */
  listen(port: number, host?: string): Promise<AddressInfo>;
}

export type SlackSurfaceErrorCode = 'slack_bad_options' | 'slack_auth_failed' | 'slack_unreachable' | 'slack_connect_failed';

function badOptions(message: string): CodedError<SlackSurfaceErrorCode> {
  return new CodedError('slack_bad_options', message);
}

/** The Web API base Bolt expects: an http(s) URL ending in '/'. */
export function normaliseApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw badOptions(`SLACK_API_URL "${apiUrl}" is not a URL; use e.g. https://slack.com/api/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badOptions(`SLACK_API_URL must be an http(s) URL, got ${url.protocol}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function checkOptions(options: SlackSurfaceOptions): void {
  if (!options.botToken) throw badOptions("SLACK_BOT_TOKEN is empty; set it to the bot token (xoxb-…) from the app's OAuth page");
  if (options.appToken !== undefined && options.appToken !== '') {
    if (!options.appToken.startsWith('xapp-')) {
      throw badOptions('SLACK_APP_TOKEN must be an app-level token (xapp-…) with the connections:write scope');
    }
  } else if (!options.signingSecret) {
    throw badOptions('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode instead)');
  }
  if (typeof options.handler !== 'function') throw badOptions('createSlackSurface needs a handler');
  if (options.store === undefined) throw badOptions('createSlackSurface needs a store');
  const budget = options.ackBudgetMs;
  if (budget !== undefined && !(budget >= 0 && budget <= MAX_ACK_BUDGET_MS)) {
    throw badOptions(`ackBudgetMs must be between 0 and ${MAX_ACK_BUDGET_MS} ms (Slack waits 3 s for the ack), got ${budget}`);
  }
}

const DEFAULT_API_URL = 'https://slack.com/api/';

/** A refusal Slack itself sent (invalid_auth, account_inactive, …), as opposed to no answer at all. */
function refusedByPlatform(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'slack_webapi_platform_error' || !(typeof code === 'string' && code.startsWith('slack_webapi_'));
}

/** Leaves half a second of Slack's 3 s for the ack to travel. */
const MAX_ACK_BUDGET_MS = 2_500;

/**
 * Bolt's App with each delivery counted once, whichever receiver brings it (HTTP or Socket Mode): from
 * processEvent, which both call, until every listener has finished (its reply posted), so stop() can
 * wait for the replies in flight.
 */
export class TrackedApp extends App {
  constructor(
    private readonly tracker: WorkTracker,
    options: AppOptions,
  ) {
    super(options);
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    return this.tracker.run(() => super.processEvent(event));
  }
}

const unavailable = (_req: IncomingMessage, res: ServerResponse): void => {
  sendError(res, 503, 'socket mode', 'Slack runs in Socket Mode here; it does not post to this URL');
};

/** Start the Slack surface. Rejects with a CodedError (a SlackSurfaceErrorCode) naming what to fix. */
export async function createSlackSurface(options: SlackSurfaceOptions): Promise<SlackSurface> {
  checkOptions(options);
  const logger = options.logger ?? consoleLogger;
  const boltLogger = toBoltLogger(logger);
  const inFlight = options.inFlight ?? new InFlight();
  const socketMode = Boolean(options.appToken);
  const apiUrl = options.apiUrl ? normaliseApiUrl(options.apiUrl) : DEFAULT_API_URL;
  const timeoutMs = options.transport?.timeoutMs ?? SLACK_TIMEOUT_MS;

  // Every Slack call (Web API and response_url) goes through one fetch with a timeout, and its outcome
  // feeds readiness: a Slack that hangs or fails turns this replica unready until a probe gets through.
  let prober: InstanceType<typeof webApi.WebClient> | undefined;
  const health = new PlatformHealth({
    stuckAfterMs: options.transport?.stuckAfterMs ?? Math.min(5_000, timeoutMs),
    probeEveryMs: options.transport?.probeEveryMs ?? 5_000,
    probe: () => prober!.api.test(),
  });
  const transport = slackFetch({ apiUrl, timeoutMs, health });
  const clientOptions = {
    slackApiUrl: apiUrl,
    fetch: transport,
    timeout: timeoutMs,
    // A few quick retries (429s wait for Retry-After), not the default half hour of them: a reply
    // that cannot be delivered within seconds is logged as lost instead of holding a slot for ever.
    retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
  prober = new webApi.WebClient(undefined, { ...clientOptions, logger: boltLogger, retryConfig: { retries: 0 } });

  let ready = false;
  let stopping: Promise<void> | undefined;
  let server: Server | undefined;

  // auth.test once, up front: a bad token stops start-up with a message, and Bolt is handed the ids so
  // it does not call it again. A Slack that cannot be reached is reported as such, not as a bad token.
  let identity: { botUserId: string; botId: string };
  try {
    const verifier = new webApi.WebClient(options.botToken, {
      ...clientOptions,
      logger: boltLogger,
      // fail start-up in seconds, not the client's default half hour of retries
      retryConfig: { retries: 2, factor: 2, minTimeout: 500 },
    });
    const auth = await verifier.auth.test();
    if (!auth.user_id || !auth.bot_id) throw new Error('auth.test named no bot user; is SLACK_BOT_TOKEN a bot token (xoxb-…)?');
    identity = { botUserId: auth.user_id, botId: auth.bot_id };
  } catch (error) {
    health.stop();
    const reason = error instanceof Error ? error.message : String(error);
    if (!refusedByPlatform(error)) {
      throw new CodedError<SlackSurfaceErrorCode>(
        'slack_unreachable',
        `Slack's Web API at ${apiUrl} could not be reached (auth.test: ${reason}); check the network, SLACK_API_URL and https://slack-status.com`,
        { cause: error },
      );
    }
    throw new CodedError<SlackSurfaceErrorCode>('slack_auth_failed', `Slack rejected SLACK_BOT_TOKEN (auth.test: ${reason})`, { cause: error });
  }

  const httpReceiver = socketMode ? undefined : new EventsReceiver({ signingSecret: options.signingSecret ?? '', logger: boltLogger });
  const socketReceiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken ?? '',
        logger: boltLogger,
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : undefined;

  const app = new TrackedApp(inFlight, {
    token: options.botToken,
    ...identity,
    ...(socketReceiver ? { socketMode: true, receiver: socketReceiver } : { receiver: httpReceiver }),
    clientOptions: { ...clientOptions, ...(options.observer ? observedClientOptions(options.observer, clientOptions) : {}) },
    logger: boltLogger,
    convoStore: false,
  });

  registerListeners(app, {
    handler: options.handler,
    store: options.store,
    logger,
    ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
    ...(options.home !== undefined ? { home: options.home } : {}),
  });

  if (socketReceiver) {
    socketReceiver.client.on('connected', () => {
      ready = stopping === undefined;
    });
    // 'close' is the socket going away (Slack recycling it, a network drop): the client waits a few
    // seconds before 'reconnecting', and nothing is served meanwhile.
    for (const state of ['close', 'disconnecting', 'disconnected', 'reconnecting'] as const) {
      socketReceiver.client.on(state, () => {
        ready = false;
      });
    }
    try {
      await app.start();
    } catch (error) {
      throw new CodedError<SlackSurfaceErrorCode>(
        'slack_connect_failed',
        `Socket Mode could not connect (check SLACK_APP_TOKEN): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  ready = true;

  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;

  // Stopping: report not ready at once (so /readyz turns the router away), take no new work (HTTP:
  // 503, which Slack retries elsewhere; Socket Mode: disconnect, so Slack sends envelopes to other
  // connections), let replies in flight finish (they only need the Web API / response_url), close.
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      ready = false;
      health.stop();
      await httpReceiver?.stop();
      if (socketMode) {
        await app.stop().catch((error: unknown) => {
          logger.warn({ err: error }, `slack: socket disconnect failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      const drained = await inFlight.drain(drainTimeoutMs);
      if (!drained) logger.warn(`slack: stopped with ${inFlight.size} replies still in flight after ${drainTimeoutMs} ms`);
      if (server !== undefined) {
        const s = server;
        server = undefined;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          if (drained) s.closeIdleConnections();
          else s.closeAllConnections();
        });
      }
    })();
    return stopping;
  };

  return {
    name: 'slack',
    mode: socketMode ? 'socket' : 'http',
    botUserId: identity.botUserId,
    requestListener: httpReceiver?.requestListener ?? unavailable,
    isReady: () => ready && health.healthy(),
    stop,
    listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
      if (httpReceiver === undefined) return Promise.reject(badOptions('listen() is for HTTP mode; Socket Mode needs no port'));
      if (server !== undefined) return Promise.reject(badOptions('listen() was already called'));
      const s = createServer(httpReceiver.requestListener);
      server = s;
      return new Promise((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve(s.address() as AddressInfo));
      });
    },
  };
}
