// Loopback fake of Discord's gateway speaking the real protocol in JSON (what discord.js negotiates when
// zlib-sync is not installed: ?v=10&encoding=json, no compress): HELLO -> IDENTIFY -> READY (+ GUILD_CREATE),
// heartbeats ACKed, RESUME -> replay + RESUMED, plus ways to inject dispatches and to drop the connection.
// Several shards may be connected at once (one session each, by IDENTIFY's shard id); dispatch(),
// drop() and close() act on the latest session unless given a shard.
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, Reconnect: 7, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

export interface GatewayPayload {
  op: number;
  d?: any;
  s?: number | null;
  t?: string | null;
}

export interface ConnectionRecord {
  /** query string the client connected with, e.g. { v: '10', encoding: 'json' } */
  query: Record<string, string>;
  received: GatewayPayload[];
}

interface Session {
  id: string;
  /** IDENTIFY's shard id (0 when unsharded) */
  shard: number;
  seq: number;
  /** dispatches sent, for replay on RESUME */
  log: GatewayPayload[];
  socket: WebSocket | undefined;
}

export interface FakeGatewayOptions {
  heartbeatIntervalMs?: number;
  /** READY's d.user and d.application */
  botUser: Record<string, unknown>;
  applicationId: string;
  /** full GUILD_CREATE payloads sent right after READY (READY lists them as unavailable first) */
  guilds: () => Record<string, unknown>[];
}

export class FakeGateway extends EventEmitter {
  readonly connections: ConnectionRecord[] = [];
  private server: WebSocketServer | undefined;
  private session: Session | undefined;
  private readonly sessions = new Map<number, Session>();
  private sessionCounter = 0;
  private urlValue = '';
  /** answer the next RESUME with INVALID_SESSION (d: false) instead, forcing a fresh IDENTIFY */
  rejectNextResume = false;

  constructor(private readonly options: FakeGatewayOptions) {
    super();
  }

  get url(): string {
    return this.urlValue;
  }

  async start(): Promise<string> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    const { port } = this.server.address() as AddressInfo;
    this.urlValue = `ws://127.0.0.1:${port}`;
    this.server.on('connection', (socket, request) => this.onConnection(socket, request.url ?? '/'));
    return this.urlValue;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    for (const client of server.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** Payloads the client sent with this opcode, across all connections. */
  sent(op: number): GatewayPayload[] {
    return this.connections.flatMap((c) => c.received.filter((p) => p.op === op));
  }

  /** Shard ids with an identified, connected session. */
  connectedShards(): number[] {
    return [...this.sessions.values()]
      .filter((s) => s.socket !== undefined)
      .map((s) => s.shard)
      .sort((a, b) => a - b);
  }

  private sessionOf(shard: number | undefined): Session | undefined {
    return shard === undefined ? this.session : this.sessions.get(shard);
  }

  /** Send a dispatch (op 0) to the connected, identified client (of that shard). */
  dispatch(t: string, d: unknown, shard?: number): void {
    const session = this.sessionOf(shard);
    if (!session?.socket) throw new Error(`no identified connection to dispatch ${t} to`);
    this.sendDispatch(session, t, d);
  }

  /** Drop the connection the way a network failure does: no close frame (the client sees 1006). */
  drop(shard?: number): void {
    this.sessionOf(shard)?.socket?.terminate();
  }

  /** Close with a code, e.g. 4000 (unknown error, client resumes) or 1000 (client re-identifies). */
  close(code: number, reason = '', shard?: number): void {
    this.sessionOf(shard)?.socket?.close(code, reason);
  }

  /** Resolves when the client next sends `op` (or has already sent it `count` times in total). */
  waitForOp(op: number, count = 1, timeoutMs = 10_000): Promise<GatewayPayload> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const list = this.sent(op);
        if (list.length >= count) {
          cleanup();
          resolve(list[count - 1]!);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`gateway: op ${op} #${count} not received within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('payload', check);
      };
      this.on('payload', check);
      check();
    });
  }

  private onConnection(socket: WebSocket, path: string): void {
    const query = Object.fromEntries(new URL(path, 'ws://127.0.0.1').searchParams);
    const record: ConnectionRecord = { query, received: [] };
    this.connections.push(record);
    if (query.encoding !== 'json' || query.compress) {
      socket.close(4002, 'this fake speaks uncompressed JSON only');
      return;
    }
    const send = (p: GatewayPayload) => socket.send(JSON.stringify(p));
    send({ op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 1000 }, s: null, t: null });

    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as GatewayPayload;
      record.received.push(payload);
      switch (payload.op) {
        case Op.Heartbeat:
          send({ op: Op.HeartbeatAck });
          break;
        case Op.Identify:
          this.identify(socket, payload);
          break;
        case Op.Resume:
          this.resume(socket, payload);
          break;
        default:
          break;
      }
      this.emit('payload', payload);
    });
    socket.on('close', () => {
      for (const session of this.sessions.values()) if (session.socket === socket) session.socket = undefined;
    });
  }

  private identify(socket: WebSocket, payload: GatewayPayload): void {
    if (typeof payload.d?.token !== 'string' || payload.d.token.length === 0) {
      socket.close(4004, 'Authentication failed');
      return;
    }
    const shard: number = Array.isArray(payload.d.shard) ? Number(payload.d.shard[0]) : 0;
    const session: Session = { id: `session-${++this.sessionCounter}`, shard, seq: 0, log: [], socket };
    this.session = session;
    this.sessions.set(shard, session);
    // A shard gets the guilds Discord routes to it: (guild_id >> 22) % shard_count === shard_id.
    const count = Array.isArray(payload.d.shard) ? BigInt(payload.d.shard[1]) : 1n;
    const guilds = this.options.guilds().filter((g) => (BigInt(String(g.id)) >> 22n) % count === BigInt(shard));
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: this.options.botUser,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.urlValue,
      shard: payload.d.shard ?? [0, 1],
      application: { id: this.options.applicationId, flags: 0 },
    });
    for (const g of guilds) this.sendDispatch(session, 'GUILD_CREATE', g);
  }

  private resume(socket: WebSocket, payload: GatewayPayload): void {
    const session = [...this.sessions.values()].find((s) => s.id === payload.d?.session_id);
    if (this.rejectNextResume || !session) {
      this.rejectNextResume = false;
      socket.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      return;
    }
    session.socket = socket;
    this.session = session;
    for (const missed of session.log.filter((p) => (p.s ?? 0) > (payload.d.seq ?? 0))) socket.send(JSON.stringify(missed));
    this.sendDispatch(session, 'RESUMED', {});
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    const payload: GatewayPayload = { op: Op.Dispatch, t, s: ++session.seq, d };
    session.log.push(payload);
    session.socket?.send(JSON.stringify(payload));
  }
}
