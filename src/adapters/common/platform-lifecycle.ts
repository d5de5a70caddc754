// The lifecycle every platform shares, as explicit state rather than captured variables:
//
//   idle --start()--> starting --opened--> running --stop()--> stopping --> stopped
//                        |                                                    ^
//                        +-- stop() while starting: stopped once it opens ----+
//                        +-- failed to open -------------------------------->-+
//
// A platform says how to open its surface (connect, log in); this class makes start() and stop() safe
// to call in any order and any number of times, and readiness false unless running.
import type { AdapterContext, PlatformAdapter, Route, Surface } from '../../ports/index.js';

export type PlatformState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped';

export abstract class PlatformLifecycle<S extends Surface> implements PlatformAdapter {
  abstract readonly name: string;
  abstract readonly env: readonly string[];
  readonly routes: readonly Route[] = [];
  readonly readinessCheck: boolean = true;

  private current: PlatformState = 'idle';
  private opened: S | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;

  /** Connect to the platform; rejects with an error naming what to fix. */
  protected abstract open(context: AdapterContext): Promise<S>;

  get state(): PlatformState {
    return this.current;
  }

  /** The running surface (undefined until it has opened). */
  protected get surface(): S | undefined {
    return this.opened;
  }

  start(context: AdapterContext): Promise<void> {
    if (this.current !== 'idle') return Promise.reject(new Error(`${this.name}: start() called when ${this.current}`));
    this.current = 'starting';
    this.starting = this.open(context).then(
      async (surface) => {
        this.opened = surface;
        if (this.current === 'stopping') {
          await surface.stop();
          this.current = 'stopped';
          return;
        }
        this.current = 'running';
      },
      (err: unknown) => {
        this.current = 'stopped';
        throw err;
      },
    );
    return this.starting;
  }

  stop(): Promise<void> {
    this.stopping ??= this.stopNow();
    return this.stopping;
  }

  private async stopNow(): Promise<void> {
    const was = this.current;
    if (was === 'idle' || was === 'stopped') {
      this.current = 'stopped';
      return;
    }
    this.current = 'stopping';
    // still opening: the start continuation stops the surface once it is there
    if (was === 'starting') return this.starting!.catch(() => undefined);
    try {
      await this.opened!.stop();
    } finally {
      this.current = 'stopped';
    }
  }

  isReady(): boolean {
    return this.current === 'running' && this.opened!.isReady();
  }
}
