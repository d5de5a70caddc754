import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestListener } from 'node:http';
import { createHttpSurface, type HttpSurfaceOptions } from '../../src/adapters/http/server.js';
import type { RouteListener } from '../../src/ports/index.js';
import type { Handler } from '../../src/ports/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { stubAsk } from '../service/support/stub-ask.js';
import { captureLog } from '../service/support/log-capture.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A clock held in the middle of a cooldown window, so a test's requests never straddle two windows. */
const midWindow = () => 1_800_000_030_000;

async function start({ slackEvents, ...over }: Partial<HttpSurfaceOptions> & { slackEvents?: () => RouteListener } & { cooldownMax?: number } = {}) {
  const store = new MemoryStore();
  const log = captureLog('debug');
  const handler = createHandler({ ask: stubAsk, store, logger: log.logger, cooldown: { max: over.cooldownMax ?? 100, windowSeconds: 60, now: midWindow } });
  // a platform's route as the service mounts one (Slack's events endpoint: POST, refused while draining)
  const routes = slackEvents ? [{ path: '/slack/events', methods: ['POST'], work: true, listener: slackEvents() }] : [];
  const surface = createHttpSurface({ handler, logger: log.logger, readiness: () => ({}), routes, ...over });
  const { port } = await surface.listen(0, '127.0.0.1');
  cleanups.push(async () => {
    await surface.stop();
    await store.close();
  });
  return { base: `http://127.0.0.1:${port}`, surface, log, port };
}

