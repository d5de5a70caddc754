// Structured logs (pino). Secrets are never passed to the logger; the redaction below is the second
// fence, for anything an SDK error or a request object might carry.
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger } from '../ports/logger.js';

/** Field names blanked at the top level of a log line, and one level down under any field. */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'signingSecret', 'password', 'authorization', 'redisUrl'];

/** Paths pino blanks out wherever they occur in a log line (one and two levels deep). */
export const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  '*.Authorization',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'config',
  'env',
];

export const CENSOR = '[redacted]';

// pino runs a `*.x` (wildcard) redaction over every field of every line, secret or not, which made
// redaction cost twice as much as the rest of the line. So pino keeps the literal paths, and the
// `*.x` paths are applied here first (to log objects and child bindings), by a pass that only copies
// what it censors. Objects interpolated into the message (`%o`, `%j`: not used here) get the literal
// paths only.
const LITERAL_PATHS = REDACT_PATHS.filter((p) => !p.startsWith('*.'));
const NESTED_SECRETS = REDACT_PATHS.filter((p) => p.startsWith('*.')).map((p) => p.slice(2));
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
function censorNested(value: object): object {
  let copy: Record<string, unknown> | undefined;
  for (const secret of NESTED_SECRETS) {
    if (!hasOwn(value, secret) || (value as Record<string, unknown>)[secret] === undefined) continue;
    copy ??= Object.create(Object.getPrototypeOf(value), snapshotDescriptors(value)) as Record<string, unknown>;
    Object.defineProperty(copy, secret, { value: CENSOR, enumerable: true, writable: true, configurable: true });
  }
  return copy ?? value;
}

/** The `*.secret` paths over one log object; returns it untouched when there is nothing to censor. */
export function redactNested<T extends Record<string, unknown>>(obj: T): T {
  let out: Record<string, unknown> | undefined;
  for (const key in obj) {
    if (!hasOwn(obj, key)) continue;
    const value: unknown = obj[key];
    // Arrays: pino would set a property JSON never shows, so there is nothing to do.
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const censored = censorNested(value);
    if (censored === value) continue;
    out ??= { ...obj };
    out[key] = censored;
  }
  return (out ?? obj) as T;
}

export function createLogger(level: LogLevel, destination?: DestinationStream): PinoLogger {
  const options = {
    level,
    base: { service: 'azlinux-bot' },
    redact: { paths: LITERAL_PATHS, censor: CENSOR },
    formatters: { log: redactNested },
    // pino's default time: epoch milliseconds (an ISO string costs a Date per line; pino-pretty and log
    // platforms read either)
  };
  const logger = destination ? pino(options, destination) : pino(options);
  // Child bindings skip formatters.log; censor them on the way in. Children inherit this child().
  const child = logger.child;
  Object.defineProperty(logger, 'child', {
    value: function (this: PinoLogger, bindings: Record<string, unknown>, childOptions?: object) {
      return child.call(this, redactNested(bindings), childOptions);
    },
    writable: true,
    configurable: true,
  });
  return logger;
}
