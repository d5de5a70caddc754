// Structured logs (pino). Secrets are never passed to the logger; the redaction below is the second
// fence, for anything an SDK error or a request object might carry. What it blanks comes from the
// registry: each platform declares its secrets (src/service/platforms.ts), the service adds its own.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config.js';
import type { PlatformSecrets } from '../ports/index.js';
import { BatchedLogDestination } from './log-destination.js';
import { REGISTRY, secretsOf } from './platforms.js';

export type { Logger } from '../ports/logger.js';

/** The service's own secrets: Redis credentials, and whole configuration and environment objects. */
export const SERVICE_SECRETS: PlatformSecrets = { fields: ['password', 'redisUrl'], paths: ['config', 'env'] };

/** pino paths for these secrets: each field at the top level and one level down (`*.field`), each path as it is. */
export function redactPaths(...secrets: PlatformSecrets[]): string[] {
  const fields = [...new Set(secrets.flatMap((s) => s.fields ?? []))];
  return [...new Set([...fields, ...fields.map((f) => `*.${f}`), ...secrets.flatMap((s) => s.paths ?? [])])];
}

/** What every log line blanks by default: the service's secrets and those every platform of the registry declares. */
export const REDACT_PATHS = redactPaths(SERVICE_SECRETS, secretsOf(REGISTRY));

export const CENSOR = '[redacted]';

// pino runs a `*.x` (wildcard) redaction over every field of every line, secret or not, which made
// redaction cost twice as much as the rest of the line. So pino keeps the literal paths, and the
// `*.x` paths are applied here first (to log objects and child bindings), by a pass that only copies
// what it censors. Objects interpolated into the message (`%o`, `%j`: not used here) get the literal
// paths only.
const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key);

/**
 * Own property descriptors with accessors read into plain values. Since Node 22 (V8 12) an Error's own
 * `stack` is an accessor that only works on the error itself; copied as an accessor it reads as ''.
 */
function snapshotDescriptors(value: object): PropertyDescriptorMap {
  const descriptors = Object.getOwnPropertyDescriptors(value);
  for (const [key, d] of Object.entries(descriptors)) {
    if (d.get === undefined && d.set === undefined) continue;
    descriptors[key] = { value: (value as Record<string, unknown>)[key], enumerable: d.enumerable ?? false, writable: true, configurable: true };
  }
  return descriptors;
}

/** `value` with its nested secret fields censored (same prototype, other properties as they were). */
function censorNested(value: object, nestedSecrets: readonly string[]): object {
  let copy: Record<string, unknown> | undefined;
  for (const secret of nestedSecrets) {
    if (!hasOwn(value, secret) || (value as Record<string, unknown>)[secret] === undefined) continue;
    copy ??= Object.create(Object.getPrototypeOf(value), snapshotDescriptors(value)) as Record<string, unknown>;
    Object.defineProperty(copy, secret, { value: CENSOR, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

/** The `*.secret` paths over one log object; returns it untouched when there is nothing to censor. */
function redactNested<T extends Record<string, unknown>>(obj: T, nestedSecrets: readonly string[]): T {
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    if (!hasOwn(obj, key)) continue;
    const value: unknown = obj[key];
    // Arrays: pino would set a property JSON never shows, so there is nothing to do.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const censored = censorNested(value, nestedSecrets);
    if (censored === value) continue;
    out ??= { ...obj };
    out[key] = censored;
  }
  return (out ?? obj) as T;
}

/** A server's log lines are written this many bytes at a time, */
export const LOG_BATCH_BYTES = 4096;
/** and at least this often (ms) when fewer are waiting. */
export const LOG_FLUSH_MS = 100;

/**
 * Where a server writes its log lines: `fd` (stdout) in batches (log-destination.ts), in the order
 * written; flushLogs (a graceful stop, also after an uncaught exception) and the process's exit write
 * what is still waiting.
 */
export function serverLogDestination(fd = 1): BatchedLogDestination {
  return new BatchedLogDestination(fd, LOG_BATCH_BYTES, LOG_FLUSH_MS);
}

/** Writes the lines still waiting in a logger's destination; resolves when they are written (or after timeoutMs). */
export function flushLogs(logger: object, timeoutMs = 2000): Promise<void> {
  const flush = (logger as { flush?: (cb: (err?: Error) => void) => void }).flush;
  if (typeof flush !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    try {
      flush.call(logger, () => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      // a destination already closed has nothing left to write
      clearTimeout(timer);
      resolve();
    }
  });
}

/** A pino logger blanking `redact` (default REDACT_PATHS; the service passes those of its registry). */
export function createLogger(level: LogLevel, destination?: DestinationStream, redact: readonly string[] = REDACT_PATHS): PinoLogger {
  const literal = redact.filter((p) => !p.startsWith('*.'));
  const nested = redact.filter((p) => p.startsWith('*.')).map((p) => p.slice(2));
  const options = {
    level,
    base: { service: 'azlinux-bot' },
    redact: { paths: literal, censor: CENSOR },
    formatters: { log: <T extends Record<string, unknown>>(obj: T): T => redactNested(obj, nested) },
    // Errors with their causes as nested objects. pino's default appends every cause's message to the
    // error's own, and ours already quote their cause (a start-up failure read "X: X: Y: Y").
    serializers: { err: pino.stdSerializers.errWithCause },
    // pino's default time: epoch milliseconds (an ISO string costs a Date per line; pino-pretty and log
    // platforms read either)
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // Child bindings skip formatters.log; censor them on the way in. Children inherit this child().
  const child = logger.child;
  Object.defineProperty(logger, 'child', {
    value: function (this: PinoLogger, bindings: Record<string, unknown>, childOptions?: object) {
      return child.call(this, redactNested(bindings, nested), childOptions);
    },
    writable: true,
    configurable: true,
  });
  return logger;
}
