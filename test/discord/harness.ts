// Start the loopback fake Discord and a real discord.js client (through createDiscordSurface) against it.
import type { Handler, Question } from '../../src/ports/index.js';
import type { CompleteFn } from '../../src/adapters/discord/autocomplete.js';
import { createDiscordSurface, type DiscordSurface, type DiscordSurfaceOptions } from '../../src/adapters/discord/surface.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { InFlight } from '../../src/adapters/common/in-flight.js';
import { waitUntil } from '../support/wait-until.js';

export { waitUntil };

export interface Harness {
  fake: FakeDiscord;
  surface: DiscordSurface;
  questions: Question[];
  /**
   * Resolves once every interaction and mention the surface has taken is done with, its replies sent:
   * after it, nothing more will be sent for what was dispatched (and seen to arrive), so "nothing else
   * happened" can be checked without sleeping. Rejects when something is still in flight after `timeoutMs`.
   */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(handler: Handler, complete: CompleteFn, extra: Partial<DiscordSurfaceOptions> = {}): Promise<Harness> {
  const fake = await new FakeDiscord({ heartbeatIntervalMs: 500 }).start();
  const questions: Question[] = [];
  const recording: Handler = (q) => {
    questions.push(q);
    return handler(q);
  };
  let surface: DiscordSurface;
  const ownStore = extra.store ? undefined : new MemoryStore();
  const inFlight = extra.inFlight ?? new InFlight();
  try {
    surface = await createDiscordSurface({
      token: 'fake-bot-token',
      apiUrl: fake.apiUrl,
      handler: recording,
      complete,
      ...extra,
      inFlight,
      store: extra.store ?? ownStore!,
    });
    await waitUntil(() => surface.isReady(), 10_000, 'the surface to be ready');
  } catch (err) {
    await fake.stop();
    await ownStore?.close();
    throw err;
  }
  return {
    fake,
    surface,
    questions,
    async settled(timeoutMs = 10_000) {
      if (!(await inFlight.drain(timeoutMs))) throw new Error(`still ${inFlight.size} Discord replies in flight after ${timeoutMs} ms`);
    },
    async close() {
      await surface.stop();
      await fake.stop();
      await ownStore?.close();
    },
  };
}
