// The Discord surface: createDiscordSurface builds a GatewaySurface, one object with explicit state
// holding the discord.js client (its REST calls feeding readiness, rest-client.ts), the shards'
// readiness (shard-readiness.ts) and the routing of interactions and mentions to the injected Handler,
// and logs in. No domain knowledge here.
import { Client, Events, GatewayIntentBits, MessageFlags, Partials, Routes, type Interaction, type Message } from 'discord.js';
import { type AdapterLogger, CodedError, type Handler, type KeyValueStore, type PlatformObserver, type Surface, type WorkTracker } from '../../ports/index.js';
import { apologising } from '../common/apologising.js';
import { InFlight, joined } from '../common/in-flight.js';
import type { CompleteFn } from './autocomplete.js';
import { answerAutocomplete, answerCommand, type InteractionDeps } from './interactions.js';
import { DEFER_AFTER_MS } from './limits.js';
import { answerMention, isForBot, type MentionDeps } from './mentions.js';
import { NO_MENTIONS, problemReply, silentLogger } from './replies.js';
import { healthyRest, observeRest, type RestSettings } from './rest-client.js';
import { ShardReadiness } from './shard-readiness.js';
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
  logger?: AdapterLogger;
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
  rest?: RestSettings['rest'];
}

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

/**
 * The Discord surface once built, as explicit state:
 *   connecting --login()--> running --stop()--> stopping --> stopped
 * Ready while running, every shard up and Discord's REST answering.
 */
export type DiscordSurfaceState = 'connecting' | 'running' | 'stopping' | 'stopped';

class GatewaySurface implements DiscordSurface {
  readonly name = 'discord';
  readonly client: Client;
  private state: DiscordSurfaceState = 'connecting';
  private stopping: Promise<void> | undefined;
  private readonly shards: ShardReadiness;
  private readonly rest: ReturnType<typeof healthyRest>;
  private readonly handler: Handler;

  constructor(
    private readonly options: DiscordSurfaceOptions,
    private readonly logger: AdapterLogger,
    private readonly inFlight: WorkTracker,
  ) {
    // Every REST request's outcome feeds readiness, so a Discord whose API hangs or fails turns this
    // process unready (the gateway socket alone can look fine meanwhile).
    this.rest = healthyRest(options, () => this.client.rest.get(Routes.user('@me')));
    this.client = new Client({
      intents: INTENTS,
      // DM channels are not cached ahead of time; let discord.js build them from the event
      partials: [Partials.Channel],
      allowedMentions: NO_MENTIONS,
      failIfNotExists: false,
      rest: this.rest.options,
      ...(options.shards !== undefined ? { shards: options.shards } : {}),
      ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
    });
    if (options.observer) observeRest(this.client, options.observer);
    this.shards = new ShardReadiness(this.client, logger);
    this.client.on(Events.Error, (err) => logger.error({ err }, 'discord: client error'));
    // the one catch for a failed answer (the service's handler never throws; a test's may); every
    // question is asked inside an interaction or mention track() counts, and joins it
    this.handler = apologising(joined(inFlight, options.handler), logger, 'discord');
    this.client.on(Events.InteractionCreate, (interaction: Interaction) => this.interaction(interaction));
    this.client.on(Events.MessageCreate, (message: Message) => this.message(message));
  }

  /** Each interaction and mention counted once, from its arrival until its reply is sent. */
  private track(work: () => Promise<unknown>, what: string): void {
    // A reply that failed after the REST client's retries is a lost answer: an error, not a warning.
    this.inFlight.run(work).catch((err: unknown) => this.logger.error({ err }, `discord: ${what} failed`));
  }

  private get accepting(): boolean {
    return this.state === 'connecting' || this.state === 'running';
  }

  private interaction(interaction: Interaction): void {
    const { logger, options } = this;
    const store = options.store;
    const deps: InteractionDeps = { handler: this.handler, complete: options.complete, logger, deferAfterMs: this.deferAfterMs, store };
    if (interaction.isAutocomplete()) {
      this.track(() => answerAutocomplete(interaction, deps), 'autocomplete');
    } else if (interaction.isChatInputCommand()) {
      if (!this.accepting) {
        this.track(() => interaction.reply({ ...problemReply('Restarting — please ask again in a moment.'), flags: MessageFlags.Ephemeral }), 'refusal');
        return;
      }
      this.track(() => answerCommand(interaction, deps), `/${interaction.commandName}`);
    } else if (interaction.isButton() && interaction.customId.startsWith(SHARE_PREFIX) && this.accepting) {
      this.track(() => answerShare(interaction, { handler: this.handler, store, logger }), 'share');
    }
  }

  private message(message: Message): void {
    const me = this.client.user?.id;
    if (!this.accepting || !me || !isForBot(message, me)) return;
    const deps: MentionDeps = { handler: this.handler, store: this.options.store, logger: this.logger, deferAfterMs: this.deferAfterMs };
    this.track(() => answerMention(message, me, deps), 'mention');
  }

  private get deferAfterMs(): number {
    return this.options.deferAfterMs ?? DEFER_AFTER_MS;
  }

  async login(): Promise<void> {
    // Load the completion tables now, before connecting, so the first autocomplete (3 s, no deferral) is quick.
    try {
      this.options.complete('size', '', { limit: 1 });
    } catch (err) {
      this.logger.warn({ err }, 'discord: autocomplete warm-up failed');
    }
    try {
      await this.client.login(this.options.token);
    } catch (err) {
      this.state = 'stopped';
      this.rest.health.stop();
      await this.client.destroy().catch(() => undefined);
      throw loginError(err, this.options.apiUrl);
    }
    if (this.state === 'connecting') this.state = 'running';
  }

  isReady(): boolean {
    return this.state === 'running' && this.shards.allUp() && this.rest.health.healthy();
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    this.state = 'stopping';
    this.rest.health.stop();
    if (!(await this.inFlight.drain(this.options.drainTimeoutMs ?? 10_000)))
      this.logger.warn({ unfinished: this.inFlight.size }, 'discord: stopped with replies still in flight');
    await this.client.destroy();
    this.state = 'stopped';
    this.logger.info({}, 'discord: stopped');
  }
}

export async function createDiscordSurface(options: DiscordSurfaceOptions): Promise<DiscordSurface> {
  const surface = new GatewaySurface(options, options.logger ?? silentLogger, options.inFlight ?? new InFlight());
  await surface.login();
  return surface;
}
