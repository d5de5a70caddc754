// Slack as the service runs it: the variables it reads, the events endpoint it mounts (HTTP mode), and
// its surface opened on start (Bolt loads only then). No Bolt import here: the registry imports this.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdapterContext, PlatformSecrets, Route } from '../../ports/index.js';
import { PlatformLifecycle } from '../common/platform-lifecycle.js';
import { sendError } from '../http/json.js';
import type { SlackSurface } from './surface.js';

/** Where Slack posts events, slash commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  /** set: Socket Mode (no endpoint mounted) */
  appToken?: string;
  apiUrl?: string;
}

export class SlackPlatform extends PlatformLifecycle<SlackSurface> {
  /** its tokens and the signature on Slack's requests: blanked in every log line */
  static readonly secrets: PlatformSecrets = {
    fields: ['token', 'botToken', 'appToken', 'signingSecret'],
    paths: ['headers["x-slack-signature"]', 'req.headers["x-slack-signature"]'],
  };

  readonly name = 'slack';
  readonly env = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL'] as const;
  override readonly routes: readonly Route[];

  constructor(private readonly settings: SlackSettings) {
    super();
    this.routes = settings.appToken ? [] : [{ path: SLACK_EVENTS_PATH, methods: ['POST'], work: true, listener: (req, res) => this.events(req, res) }];
  }

  /** HTTP mode: Bolt's listener once Slack is up; until then Slack is told to retry. */
  private events(req: IncomingMessage, res: ServerResponse): void {
    const surface = this.surface;
    if (surface) return surface.requestListener(req, res);
    sendError(res, 503, 'starting', 'Slack is still connecting; Slack will retry the delivery', { 'retry-after': '1' });
  }

  protected async open(context: AdapterContext): Promise<SlackSurface> {
    const { createSlackSurface } = await import('./surface.js');
    const { botToken, signingSecret, appToken, apiUrl } = this.settings;
    return createSlackSurface({
      botToken,
      ...(signingSecret ? { signingSecret } : {}),
      ...(appToken ? { appToken } : {}),
      ...(apiUrl ? { apiUrl } : {}),
      handler: context.handler,
      store: context.store,
      home: { examples: context.examples, asOf: context.asOf },
      ...(context.observer ? { observer: context.observer } : {}),
      logger: context.logger,
      inFlight: context.inFlight,
      drainTimeoutMs: context.drainTimeoutMs,
    });
  }
}
