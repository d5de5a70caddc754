// A cap on V8's young generation, set from inside the process instead of with a node flag.
//
// Under load the bot allocates fast enough that V8 doubles each semi-space of the new space up to its
// default maximum (2 × 16 MB); at most 8 MB each keeps ~11 MB of resident memory off every replica at no
// cost in CPU per command (README, "Speed"). `node --max-semi-space-size=8` does that, but any V8 flag on
// the command line changes V8's flag hash, and V8 then refuses Node's embedded code cache for its own
// modules: every built-in the start loads (http, net, the fetch behind Slack's auth.test, ...) is compiled
// from source, ~50 ms of CPU before the first answer (measured on bare Bolt too: 170 → 220 ms).
// So the bot starts without flags and caps the growth instead: after each garbage collection it looks at
// the new space, and once a doubling would pass the cap it sets V8's semi-space growth factor to 1 (V8
// reads it whenever it grows the new space); when V8 has shrunk the new space again (an idle spell), the
// factor goes back to V8's default, 2. Changing a flag at run time changes the hash too, but by then the
// start's built-ins are compiled.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Each semi-space's cap, MB: the new space holds two. */
export const SEMI_SPACE_CAP_MB = 8;

/** V8's own --semi-space-growth-factor (each growth doubles the semi-space). */
export const V8_GROWTH_FACTOR = 2;

/** What the cap reads and sets: V8's, or a test's. */
export interface YoungGenerationHeap {
  /** the new space's committed size, bytes (both semi-spaces) */
  newSpaceBytes(): number;
  /** sets V8's --semi-space-growth-factor */
  setGrowthFactor(factor: number): void;
}

export const v8Heap: YoungGenerationHeap = {
  newSpaceBytes: () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
  setGrowthFactor: (factor) => setFlagsFromString(`--semi-space-growth-factor=${factor}`),
};

/** Keeps each semi-space at most `capMb`: call `check()` after each garbage collection. */
export class YoungGenerationCap {
  private factor = V8_GROWTH_FACTOR;
  private readonly capBytes: number;

  constructor(
    capMb = SEMI_SPACE_CAP_MB,
    private readonly heap: YoungGenerationHeap = v8Heap,
  ) {
    this.capBytes = capMb * 1024 * 1024;
  }

  /** The growth factor now in force: 2 while a doubling stays within the cap, else 1. */
  get growthFactor(): number {
    return this.factor;
  }

  check(): void {
    const semiSpace = this.heap.newSpaceBytes() / 2;
    const factor = semiSpace * V8_GROWTH_FACTOR <= this.capBytes ? V8_GROWTH_FACTOR : 1;
    if (factor === this.factor) return;
    this.factor = factor;
    this.heap.setGrowthFactor(factor);
  }
}

/** Installs the cap for this process (the server's main); returns what removes it. */
export function capYoungGeneration(capMb = SEMI_SPACE_CAP_MB): () => void {
  const cap = new YoungGenerationCap(capMb);
  cap.check();
  const observer = new PerformanceObserver(() => cap.check());
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}
