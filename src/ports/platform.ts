// The contract every platform (Slack, Discord, the HTTP API, the console) implements. The service keeps
// them in one registry (src/service/platforms.ts): it mounts their routes on its one HTTP server,
// starts each with a context, derives /readyz from isReady() and log redaction from their declared
// secrets, and stops them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Choice, CompleteField, CompleteOptions } from '../core/index.js';
import type { Handler } from './question.js';
import type { Logger } from './logger.js';
import type { KeyValueStore } from './store.js';

/** A route on the service's HTTP server: the request, its response and the parsed query string. */
export type RouteListener = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => unknown;

export interface Route {
  /** exact path, e.g. "/slack/events" */
  readonly path: string;
  readonly listener: RouteListener;
  /** the methods it answers (others get 405); default: any, the listener decides */
  readonly methods?: readonly string[];
  /** true: refused with 503 while the service drains (it takes new work) */
  readonly work?: boolean;
}

/** The core's completion port, ranked best first. */
export type CompleteFn = (field: CompleteField, partial: string, options?: CompleteOptions) => Choice[];

/** What the platform API did, for the metrics (optional everywhere: without it nothing changes). */
export interface PlatformObserver {
  /** a call that failed for good (an error answer, a refused request, retries used up) */
  apiError(platform: 'slack' | 'discord', reason: string): void;
  /** a call that failed and is being tried again (rate limited, a server or network error) */
  apiRetry(platform: 'slack' | 'discord'): void;
}

/**
 * The service's one count of work in progress: a surface runs each request it receives in it (until
 * its reply is sent), the handler each question; a request is counted once however many layers run it.
 */
export interface WorkTracker {
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` (synchronously) as part of a request this tracker counts already: a run it starts
   * joins that request instead of counting another (a surface calling the handler for its delivery).
   */
  join<T>(work: () => T): T;
  readonly size: number;
  /** true once nothing is in flight, false when timeoutMs passed first */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Everything a platform gets from the service when it starts: nothing else crosses the boundary. */
export interface AdapterContext {
  handler: Handler;
  store: KeyValueStore;
  logger: Logger;
  complete: CompleteFn;
  /** example questions (Slack's Home tab, the web page) */
  examples: readonly string[];
  /** the data's snapshot date */
  asOf: string;
  observer?: PlatformObserver;
  /** the service's count of work in progress (the handler's too): each request runs in it once */
  inFlight: WorkTracker;
  /** replies in flight get this long to finish once stopping begins */
  drainTimeoutMs: number;
}

/** A running surface as the service sees it (what a platform's start() leaves behind). */
export interface Surface {
  readonly name: string;
  /** true once connected to its platform and able to answer */
  isReady(): boolean;
  /** stop taking new work, finish replies in flight, disconnect */
  stop(): Promise<void>;
}

/**
 * What a platform's log lines may carry that is secret (its class declares it, the registry collects
 * it, the service's logger blanks it): field names, blanked at the top of a line and one level down,
 * and exact paths.
 */
export interface PlatformSecrets {
  readonly fields?: readonly string[];
  readonly paths?: readonly string[];
}

/** A platform: a Surface the service can configure, mount and start (stop() is safe before start()). */
export interface PlatformAdapter extends Surface {
  /** the environment variables it reads (each listed in .env.example) */
  readonly env: readonly string[];
  /** false: not a check in /readyz (the HTTP API is ready whenever the server is); default true */
  readonly readinessCheck?: boolean;
  /** routes it mounts on the service's HTTP server (empty when it serves none) */
  readonly routes: readonly Route[];
  /** connect and start answering; rejects with an error naming what to fix */
  start(context: AdapterContext): Promise<void>;
  /** a platform that ends by itself (the console, at the end of its input): how it ended, once started */
  ended?(): Promise<{ reason: string; exitCode: number }>;
}
