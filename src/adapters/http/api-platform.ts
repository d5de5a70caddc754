// The HTTP API as the service runs it, a platform like Slack and Discord: GET /api/ask (JSON) and the
// web page (GET /, /api/complete and the page's assets), mounted on the service's one HTTP server.
// There is nothing to connect to: it runs once started, and takes no part in /readyz (the server's own
// readiness is its readiness).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdapterContext, PlatformSecrets, Route, RouteListener, Surface } from '../../ports/index.js';
import { PlatformLifecycle } from '../common/platform-lifecycle.js';
import { ASK_PATH, askRoute } from './ask-route.js';
import { sendError } from './json.js';
import { WEB_PATHS, webRoutes } from './web/routes.js';

export interface HttpApiSettings {
  /** take the client's address from X-Forwarded-For (TRUST_PROXY) */
  trustProxy: boolean;
}

/** The HTTP API once started: its listeners by path. */
export interface HttpApiSurface extends Surface {
  readonly listeners: ReadonlyMap<string, RouteListener>;
}

export class HttpApiPlatform extends PlatformLifecycle<HttpApiSurface> {
  /** what HTTP requests carry that is secret: blanked in every log line */
  static readonly secrets: PlatformSecrets = { paths: ['headers.authorization', 'req.headers.authorization', 'req.headers.cookie'] };

  readonly name = 'http';
  readonly env = ['TRUST_PROXY'] as const;
  override readonly readinessCheck = false;
  override readonly routes: readonly Route[];

  constructor(private readonly settings: HttpApiSettings) {
    super();
    const mount = (path: string, work: boolean): Route => ({
      path,
      ...(work ? { work } : {}),
      listener: (req, res, query) => this.serve(path, req, res, query),
    });
    this.routes = [mount(ASK_PATH, true), ...WEB_PATHS.map((path) => mount(path, false))];
  }

  private serve(path: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): unknown {
    const listener = this.surface?.listeners.get(path);
    if (listener) return listener(req, res, query);
    sendError(res, 503, 'starting', 'the service is starting; retry in a moment', { 'retry-after': '1' });
  }

  protected async open(context: AdapterContext): Promise<HttpApiSurface> {
    const { trustProxy } = this.settings;
    const { handler, complete, examples, asOf } = context;
    const routes = [askRoute(handler, trustProxy), ...webRoutes({ handler, complete, examples, asOf, trustProxy })];
    return { name: 'http', listeners: new Map(routes.map((r) => [r.path, r.listener])), isReady: () => true, stop: async () => undefined };
  }
}
