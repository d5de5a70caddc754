// A Bolt Receiver that is only a request listener: it owns no server, so the service can mount it on
// the node:http server that already serves /healthz, /readyz and /api/ask. Buffering and acking are
// Bolt's own (HTTPModuleFunctions, HTTPResponseAck), exactly as its HTTPReceiver does; the signature is
// checked and the body parsed by Bolt's rules with less work (verify.ts); and a reply the listeners
// keep is sent as bytes encoded once (ackFor, below). What this adds
// is the one thing HTTPReceiver cannot give: stop() refuses new work at once, also a request still
// being verified when it came (the surface counts each delivery from Bolt's processEvent on, and waits
// for those).
//
// Hardening on top of Bolt's: bodies are bounded (refused at the headers when declared too large,
// cut off at the limit otherwise) before anything is buffered or verified; a timestamp more than five
// minutes in the future is refused like a stale one; warnings about unverified requests are rate
// limited; every error has a JSON body; a payload no listener takes is answered at once (404), not
// after Bolt's 3 s.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions as http,
  HTTPResponseAck,
  type App,
  type BufferedIncomingMessage,
  type Logger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import { declaredTooLarge, closeUnread, MAX_BODY_BYTES, refuseTooLarge } from '../http/body-limit.js';
import { sendError } from '../http/json.js';
import { rateLimitedLog } from '../rate-limited-log.js';
import { SLACK_EVENTS_PATH } from './platform.js';
import { parseVerifiedBody, SlackVerifier, type VerifiedRequest } from './verify.js';
import { replyBytes } from './reply-bytes.js';

export { SLACK_EVENTS_PATH };

export interface EventsReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Bolt answers 404 if no listener acks within this; Slack gives up at 3 s. */
  unhandledRequestTimeoutMillis?: number;
  /** largest body accepted, in bytes (default 1 MiB) */
  bodyLimit?: number;
  /** clock (ms), for tests */
  now?: () => number;
}

/** Slack signs with the time of sending and refuses to honour requests more than 5 minutes off. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export class EventsReceiver implements Receiver {
  private app: App | undefined;
  private accepting = true;
  private readonly options: EventsReceiverOptions;
  private readonly bodyLimit: number;
  private readonly verifier: SlackVerifier;
  private readonly now: () => number;
  /** unverified and malformed requests: one warning a minute, however many arrive */
  private readonly warnRejected: (message: string) => void;

  constructor(options: EventsReceiverOptions) {
    if (!options.signingSecret) throw new Error('EventsReceiver needs a signing secret');
    this.options = options;
    this.bodyLimit = options.bodyLimit ?? MAX_BODY_BYTES;
    this.verifier = new SlackVerifier(options.signingSecret);
    this.now = options.now ?? Date.now;
    this.warnRejected = rateLimitedLog((m) => options.logger.warn(m), 60_000, options.now);
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
    if ((query < 0 ? target : target.slice(0, query)) !== SLACK_EVENTS_PATH) {
      sendError(res, 404, 'not found', `Slack posts to ${SLACK_EVENTS_PATH}`);
      return closeUnread(req);
    }
    if ((req.method ?? '').toUpperCase() !== 'POST') {
      sendError(res, 405, 'method not allowed', 'Slack posts events with POST', { allow: 'POST' });
      return closeUnread(req);
    }
    // Before anything is read: a declared body over the limit is refused and never buffered.
    if (declaredTooLarge(req, this.bodyLimit) !== undefined) {
      this.warnRejected(`slack: refused a request body over ${this.bodyLimit} bytes (content-length ${req.headers['content-length']})`);
      return refuseTooLarge(req, res, this.bodyLimit);
    }
    if (!this.accepting || this.app === undefined) return refuseWhileStopping(res);
    const app = this.app;
    this.handle(app, req, res).catch((error: unknown) => {
      this.options.logger.error({ err: error }, `slack: request failed: ${describe(error)}`);
      if (!res.headersSent) sendError(res, 500, 'internal error', 'the request could not be processed; Slack will retry');
    });
  };

  private async handle(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    let buffered: BufferedIncomingMessage;
    let verified: VerifiedRequest;
    try {
      // Bolt buffers at most bodyLimit bytes (a chunked body is cut off there); the signature is checked by Bolt's rules (verify.ts).
      buffered = await http.bufferIncomingMessage(req, this.bodyLimit);
      verified = this.verifier.verify(req.headers, buffered.rawBody, this.now());
    } catch (error) {
      if (http.isRawBodyError(error) && (error.type === 'entity.too.large' || error.statusCode === 413)) {
        this.warnRejected(`slack: refused a request body over ${this.bodyLimit} bytes`);
        return refuseTooLarge(req, res, this.bodyLimit);
      }
      if (http.isRawBodyError(error)) {
        sendError(res, 400, 'unreadable body', describe(error));
        return closeUnread(req);
      }
      this.warnRejected(`slack: rejected an unverified request: ${describe(error)}`);
      return sendError(res, 401, 'unverified', "the request is not signed with this app's signing secret, or its timestamp is too old");
    }
    // Bolt refuses stale timestamps only; one from the future could be replayed for as long as it is ahead.
    const nowSeconds = Math.floor(this.now() / 1000);
    const stamped = Number(req.headers['x-slack-request-timestamp']);
    if (stamped > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
      this.warnRejected(`slack: rejected a request dated ${stamped - nowSeconds} s in the future`);
      return sendError(res, 401, 'unverified', `x-slack-request-timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s in the future`);
    }
    // Slack's SSL check is not signed (Bolt answers it without a signature) and carries nothing else.
    if (verified.kind === 'ssl_check') return http.buildSSLCheckResponse(res);

    let body: Record<string, unknown>;
    try {
      const parsed: unknown = parseVerifiedBody(verified);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error(`a payload must be a JSON object, got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}`);
      body = parsed as Record<string, unknown>;
    } catch (error) {
      this.warnRejected(`slack: malformed request body: ${describe(error)}`);
      return sendError(res, 400, 'malformed body', 'expected a Slack payload: JSON, or a form with a JSON payload field');
    }
    if (body['type'] === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    const problem = payloadProblem(body);
    if (problem !== undefined) {
      this.warnRejected(`slack: malformed payload: ${problem}`);
      return sendError(res, 400, 'malformed payload', `not a payload Slack sends: ${problem}`);
    }

    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: this.options.unhandledRequestTimeoutMillis ?? 3001,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    // Stopped while this one was being verified: the surface no longer waits for new work.
    if (!this.accepting) return refuseWhileStopping(res);
    const event: ReceiverEvent = {
      body,
      ack: ackFor(ack, res),
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      logger.error({ err: error }, `slack: processing failed: ${describe(error)}`);
      ack.ack();
      if (!res.headersSent) sendError(res, 500, 'internal error', 'the request could not be processed; Slack will retry');
      return;
    }
    // Every listener has run (Bolt awaits them) and none acked: nothing here handles this payload.
    // Say so now rather than after Bolt's no-ack timer.
    if (!res.headersSent) {
      ack.ack();
      sendError(res, 404, 'not handled', 'this app handles /azlinux, /cpulevel, mentions and its Share button');
    }
  }
}

