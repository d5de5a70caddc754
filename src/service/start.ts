// One process, every configured platform: startService reads the configuration, opens the store, builds
// the handler and the platforms of the registry (src/service/platforms.ts), binds the HTTP server on
// $PORT in server mode (health, readiness, /metrics and every platform's routes) and hands back the
// RunningService (src/service/running-service.ts), which starts the platforms and stops them. When no
// chat platform is configured and stdin is a terminal or a pipe, the console runs alone instead.
import type { Readable, Writable } from 'node:stream';
import { pino, type DestinationStream } from 'pino';
import { ask as coreAsk, catalog as coreCatalog, complete as coreComplete, EXAMPLE_QUESTIONS, setToday } from '../core/index.js';
import type { AskFn } from './conversation.js';
import { MemoryStore, type KeyValueStore } from './memory-store.js';
import type { AdapterContext } from '../ports/index.js';
import { InFlight } from '../adapters/common/in-flight.js';
import { createHttpSurface } from '../adapters/http/server.js';
import { describeConfig, loadConfig, type Config } from '../config.js';
import { metricsRoute } from '../adapters/http/metrics-route.js';
import { packageVersion } from './build-info.js';
import { cachedAsk } from './answer-cache.js';
import { createHandler, newRequestId } from './handler.js';
import { createMetrics } from './metrics.js';
import { configuredPlatforms, platformsFor, REGISTRY, secretsOf, type PlatformEntry } from './platforms.js';
import { createLogger, redactPaths, SERVICE_SECRETS, serverLogDestination } from './logger.js';
import type { RedisStore } from './redis-store.js';
import { oneLine, readinessOf, RunningService, startupError } from './running-service.js';
import { stdinKind, type StdinKind } from './stdin.js';

export { RunningService, startupError } from './running-service.js';

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
  /** the platforms it may run (default: REGISTRY) */
  registry?: readonly PlatformEntry[];
}

/** Throws ConfigError before anything starts, a CodedError 'startup' when the store or the HTTP port fails. */
export async function startService(env: Record<string, string | undefined>, options: ServiceOptions = {}): Promise<RunningService> {
  const config = loadConfig(env);
  if (config.today) setToday(config.today);
  const registry = options.registry ?? REGISTRY;
  const kind = options.stdinKind ?? stdinKind();
  const mode = config.console === 'auto' && configuredPlatforms(config, registry).length === 0 && kind !== 'none' ? 'console' : 'server';

  // Console mode keeps stdout for answers: logs go to stderr, and only warnings unless LOG_LEVEL asks.
  const level = mode === 'console' && !config.logLevelFromEnv ? 'warn' : config.logLevel;
  // A server writes its log lines in batches (serverLogDestination); the console keeps
  // stderr in step with its answers on stdout.
  const destination = options.logDestination ?? (mode === 'console' ? pino.destination({ fd: 2, sync: true }) : serverLogDestination());
  const logger = createLogger(level, destination, redactPaths(SERVICE_SECRETS, secretsOf(registry)));

  // Load and validate the knowledge now, not on the first question: a bad table stops start-up here.
  if (!options.ask) {
    try {
      coreCatalog();
    } catch (err) {
      throw startupError(`the knowledge tables did not load: ${oneLine(err)}`);
    }
  }
  const { store, redis } = await openStore(config);

  // The registry's platforms this mode runs: the console alone, or the HTTP API and every chat platform
  // whose variables are set.
  const platforms =
    mode === 'console'
      ? platformsFor(registry, ['console'], config, {
          console: {
            input: options.stdin ?? process.stdin,
            output: options.stdout ?? process.stdout,
            ...(options.interactive !== undefined ? { interactive: options.interactive } : {}),
            env,
          },
        })
      : platformsFor(registry, ['server', 'chat'], config);
  // Readiness as /readyz and the metrics report it: each platform's, and the store's (informational:
  // answers flow without Redis, everything using it fails open, so it is reported but never a reason
  // to be unready).
  const readiness = (): Record<string, boolean> => ({ ...readinessOf(platforms), ...(redis ? { store: redis.isReady() } : {}) });
  const metrics = createMetrics({ version: packageVersion(), dataAsOf: coreCatalog().asOf, readiness, processMetrics: mode === 'server' });
  // One count of work in progress: each request is counted once, by the surface that received it or
  // by the handler, and a stop waits for it.
  const inFlight = new InFlight();
  const handler = createHandler({ ask: options.ask ?? cachedAsk(coreAsk), store, logger, cooldown: config.cooldown, observe: metrics, inFlight });
  logger.info({ mode, ...describeConfig(config) }, 'starting');

  // Every platform gets the same context; its SDK loads only when it starts (start-up time and memory
  // follow what runs).
  const context: AdapterContext = {
    handler,
    store,
    logger,
    complete: coreComplete,
    examples: EXAMPLE_QUESTIONS,
    asOf: coreCatalog().asOf,
    observer: metrics,
    inFlight,
    drainTimeoutMs: DRAIN_MS,
  };
  const parts = { config, mode, logger, handler, store, metrics, context, drainMs: DRAIN_MS } as const;

  if (mode === 'console') {
    const service = new RunningService({ ...parts, platforms });
    await service.started;
    return service;
  }

  // Server mode. Bind the port first (Heroku wants it within 60 s); platforms connect behind it and
  // /readyz says which are not there yet.
  const http = createHttpSurface({
    logger,
    requestId: newRequestId,
    trustProxy: config.trustProxy,
    readiness,
    routes: [{ path: '/metrics', listener: metricsRoute(metrics, config.metricsToken) }, ...platforms.flatMap((p) => p.routes)],
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
  return new RunningService({ ...parts, platforms, http, url });
}

/** Redis when REDIS_URL is set (several replicas agree), else an in-process store. */
async function openStore(config: Config): Promise<{ store: KeyValueStore; redis?: RedisStore }> {
  if (!config.redis) return { store: new MemoryStore() };
  // Platform SDKs and ioredis load only when configured: start-up time and memory follow what runs.
  const { RedisStore } = await import('./redis-store.js');
  const redis = new RedisStore({ url: config.redis.url, tlsVerify: config.redis.tlsVerify });
  try {
    await redis.connect();
  } catch (err) {
    throw startupError(`REDIS_URL: ${oneLine(err)}; check the URL and that Redis accepts connections from here`);
  }
  return { store: redis, redis };
}
