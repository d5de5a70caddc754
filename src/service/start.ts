// One process, every configured surface: the HTTP server on $PORT always (health, readiness, the JSON
// API, the web page, /metrics and each platform's routes), every platform of the registry whose
// variables are set (src/service/platforms.ts), or, when none is and stdin is a terminal or a pipe, the
// local console alone.
import type { Readable, Writable } from 'node:stream';
import { pino, type DestinationStream } from 'pino';
import { ask as coreAsk, catalog as coreCatalog, complete as coreComplete, EXAMPLE_QUESTIONS, setToday } from '../core/index.js';
import type { AskFn } from './conversation.js';
import { MemoryStore, type KeyValueStore } from './memory-store.js';
import { CodedError, type AdapterContext, type Surface } from '../ports/index.js';
import { ConsolePlatform } from '../adapters/cli/platform.js';
import { InFlight } from '../adapters/common/in-flight.js';
import { createHttpSurface, type HttpSurface } from '../adapters/http/server.js';
import { describeConfig, loadConfig, type Config } from '../config.js';
import { metricsRoute } from '../adapters/http/metrics-route.js';
import { webRoutes } from '../adapters/http/web/routes.js';
import { packageVersion } from './build-info.js';
import { cachedAsk } from './answer-cache.js';
import { createHandler, newRequestId, type ServiceHandler } from './handler.js';
import { createMetrics, type Metrics } from './metrics.js';
import { configuredPlatforms } from './platforms.js';
import { createLogger, type Logger } from './logger.js';
import type { RedisStore } from './redis-store.js';
import { stdinKind, type StdinKind } from './stdin.js';

/** Replies in flight get this long to finish once stopping begins; the process deadline is 10 s. */
export const DRAIN_MS = 8_000;

export interface ServiceOptions {
  /** default: process.stdin / process.stdout (console mode only) */
  stdin?: Readable;
  stdout?: Writable;
  /** default: detected from file descriptor 0 */
  stdinKind?: StdinKind;
  /** where log lines go (default stdout; stderr in console mode) */
  logDestination?: DestinationStream;
  /** replace the core (tests) */
  ask?: AskFn;
  /** console mode: prompt, Tab completion and history (default: whether stdin and stdout are terminals) */
  interactive?: boolean;
}

export interface RunningService {
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
  readonly surfaces: Surface[];
  /** resolves once every configured surface has started; rejects with a CodedError 'startup' */
  readonly started: Promise<void>;
  /** resolves with the exit code once the service has stopped (console mode: after end of input) */
  readonly done: Promise<number>;
  /** stop taking new work, finish replies in flight, stop every surface, close the store */
  stop(reason: string, exitCode?: number): Promise<number>;
}

/** Start-up failed after configuration was accepted (a platform refused the token, Redis unreachable...). */
export const startupError = (message: string, cause?: unknown): CodedError<'startup'> => new CodedError('startup', message, { cause });

const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);

