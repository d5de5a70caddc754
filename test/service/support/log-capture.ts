// A pino logger writing into memory, so tests can read the JSON lines it produced.
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/service/logger.js';
import type { LogLevel } from '../../../src/config.js';

export interface CapturedLog {
  logger: ReturnType<typeof createLogger>;
  lines: () => Record<string, unknown>[];
  raw: () => string;
}

export function captureLog(level: LogLevel = 'debug'): CapturedLog {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(level, sink);
  const raw = () => chunks.join('');
  return {
    logger,
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