async function get(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('HTTP surface', () => {
  it('/healthz answers 200 while the process lives, also to HEAD; other methods get 405', async () => {
    const { base } = await start();
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    const post = await get(`${base}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('/readyz is 503 naming what is not ready, 200 when every check passes', async () => {
    const checks = { slack: false, discord: true };
    const { base } = await start({ readiness: () => ({ ...checks }) });
    const waiting = await get(`${base}/readyz`);
    expect(waiting.status).toBe(503);
    expect(waiting.body).toMatchObject({ error: 'not ready: slack', checks: { slack: false, discord: true } });
    expect(String(waiting.body!.hint)).toContain('slack');
    checks.slack = true;
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('GET /api/ask returns the answer JSON contract', async () => {
    const { base } = await start();
    const res = await get(`${base}/api/ask?q=${encodeURIComponent('/cpulevel Standard_D4s_v5')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ query: '/cpulevel Standard_D4s_v5', kind: 'help', text: 'size Standard_D4s_v5', sources: [] });
  });

  it.each([
    ['/api/ask', 400, 'missing q'],
    ['/api/ask?q=', 400, 'empty q'],
    ['/api/ask?q=%20%20', 400, 'empty q'],
    ['/api/ask?q=<2,001 characters>', 414, 'q too long'],
    ['/nope', 404, 'not found'],
    ['//', 404, 'not found'],
    ['/slack/events', 404, 'not found'],
  ])('%s -> %i {error, hint}', async (path, status, error) => {
    const { base } = await start();
    const res = await get(base + path.replace('<2,001 characters>', 'a'.repeat(2_001)));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error });
    expect(typeof res.body!.hint).toBe('string');
  });

  it('accepts a question of exactly 2,000 characters (after decoding)', async () => {
    const { base } = await start();
    expect((await get(`${base}/api/ask?q=${'%C3%A9'.repeat(2_000)}`)).status).toBe(200);
  });

  it('refuses other methods on /api/ask with 405 and Allow', async () => {
    const { base } = await start();
    const res = await get(`${base}/api/ask?q=x`, { method: 'POST', body: 'q=x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body).toMatchObject({ error: 'method not allowed' });
  });

  it('cools down per client address with 429 and Retry-After; behind a trusted proxy per X-Forwarded-For', async () => {
    const direct = await start({ cooldownMax: 2 });
    expect((await get(`${direct.base}/api/ask?q=a`)).status).toBe(200);
    expect((await get(`${direct.base}/api/ask?q=a`)).status).toBe(200);
    const third = await get(`${direct.base}/api/ask?q=a`, { headers: { 'x-forwarded-for': '9.9.9.9' } });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(third.body).toMatchObject({ kind: 'error', visibility: 'private' });

    const proxied = await start({ cooldownMax: 1, trustProxy: true });
    const as = (ip: string) => get(`${proxied.base}/api/ask?q=a`, { headers: { 'x-forwarded-for': `1.1.1.1, ${ip}` } });
    expect((await as('10.0.0.1')).status).toBe(200);
    expect((await as('10.0.0.2')).status).toBe(200);
    expect((await as('10.0.0.1')).status).toBe(429);
  });

  it('answers an exception with 500, an apology and a reference id found in the log', async () => {
    const store = new MemoryStore();
    const log = captureLog();
    const handler = createHandler({
      ask: () => {
        throw new Error('kaboom');
      },
      store,
      logger: log.logger,
      cooldown: { max: 10, windowSeconds: 60 },
    });
    const surface = createHttpSurface({ handler, logger: log.logger, readiness: () => ({}) });
    const { port } = await surface.listen(0, '127.0.0.1');
    cleanups.push(async () => {
      await surface.stop();
      await store.close();
    });
    const res = await get(`http://127.0.0.1:${port}/api/ask?q=x`);
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ kind: 'error', code: 'internal' });
    expect(log.raw()).toContain(String(res.body!.ref));

    const broken: Handler = async () => {
      throw new Error('adapter bug');
    };
    const bare = await start({ handler: broken });
    const res2 = await get(`${bare.base}/api/ask?q=x`);
    expect(res2.status).toBe(500);
    const ref = /reference (\S+) /.exec(String(res2.body!.hint))?.[1];
    expect(ref).toBeTruthy();
    expect(bare.log.lines().find((l) => l.ref === ref)).toMatchObject({ msg: 'http request failed' });
  });

  it('hands POST /slack/events to the Slack listener when Slack runs in HTTP mode', async () => {
    const seen: string[] = [];
    const listener: RequestListener = (req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push(body);
        res.writeHead(200).end('');
      });
    };
    const { base } = await start({ slackEvents: () => listener });
    expect((await fetch(`${base}/slack/events`, { method: 'POST', body: 'token=x' })).status).toBe(200);
    expect(seen).toEqual(['token=x']);
    expect((await get(`${base}/slack/events`)).status).toBe(405);
  });

  it('while draining: /api/ask and /slack/events 503, /readyz 503, /healthz still 200', async () => {
    const { base, surface } = await start({ slackEvents: () => (_req, res) => res.end() });
    surface.startDraining();
    expect((await get(`${base}/api/ask?q=x`)).status).toBe(503);
    expect((await get(`${base}/slack/events`, { method: 'POST', body: '' })).status).toBe(503);
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 503, body: { error: 'shutting down' } });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });

  it('stop() finishes the request in flight before closing, and then refuses connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const asked = new Promise<void>((r) => (entered = r));
    const slow: Handler = async (q) => {
      entered();
      await gate;
      return stubAsk(q.text);
    };
    const { base, surface } = await start({ handler: slow });
    const pending = get(`${base}/api/ask?q=Standard_B1s`);
    await asked;
    expect(surface.inFlight()).toBe(1);
    let stopped = false;
    const stopping = surface.stop().then(() => (stopped = true));
    // a request answered after stop() began: stop() is under way, and still waiting for the slow one
    expect((await get(`${base}/api/ask?q=x`)).status).toBe(503);
    expect(stopped).toBe(false);
    release();
    expect(await pending).toMatchObject({ status: 200, body: { text: 'size Standard_B1s' } });
    await stopping;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('answers garbage on the wire with 400 and oversized headers with 431, and keeps serving', async () => {
    const { base, port } = await start();
    expect(await raw(port, 'NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1.1 400/);
    expect(await raw(port, `GET /api/ask?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1.1 431/);
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });
});
