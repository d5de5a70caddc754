// The process around the service: exit codes, signals, the shutdown deadline, last-resort errors.
//   0  stopped cleanly (signal, or end of console input)
//   1  start-up failed after configuration was accepted, a crash, or the shutdown deadline passed
//   2  configuration refused (one line on stderr naming the variable; no stack trace)
//   130 the console was interrupted (Ctrl-C)
import { ConfigError } from '../config.js';
import { isCodedError } from '../ports/index.js';
import { startService, type RunningService, type ServiceOptions } from './start.js';

/** SIGTERM to exit: Heroku allows 30 s; we promise 10. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface ProcessLike {
  on(event: 'SIGTERM' | 'SIGINT', listener: () => void): unknown;
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  exit(code: number): never;
  stderr: { write(s: string): unknown };
}

export async function run(
  env: Record<string, string | undefined>,
  proc: ProcessLike = process,
  options: ServiceOptions = {},
  deadlineMs = SHUTDOWN_DEADLINE_MS,
): Promise<number> {
  let service: RunningService;
  try {
    service = await startService(env, options);
  } catch (err) {
    if (err instanceof ConfigError) {
      proc.stderr.write(`azlinux-bot: ${err.message}\n`);
      return 2;
    }
    if (isCodedError(err, 'startup')) {
      proc.stderr.write(`azlinux-bot: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const { logger } = service;

  // The deadline is unref'ed (it must not keep a stopped process alive) and cleared once the service
  // has stopped (left running, it would fire later in a process that outlives run(), such as a test
  // runner, and exit it with 1).
  const stop = (reason: string, exitCode = 0) => {
    const deadline = setTimeout(() => {
      logger.error({ reason, deadlineMs }, 'shutdown deadline passed; exiting with work unfinished');
      proc.exit(1);
    }, deadlineMs);
    deadline.unref();
    const stopped = service.stop(reason, exitCode);
    void stopped.then(
      () => clearTimeout(deadline),
      () => clearTimeout(deadline),
    );
    return stopped;
  };
  let signals = 0;
  const onSignal = (signal: 'SIGTERM' | 'SIGINT') => () => {
    signals += 1;
    if (signals > 1 && signal === 'SIGINT') {
      logger.warn({ signal }, 'second interrupt; exiting now');
      proc.exit(1);
    }
    // Ctrl-C in the console ends it as shells report an interrupted command: 130 (128 + SIGINT).
    void stop(signal, signal === 'SIGINT' && service.mode === 'console' ? 130 : 0);
  };
  proc.on('SIGTERM', onSignal('SIGTERM'));
  proc.on('SIGINT', onSignal('SIGINT'));
  proc.on('unhandledRejection', (reason) => {
    // A reply that failed somewhere unawaited: log it with its stack and keep serving everyone else.
    logger.error({ err: reason }, 'unhandled rejection');
  });
  proc.on('uncaughtException', (err) => {
    logger.fatal({ err }, 'uncaught exception; stopping');
    void stop('uncaught exception', 1);
  });

  try {
    await service.started;
    if (service.mode === 'server') logger.info({ url: service.url }, 'ready to serve');
  } catch (err) {
    logger.error({ err }, 'start-up failed');
    proc.stderr.write(`azlinux-bot: ${err instanceof Error ? err.message : String(err)}\n`);
    await stop('start-up failed', 1);
    return 1;
  }
  return service.done;
}
