// A Bolt Receiver that is only a request listener: it owns no server, so the service can mount it on
// the node:http server that already serves /healthz, /readyz and /api/ask. Verification, body parsing
// and acking are Bolt's own (HTTPModuleFunctions, HTTPResponseAck), exactly as its HTTPReceiver does,
// except that a reply the listeners keep is sent as bytes encoded once (ackFor, below). What this adds
// is the one thing HTTPReceiver cannot give: each request is tracked until Bolt has finished with it,
// so stop() can refuse new work and wait for replies in flight.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, HTTPResponseAck, type App, type Logger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { InFlight } from './inflight.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface EventsReceiverOptions {
  signingSecret: string;
  logger: Logger;
  inFlight: InFlight;
  /** Bolt answers 404 if no listener acks within this; Slack gives up at 3 s. */
  unhandledRequestTimeoutMillis?: number;
}

export class EventsReceiver implements Receiver {
  private app: App | undefined;
  private accepting = true;
  private readonly options: EventsReceiverOptions;

  constructor(options: EventsReceiverOptions) {
    if (!options.signingSecret) throw new Error('EventsReceiver needs a signing secret');
    this.options = options;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Nothing to start: the listener is live as soon as it is mounted. */
  async start(): Promise<void> {
    this.accepting = true;
  }

  /** Stop accepting; requests already in flight finish (the surface waits for them). */
  async stop(): Promise<void> {
    this.accepting = false;
  }

  /** A node:http request listener for POST /slack/events; anything else gets 404/405. */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.url ?? '/';
    const query = target.indexOf('?');
    if ((query < 0 ? target : target.slice(0, query)) !== SLACK_EVENTS_PATH) return end(res, 404);
    if ((req.method ?? '').toUpperCase() !== 'POST') {
      res.setHeader('Allow', 'POST');
      return end(res, 405);
    }
    if (!this.accepting || this.app === undefined) {
      // Slack retries events that fail; another replica (or this one, restarted) will answer.
      res.setHeader('Retry-After', '1');
      return end(res, 503);
    }
    const app = this.app;
    void this.options.inFlight.run(() => this.handle(app, req, res)).catch((error: unknown) => {
      this.options.logger.error(`slack: request failed: ${describe(error)}`);
      if (!res.headersSent) end(res, 500);
    });
  };

  private async handle(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger, signingSecret } = this.options;
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret }, req);
    } catch (error) {
      if (http.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) {
        return end(res, 413);
      }
      logger.warn(`slack: rejected an unverified request: ${describe(error)}`);
      return end(res, 401);
    }

    let body: Record<string, unknown>;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch (error) {
      logger.warn(`slack: malformed request body: ${describe(error)}`);
      return end(res, 400);
    }
    if (body['ssl_check'] === '1') return http.buildSSLCheckResponse(res);
    if (body['type'] === 'url_verification') return http.buildUrlVerificationResponse(res, body);

    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: this.options.unhandledRequestTimeoutMillis ?? 3001,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ackFor(ack, res),
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      logger.error(`slack: processing failed: ${describe(error)}`);
      if (!res.headersSent) end(res, 500);
    }
  }
}

// A frozen ack body is a reply the listeners keep and hand out again (see listeners.ts): it is
// serialised and UTF-8 encoded once, and sent as those bytes (encoding a 2–6 KB JSON string on every
// response costs more than the write itself). Anything else is Bolt's ack as it is.
const encoded = new WeakMap<object, Buffer>();

function ackFor(httpAck: HTTPResponseAck, res: ServerResponse): (body?: unknown) => Promise<void> {
  const boltAck = httpAck.bind();
  return async (body) => {
    if (body === null || typeof body !== 'object' || !Object.isFrozen(body) || res.headersSent) return boltAck(body);
    let bytes = encoded.get(body);
    if (bytes === undefined) encoded.set(body, (bytes = Buffer.from(JSON.stringify(body))));
    // Bolt's own bookkeeping first (acknowledged: a second ack throws; the no-ack timer is cleared)
    httpAck.ack();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.end(bytes);
  };
}

function end(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