/** Throws ConfigError before anything starts, a CodedError 'startup' when the store or the HTTP port fails. */
export async function startService(env: Record<string, string | undefined>, options: ServiceOptions = {}): Promise<RunningService> {
  const config = loadConfig(env);
  if (config.today) setToday(config.today);
  const kind = options.stdinKind ?? stdinKind();
  const platforms = configuredPlatforms(config);
  const mode = config.console === 'auto' && platforms.length === 0 && kind !== 'none' ? 'console' : 'server';

  // Console mode keeps stdout for answers: logs go to stderr, and only warnings unless LOG_LEVEL asks.
  const level = mode === 'console' && !config.logLevelFromEnv ? 'warn' : config.logLevel;
  // A server writes its log lines asynchronously (lines logged while a write is under way go out
  // together in the next one; pino flushes what is left at exit); the console keeps stderr in step
  // with its answers on stdout.
  const destination = options.logDestination ?? pino.destination(mode === 'console' ? { fd: 2, sync: true } : { fd: 1, sync: false });
  const logger = createLogger(level, destination);

  // Load and validate the knowledge now, not on the first question: a bad table stops start-up here.
  if (!options.ask) {
    try {
      coreCatalog();
    } catch (err) {
      throw startupError(`the knowledge tables did not load: ${oneLine(err)}`);
    }
  }

  let store: KeyValueStore;
  let redis: RedisStore | undefined;
  if (config.redis) {
    // Platform SDKs and ioredis load only when configured: start-up time and memory follow what runs.
    const { RedisStore } = await import('./redis-store.js');
    redis = new RedisStore({ url: config.redis.url, tlsVerify: config.redis.tlsVerify });
    try {
      await redis.connect();
    } catch (err) {
      throw startupError(`REDIS_URL: ${oneLine(err)}; check the URL and that Redis accepts connections from here`);
    }
    store = redis;
  } else {
    store = new MemoryStore();
  }

  // Readiness as /readyz reports it; filled in once the platforms exist (server mode).
  let readiness: () => Record<string, boolean> = () => ({});
  const metrics = createMetrics({ version: packageVersion(), dataAsOf: coreCatalog().asOf, readiness: () => readiness(), processMetrics: mode === 'server' });
  // One count of work in progress: each request is counted once, by the surface that received it or
  // by the handler, and shutdown waits for it.
  const inFlight = new InFlight();
  const handler = createHandler({ ask: options.ask ?? cachedAsk(coreAsk), store, logger, cooldown: config.cooldown, observe: metrics, inFlight });
  logger.info({ mode, ...describeConfig(config) }, 'starting');

  const surfaces: Surface[] = [];
  let stopping: Promise<number> | undefined;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  // Each platform gets the same context; its SDK loads only when it starts (start-up time and memory
  // follow what runs).
  const context = (name: string): AdapterContext => ({
    handler,
    store,
    logger: logger.child({ surface: name }),
    complete: coreComplete,
    examples: EXAMPLE_QUESTIONS,
    asOf: coreCatalog().asOf,
    observer: metrics,
    inFlight,
    drainTimeoutMs: DRAIN_MS,
  });

  if (mode === 'console') {
    const { exitCodeFor } = await import('../adapters/cli/console.js');
    const terminal = new ConsolePlatform({
      input: options.stdin ?? process.stdin,
      output: options.stdout ?? process.stdout,
      ...(options.interactive !== undefined ? { interactive: options.interactive } : {}),
      env,
    });
    await terminal.start(context(terminal.name));
    surfaces.push(terminal);
    const service: RunningService = {
      config,
      mode,
      logger,
      handler,
      store,
      surfaces,
      metrics,
      started: Promise.resolve(),
      done,
      stop: (reason, exitCode = 0) => (stopping ??= shutdown(reason, exitCode)),
    };
    terminal.done.then(
      (end) => service.stop(end === 'end' ? 'end of input' : end, exitCodeFor(end)),
      (err: unknown) => {
        logger.error({ err }, 'console failed');
        return service.stop('console failed', 1);
      },
    );
    return service;

    async function shutdown(reason: string, exitCode: number): Promise<number> {
      logger.info({ reason }, 'stopping');
      await terminal.stop();
      await handler.drain(DRAIN_MS);
      await store.close();
      resolveDone(exitCode);
      return exitCode;
    }
  }

  // Server mode. Bind the port first (Heroku wants it within 60 s); platforms connect behind it and
  // /readyz says which are not there yet.
  readiness = () => ({
    ...Object.fromEntries(platforms.map((p) => [p.name, p.isReady()])),
    ...(redis ? { store: redis.isReady() } : {}),
  });
  const http = createHttpSurface({
    handler,
    logger,
    requestId: newRequestId,
    trustProxy: config.trustProxy,
    readiness,
    routes: [
      ...webRoutes({ handler, complete: coreComplete, examples: EXAMPLE_QUESTIONS, asOf: coreCatalog().asOf, trustProxy: config.trustProxy }),
      { path: '/metrics', listener: metricsRoute(metrics, config.metricsToken) },
      ...platforms.flatMap((p) => p.routes),
    ],
    // Answers flow without Redis (everything using it fails open): reported, never a reason to be unready.
    informational: ['store'],
  });
  let url: string;
  try {
    const address = await http.listen(config.port, config.host);
    url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    logger.info({ port: address.port }, 'http listening');
  } catch (err) {
    await store.close();
    throw startupError(`PORT: cannot listen on ${config.host}:${config.port} (${oneLine(err)}); pick a free port`);
  }

  const starts = platforms.map((p) =>
    p.start(context(p.name)).then(
      () => {
        surfaces.push(p);
        logger.info({ surface: p.name }, `${p.name} started`);
      },
      (err: unknown) => {
        throw startupError(`${p.name[0]!.toUpperCase()}${p.name.slice(1)} could not start: ${oneLine(err)}`, err);
      },
    ),
  );
  // Every start settles before `started` does, so a failed one leaves nothing half-connected behind.
  const started = Promise.allSettled(starts).then((results) => {
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  });
  started.catch(() => undefined); // the caller decides; do not let it become an unhandled rejection

  async function shutdown(reason: string, exitCode: number): Promise<number> {
    // One budget for the whole drain: the surfaces wait at most DRAIN_MS for their replies (the HTTP
    // server less: it destroys connections still busy after its grace), and what is left after them
    // is all the handler gets, so the process is gone within the 10 s deadline.
    const deadline = Date.now() + DRAIN_MS;
    logger.info({ reason, inFlight: handler.inFlight(), httpInFlight: http.inFlight() }, 'stopping');
    http.startDraining();
    const results = await Promise.allSettled([...platforms.map((p) => p.stop()), http.stop()]);
    for (const r of results) if (r.status === 'rejected') logger.error({ err: r.reason }, 'a surface failed to stop');
    await handler.drain(Math.max(0, deadline - Date.now()));
    await store.close();
    logger.info({ reason, exitCode }, 'stopped');
    resolveDone(exitCode);
    return exitCode;
  }

  return {
    config,
    mode,
    logger,
    handler,
    store,
    http,
    url,
    surfaces,
    started,
    done,
    metrics,
    stop: (reason, exitCode = 0) => (stopping ??= shutdown(reason, exitCode)),
  };
}
