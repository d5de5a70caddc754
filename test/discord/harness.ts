// Start the loopback fake Discord and a real discord.js client (through createDiscordSurface) against it.
import type { Handler, Question } from '../../src/ports/index.js';
import type { CompleteFn } from '../../src/adapters/discord/autocomplete.js';
import { createDiscordSurface, type DiscordSurface, type DiscordSurfaceOptions } from '../../src/adapters/discord/surface.js';
import { MemoryStore } from '../../src/service/memory-store.js';
import { FakeDiscord } from '../fakes/discord/index.js';
import { waitUntil } from '../support/wait-until.js';

export { waitUntil };

export interface Harness {
  fake: FakeDiscord;
  surface: DiscordSurface;
  questions: Question[];
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
  try {
    surface = await createDiscordSurface({
      token: 'fake-bot-token',
      apiUrl: fake.apiUrl,
      handler: recording,
      complete,
      ...extra,
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
    async close() {
      await surface.stop();
      await fake.stop();
      await ownStore?.close();
    },
  };
}
