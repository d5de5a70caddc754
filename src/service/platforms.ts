// The registry: every chat platform the service can run, one line each. A platform whose variables are
// not set is left out; the service starts the rest with one context, mounts their routes on its HTTP
// server, reports each one's readiness in /readyz and stops them all (src/service/start.ts).
import type { Config } from '../config.js';
import type { PlatformAdapter } from '../ports/index.js';
import { DiscordPlatform } from '../adapters/discord/platform.js';
import { SlackPlatform } from '../adapters/slack/platform.js';

export const PLATFORMS: ReadonlyArray<(config: Config) => PlatformAdapter | undefined> = [
  (config) => (config.slack ? new SlackPlatform(config.slack) : undefined),
  (config) => (config.discord ? new DiscordPlatform(config.discord) : undefined),
];

/** The platforms this configuration runs, in registry order. */
export function configuredPlatforms(config: Config): PlatformAdapter[] {
  return PLATFORMS.map((make) => make(config)).filter((p): p is PlatformAdapter => p !== undefined);
}
