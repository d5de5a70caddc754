// Discord's REST as the surface uses it: a timeout and bounded retries on every request, each outcome
// recorded for readiness (PlatformHealth: a Discord whose API hangs or fails turns the process unready,
// and a probe brings it back), and every response told to the metrics.
import { DefaultRestOptions, RESTEvents, type Client, type ClientOptions } from 'discord.js';
import type { PlatformObserver } from '../../ports/index.js';
import { PlatformHealth } from '../platform-health.js';
import { restBase } from './rest-base.js';

/** Discord REST: a request is abandoned after this, and retried this many times on a 5xx or a timeout. */
export const DISCORD_REST_TIMEOUT_MS = 10_000;
export const DISCORD_REST_RETRIES = 2;

export interface RestSettings {
  /** DISCORD_API_URL */
  apiUrl?: string;
  /** per-request timeout, retries after it (5xx, timeouts), readiness probing (10 s, 2, 5 s) */
  rest?: { timeoutMs?: number; retries?: number; stuckAfterMs?: number; probeEveryMs?: number };
}

/** The REST options for the client, and the health their requests feed (`probe`: a cheap call, GET /users/@me). */
export function healthyRest(settings: RestSettings, probe: () => Promise<unknown>): { options: NonNullable<ClientOptions['rest']>; health: PlatformHealth } {
  const timeoutMs = settings.rest?.timeoutMs ?? DISCORD_REST_TIMEOUT_MS;
  const health = new PlatformHealth({
    stuckAfterMs: settings.rest?.stuckAfterMs ?? Math.min(5_000, timeoutMs),
    probeEveryMs: settings.rest?.probeEveryMs ?? 5_000,
    probe,
  });
  const makeRequest = DefaultRestOptions.makeRequest;
  const options: NonNullable<ClientOptions['rest']> = {
    ...(settings.apiUrl ? { api: restBase(settings.apiUrl) } : {}),
    timeout: timeoutMs,
    retries: settings.rest?.retries ?? DISCORD_REST_RETRIES,
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
  return { options, health };
}

/** Every REST response: 429s and server errors are retried by discord.js (a server error only while retries are left); any other 4xx is an error answer. */
export function observeRest(client: Client, observer: PlatformObserver): void {
  const maxRetries = client.rest.options.retries;
  client.rest.on(RESTEvents.Response, (request, response) => {
    const status = response.status;
    if (status === 429 || (status >= 500 && request.retries < maxRetries)) observer.apiRetry('discord');
    else if (status >= 400) observer.apiError('discord', `http_${status}`);
  });
}
