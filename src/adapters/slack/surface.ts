// The Slack surface: createSlackSurface checks its options, verifies the bot token (auth.test, in
// web-api.ts) and hands back a BoltSurface, one object with explicit state holding Bolt's App, its
// receiver and the listeners, that the service (through slack/platform.ts) can watch and stop.
//
// HTTP mode (no appToken): nothing listens by itself. Mount `requestListener` on the service's
// node:http server for POST /slack/events, or call listen() (tests, a standalone process).
// Socket Mode (appToken given): Bolt's SocketModeReceiver connects out; no port is needed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, SocketModeReceiver } from '@slack/bolt';
import { type AdapterLogger, CodedError, type Handler, type KeyValueStore, type PlatformObserver, type Surface, type WorkTracker } from '../../ports/index.js';
import { observedClientOptions } from './observe.js';
import type { HomeContent } from './home.js';
import { sendError } from '../http/json.js';
import { InFlight, joined } from '../common/in-flight.js';
import { registerListeners } from './listeners.js';
import { TrackedApp } from './tracked-app.js';
import { consoleLogger, toBoltLogger } from './logger.js';
import { EventsReceiver, SLACK_EVENTS_PATH } from './receiver.js';
import { badOptions, type SlackIdentity, type SlackSurfaceErrorCode, SlackWebApi } from './web-api.js';

export { SLACK_EVENTS_PATH };
export { normaliseApiUrl, type SlackSurfaceErrorCode } from './web-api.js';

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
  logger?: AdapterLogger;
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

/** Leaves half a second of Slack's 3 s for the ack to travel. */
const MAX_ACK_BUDGET_MS = 2_500;

const unavailable = (_req: IncomingMessage, res: ServerResponse): void => {
  sendError(res, 503, 'socket mode', 'Slack runs in Socket Mode here; it does not post to this URL');
};

/**
 * The Slack surface once verified, as explicit state:
 *   connecting --connect()--> running --stop()--> stopping --> stopped
 * Ready while running, connected (Socket Mode: while the socket is up) and Slack's API answers.
 */
export type SlackSurfaceState = 'connecting' | 'running' | 'stopping' | 'stopped';

class BoltSurface implements SlackSurface {
  readonly name = 'slack';
  readonly mode: 'http' | 'socket';
  readonly botUserId: string;
  readonly requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  private state: SlackSurfaceState = 'connecting';
  /** Socket Mode: whether the socket is up (HTTP mode: always) */
  private connected: boolean;
  private stopping: Promise<void> | undefined;
  /** listen(): the surface's own server (tests, a standalone process) */
  private server: Server | undefined;
  private readonly app: App;
  private readonly httpReceiver: EventsReceiver | undefined;
  private readonly socketReceiver: SocketModeReceiver | undefined;

  constructor(
    private readonly web: SlackWebApi,
    identity: SlackIdentity,
    private readonly options: SlackSurfaceOptions,
    private readonly logger: AdapterLogger,
    private readonly inFlight: WorkTracker,
  ) {
    const boltLogger = toBoltLogger(logger);
    const { clientOptions } = web;
    this.botUserId = identity.botUserId;
    this.mode = options.appToken ? 'socket' : 'http';
    this.connected = this.mode === 'http';
    this.httpReceiver = this.mode === 'http' ? new EventsReceiver({ signingSecret: options.signingSecret ?? '', logger: boltLogger }) : undefined;
    this.socketReceiver =
      this.mode === 'socket'
        ? new SocketModeReceiver({ appToken: options.appToken ?? '', logger: boltLogger, installerOptions: { clientOptions: { ...clientOptions } } })
        : undefined;
    this.requestListener = this.httpReceiver?.requestListener ?? unavailable;
    this.app = new TrackedApp(inFlight, {
      token: options.botToken,
      ...identity,
      ...(this.socketReceiver ? { socketMode: true, receiver: this.socketReceiver } : { receiver: this.httpReceiver }),
      clientOptions: { ...clientOptions, ...(options.observer ? observedClientOptions(options.observer, clientOptions) : {}) },
      logger: boltLogger,
      convoStore: false,
    });
    registerListeners(this.app, {
      // every listener runs inside a delivery TrackedApp counts: the question joins it
      handler: joined(inFlight, options.handler),
      store: options.store,
      logger,
      ...(options.ackBudgetMs !== undefined ? { ackBudgetMs: options.ackBudgetMs } : {}),
      ...(options.home !== undefined ? { home: options.home } : {}),
    });
  }

  /** HTTP mode: nothing to connect (the listener is live once mounted). Socket Mode: open the socket. */
  async connect(): Promise<void> {
    const socket = this.socketReceiver;
    if (socket) {
      socket.client.on('connected', () => {
        this.connected = true;
      });
      // 'close' is the socket going away (Slack recycling it, a network drop): the client waits a few
      // seconds before 'reconnecting', and nothing is served meanwhile.
      for (const event of ['close', 'disconnecting', 'disconnected', 'reconnecting'] as const) {
        socket.client.on(event, () => {
          this.connected = false;
        });
      }
      try {
        await this.app.start();
      } catch (error) {
        throw new CodedError<SlackSurfaceErrorCode>(
          'slack_connect_failed',
          `Socket Mode could not connect (check SLACK_APP_TOKEN): ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      this.connected = true;
    }
    if (this.state === 'connecting') this.state = 'running';
  }

  isReady(): boolean {
    return this.state === 'running' && this.connected && this.web.healthy();
  }

  // Stopping: report not ready at once (so /readyz turns the router away), take no new work (HTTP:
  // 503, which Slack retries elsewhere; Socket Mode: disconnect, so Slack sends envelopes to other
  // connections), let replies in flight finish (they only need the Web API / response_url), close.
  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    this.state = 'stopping';
    this.web.stop();
    await this.httpReceiver?.stop();
    if (this.socketReceiver) {
      await this.app.stop().catch((error: unknown) => {
        this.logger.warn({ err: error }, `slack: socket disconnect failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    const drainTimeoutMs = this.options.drainTimeoutMs ?? 10_000;
    const drained = await this.inFlight.drain(drainTimeoutMs);
    if (!drained) this.logger.warn(`slack: stopped with ${this.inFlight.size} replies still in flight after ${drainTimeoutMs} ms`);
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if (drained) server.closeIdleConnections();
        else server.closeAllConnections();
      });
    }
    this.state = 'stopped';
  }

  listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
    const receiver = this.httpReceiver;
    if (receiver === undefined) return Promise.reject(badOptions('listen() is for HTTP mode; Socket Mode needs no port'));
    if (this.server !== undefined) return Promise.reject(badOptions('listen() was already called'));
    const server = createServer(receiver.requestListener);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server.address() as AddressInfo));
    });
  }
}

/** Start the Slack surface. Rejects with a CodedError (a SlackSurfaceErrorCode) naming what to fix. */
export async function createSlackSurface(options: SlackSurfaceOptions): Promise<SlackSurface> {
  checkOptions(options);
  const logger = options.logger ?? consoleLogger;
  const web = new SlackWebApi({
    logger: toBoltLogger(logger),
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
  });
  let identity: SlackIdentity;
  try {
    identity = await web.verify(options.botToken);
  } catch (error) {
    web.stop();
    throw error;
  }
  const surface = new BoltSurface(web, identity, options, logger, options.inFlight ?? new InFlight());
  await surface.connect();
  return surface;
}
