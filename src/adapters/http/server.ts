// The HTTP surface (node:http): health and readiness, and whatever routes the service mounts (the HTTP
// API's /api/ask and web page, /metrics, each platform's own: Slack's events endpoint). It knows no
// platform's paths: it finds a route by its exact path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { Handler, Logger, Route, RouteListener, Surface } from '../../ports/index.js';
import { askRoute } from './ask-route.js';
import { declaredTooLarge, closeUnread, MAX_BODY_BYTES, refuseTooLarge } from './body-limit.js';
import { sendError, sendJson } from './json.js';
import { settleWithin } from '../common/deadline.js';

export interface HttpSurfaceOptions {
  /** mounts GET /api/ask answered by it (tests, a standalone server; the service mounts the HTTP API platform's routes) */
  handler?: Handler;
  logger: Logger;
  /** a fresh reference id for a request that failed (the service's request ids; default a random one) */
  requestId?: () => string;
  /** one entry per configured dependency (slack, discord, store): true when it can serve */
  readiness: () => Record<string, boolean>;
  /**
   * checks reported in /readyz that do not make it fail: a shared cache (the store) being away takes
   * no replica out of service, since every replica would go together and answers still flow without it
   */
  informational?: readonly string[];
  trustProxy?: boolean;
  /** more routes by exact path (the web page, the metrics, a platform's endpoint) */
  routes?: readonly Route[];
  /** timeouts in ms (defaults: headers 10 s, whole request 30 s, drain grace 3 s) */
  timeouts?: { headersMs?: number; requestMs?: number; drainGraceMs?: number };
  /** largest request body, in bytes (default 1 MiB) */
  bodyLimit?: number;
}

/** A route added beside the built-in ones: the request, its response and the parsed query. */
export type ExtraRoute = RouteListener;

/** Routes by path (each answering its own methods) as the server mounts them. */
export const routesOf = (byPath: Record<string, RouteListener>): Route[] => Object.entries(byPath).map(([path, listener]) => ({ path, listener }));

/** How often node:http checks requestTimeout and headersTimeout (its default, 30 s, makes them 30 s late). */
export const CONNECTIONS_CHECK_MS = 1_000;
/** On stop, requests in flight get this long to finish before their connections are destroyed. */
export const DRAIN_GRACE_MS = 3_000;

export interface HttpSurface extends Surface {
  readonly server: Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /**
   * stop taking new work: /api/ask and the routes that take work answer 503, /readyz answers 503, idle keep-alive
   * connections are closed
   */
  startDraining(): void;
  /** requests being served right now */
  inFlight(): number;
}

const notFoundHint = 'try GET /api/ask?q=/azlinux%20help, /healthz or /readyz';
const BUILT_IN = ['/healthz', '/readyz'];

/**
 * The server's lifecycle as explicit state:
 *   idle --listen()--> listening --startDraining()--> draining --stop()--> stopped
 * (stop() from any state; draining also while idle, so a stop before listen refuses work too).
 */
export type HttpState = 'idle' | 'listening' | 'draining' | 'stopped';

class HttpServer implements HttpSurface {
  readonly name = 'http';
  readonly server: Server;
  private state: HttpState = 'idle';
  private listening = false;
  /** responses not yet closed: the requests in flight */
  private readonly active = new Set<ServerResponse>();
  private idle: (() => void) | undefined;
  private readonly mounted = new Map<string, Route>();
  private readonly bodyLimit: number;
  private readonly drainGraceMs: number;

