// The one logger type every layer logs through: structured fields first (an error as `{ err }`, so its
// stack is kept), then the message; or the message alone. pino's Logger satisfies it (the service makes
// one); a test can hand in anything of this shape.
export interface Logger {
  fatal(fields: object | string, message?: string): void;
  error(fields: object | string, message?: string): void;
  warn(fields: object | string, message?: string): void;
  info(fields: object | string, message?: string): void;
  debug(fields: object | string, message?: string): void;
  isLevelEnabled(level: string): boolean;
  /** a logger adding `bindings` to every line */
  child(bindings: Record<string, unknown>): Logger;
}

/** What an adapter logs through: the same Logger, the three levels it uses. */
export type AdapterLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
