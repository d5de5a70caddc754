// The young generation's cap (src/service/young-generation.ts): the growth factor it sets as the new
// space grows and shrinks, and, in a real process, a new space that stays within the cap under an
// allocation rate that grows it past the cap without it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEMI_SPACE_CAP_MB, V8_GROWTH_FACTOR, YoungGenerationCap, type YoungGenerationHeap } from '../../src/service/young-generation.js';

const MB = 1024 * 1024;

/** A heap whose new space is what the test says, recording every factor set. */
function fakeHeap(): YoungGenerationHeap & { newSpace: number; set: number[] } {
  const heap = {
    newSpace: 2 * MB,
    set: [] as number[],
    newSpaceBytes: () => heap.newSpace,
    setGrowthFactor: (factor: number) => {
      heap.set.push(factor);
    },
  };
  return heap;
}

describe('YoungGenerationCap', () => {
  it('leaves V8 growing while a doubling stays within the cap, stops it at the cap, and lets it grow again after a shrink', () => {
    const heap = fakeHeap();
    const cap = new YoungGenerationCap(8, heap);
    // semi-spaces of 1, 2 and 4 MB: doubling reaches at most 8
    for (const semi of [1, 2, 4]) {
      heap.newSpace = 2 * semi * MB;
      cap.check();
      expect(cap.growthFactor).toBe(V8_GROWTH_FACTOR);
    }
    expect(heap.set).toEqual([]);
    heap.newSpace = 2 * 8 * MB;
    cap.check();
    expect(cap.growthFactor).toBe(1);
    heap.newSpace = 2 * 4 * MB; // V8 shrank it in an idle spell
    cap.check();
    expect(cap.growthFactor).toBe(V8_GROWTH_FACTOR);
    expect(heap.set).toEqual([1, V8_GROWTH_FACTOR]);
  });

  it('sets the flag only when the factor changes, not at every collection', () => {
    const heap = fakeHeap();
    const cap = new YoungGenerationCap(8, heap);
    heap.newSpace = 2 * 8 * MB;
    for (let i = 0; i < 5; i++) cap.check();
    heap.newSpace = 2 * 6 * MB; // 6 MB: a doubling would pass 8
    cap.check();
    expect(heap.set).toEqual([1]);
  });

  it('caps at 8 MB a semi-space by default', () => {
    expect(SEMI_SPACE_CAP_MB).toBe(8);
  });
});

describe('capYoungGeneration in a real process', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  // Allocates ~0.5 GB in short turns of the event loop (as a server does), keeping a rolling window of
  // objects alive so that V8 sees survivors and grows its new space; prints the largest new space seen.
  const script = (capped: boolean) => `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { capYoungGeneration } from './src/service/young-generation.ts';
    if (${capped}) capYoungGeneration();
    const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    let keep = [], i = 0, largest = 0;
    await new Promise((done) => {
      const turn = () => {
        for (let j = 0; j < 20000; j++, i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 200000) keep = []; }
        largest = Math.max(largest, newSpace());
        if (i < 4e6) setImmediate(turn); else done();
      };
      turn();
    });
    process.stdout.write(String(largest));
  `;
  const largestNewSpace = (capped: boolean): number => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(capped)], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return Number(r.stdout);
  };

  it('keeps the new space within 2 × 8 MB where it would grow past it', () => {
    expect(largestNewSpace(false)).toBeGreaterThan(2 * SEMI_SPACE_CAP_MB * MB);
    const capped = largestNewSpace(true);
    expect(capped).toBeGreaterThan(0);
    expect(capped).toBeLessThanOrEqual(2 * SEMI_SPACE_CAP_MB * MB);
  }, 120_000);
});