  constructor(private readonly options: HttpSurfaceOptions) {
    this.bodyLimit = options.bodyLimit ?? MAX_BODY_BYTES;
    this.drainGraceMs = options.timeouts?.drainGraceMs ?? DRAIN_GRACE_MS;
    for (const r of [...(options.handler ? [askRoute(options.handler, options.trustProxy ?? false)] : []), ...(options.routes ?? [])]) {
      if (this.mounted.has(r.path) || BUILT_IN.includes(r.path)) throw new Error(`two routes for ${r.path}`);
      this.mounted.set(r.path, r);
    }
    this.server = createServer(
      {
        headersTimeout: options.timeouts?.headersMs ?? 10_000,
        requestTimeout: options.timeouts?.requestMs ?? 30_000,
        connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
      },
      (req, res) => this.serve(req, res),
    );
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket) => refuseMalformed(err, socket));
  }

  private get draining(): boolean {
    return this.state === 'draining' || this.state === 'stopped';
  }

  isReady(): boolean {
    return this.listening && !this.draining;
  }

  inFlight(): number {
    return this.active.size;
  }

  startDraining(): void {
    if (this.state !== 'stopped') this.state = 'draining';
    this.server.closeIdleConnections();
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        this.listening = true;
        if (this.state === 'idle') this.state = 'listening';
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  // Bounded drain: idle keep-alive connections close at once; requests in flight get drainGraceMs to
  // finish, then every connection left (a slow client, a stalled upload) is destroyed.
  async stop(): Promise<void> {
    this.startDraining();
    if (this.active.size > 0) {
      const finished = await settleWithin(new Promise<void>((resolve) => (this.idle = resolve)), this.drainGraceMs);
      if (!finished)
        this.options.logger.warn({ unfinished: this.active.size, graceMs: this.drainGraceMs }, 'http: closing connections still busy after the drain grace');
    }
    this.state = 'stopped';
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Every request: tracked until its response closes, routed, and a failure answered once. */
  private serve(req: IncomingMessage, res: ServerResponse): void {
    const { logger } = this.options;
    this.active.add(res);
    const started = process.hrtime.bigint();
    if (this.draining) res.setHeader('connection', 'close');
    // Only a platform's route (Slack's events) reads a body; a body still arriving when the answer has
    // gone is not read (nor thrown away at line rate): its connection is closed after a short linger.
    res.once('finish', () => closeUnread(req));
    res.once('close', () => {
      this.active.delete(res);
      if (logger.isLevelEnabled('debug')) {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        logger.debug({ method: req.method, path: (req.url ?? '').split('?')[0], status: res.statusCode, durationMs }, 'http');
      }
      if (this.active.size === 0) this.idle?.();
    });
    this.route(req, res).catch((err: unknown) => {
      const ref = this.options.requestId?.() ?? randomUUID().slice(0, 8);
      logger.error({ ref, err, path: (req.url ?? '').split('?')[0] }, 'http request failed');
      if (!res.headersSent) sendError(res, 500, 'internal error', `sorry; quote reference ${ref} if it keeps happening`);
      else res.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Split by hand: new URL() refuses some request targets ("//", "//x") that must still get a 404.
    const target = req.url ?? '/';
    const at = target.indexOf('?');
    const path = at < 0 ? target : target.slice(0, at);
    // Before anything is read or verified: a body declared over the limit is refused, never buffered.
    if (declaredTooLarge(req, this.bodyLimit) !== undefined) return refuseTooLarge(req, res, this.bodyLimit);
    const health = path === '/healthz' || path === '/readyz';
    if (health && req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'method not allowed', `use GET ${path}`, { allow: 'GET, HEAD' });
    }
    if (path === '/healthz') return sendJson(res, 200, { ok: true, draining: this.draining });
    if (path === '/readyz') return this.readyz(res);
    const query = () => new URLSearchParams(at < 0 ? '' : target.slice(at + 1));
    const mount = this.mounted.get(path);
    if (!mount) return sendError(res, 404, 'not found', notFoundHint);
    if (mount.methods && !mount.methods.includes(req.method ?? '')) {
      return sendError(res, 405, 'method not allowed', `use ${mount.methods.join(' or ')} ${path}`, { allow: mount.methods.join(', ') });
    }
    if (mount.work && this.draining) return refuseWhileDraining(res);
    // The route answers (and reports its own failures); the server tracks the response until it closes.
    await mount.listener(req, res, query());
  }

  private readyz(res: ServerResponse): void {
    const informational = this.options.informational ?? [];
    const checks = this.options.readiness();
    const down = Object.entries(checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    const waiting = down.filter((name) => !informational.includes(name));
    const degraded = down.filter((name) => informational.includes(name));
    if (this.draining) return sendJson(res, 503, { error: 'shutting down', hint: 'this instance is draining; send traffic elsewhere', checks });
    if (waiting.length > 0)
      return sendJson(res, 503, { error: `not ready: ${waiting.join(', ')}`, hint: `waiting for ${waiting.join(' and ')} to connect`, checks });
    sendJson(res, 200, degraded.length > 0 ? { ok: true, checks, degraded } : { ok: true, checks });
  }
}

const refuseWhileDraining = (res: ServerResponse): void =>
  sendError(res, 503, 'shutting down', 'retry in a moment; another instance will answer', { connection: 'close', 'retry-after': '1' });

/** A request node:http could not parse: answered on the socket, in JSON like every other refusal. */
function refuseMalformed(err: NodeJS.ErrnoException, socket: Duplex): void {
  const [status, body] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          '431 Request Header Fields Too Large',
          { error: 'headers too large', hint: 'send shorter headers and a shorter URL (a question is at most 2,000 characters)' },
        ]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['408 Request Timeout', { error: 'request timeout', hint: 'send the whole request promptly' }]
        : ['400 Bad Request', { error: 'bad request', hint: 'not a well-formed HTTP/1.1 request' }];
  const payload = JSON.stringify(body);
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    );
  } else socket.destroy();
}

export function createHttpSurface(options: HttpSurfaceOptions): HttpSurface {
  return new HttpServer(options);
}
