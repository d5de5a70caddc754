// A loopback fake of the parts of Slack the surface talks to, on 127.0.0.1 only:
// - the Web API under /api/<method> (auth.test, chat.postMessage, chat.postEphemeral,
//   apps.connections.open; anything else answers {ok:true}), recording method, body and token;
// - response_url endpoints under /response/<id>, recording each post;
// - messages in acks: a slash command's ack body (HTTP, handed over by SlackSender) or its Socket Mode
//   ack payload is shown by Slack just like a response_url post, so it is recorded beside them
//   (`via: 'ack'`), checked the same way;
// - a Socket Mode WebSocket under /socket, for the Socket Mode test;
// - faults on demand (`fail()`): a call that hangs, answers 429 with Retry-After, 500, or has its
//   connection reset, for the Web API, response_url posts, or both.
// Messages are checked against Slack's limits; a message Slack would refuse is refused here too
// (invalid_blocks / msg_blocks_too_long) and its problems recorded, so tests can demand none.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';
import { slackMessageProblems } from './slack-blocks.js';

export type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  body: Json;
  /** the Authorization header as sent */
  auth: string | undefined;
  /** what was wrong with the message, if it carried one */
  problems: string[];
}

export interface ResponsePost {
  id: string;
  body: Json;
  problems: string[];
  /** posted to the response_url, or carried by the command's ack (which Slack shows the same way) */
  via: 'response_url' | 'ack';
}

/** A message in an ack, as Slack would show it: JSON with text or blocks. Anything else is not one. */
export function ackMessage(body: string): Json | undefined {
  if (body.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const json = parsed as Json;
    return 'text' in json || 'blocks' in json ? json : undefined;
  } catch {
    return undefined;
  }
}

/** Running fakes by origin, so a sender can hand the fake behind a response_url what its ack carried. */
const running = new Map<string, FakeSlack>();

/**
 * Slack showing the message a slash command's ack carried: recorded on the fake that serves
 * `responseUrl`, as if posted there. False when no running fake serves that URL.
 */
export function showAckMessage(responseUrl: string, message: Json): boolean {
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch {
    return false;
  }
  const fake = running.get(url.origin);
  const id = /^\/response\/([^/]+)$/.exec(url.pathname)?.[1];
  if (fake === undefined || id === undefined) return false;
  fake.recordAck(id, message);
  return true;
}

export type FaultKind = 'hang' | '429' | '500' | 'reset';

export interface Fault {
  kind: FaultKind;
  /** which calls: Web API methods, response_url posts, or any (default) */
  where?: 'api' | 'response' | 'any';
  /** only this Web API method (e.g. chat.postMessage) */
  method?: string;
  /** how many calls it hits (default 1; Infinity until healed) */
  times?: number;
  /** 429: the Retry-After header, in seconds (default 1) */
  retryAfter?: number;
}

export const FAKE_IDS = { team: 'T0TEST', botUser: 'UBOT', bot: 'B0BOT', app: 'A0APP' } as const;

