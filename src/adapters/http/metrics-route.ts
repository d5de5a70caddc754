// GET /metrics: Prometheus text exposition. With a token configured (METRICS_TOKEN) it wants
// `Authorization: Bearer <token>`, compared in constant time; without one it is open, like /readyz.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './json.js';
import type { ExtraRoute } from './server.js';

export interface MetricsSource {
  render(): Promise<{ contentType: string; body: string }>;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

function authorised(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined || token === '') return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

export function metricsRoute(metrics: MetricsSource, token?: string): ExtraRoute {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'method not allowed', 'use GET /metrics', { allow: 'GET, HEAD' });
    }
    if (!authorised(req, token)) {
      return sendError(res, 401, 'unauthorised', 'send Authorization: Bearer <METRICS_TOKEN>', { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    const { contentType, body } = await metrics.render();
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
