// The Discord surface: a discord.js gateway client wired to an injected Handler. No domain knowledge here.
import {
  Client,
  DefaultRestOptions,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  RESTEvents,
  Routes,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js';
import { CodedError, type Handler, type KeyValueStore, type PlatformObserver, type Surface, type WorkTracker } from '../../ports/index.js';
import { apologising } from '../common/apologising.js';
import { InFlight } from '../common/in-flight.js';
import { PlatformHealth } from '../platform-health.js';
import type { CompleteFn } from './autocomplete.js';
import { answerAutocomplete, answerCommand, type InteractionDeps } from './interactions.js';
import { DEFER_AFTER_MS } from './limits.js';
import { answerMention, isForBot, type MentionDeps } from './mentions.js';
import { NO_MENTIONS, problemReply, silentLogger, type DiscordLogger } from './replies.js';
import { restBase } from './rest-base.js';
import { answerShare, SHARE_PREFIX } from './share.js';

export interface DiscordSurfaceOptions {
  /** bot token (DISCORD_TOKEN) */
  token: string;
  /**
   * REST base as discord.js means it, e.g. "https://discord.com/api" (the default) or
   * "http://127.0.0.1:8080/api" (DISCORD_API_URL). The gateway URL then comes from its GET /gateway/bot.
   */
  apiUrl?: string;
  handler: Handler;
  /** ranked completions for autocomplete; the core's `complete` */
  complete: CompleteFn;
  /** remembers reply chains and de-duplicates deliveries; shared (Redis) when several processes run */
  store: KeyValueStore;
  logger?: DiscordLogger;
  /**
   * Shards this process runs. Leave unset for one shard, or when started by discord.js's ShardingManager
   * (which passes SHARDS / SHARD_COUNT to the child itself). 'auto' = Discord's recommended count, all here.
   */
  shards?: number | number[] | 'auto';
  shardCount?: number;
  /** defer a slash command (and show typing for a mention) when the handler takes longer than this */
  deferAfterMs?: number;
  /** how long stop() waits for replies in flight */
  drainTimeoutMs?: number;
  /** where each interaction is counted until its reply is sent (the service's; default: the surface's own) */
  inFlight?: WorkTracker;
  /** told of REST errors and retries (the metrics) */
  observer?: PlatformObserver;
  /** REST: per-request timeout, retries after it (5xx, timeouts), readiness probing (10 s, 2, 5 s) */
  rest?: { timeoutMs?: number; retries?: number; stuckAfterMs?: number; probeEveryMs?: number };
}

/** Discord REST: a request is abandoned after this, and retried this many times on a 5xx or a timeout. */
export const DISCORD_REST_TIMEOUT_MS = 10_000;
export const DISCORD_REST_RETRIES = 2;

export interface DiscordSurface extends Surface {
  readonly name: 'discord';
  /** the underlying discord.js client (for ShardingManager broadcastEval, diagnostics) */
  readonly client: Client;
}

/** Guilds + GuildMessages + DirectMessages: enough to see mentions and DMs. No privileged intent. */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** System error codes that mean "Discord was not reached", not "Discord said no". */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * A failed login said plainly: a refused token names DISCORD_TOKEN; a network failure (or Discord's
 * servers failing) says Discord was unreachable, so nobody resets a good token for a bad network.
 */
export function loginError(err: unknown, apiUrl: string | undefined): CodedError<'discord_auth_failed' | 'discord_unreachable' | 'discord_connect_failed'> {
  const e = err as { code?: unknown; status?: unknown; cause?: { code?: unknown }; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (e?.code === 'TokenInvalid' || e?.status === 401) {
    return new CodedError('discord_auth_failed', `Discord rejected DISCORD_TOKEN (${message}); reset it in the Developer Portal (Bot > Reset Token)`, {
      cause: err,
    });
  }
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const serverError = typeof e?.status === 'number' && e.status >= 500;
  if (
    (code !== undefined && NETWORK_CODES.has(code)) ||
    serverError ||
    message === 'fetch failed' ||
    e?.code === 'ABORT_ERR' ||
    (err instanceof Error && err.name === 'AbortError')
  ) {
    return new CodedError(
      'discord_unreachable',
      `Discord could not be reached at ${apiUrl ?? 'https://discord.com/api'} (${code ?? message}); check the network, any proxy, and DISCORD_API_URL`,
      { cause: err },
    );
  }
  return new CodedError('discord_connect_failed', message, { cause: err });
}

export async function createDiscordSurface(options: DiscordSurfaceOptions): Promise<DiscordSurface> {
  const logger = options.logger ?? silentLogger;
  const store = options.store;
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;

  const clientOptions: ClientOptions = {
    intents: INTENTS,
    // DM channels are not cached ahead of time; let discord.js build them from the event
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
  };
  // Every REST request goes through makeRequest: its outcome feeds readiness, so a Discord whose API
  // hangs or fails turns this process unready (the gateway socket alone can look fine meanwhile).
  let client: Client | undefined;
  const timeoutMs = options.rest?.timeoutMs ?? DISCORD_REST_TIMEOUT_MS;
  const health = new PlatformHealth({
    stuckAfterMs: options.rest?.stuckAfterMs ?? Math.min(5_000, timeoutMs),
    probeEveryMs: options.rest?.probeEveryMs ?? 5_000,
    probe: () => client!.rest.get(Routes.user('@me')),
  });
  const makeRequest = DefaultRestOptions.makeRequest;
  clientOptions.rest = {
    ...(options.apiUrl ? { api: restBase(options.apiUrl) } : {}),
    timeout: timeoutMs,
    retries: options.rest?.retries ?? DISCORD_REST_RETRIES,
    makeRequest: async (url, init) => {
      const end = health.begin();
      try {
        const response = await makeRequest(url, init);
        end(response.status >= 500 ? 'failed' : 'ok', `HTTP ${response.status}`);
        return response;
      } catch (err) {
        end('failed', err);
        throw err;
      }
    },
  };
  if (options.shards !== undefined) clientOptions.shards = options.shards;
  if (options.shardCount !== undefined) clientOptions.shardCount = options.shardCount;
  client = new Client(clientOptions);
  const observer = options.observer;
  if (observer) {
    // Every REST response: 429s and server errors are retried by discord.js (a server error only while
    // retries are left); any other 4xx is an error answer.
    const maxRetries = client.rest.options.retries;
    client.rest.on(RESTEvents.Response, (request, response) => {
      const status = response.status;
      if (status === 429 || (status >= 500 && request.retries < maxRetries)) observer.apiRetry('discord');
      else if (status >= 400) observer.apiError('discord', `http_${status}`);
    });
  }

  let stopping = false;
  const inFlight = options.inFlight ?? new InFlight();
  // Each interaction and mention counted once, from its arrival until its reply is sent.
  const track = (work: () => Promise<unknown>, what: string): void => {
    // A reply that failed after the REST client's retries is a lost answer: an error, not a warning.
    inFlight.run(work).catch((err: unknown) => logger.error({ err }, `discord: ${what} failed`));
  };

  // Readiness follows the shards: false while any of them is reconnecting.
  const up = new Set<number>();
  let clientReady = false;
  client.once(Events.ClientReady, (c) => {
    clientReady = true;
    logger.info({ user: c.user.id, guilds: c.guilds.cache.size, shards: [...c.ws.shards.keys()] }, 'discord: ready');
  });
  client.on(Events.ShardReady, (id) => up.add(id));
  client.on(Events.ShardResume, (id, replayed) => {
    up.add(id);
    logger.info({ shard: id, replayed }, 'discord: shard resumed');
  });
  client.on(Events.ShardReconnecting, (id) => {
    up.delete(id);
    logger.warn({ shard: id }, 'discord: shard reconnecting');
  });
  client.on(Events.ShardDisconnect, (event, id) => {
    up.delete(id);
    logger.error({ shard: id, code: event.code }, 'discord: shard disconnected for good');
  });
  client.on(Events.ShardError, (err, id) => logger.warn({ err, shard: id }, 'discord: shard error'));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));

  // the one catch for a failed answer (the service's handler never throws; a test's may)
  const handler = apologising(options.handler, logger, 'discord');
  const interactionDeps: InteractionDeps = { handler, complete: options.complete, logger, deferAfterMs, store };
  const mentionDeps: MentionDeps = { handler, store, logger, deferAfterMs };

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isAutocomplete()) {
      track(() => answerAutocomplete(interaction, interactionDeps), 'autocomplete');
    } else if (interaction.isChatInputCommand()) {
      if (stopping) {
        track(() => interaction.reply({ ...problemReply('Restarting — please ask again in a moment.'), flags: MessageFlags.Ephemeral }), 'refusal');
        return;
      }
      track(() => answerCommand(interaction, interactionDeps), `/${interaction.commandName}`);
    } else if (interaction.isButton() && interaction.customId.startsWith(SHARE_PREFIX) && !stopping) {
      track(() => answerShare(interaction, { handler, store, logger }), 'share');
    }
  });

  client.on(Events.MessageCreate, (message: Message) => {
    const me = client.user?.id;
    if (stopping || !me || !isForBot(message, me)) return;
    track(() => answerMention(message, me, mentionDeps), 'mention');
  });

  // Load the completion tables now, before connecting, so the first autocomplete (3 s, no deferral) is quick.
  try {
    options.complete('size', '', { limit: 1 });
  } catch (err) {
    logger.warn({ err }, 'discord: autocomplete warm-up failed');
  }

  try {
    await client.login(options.token);
  } catch (err) {
    health.stop();
    await client.destroy().catch(() => undefined);
    throw loginError(err, options.apiUrl);
  }

  return {
    name: 'discord',
    client,
    isReady: () => !stopping && clientReady && client.ws.shards.size > 0 && up.size === client.ws.shards.size && health.healthy(),
    async stop() {
      if (stopping) return;
      stopping = true;
      health.stop();
      if (!(await inFlight.drain(options.drainTimeoutMs ?? 10_000)))
        logger.warn({ unfinished: inFlight.size }, 'discord: stopped with replies still in flight');
      await client.destroy();
      logger.info({}, 'discord: stopped');
    },
  };
}
