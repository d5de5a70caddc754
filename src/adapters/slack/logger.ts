// The surface logs through whatever the service hands it (pino in production); Bolt wants its own
// Logger shape. Bolt's debug output can carry request bodies and tokens, so it is dropped.
import { LogLevel, type Logger } from '@slack/bolt';

/** The subset of a logger the surface needs; pino and console both satisfy it. */
export interface SlackLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: SlackLogger = {
  info: (m) => console.info(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

function line(parts: unknown[]): string {
  return parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function toBoltLogger(logger: SlackLogger): Logger {
  let level = LogLevel.INFO;
  let name = 'slack';
  return {
    debug: () => undefined,
    info: (...m: unknown[]) => logger.info(`${name}: ${line(m)}`),
    warn: (...m: unknown[]) => logger.warn(`${name}: ${line(m)}`),
    error: (...m: unknown[]) => logger.error(`${name}: ${line(m)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
