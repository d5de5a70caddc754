// Slack's Web API as the surface uses it: one fetch with a timeout for every call (Web API and
// response_url), its outcomes feeding readiness (a Slack that hangs or fails turns this replica unready
// until a probe gets through), the client options Bolt's clients share, and the bot token checked once
// with auth.test before anything else starts.
import { type Logger as BoltLogger, webApi } from '@slack/bolt';
import { CodedError } from '../../ports/index.js';
import { PlatformHealth } from '../platform-health.js';
import { SLACK_TIMEOUT_MS, slackFetch } from './transport.js';

export type SlackSurfaceErrorCode = 'slack_bad_options' | 'slack_auth_failed' | 'slack_unreachable' | 'slack_connect_failed';

export const badOptions = (message: string): CodedError<SlackSurfaceErrorCode> => new CodedError('slack_bad_options', message);

export const DEFAULT_API_URL = 'https://slack.com/api/';

/** The Web API base Bolt expects: an http(s) URL ending in '/'. */
export function normaliseApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw badOptions(`SLACK_API_URL "${apiUrl}" is not a URL; use e.g. https://slack.com/api/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badOptions(`SLACK_API_URL must be an http(s) URL, got ${url.protocol}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** A refusal Slack itself sent (invalid_auth, account_inactive, …), as opposed to no answer at all. */
function refusedByPlatform(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'slack_webapi_platform_error' || !(typeof code === 'string' && code.startsWith('slack_webapi_'));
}

export interface SlackWebApiOptions {
  /** SLACK_API_URL; default https://slack.com/api/ */
  apiUrl?: string;
  logger: BoltLogger;
  /** Web API and response_url timeouts and readiness probing (defaults: 10 s, 5 s, 5 s) */
  transport?: { timeoutMs?: number; stuckAfterMs?: number; probeEveryMs?: number };
}

/** The bot's identity, from auth.test: Bolt is handed it, so it does not call auth.test again. */
export interface SlackIdentity {
  botUserId: string;
  botId: string;
}

export class SlackWebApi {
  readonly apiUrl: string;
  readonly timeoutMs: number;
  /** what every Bolt client (the App's, Socket Mode's) is built with */
  readonly clientOptions: {
    slackApiUrl: string;
    fetch: typeof globalThis.fetch;
    timeout: number;
    retryConfig: { retries: number; factor: number; minTimeout: number; maxTimeout: number };
  };
  private readonly health: PlatformHealth;
  private readonly logger: BoltLogger;

  constructor(options: SlackWebApiOptions) {
    this.apiUrl = options.apiUrl ? normaliseApiUrl(options.apiUrl) : DEFAULT_API_URL;
    this.timeoutMs = options.transport?.timeoutMs ?? SLACK_TIMEOUT_MS;
    this.logger = options.logger;
    const prober = (): InstanceType<typeof webApi.WebClient> =>
      new webApi.WebClient(undefined, { ...this.clientOptions, logger: this.logger, retryConfig: { retries: 0 } });
    let probeClient: InstanceType<typeof webApi.WebClient> | undefined;
    this.health = new PlatformHealth({
      stuckAfterMs: options.transport?.stuckAfterMs ?? Math.min(5_000, this.timeoutMs),
      probeEveryMs: options.transport?.probeEveryMs ?? 5_000,
      probe: () => (probeClient ??= prober()).api.test(),
    });
    this.clientOptions = {
      slackApiUrl: this.apiUrl,
      fetch: slackFetch({ apiUrl: this.apiUrl, timeoutMs: this.timeoutMs, health: this.health }),
      timeout: this.timeoutMs,
      // A few quick retries (429s wait for Retry-After), not the default half hour of them: a reply
      // that cannot be delivered within seconds is logged as lost instead of holding a slot for ever.
      retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    };
  }

  /** True while Slack's API answers (see PlatformHealth). */
  healthy(): boolean {
    return this.health.healthy();
  }

  /** Stop probing (the surface is stopping, or never started). */
  stop(): void {
    this.health.stop();
  }

  /**
   * auth.test once, up front: a bad token stops start-up with a message. A Slack that cannot be reached
   * is reported as such, not as a bad token.
   */
  async verify(botToken: string): Promise<SlackIdentity> {
    try {
      const verifier = new webApi.WebClient(botToken, {
        ...this.clientOptions,
        logger: this.logger,
        // fail start-up in seconds, not the client's default half hour of retries
        retryConfig: { retries: 2, factor: 2, minTimeout: 500 },
      });
      const auth = await verifier.auth.test();
      if (!auth.user_id || !auth.bot_id) throw new Error('auth.test named no bot user; is SLACK_BOT_TOKEN a bot token (xoxb-…)?');
      return { botUserId: auth.user_id, botId: auth.bot_id };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!refusedByPlatform(error)) {
        throw new CodedError<SlackSurfaceErrorCode>(
          'slack_unreachable',
          `Slack's Web API at ${this.apiUrl} could not be reached (auth.test: ${reason}); check the network, SLACK_API_URL and https://slack-status.com`,
          { cause: error },
        );
      }
      throw new CodedError<SlackSurfaceErrorCode>('slack_auth_failed', `Slack rejected SLACK_BOT_TOKEN (auth.test: ${reason})`, { cause: error });
    }
  }
}
