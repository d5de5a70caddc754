// The registry: every platform the service can run, one line each. The chat platforms run when their
// variables are set; the HTTP API whenever the service serves HTTP; the console when nothing else is
// configured and there is a terminal or a pipe to read. From this one list the service mounts routes,
// starts and stops them, reports readiness in /readyz and blanks their secrets in the logs
// (src/service/start.ts, src/service/logger.ts).
import type { Config } from '../config.js';
import type { PlatformAdapter, PlatformSecrets } from '../ports/index.js';
import { ConsolePlatform, type ConsoleSettings } from '../adapters/cli/platform.js';
import { DiscordPlatform } from '../adapters/discord/platform.js';
import { HttpApiPlatform } from '../adapters/http/api-platform.js';
import { SlackPlatform } from '../adapters/slack/platform.js';

/** What the process hands a platform besides the configuration (the console's streams). */
export interface Host {
  console?: ConsoleSettings;
}

export interface PlatformEntry {
  /** when it runs: 'chat' when its variables are set, 'server' in server mode, 'console' in console mode */
  readonly runs: 'chat' | 'server' | 'console';
  /** what its log lines may carry that is secret (declared by the platform's class) */
  readonly secrets: PlatformSecrets;
  /** the platform, or undefined when this configuration does not run it */
  create(config: Config, host: Host): PlatformAdapter | undefined;
}

/** A registry line: the platform's class (for its declared secrets), when it runs, and how it is made. */
export const entry = (platform: { readonly secrets: PlatformSecrets }, runs: PlatformEntry['runs'], create: PlatformEntry['create']): PlatformEntry => ({
  runs,
  secrets: platform.secrets,
  create,
});

export const REGISTRY: readonly PlatformEntry[] = [
  entry(HttpApiPlatform, 'server', (config) => new HttpApiPlatform({ trustProxy: config.trustProxy })),
  entry(ConsolePlatform, 'console', (_config, host) => (host.console ? new ConsolePlatform(host.console) : undefined)),
  entry(SlackPlatform, 'chat', (config) => (config.slack ? new SlackPlatform(config.slack) : undefined)),
  entry(DiscordPlatform, 'chat', (config) => (config.discord ? new DiscordPlatform(config.discord) : undefined)),
];

/** The chat platforms of the registry. */
export const PLATFORMS: readonly PlatformEntry[] = REGISTRY.filter((e) => e.runs === 'chat');

/** The platforms of `registry` that run this way with this configuration, in registry order. */
export function platformsFor(
  registry: readonly PlatformEntry[],
  runs: ReadonlyArray<PlatformEntry['runs']>,
  config: Config,
  host: Host = {},
): PlatformAdapter[] {
  return registry
    .filter((e) => runs.includes(e.runs))
    .map((e) => e.create(config, host))
    .filter((p): p is PlatformAdapter => p !== undefined);
}

/** The chat platforms this configuration runs, in registry order. */
export function configuredPlatforms(config: Config, registry: readonly PlatformEntry[] = REGISTRY): PlatformAdapter[] {
  return platformsFor(registry, ['chat'], config);
}

/** Every secret the registry's platforms declare, one list. */
export function secretsOf(registry: readonly PlatformEntry[]): Required<PlatformSecrets> {
  const unique = (list: Array<readonly string[] | undefined>) => [...new Set(list.flatMap((l) => l ?? []))];
  return { fields: unique(registry.map((e) => e.secrets.fields)), paths: unique(registry.map((e) => e.secrets.paths)) };
}
