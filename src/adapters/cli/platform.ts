// The local console as the service runs it when no chat platform is configured: standard input and
// output, Tab completion from the core, history kept across runs (AZLINUX_HISTORY: a file, or "off").
import type { Readable, Writable } from 'node:stream';
import type { AdapterContext, PlatformSecrets } from '../../ports/index.js';
import { PlatformLifecycle } from '../common/platform-lifecycle.js';
import type { ConsoleEnd, ConsoleSurface } from './console.js';

export interface ConsoleSettings {
  input: Readable;
  output: Writable;
  /** prompt, completion and history; default: whether input and output are terminals */
  interactive?: boolean;
  /** where AZLINUX_HISTORY, XDG_STATE_HOME and HOME are read */
  env: Readonly<Record<string, string | undefined>>;
}

export class ConsolePlatform extends PlatformLifecycle<ConsoleSurface> {
  /** nothing secret: it reads a terminal */
  static readonly secrets: PlatformSecrets = {};

  readonly name = 'console';
  readonly env = ['AZLINUX_HISTORY'] as const;
  /** it runs alone, without the HTTP server */
  override readonly readinessCheck = false;

  constructor(private readonly settings: ConsoleSettings) {
    super();
  }

  /** Resolves with how the console ended (input ran out, `exit`, Ctrl-C) once it has started and ended. */
  get done(): Promise<ConsoleEnd> {
    const surface = this.surface;
    if (!surface) return Promise.reject(new Error('console: not started'));
    return surface.done;
  }

  /** The service stops when the console ends: 0 at the end of input or `exit`, 130 after Ctrl-C (as shells report it). */
  ended(): Promise<{ reason: string; exitCode: number }> {
    return this.done.then((end) => ({ reason: end === 'end' ? 'end of input' : end, exitCode: end === 'interrupt' ? 130 : 0 }));
  }

  protected async open(context: AdapterContext): Promise<ConsoleSurface> {
    const { startConsole, historyPath } = await import('./console.js');
    const { input, output, interactive, env } = this.settings;
    return startConsole(context.handler, {
      input,
      output,
      ...(interactive !== undefined ? { interactive } : {}),
      complete: context.complete,
      historyFile: env['AZLINUX_HISTORY'] === 'off' ? null : env['AZLINUX_HISTORY'] || historyPath(env),
    });
  }
}
