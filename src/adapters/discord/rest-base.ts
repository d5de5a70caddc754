// DISCORD_API_URL is the REST base as discord.js means it: what precedes "/v10/...".

/** "https://discord.com/api/v10/" -> "https://discord.com/api" (discord.js appends the version itself). */
export function restBase(apiUrl: string): string {
  return apiUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v\d+$/, '');
}