function parseBody(raw: string, contentType: string | undefined): Json {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Json;
  const form = parseQuery(raw);
  const out: Json = {};
  for (const [k, v] of Object.entries(form)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        out[k] = JSON.parse(value);
        continue;
      } catch {
        // a plain string that happens to start with a bracket
      }
    }
    out[k] = value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** envelopes the Socket Mode client acknowledged */
  readonly socketAcks: Json[] = [];
  /** auth.test answers {ok:false, error:'invalid_auth'} when set */
  rejectAuth = false;
  /** chat.* calls are held this long before Slack answers them, so replies are still in flight */
  chatDelayMs = 0;
  /** Web API methods whose next call Slack answers {ok:false, error} (once each) */
  readonly failNext = new Map<string, string>();
  /** Web API methods whose next call Slack answers 429 with Retry-After: 0 (once each) */
  readonly rateLimitNext = new Set<string>();
  /** chat.* calls whose answer has been sent, with when */
  readonly chatAnswered: Array<{ method: string; at: number }> = [];
  private held = new Set<() => void>();
  private faults: Array<Fault & { left: number }> = [];
  /** calls a fault hit, in order */
  readonly faulted: Array<{ where: 'api' | 'response'; method: string; kind: FaultKind; at: number }> = [];

  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private ts = 1_700_000_000;
  private listeners: Array<() => void> = [];
  /** Socket Mode: the response_url of each slash command envelope sent, by envelope id */
  private envelopeResponseUrls = new Map<string, string>();

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  /** Web API base with the trailing slash Bolt needs */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ noServer: true });
    this.server = createServer((req, res) => {
      void this.route(req, res).catch((error: unknown) => json(res, 500, { ok: false, error: String(error) }));
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return void socket.destroy();
      this.wss?.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    running.set(`http://127.0.0.1:${this.port}`, this);
    return this;
  }

  /** A message Slack got in an ack for the command whose response_url ends in `id`. */
  recordAck(id: string, body: Json): void {
    this.responses.push({ id, body, problems: slackMessageProblems(body), via: 'ack' });
    this.notify();
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    const s = this.server;
    if (s) running.delete(`http://127.0.0.1:${this.port}`);
    this.server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `predicate` holds (checked after every recorded call), or rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
    const now = predicate();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`FakeSlack.waitFor timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      const check = (): void => {
        const value = predicate();
        if (!value) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(value);
      };
      this.listeners.push(check);
    });
  }

  /** Socket Mode: send one envelope to every connected client. */
  sendEnvelope(envelope: Json): void {
    const payload = envelope['payload'] as Json | undefined;
    if (envelope['type'] === 'slash_commands' && typeof payload?.['response_url'] === 'string') {
      this.envelopeResponseUrls.set(String(envelope['envelope_id']), payload['response_url']);
    }
    const text = JSON.stringify(envelope);
    for (const ws of this.sockets) ws.send(text);
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.notify();
    });
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as Json;
      this.socketAcks.push(ack);
      // A slash command's ack payload is shown like a response_url post.
      const responseUrl = this.envelopeResponseUrls.get(String(ack['envelope_id']));
      const payload = ack['payload'] as Json | undefined;
      if (responseUrl !== undefined && payload !== undefined && ('text' in payload || 'blocks' in payload)) {
        showAckMessage(responseUrl, payload);
      }
      this.notify();
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: FAKE_IDS.app } }));
    this.notify();
  }

  /** Make the next matching calls fail this way (see Fault). */
  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Clear every fault not yet used up; calls already hanging stay hung (their clients give up). */
  heal(): void {
    this.faults = [];
  }

  private takeFault(where: 'api' | 'response', method: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => f.left > 0 && (f.where ?? 'any') !== (where === 'api' ? 'response' : 'api') && (f.method === undefined || f.method === method),
    );
    if (fault === undefined) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  /** Answer every held chat.* call now. */
  releaseHeld(): void {
    for (const release of [...this.held]) release();
  }

  private hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.held.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.held.add(release);
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = parseBody(await readBody(req), req.headers['content-type']);

    const response = /^\/response\/([^/]+)$/.exec(url.pathname);
    const apiMethod = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
    const fault = response ? this.takeFault('response', '') : apiMethod ? this.takeFault('api', apiMethod) : undefined;
    if (fault !== undefined) {
      this.faulted.push({ where: response ? 'response' : 'api', method: apiMethod ?? '', kind: fault.kind, at: Date.now() });
      this.notify();
      switch (fault.kind) {
        case 'hang':
          return; // never answered; close() destroys the connection
        case 'reset':
          req.socket.destroy();
          return;
        case '429':
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter ?? 1) });
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        case '500':
          return json(res, 500, { ok: false, error: 'internal_error' });
      }
    }

    if (response && req.method === 'POST') {
      const problems = body['delete_original'] === true ? [] : slackMessageProblems(body);
      this.responses.push({ id: response[1] ?? '', body, problems, via: 'response_url' });
      this.notify();
      if (problems.length > 0) return json(res, 400, { ok: false, error: 'invalid_blocks', errors: problems });
      return json(res, 200, { ok: true });
    }

    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!api || req.method !== 'POST') return json(res, 404, { ok: false, error: 'unknown_method' });
    const method = api[1] ?? '';
    const carriesMessage = method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update';
    const problems = carriesMessage ? slackMessageProblems(body) : [];
    this.calls.push({ method, body, auth: req.headers.authorization, problems });
    this.notify();

    if (this.rateLimitNext.delete(method)) {
      res.writeHead(429, { 'retry-after': '0' });
      return void res.end();
    }
    const failure = this.failNext.get(method);
    if (failure !== undefined) {
      this.failNext.delete(method);
      return json(res, 200, { ok: false, error: failure });
    }
    if (carriesMessage && this.chatDelayMs > 0) await this.hold(this.chatDelayMs);
    if (carriesMessage) {
      res.once('finish', () => {
        this.chatAnswered.push({ method, at: Date.now() });
        this.notify();
      });
    }

    if (problems.length > 0) {
      const tooLong = problems.some((p) => p.startsWith('msg_blocks_too_long'));
      return json(res, 200, { ok: false, error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks', errors: problems });
    }
    switch (method) {
      case 'auth.test':
        if (this.rejectAuth) return json(res, 200, { ok: false, error: 'invalid_auth' });
        return json(res, 200, {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake Team',
          user: 'azlinux',
          team_id: FAKE_IDS.team,
          user_id: FAKE_IDS.botUser,
          bot_id: FAKE_IDS.bot,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        this.ts += 1;
        const ts = `${this.ts}.000100`;
        return json(res, 200, { ok: true, channel: body['channel'], ts, message: { ...body, ts, bot_id: FAKE_IDS.bot } });
      }
      case 'chat.postEphemeral':
        this.ts += 1;
        return json(res, 200, { ok: true, message_ts: `${this.ts}.000200` });
      case 'apps.connections.open':
        return json(res, 200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket` });
      default:
        return json(res, 200, { ok: true });
    }
  }
}

export async function startFakeSlack(): Promise<FakeSlack> {
  return new FakeSlack().start();
}
