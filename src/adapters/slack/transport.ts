// The one `fetch` every Slack call goes through (Bolt's WebClient and its respond()): a timeout on every
// request, the outcome recorded for readiness, and bounded retries for response_url posts.
//
// Web API calls (under the API base) are tried once here: the WebClient retries them itself, honouring
// Retry-After. A response_url post (respond(): slow slash commands, the Share button) has no retry of
// its own in Bolt, so it is retried here on a 429 (after Retry-After), a 5xx, a reset or a timeout.
import type { PlatformHealth } from '../platform-health.js';

export interface SlackTransportOptions {
  /** Web API base, ending in '/': calls under it are left to the WebClient's own retries */
  apiUrl: string;
  /** every request is abandoned after this (default 10 s) */
  timeoutMs?: number;
  health: PlatformHealth;
  /** response_url retries after the first attempt (default 3) */
  retries?: number;
  /** a Retry-After longer than this is not waited for (default 30 s) */
  maxRetryAfterMs?: number;
}

export const SLACK_TIMEOUT_MS = 10_000;
const BACKOFF_MS = 250;

type Fetch = typeof globalThis.fetch;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms (seconds, or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function slackFetch(options: SlackTransportOptions, base: Fetch = globalThis.fetch): Fetch {
  const timeoutMs = options.timeoutMs ?? SLACK_TIMEOUT_MS;
  const retries = options.retries ?? 3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const { health, apiUrl } = options;

  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const attempts = url.startsWith(apiUrl) ? 1 : 1 + retries;
    for (let attempt = 1; ; attempt++) {
      const end = health.begin();
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const backoff = BACKOFF_MS * 2 ** (attempt - 1);
      let response: Response;
      try {
        response = await base(input, { ...init, signal });
      } catch (error) {
        end('failed', timeout.aborted ? new Error(`no answer within ${timeoutMs} ms`) : error);
        if (attempt < attempts && !init.signal?.aborted) {
          await sleep(backoff);
          continue;
        }
        throw error;
      }
      end(response.status >= 500 ? 'failed' : 'ok', `HTTP ${response.status}`);
      if (attempt < attempts && (response.status === 429 || response.status >= 500)) {
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoff;
        if (wait <= maxRetryAfterMs) {
          await response.body?.cancel().catch(() => undefined);
          await sleep(wait);
          continue;
        }
      }
      return response;
    }
  };
}
