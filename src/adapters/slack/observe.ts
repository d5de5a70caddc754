// Web API errors and retries for the metrics, seen through the two hooks @slack/web-api offers: its
// `fetch` (every attempt's response: a 200 carrying ok:false is Slack's error answer) and its
// `retryConfig`, which it hands to p-retry (an attempt that failed is retried while retries are left).
import { webApi, type AppOptions } from '@slack/bolt';
import { reasonLabel, type PlatformObserver } from '../observer.js';

type ClientOptions = NonNullable<AppOptions['clientOptions']>;

export function observedClientOptions(
  observer: PlatformObserver,
  retryConfig: webApi.RetryOptions = webApi.retryPolicies.tenRetriesInAboutThirtyMinutes,
): Pick<ClientOptions, 'retryConfig' | 'fetch'> {
  // The client types retryConfig as node-retry's options, but passes it to p-retry, which also calls
  // onFailedAttempt (with retriesLeft) after every failed attempt.
  const onFailedAttempt = (error: { retriesLeft?: number }): void => {
    if ((error.retriesLeft ?? 0) > 0) observer.apiRetry('slack');
    else observer.apiError('slack', 'retries_exhausted');
  };
  return {
    retryConfig: { ...retryConfig, onFailedAttempt } as webApi.RetryOptions,
    fetch: async (input, init) => {
      const response = await globalThis.fetch(input, init as RequestInit);
      if (response.status === 200 && response.headers.get('content-type')?.includes('application/json')) {
        const body = (await response.clone().json().catch(() => undefined)) as { ok?: unknown; error?: unknown } | undefined;
        if (body?.ok === false) observer.apiError('slack', reasonLabel(body.error));
      }
      return response;
    },
  };
}
