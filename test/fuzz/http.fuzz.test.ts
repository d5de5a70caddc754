// The HTTP API: arbitrary questions, methods and paths -> JSON every time, the answer contract on 200,
// {error, hint} on refusals, never a 500, and the server still serving afterwards.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHttpSurface, type HttpSurface } from '../../src/adapters/http/server.js';
import { createHandler } from '../../src/service/handler.js';
import { createLogger } from '../../src/service/logger.js';
import { wellFormed } from './arbitraries.js';
import { BROADCAST, expectAnswer, within } from './checks.js';

let surface: HttpSurface;
let store: MemoryStore;
let port: number;
beforeAll(async () => {
  store = new MemoryStore();
  const handler = createHandler({ ask, store, logger: createLogger('silent'), cooldown: { max: 100_000, windowSeconds: 60 } });
  surface = createHttpSurface({ handler, logger: createLogger('silent'), readiness: () => ({}) });
  ({ port } = await surface.listen(0, '127.0.0.1'));
});
afterAll(async () => {
  await surface.stop();
  await store.close();
});

function send(method: string, path: string): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PATHS = ['/api/ask', '/api/ask/', '/api/asks', '/healthz', '/readyz', '/slack/events', '/', '/API/ASK', '//api/ask', '/api/ask;x'];
const rawSegment = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~%/?&=#+:@!$*,;'.split('')), maxLength: 40 });

describe('HTTP API under arbitrary requests', () => {
  it('answers any q with the bounded answer contract (or a 4xx JSON refusal), never a ping', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormed, async (q) => {
        const res = await within(5_000, 'GET /api/ask', () => send('GET', `/api/ask?q=${encodeURIComponent(q)}`));
        expect(res.type).toBe('application/json; charset=utf-8');
        const body = JSON.parse(res.body) as Record<string, unknown>;
        if (q.trim() === '') {
          expect([res.status, body.error]).toEqual([400, 'empty q']);
        } else if (q.length > 2_000) {
          expect([res.status, body.error]).toEqual([414, 'q too long']);
        } else {
          // 500 only with the service's apology answer (a core exception; the core's own fuzz test names it)
          expect([200, 500]).toContain(res.status);
          if (res.status === 500) expect(body).toMatchObject({ kind: 'error', code: 'internal' });
          expectAnswer(body);
          expect(body.text).not.toMatch(BROADCAST);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('meets any method, path and query string with JSON and a sensible status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.oneof(
          fc.constantFrom(...PATHS),
          rawSegment.map((s) => `/${s}`),
        ),
        rawSegment,
        async (method, path, query) => {
          const res = await within(5_000, `${method} ${path}`, () => send(method, `${path}?${query}`));
          expect([200, 400, 404, 405, 414, 503]).toContain(res.status);
          if (method === 'HEAD') {
            expect(res.body).toBe('');
            return;
          }
          const body = JSON.parse(res.body) as Record<string, unknown>;
          if (res.status === 200) {
            if ('kind' in body) expectAnswer(body);
          } else if (!('checks' in body)) {
            expect(typeof body.error).toBe('string');
            expect(typeof body.hint).toBe('string');
          }
        },
      ),
      { numRuns: 200 },
    );
    expect((await send('GET', '/healthz')).status).toBe(200);
  });
});
