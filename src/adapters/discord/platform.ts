// Discord as the service runs it: the variables it reads and its gateway client opened on start
// (discord.js loads only then). It mounts no HTTP route. No discord.js import here: the registry imports this.
import type { AdapterContext, PlatformSecrets } from '../../ports/index.js';
import { PlatformLifecycle } from '../common/platform-lifecycle.js';
import type { DiscordSurface } from './surface.js';

export interface DiscordSettings {
  token: string;
  apiUrl?: string;
}

export class DiscordPlatform extends PlatformLifecycle<DiscordSurface> {
  /** its token, and the REST client's Authorization header: blanked in every log line */
  static readonly secrets: PlatformSecrets = { fields: ['token', 'authorization', 'Authorization'] };

  readonly name = 'discord';
  readonly env = ['DISCORD_TOKEN', 'DISCORD_API_URL'] as const;

  constructor(private readonly settings: DiscordSettings) {
    super();
  }

  protected async open(context: AdapterContext): Promise<DiscordSurface> {
    const { createDiscordSurface } = await import('./surface.js');
    return createDiscordSurface({
      token: this.settings.token,
      ...(this.settings.apiUrl ? { apiUrl: this.settings.apiUrl } : {}),
      handler: context.handler,
      store: context.store,
      complete: context.complete,
      ...(context.observer ? { observer: context.observer } : {}),
      logger: context.logger,
      inFlight: context.inFlight,
      drainTimeoutMs: context.drainTimeoutMs,
    });
  }
}
