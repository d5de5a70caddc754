// `npm run discord:register`: put /azlinux and /cpulevel on Discord, globally or to one guild.
// Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID, optional DISCORD_GUILD_ID and DISCORD_API_URL.
// Idempotent: when the registered definitions already match, nothing is written.
import { syncCommands, type SyncOptions } from './sync-commands.js';

export const EXIT_USAGE = 2;

type Env = Readonly<Record<string, string | undefined>>;
type Out = (line: string) => void;

/** Run the registration; returns the process exit code (0 done, 1 Discord refused, 2 configuration). */
export async function main(env: Env = process.env, out: Out = console.log, err: Out = console.error): Promise<number> {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const missing = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID'].filter((name) => !value(name));
  if (missing.length > 0) {
    for (const name of missing) {
      err(
        name === 'DISCORD_TOKEN'
          ? 'DISCORD_TOKEN is not set: copy the bot token from the Developer Portal (Bot > Reset Token).'
          : 'DISCORD_APPLICATION_ID is not set: copy the Application ID from the Developer Portal (General Information).',
      );
    }
    return EXIT_USAGE;
  }
  const options: SyncOptions = { token: value('DISCORD_TOKEN')!, applicationId: value('DISCORD_APPLICATION_ID')! };
  const guildId = value('DISCORD_GUILD_ID');
  const apiUrl = value('DISCORD_API_URL');
  if (guildId) options.guildId = guildId;
  if (apiUrl) options.apiUrl = apiUrl;
  for (const [name, v] of [
    ['DISCORD_APPLICATION_ID', options.applicationId],
    ['DISCORD_GUILD_ID', guildId],
  ] as const) {
    if (v !== undefined && !/^\d{15,25}$/.test(v)) {
      err(`${name} must be a numeric Discord id (a snowflake such as 123456789012345678).`);
      return EXIT_USAGE;
    }
  }
  if (apiUrl && !URL.canParse(apiUrl)) {
    err('DISCORD_API_URL must be a URL such as https://discord.com/api.');
    return EXIT_USAGE;
  }

  try {
    const result = await syncCommands(options);
    if (result.action === 'unchanged') {
      out(`Discord commands (${result.scope}) already up to date; nothing changed.`);
    } else {
      out(`Discord commands (${result.scope}) registered; changed: ${result.changed.map((n) => `/${n}`).join(', ')}.`);
      if (!guildId) out('Global commands can take a moment to appear in every client.');
    }
    return 0;
  } catch (e) {
    const status = (e as { status?: number }).status;
    err(`Registration failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).message}`);
    if (status === 401) err('Check DISCORD_TOKEN: Discord did not accept it.');
    if (status === 403 || status === 404)
      err('Check DISCORD_APPLICATION_ID / DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope.');
    return 1;
  }
}
