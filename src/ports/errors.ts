// One error type for failures someone can act on: a machine-readable `code` (what failed), a one-line
// `message` (what to fix; never a secret) and the `cause` it wraps. Configuration and data problems
// carry their list of problems too (ConfigError in src/config.ts, DataError in src/data/load.ts).
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CodedError';
    this.code = code;
  }
}

export function isCodedError<Code extends string>(err: unknown, code?: Code): err is CodedError<Code> {
  return err instanceof CodedError && (code === undefined || err.code === code);
}
