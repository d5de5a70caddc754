// The HTTP server on a bad day: oversized bodies and headers, slow clients, shutdown with connections
// open, a cache that is down, questions that try to ping. Over loopback, against the real node:http server.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpSurface, type HttpSurfaceOptions } from '../../src/adapters/http/server.js';
import type { RouteListener } from '../../src/ports/index.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { createHandler } from '../../src/service/handler.js';
import { stubAsk } from '../service/support/stub-ask.js';
import { captureLog } from '../service/support/log-capture.js';
import { waitUntil } from '../support/wait-until.js';

const cleanups: (() => Promise<void>)[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start({ slackEvents, ...over }: Partial<HttpSurfaceOptions> & { slackEvents?: () => RouteListener } = {}) {
  const store = new MemoryStore();
  const log = captureLog('debug');
  const handler = createHandler({ ask: stubAsk, store, logger: log.logger, cooldown: { max: 100, windowSeconds: 60 } });
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

/** A raw connection: write what you like, read what comes back, see when it closes. */
function open(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now())));
    socket.on('data', (d) => (out += d.toString()));
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => out, closed }));
    socket.once('error', reject);
  });
}

function parse(response: string): { status: number; headers: string; body: string } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body };
}

describe('bodies and headers', () => {
  it.each(['/slack/events', '/api/ask', '/healthz', '/nowhere'])(
    'POST %s declaring 200 MB is refused at once with 413 JSON and the connection closed',
    async (path) => {
      const { port } = await start({
        slackEvents: () => () => {
          throw new Error('the listener must not be reached');
        },
      });
      const c = await open(port);
      const started = Date.now();
      c.socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${200 * 1024 * 1024}\r\n\r\n`);
      c.socket.write(Buffer.alloc(64 * 1024, 'a')); // and then nothing: the connection is closed after the linger
      const closedAt = await c.closed;
      expect(closedAt - started).toBeLessThan(3_000);
      const res = parse(c.received());
      expect(res.status).toBe(413);
      expect(res.headers).toContain('content-type: application/json');
      expect(JSON.parse(res.body)).toMatchObject({ error: 'payload too large' });
    },
  );

  it('oversized headers get 431 with a JSON body', async () => {
    const { port } = await start();
    const c = await open(port);
    c.socket.write(`GET /api/ask?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await c.closed;
    const res = parse(c.received());
    expect(res.status).toBe(431);
    expect(res.headers).toContain('content-type: application/json');
    expect(JSON.parse(res.body)).toMatchObject({ error: 'headers too large' });
  });

  it('a body on a route that reads none is not read: the connection closes after the answer', async () => {
    const { port } = await start();
    const c = await open(port);
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 500000\r\n\r\n');
    c.socket.write(Buffer.alloc(1024, 'a'));
    await c.closed;
    expect(parse(c.received())).toMatchObject({ status: 200 });
  });
});

describe('timeouts', () => {
  it('headersTimeout takes effect within a second or so of its value, not 30 s late', async () => {
    const { port } = await start({ timeouts: { headersMs: 500, requestMs: 1_000 } });
    const c = await open(port);
    const started = Date.now();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // headers never finished
    const closedAt = await c.closed;
    expect(closedAt - started).toBeLessThan(3_000);
    expect(parse(c.received()).status).toBe(408);
    expect(JSON.parse(parse(c.received()).body)).toMatchObject({ error: 'request timeout' });
  });

  it('requestTimeout cuts off a body that trickles in', async () => {
    const { port } = await start({
      timeouts: { headersMs: 500, requestMs: 1_000 },
      slackEvents: () => (req, res) => {
        req.resume();
        req.on('end', () => res.end('{}'));
      },
    });
    const c = await open(port);
    const started = Date.now();
    c.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const drip = setInterval(() => c.socket.write(' '), 100);
    const closedAt = await c.closed;
    clearInterval(drip);
    expect(closedAt - started).toBeLessThan(4_000);
  });
});

describe('shutdown', () => {
  it('stop() closes idle keep-alive connections at once and destroys a slow client after the grace', async () => {
    const { port, surface, log } = await start({
      timeouts: { drainGraceMs: 500 },
      slackEvents: () => (req, res) => {
        req.resume();
        req.on('end', () => res.end('{}'));
      },
    });
    const idle = await open(port);
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n'); // answered, then kept alive
    const slow = await open(port);
    slow.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
    const drip = setInterval(() => slow.socket.write(' '), 100);
    await waitUntil(() => parse(idle.received()).status === 200 && surface.inFlight() === 1, 10_000, 'the idle answer and the slow request in flight');

    const graceOver = () => log.lines().some((l) => l.msg === 'http: closing connections still busy after the drain grace');
    const started = Date.now();
    const stopping = surface.stop();
    // the idle connection closes at once: while the grace for the slow one is still running
    expect(await idle.closed.then(graceOver)).toBe(false);
    await stopping;
    const stoppedIn = Date.now() - started;
    clearInterval(drip);
    expect(stoppedIn).toBeGreaterThanOrEqual(450);
    expect(stoppedIn).toBeLessThan(2_000);
    await slow.closed;
    expect(graceOver()).toBe(true);
  });
});

describe('what /readyz and /api/ask say', () => {
  it('a store that is down is reported but keeps the replica ready', async () => {
    let storeUp = false;
    const { base } = await start({ readiness: () => ({ slack: true, store: storeUp }), informational: ['store'] });
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ ok: true, checks: { slack: true, store: false }, degraded: ['store'] });
    storeUp = true;
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true, checks: { slack: true, store: true } });
  });

  it.each(['<!channel> hello', '<!here>', '<!subteam^S123|team>', '@everyone look', '@here', 'ping <@U0VICTIM>', 'x <#C0CHAN|general>'])(
    'never echoes %j verbatim in query',
    async (q) => {
      const { base } = await start();
      const res = await fetch(`${base}/api/ask?q=${encodeURIComponent(q)}`);
      const json = (await res.json()) as { query: string };
      expect(json.query).not.toBe(q);
      expect(json.query).not.toMatch(/<[!@#]|@(everyone|here|channel)\b/i);
      expect(json.query.replaceAll('\u200b', '')).toBe(q); // still readable, only made inert
    },
  );
});
