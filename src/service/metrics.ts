// Prometheus metrics (prom-client), one registry per running service: answers by kind and platform,
// answer latency, platform API errors and retries, cooldown refusals, readiness, build info, and the
// process metrics prom-client collects by default. Served at GET /metrics (adapters/http/metrics-route.ts).
//
// prom-client is loaded after the service has started (LOAD_AFTER_MS, or at the first scrape if that comes
// sooner): importing it costs ~70 ms, a sixth of a start, and no question needs it. What happens before it
// is loaded is kept as a bounded list of calls and replayed into it.
import type { Registry } from 'prom-client';
import type { Platform } from '../ports/index.js';
import type { PlatformObserver } from '../ports/index.js';

export type { PlatformObserver };

/** What the handler reports per question. */
export interface AnswerObserver {
  answered(platform: Platform, kind: string, seconds: number): void;
  cooldownRefused(platform: Platform): void;
}

export interface Metrics extends PlatformObserver, AnswerObserver {
  /** the exposition text and its content type (loads prom-client if it is not loaded yet) */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  version: string;
  dataAsOf: string;
  /** the same checks /readyz reports */
  readiness: () => Record<string, boolean>;
  /** process metrics too (default true; tests that build many registries may turn them off) */
  processMetrics?: boolean;
  /** how long after creation prom-client is loaded without a scrape (default LOAD_AFTER_MS) */
  loadAfterMs?: number;
}

/** Late enough that a starting service answers its first questions without paying for prom-client. */
export const LOAD_AFTER_MS = 3_000;
/** Calls kept while prom-client loads; a flood beyond this before the first load is not counted. */
const MAX_PENDING = 10_000;

/** Buckets in seconds: the core answers in microseconds, a slow store or a cold cache in milliseconds. */
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(options: MetricsOptions): Metrics {
  let live: Recorders | undefined;
  let loading: Promise<Recorders> | undefined;
  const pending: Array<(r: Recorders) => void> = [];
  const load = (): Promise<Recorders> => {
    loading ??= import('prom-client').then((prom) => {
      const recorders = build(prom, options);
      for (const call of pending.splice(0)) call(recorders);
      live = recorders;
      return recorders;
    });
    return loading;
  };
  setTimeout(() => void load(), options.loadAfterMs ?? LOAD_AFTER_MS).unref();
  const record = (call: (r: Recorders) => void): void => {
    if (live) call(live);
    else if (pending.length < MAX_PENDING) pending.push(call);
  };

  return {
    answered(platform, kind, seconds) {
      record((r) => {
        r.answers.inc({ platform, kind });
        r.latency.observe({ platform }, seconds);
      });
    },
    cooldownRefused(platform) {
      record((r) => r.cooldown.inc({ platform }));
    },
    apiError(platform, reason) {
      record((r) => r.apiErrors.inc({ platform, reason }));
    },
    apiRetry(platform) {
      record((r) => r.apiRetries.inc({ platform }));
    },
    async render() {
      const { registry } = await load();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

type PromClient = typeof import('prom-client');

interface Recorders {
  registry: Registry;
  answers: import('prom-client').Counter<'platform' | 'kind'>;
  latency: import('prom-client').Histogram<'platform'>;
  cooldown: import('prom-client').Counter<'platform'>;
  apiErrors: import('prom-client').Counter<'platform' | 'reason'>;
  apiRetries: import('prom-client').Counter<'platform'>;
}

function build({ collectDefaultMetrics, Counter, Gauge, Histogram, Registry }: PromClient, options: MetricsOptions): Recorders {
  const registry = new Registry();
  const registers = [registry];
  const answers = new Counter({
    name: 'azlinux_answers_total',
    help: 'Answers given, by platform and answer kind (cooldown refusals and apologies count as kind "error").',
    labelNames: ['platform', 'kind'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'azlinux_answer_duration_seconds',
    help: 'Time from question to answer inside the service (not the platform round trip), by platform.',
    labelNames: ['platform'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const cooldown = new Counter({
    name: 'azlinux_cooldown_refusals_total',
    help: 'Questions refused because the asker was over the cooldown limit, by platform.',
    labelNames: ['platform'] as const,
    registers,
  });
  const apiErrors = new Counter({
    name: 'azlinux_platform_api_errors_total',
    help: 'Platform API calls that failed for good, by platform and reason.',
    labelNames: ['platform', 'reason'] as const,
    registers,
  });
  const apiRetries = new Counter({
    name: 'azlinux_platform_api_retries_total',
    help: 'Platform API calls tried again after a rate limit or a server error, by platform.',
    labelNames: ['platform'] as const,
    registers,
  });
  new Gauge({
    name: 'azlinux_ready',
    help: 'Whether each readiness check passes (1) or not (0), as /readyz reports them.',
    labelNames: ['check'] as const,
    registers,
    collect() {
      this.reset();
      for (const [check, ok] of Object.entries(options.readiness())) this.set({ check }, ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'azlinux_build_info',
    help: 'Always 1; the labels say which build, Node and data are running.',
    labelNames: ['version', 'node', 'data_as_of'] as const,
    registers,
  }).set({ version: options.version, node: process.versions.node, data_as_of: options.dataAsOf }, 1);
  // Counters start at zero for the platforms, so a rate() has a series before the first event.
  for (const platform of ['slack', 'discord', 'http', 'console'] as const) {
    cooldown.inc({ platform }, 0);
  }
  for (const platform of ['slack', 'discord'] as const) apiRetries.inc({ platform }, 0);
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  return { registry, answers, latency, cooldown, apiErrors, apiRetries };
}
