// The web page's routes, added to the HTTP surface: GET / (the page, answering ?q= on the server),
// GET /api/complete?q= (completion JSON) and the page's two assets. Every HTML and asset response
// carries a strict Content-Security-Policy: nothing but this origin's own script, style and fetches.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_QUESTION_LENGTH } from '../ask-route.js';
import { clientAddress } from '../client-address.js';
import { sendError, sendJson } from '../json.js';
import { isServiceAnswer, type Handler, type Route } from '../../../ports/index.js';
import { routesOf, type ExtraRoute } from '../server.js';
import { APP_CSS, APP_JS, ICON_SVG } from './assets.js';
import { questionCompletions, type CompleteFn } from '../../complete-question.js';
import { ASSET_PATHS, pageHtml } from './page.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface WebOptions {
  handler: Handler;
  complete: CompleteFn;
  examples: readonly string[];
  asOf: string;
  trustProxy?: boolean;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, cache: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': cache, ...SECURITY_HEADERS, ...extra });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const getOnly = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  sendError(res, 405, 'method not allowed', `use GET ${path}`, { allow: 'GET, HEAD' });
  return false;
};

/** The paths the web page serves (known before it starts: the HTTP API mounts them at once). */
export const WEB_PATHS = ['/', '/api/complete', ASSET_PATHS.js, ASSET_PATHS.css, ASSET_PATHS.icon, '/favicon.ico'] as const;

export function webRoutes(options: WebOptions): Route[] {
  const { handler, complete, examples, asOf } = options;
  const html = 'text/html; charset=utf-8';

  const page: ExtraRoute = async (req, res, query) => {
    if (!getOnly(req, res, '/')) return;
    const q = query.get('q');
    if (q === null || q.trim() === '') return send(req, res, 200, html, pageHtml({ examples, asOf }), 'no-cache');
    if (q.length > MAX_QUESTION_LENGTH) {
      const problem = `A question is at most ${MAX_QUESTION_LENGTH} characters; this one has ${q.length}.`;
      return send(req, res, 414, html, pageHtml({ question: q.slice(0, MAX_QUESTION_LENGTH), problem, examples, asOf }), 'no-store');
    }
    const answer = await handler({ platform: 'http', userId: `ip:${clientAddress(req, options.trustProxy ?? false)}`, text: q });
    const cooldown = isServiceAnswer(answer) && answer.code === 'cooldown';
    const status = cooldown ? 429 : isServiceAnswer(answer) && answer.code === 'internal' ? 500 : 200;
    send(
      req,
      res,
      status,
      html,
      pageHtml({ question: q, answer, examples, asOf }),
      'no-store',
      cooldown ? { 'retry-after': String(answer.retryAfterSeconds ?? 1) } : {},
    );
  };

  const completion: ExtraRoute = (req, res, query) => {
    if (!getOnly(req, res, '/api/complete')) return;
    const q = query.get('q') ?? '';
    sendJson(res, 200, { query: q.slice(0, 200), suggestions: questionCompletions(q, complete) });
  };

  const asset =
    (body: string, type: string): ExtraRoute =>
    (req, res) => {
      if (!getOnly(req, res, req.url ?? '')) return;
      send(req, res, 200, type, body, 'public, max-age=3600');
    };

  const byPath: Record<(typeof WEB_PATHS)[number], ExtraRoute> = {
    '/': page,
    '/api/complete': completion,
    [ASSET_PATHS.js]: asset(APP_JS, 'text/javascript; charset=utf-8'),
    [ASSET_PATHS.css]: asset(APP_CSS, 'text/css; charset=utf-8'),
    [ASSET_PATHS.icon]: asset(ICON_SVG, 'image/svg+xml'),
    // browsers that ignore the page's icon link ask for this one: nothing, rather than a JSON 404
    '/favicon.ico': (_req, res) => {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' }).end();
    },
  };
  return routesOf(byPath);
}
