// Loopback fake of Discord's REST API (the routes discord.js uses for this bot), recording every request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';

export interface RecordedRequest {
  method: string;
  /** path below /api/v10, e.g. "/channels/1/messages" */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: any;
  /** what the fake answered */
  status?: number;
  response?: any;
}

type Reply = { status: number; body?: unknown };
type Route = (req: RecordedRequest, params: string[]) => Reply | Promise<Reply>;

let snowflake = 1_300_000_000_000_000_000n;
export const nextId = (): string => String(++snowflake);

export interface FakeRestOptions {
  botUser: Record<string, unknown>;
  applicationId: string;
  /** the gateway URL /gateway/bot hands out */
  gatewayUrl: () => string;
  shards?: number;
}

export class FakeDiscordRest extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** registered commands by scope: "global" or the guild id */
  readonly commands = new Map<string, Record<string, unknown>[]>();
  /** while set, every request is answered with this status (a Discord that fails persistently) */
  failAll: number | undefined;
  private server: Server | undefined;
  private readonly routes: [string, RegExp, Route][] = [];

  constructor(private readonly options: FakeRestOptions) {
    super();
    const messageFrom = (channelId: string, body: any, extra: Record<string, unknown> = {}) => ({
      id: nextId(),
      channel_id: channelId,
      author: this.options.botUser,
      content: body?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body?.embeds ?? [],
      pinned: false,
      type: body?.message_reference ? 19 : 0,
      flags: body?.flags ?? 0,
      ...(body?.message_reference ? { message_reference: body.message_reference } : {}),
      ...extra,
    });

    this.route('GET', /^\/gateway\/bot$/, () => ({
      status: 200,
      body: {
        url: this.options.gatewayUrl(),
        shards: this.options.shards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }));
    this.route('GET', /^\/gateway$/, () => ({ status: 200, body: { url: this.options.gatewayUrl() } }));
    this.route('GET', /^\/users\/@me$/, () => ({ status: 200, body: this.options.botUser }));
    this.route('GET', /^\/applications\/@me$/, () => ({
      status: 200,
      body: { id: this.options.applicationId, name: 'azlinux-bot', bot_public: true, flags: 0 },
    }));
    this.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (req) => ({
      status: req.query.with_response === 'true' ? 200 : 204,
      body: req.query.with_response === 'true' ? { interaction: { id: nextId(), type: 2 }, resource: { type: req.body?.type } } : undefined,
    }));
    this.route('PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (req) => ({
      status: 200,
      body: messageFrom('0', req.body, { webhook_id: this.options.applicationId }),
    }));
    this.route('DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => ({ status: 204 }));
    this.route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (req) => ({
      status: 200,
      body: messageFrom('0', req.body, { webhook_id: this.options.applicationId }),
    }));
    this.route('POST', /^\/channels\/(\d+)\/messages$/, (req, [channelId]) => ({
      status: 200,
      body: messageFrom(channelId!, req.body),
    }));
    this.route('POST', /^\/channels\/(\d+)\/typing$/, () => ({ status: 204 }));

    const commandsRoute = (scope: (params: string[]) => string) => {
      const list = (params: string[]) => this.commands.get(scope(params)) ?? [];
      return {
        get: ((_req, params) => ({ status: 200, body: list(params) })) as Route,
        put: ((req, params) => {
          const [appId, guildId] = params;
          const stored = (req.body as Record<string, unknown>[]).map((c) => echoCommand(c, appId!, guildId));
          this.commands.set(scope(params), stored);
          return { status: 200, body: stored };
        }) as Route,
      };
    };
    const global = commandsRoute(() => 'global');
    const guild = commandsRoute((p) => p[1]!);
    this.route('GET', /^\/applications\/(\d+)\/commands$/, global.get);
    this.route('PUT', /^\/applications\/(\d+)\/commands$/, global.put);
    this.route('GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, guild.get);
    this.route('PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, guild.put);
  }

  route(method: string, pattern: RegExp, handler: Route): void {
    this.routes.unshift([method, pattern, handler]);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** Resolves with the first request (already recorded or yet to come) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error(`no matching request within ${timeoutMs} ms; saw: ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!match(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: raw ? safeJson(raw) : undefined,
    };
    let reply: Reply = { status: 404, body: { message: 'Unknown route', code: 0 } };
    if (this.failAll !== undefined) {
      reply = { status: this.failAll, body: { message: 'Internal Server Error', code: 0 } };
    } else if (!url.pathname.startsWith('/api/v10/')) {
      reply = { status: 404, body: { message: 'Not the v10 API', code: 0 } };
    } else if (req.headers.authorization !== undefined && !/^Bot \S+$/.test(req.headers.authorization)) {
      reply = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    } else {
      for (const [method, pattern, handler] of this.routes) {
        const m = method === recorded.method ? pattern.exec(path) : null;
        if (m) {
          reply = await handler(recorded, m.slice(1));
          break;
        }
      }
    }
    recorded.status = reply.status;
    recorded.response = reply.body;
    this.requests.push(recorded);
    this.emit('request', recorded);
    if (reply.body === undefined) {
      res.writeHead(reply.status).end();
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    }
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** What Discord sends back for a stored command: ids and version added, defaults filled, falsy flags dropped. */
function echoCommand(c: Record<string, unknown>, appId: string, guildId: string | undefined): Record<string, unknown> {
  const options = (opts: unknown): unknown =>
    Array.isArray(opts)
      ? opts.map((o: Record<string, unknown>) => {
          const { required, autocomplete, ...rest } = o;
          return {
            ...rest,
            ...(required ? { required } : {}),
            ...(autocomplete ? { autocomplete } : {}),
            ...(rest.options ? { options: options(rest.options) } : {}),
          };
        })
      : opts;
  const { contexts, integration_types, ...rest } = c;
  return {
    id: nextId(),
    application_id: appId,
    version: nextId(),
    default_member_permissions: null,
    type: 1,
    dm_permission: true,
    nsfw: false,
    name_localizations: null,
    description_localizations: null,
    ...rest,
    ...(guildId ? { guild_id: guildId } : { integration_types: integration_types ?? [0], contexts: contexts ?? null }),
    ...(rest.options ? { options: options(rest.options) } : {}),
  };
}
