// Web API errors and retries for the metrics, seen through the two hooks @slack/web-api offers, wrapped
// around what the surface already gives it: its `fetch` (every attempt's response: a 200 carrying
// ok:false is Slack's error answer) and its `retryConfig`, which it hands to p-retry (an attempt that
// failed is retried while retries are left).
import type { webApi } from '@slack/bolt';
import type { PlatformObserver } from '../../ports/index.js';
import { reasonLabel } from '../observer.js';

type FetchFunction = NonNullable<ConstructorParameters<typeof webApi.WebClient>[1]>['fetch'] & {};

export interface ObservedOptions {
  fetch: FetchFunction;
  retryConfig: webApi.RetryOptions;
}

export function observedClientOptions(observer: PlatformObserver, base: ObservedOptions): ObservedOptions {
  // The client types retryConfig as node-retry's options, but passes it to p-retry, which also calls
  // onFailedAttempt (with retriesLeft) after every failed attempt.
  const onFailedAttempt = (error: { retriesLeft?: number }): void => {
    if ((error.retriesLeft ?? 0) > 0) observer.apiRetry('slack');
    else observer.apiError('slack', 'retries_exhausted');
  };
  return {
    retryConfig: { ...base.retryConfig, onFailedAttempt } as webApi.RetryOptions,
    fetch: async (input, init) => {
      const response = await base.fetch(input, init);
      const clone = (response as Partial<Response>).clone;
      if (response.status === 200 && typeof clone === 'function' && response.headers.get('content-type')?.includes('application/json')) {
        const body = (await clone
          .call(response)
          .json()
          .catch(() => undefined)) as { ok?: unknown; error?: unknown } | undefined;
        if (body?.ok === false) observer.apiError('slack', reasonLabel(body.error));
      }
      return response;
    },
  };
}