// Slack retries events that fail; another replica (or this one, restarted) will answer.
const refuseWhileStopping = (res: ServerResponse): void =>
  sendError(res, 503, 'shutting down', 'Slack will retry the delivery', { 'retry-after': '1', connection: 'close' });

/** Interactive payloads: Bolt reads `user.id` from each of them before any listener runs. */
const INTERACTIVE = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_suggestion',
  'message_action',
  'shortcut',
  'view_submission',
  'view_closed',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What makes a verified payload one Bolt would trip over (a TypeError, a 500), or undefined. */
function payloadProblem(body: Record<string, unknown>): string | undefined {
  const type = body['type'];
  if (type === 'event_callback' && !(isObject(body['event']) && typeof body['event']['type'] === 'string')) return 'an event_callback without an event';
  if (typeof type === 'string' && INTERACTIVE.has(type) && !(isObject(body['user']) && typeof body['user']['id'] === 'string'))
    return `a ${type} payload without a user`;
  if (typeof body['command'] === 'string' && typeof body['user_id'] !== 'string') return 'a slash command without a user_id';
  return undefined;
}

// An ack body that is an object (a reply) is sent as the bytes replyBytes makes: the parts replies share are
// copied in as bytes encoded once, and the rest is serialised as JSON.stringify would. A frozen one is a
// reply the listeners keep in their KeyedCache and hand out again (listeners.ts): its bytes are kept
// beside it and sent again (encoding a 2–6 KB JSON string on every response costs more than the write
// itself). Anything else (no body, a string) is Bolt's ack as it is.
const encoded = new WeakMap<object, Buffer>();

function ackFor(httpAck: HTTPResponseAck, res: ServerResponse): (body?: unknown) => Promise<void> {
  const boltAck = httpAck.bind();
  return async (body) => {
    if (body === null || typeof body !== 'object' || res.headersSent) return boltAck(body);
    let bytes = encoded.get(body);
    if (bytes === undefined) {
      bytes = replyBytes(body);
      if (Object.isFrozen(body)) encoded.set(body, bytes);
    }
    // Bolt's own bookkeeping first (acknowledged: a second ack throws; the no-ack timer is cleared)
    httpAck.ack();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
    res.end(bytes);
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
