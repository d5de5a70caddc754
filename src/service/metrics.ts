// Prometheus metrics (prom-client), one registry per running service: answers by kind and platform,
// answer latency, platform API errors and retries, cooldown refusals, readiness, build info, and the
// process metrics prom-client collects by default. Served at GET /metrics (adapters/http/metrics-route.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Platform } from '../ports/index.js';
import type { PlatformObserver } from '../ports/index.js';

export type { PlatformObserver };

/** What the handler reports per question. */
export interface AnswerObserver {
  answered(platform: Platform, kind: string, seconds: number): void;
  cooldownRefused(platform: Platform): void;
}

export interface Metrics extends PlatformObserver, AnswerObserver {
  readonly registry: Registry;
  /** the exposition text and its content type */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface MetricsOptions {
  version: string;
  dataAsOf: string;
  /** the same checks /readyz reports */
  readiness: () => Record<string, boolean>;
  /** process metrics too (default true; tests that build many registries may turn them off) */
  processMetrics?: boolean;
}

/** Buckets in seconds: the core answers in microseconds, a slow store or a cold cache in milliseconds. */
const LATENCY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(options: MetricsOptions): Metrics {
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

  return {
    registry,
    answered(platform, kind, seconds) {
      answers.inc({ platform, kind });
      latency.observe({ platform }, seconds);
    },
    cooldownRefused(platform) {
      cooldown.inc({ platform });
    },
    apiError(platform, reason) {
      apiErrors.inc({ platform, reason });
    },
    apiRetry(platform) {
      apiRetries.inc({ platform });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
