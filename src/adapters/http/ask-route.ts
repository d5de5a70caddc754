// GET /api/ask?q=...: the question in, the answer's JSON contract out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toJson } from '../../core/index.js';
import type { Handler, Route } from '../../ports/index.js';
import { isServiceAnswer } from '../../ports/index.js';
import { clientAddress } from './client-address.js';
import { sendError, sendJson } from './json.js';
import { neutralisePings } from './no-ping.js';

export const MAX_QUESTION_LENGTH = 2_000;

/** Where the JSON API answers. */
export const ASK_PATH = '/api/ask';

/** GET /api/ask as a route: it takes work, so it is refused while the server drains. */
export const askRoute = (handler: Handler, trustProxy: boolean): Route => ({
  path: ASK_PATH,
  work: true,
  listener: (req, res, query) => handleAsk(req, res, query, handler, trustProxy),
});

export async function handleAsk(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, handler: Handler, trustProxy: boolean): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendError(res, 405, 'method not allowed', 'use GET /api/ask?q=<question>', { allow: 'GET, HEAD' });
  }
  const q = query.get('q');
  if (q === null) return sendError(res, 400, 'missing q', 'ask with GET /api/ask?q=/cpulevel%20Standard_D4s_v5');
  if (q.trim() === '') return sendError(res, 400, 'empty q', 'put a question in q, e.g. /api/ask?q=/azlinux%20help');
  if (q.length > MAX_QUESTION_LENGTH) {
    return sendError(res, 414, 'q too long', `a question is at most ${MAX_QUESTION_LENGTH} characters; this one has ${q.length}`);
  }
  const answer = await handler({ platform: 'http', userId: `ip:${clientAddress(req, trustProxy)}`, text: q });
  const json = { ...toJson(answer), query: neutralisePings(answer.query) };
  if (isServiceAnswer(answer) && answer.code === 'cooldown') {
    return sendJson(res, 429, json, { 'retry-after': String(answer.retryAfterSeconds ?? 1) });
  }
  if (isServiceAnswer(answer) && answer.code === 'internal') return sendJson(res, 500, json);
  sendJson(res, 200, json);
}
