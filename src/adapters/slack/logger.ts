// The surface logs through whatever the service hands it (pino in production): the ports' Logger,
// errors passed as `{ err }` so their stacks are kept. Bolt wants its own Logger shape; Bolt's debug
// output can carry request bodies and tokens, so it is dropped.
import { LogLevel, type Logger } from '@slack/bolt';
import type { AdapterLogger } from '../../ports/index.js';

const toConsole =
  (write: (...parts: unknown[]) => void) =>
  (fields: object | string, message?: string): void =>
    typeof fields === 'string' ? write(fields) : write(message ?? '', fields);

export const consoleLogger: AdapterLogger = {
  info: toConsole((...p) => console.info(...p)),
  warn: toConsole((...p) => console.warn(...p)),
  error: toConsole((...p) => console.error(...p)),
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

export function toBoltLogger(logger: AdapterLogger): Logger {
  let level = LogLevel.INFO;
  let name = 'slack';
  return {
    debug: () => undefined,
    info: (...m: unknown[]) => logger.info(`${name}: ${line(m)}`),
    warn: (...m: unknown[]) => logger.warn(`${name}: ${line(m)}`),
    // an Error among the parts goes along as `{ err }`, so its stack reaches the log
    error: (...m: unknown[]) => {
      const err = m.find((p) => p instanceof Error);
      if (err) logger.error({ err }, `${name}: ${line(m)}`);
      else logger.error(`${name}: ${line(m)}`);
    },
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
