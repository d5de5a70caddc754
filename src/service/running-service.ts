// The running service as one object with explicit state:
//
//   running --stop()--> stopping --> stopped      (`done` resolves with the exit code)
//
// It holds what startService assembled (the platforms of the registry, the HTTP server in server mode,
// the handler, the store) and owns their order: every platform starts with one context; a stop drains
// HTTP, stops every platform, waits for the work in flight and closes the store, within one budget.
import type { Config } from '../config.js';
import type { AdapterContext, KeyValueStore, PlatformAdapter, Surface } from '../ports/index.js';
import type { HttpSurface } from '../adapters/http/server.js';
import { CodedError } from '../ports/index.js';
import type { ServiceHandler } from './handler.js';
import { flushLogs, type Logger } from './logger.js';
import type { Metrics } from './metrics.js';

export type ServiceState = 'running' | 'stopping' | 'stopped';

export interface ServiceParts {
  config: Config;
  mode: 'console' | 'server';
  logger: Logger;
  handler: ServiceHandler;
  store: KeyValueStore;
  metrics: Metrics;
  /** the registry's platforms this configuration runs, in registry order */
  platforms: readonly PlatformAdapter[];
  /** what every platform gets on start (its logger is made a child per platform) */
  context: AdapterContext;
  /** server mode: the HTTP server, listening, and its base URL */
  http?: HttpSurface;
  url?: string;
  /** replies in flight get this long to finish once stopping begins */
  drainMs: number;
}

/** Start-up failed after configuration was accepted (a platform refused the token, Redis unreachable...). */
export const startupError = (message: string, cause?: unknown): CodedError<'startup'> => new CodedError('startup', message, { cause });

export const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);

/** /readyz: each platform taking part in readiness (not the HTTP API, not the console), by name. */
export const readinessOf = (platforms: readonly PlatformAdapter[]): Record<string, boolean> =>
  Object.fromEntries(platforms.filter((p) => p.readinessCheck !== false).map((p) => [p.name, p.isReady()]));

const capitalised = (name: string): string => `${name[0]!.toUpperCase()}${name.slice(1)}`;

export class RunningService {
  readonly config: Config;
  readonly mode: 'console' | 'server';
  readonly logger: Logger;
  readonly handler: ServiceHandler;
  readonly store: KeyValueStore;
  /** the Prometheus registry's owner (server mode serves it at /metrics) */
  readonly metrics: Metrics;
  /** server mode: the HTTP surface and its base URL */
  readonly http?: HttpSurface;
  readonly url?: string;
  /** the platform surfaces, as they come up */
  readonly surfaces: Surface[] = [];
  /** resolves once every platform has started; rejects with a CodedError 'startup' */
  readonly started: Promise<void>;
  /** resolves with the exit code once the service has stopped (console mode: after end of input) */
  readonly done: Promise<number>;

  private current: ServiceState = 'running';
  private stopping: Promise<number> | undefined;
  private resolveDone!: (code: number) => void;
  private readonly platforms: readonly PlatformAdapter[];
  private readonly drainMs: number;

  constructor(parts: ServiceParts) {
    this.config = parts.config;
    this.mode = parts.mode;
    this.logger = parts.logger;
    this.handler = parts.handler;
    this.store = parts.store;
    this.metrics = parts.metrics;
    if (parts.http) this.http = parts.http;
    if (parts.url) this.url = parts.url;
    this.platforms = parts.platforms;
    this.drainMs = parts.drainMs;
    this.done = new Promise<number>((resolve) => (this.resolveDone = resolve));
    this.started = this.startPlatforms(parts.context);
    this.started.catch(() => undefined); // the caller decides; do not let it become an unhandled rejection
  }

  get state(): ServiceState {
    return this.current;
  }

  /** stop taking new work, finish replies in flight, stop every platform, close the store */
  stop(reason: string, exitCode = 0): Promise<number> {
    this.stopping ??= this.shutdown(reason, exitCode);
    return this.stopping;
  }

  private startPlatforms(context: AdapterContext): Promise<void> {
    const starts = this.platforms.map((p) =>
      p.start({ ...context, logger: context.logger.child({ surface: p.name }) }).then(
        () => {
          this.surfaces.push(p);
          this.logger.info({ surface: p.name }, `${p.name} started`);
          // A platform that ends by itself (the console, at the end of its input) stops the service.
          p.ended?.().then(
            (end) => this.stop(end.reason, end.exitCode),
            (err: unknown) => {
              this.logger.error({ err }, `${p.name} failed`);
              return this.stop(`${p.name} failed`, 1);
            },
          );
        },
        (err: unknown) => {
          throw startupError(`${capitalised(p.name)} could not start: ${oneLine(err)}`, err);
        },
      ),
    );
    // Every start settles before `started` does, so a failed one leaves nothing half-connected behind.
    return Promise.allSettled(starts).then((results) => {
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    });
  }

  private async shutdown(reason: string, exitCode: number): Promise<number> {
    this.current = 'stopping';
    // One budget for the whole drain: the platforms wait at most drainMs for their replies (the HTTP
    // server less: it destroys connections still busy after its grace), and what is left after them is
    // all the work in flight gets, so the process is gone within the 10 s deadline.
    const deadline = Date.now() + this.drainMs;
    const { logger, http } = this;
    logger.info({ reason, inFlight: this.handler.inFlight(), ...(http ? { httpInFlight: http.inFlight() } : {}) }, 'stopping');
    http?.startDraining();
    const results = await Promise.allSettled([...this.platforms.map((p) => p.stop()), ...(http ? [http.stop()] : [])]);
    for (const r of results) if (r.status === 'rejected') logger.error({ err: r.reason }, 'a surface failed to stop');
    await this.handler.drain(Math.max(0, deadline - Date.now()));
    await this.store.close();
    this.current = 'stopped';
    logger.info({ reason, exitCode }, 'stopped');
    // every line logged up to here is written before anyone is told the service has stopped
    await flushLogs(logger);
    this.resolveDone(exitCode);
    return exitCode;
  }
}
