// The one logger type every layer logs through: structured fields first, then the message. pino's
// Logger satisfies it (the service makes one); a test can hand in anything of this shape.
export interface LogFn {
  (fields: object, message?: string): void;
  (message: string): void;
}

export interface Logger {
  fatal: LogFn;
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  isLevelEnabled(level: string): boolean;
  /** a logger adding `bindings` to every line */
  child(bindings: Record<string, unknown>): Logger;
}
