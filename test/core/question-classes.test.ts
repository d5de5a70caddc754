// Classes of real questions the third held-out set showed the parser missing (issue 10), each rule walked over the
// data where it can be: features typed with a space before their number, ...
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { frameOf } from '../../src/core/question/frame.js';

const c = catalog();

describe('a feature typed with a space before its number ("SSE 4.2", "AVX 2", "AVX 512")', () => {
  // every SSE4.x / AVX flag of every level, as people type it with a space: sse4_2 -> "SSE 4.2", avx512f -> "AVX 512"
  const spaced = c.levels.levels
    .filter((step) => step.level !== 'x86-64-v1') // SSE2 is every x86-64 CPU's: no question names it
    .flatMap((step) =>
      step.cpuinfoFlags.flatMap((flag) => {
        const m = /^(sse|avx)(4_[12]|2|512f)$/.exec(flag);
        return m ? [{ level: step.level, typed: `${m[1]!.toUpperCase()} ${m[2]!.replace('_', '.').replace(/f$/, '')}` }] : [];
      }),
    );
  test('every level above the baseline has one', () => {
    expect(new Set(spaced.map((x) => x.level))).toEqual(new Set(['x86-64-v2', 'x86-64-v3', 'x86-64-v4']));
  });
  test.each(spaced.map((x) => [x.typed, x.level] as const))('%s is %s', (typed, level) => {
    expect(frameOf(c, `which Azure sizes have ${typed}?`).levels).toEqual([level]);
    for (const q of [`my CPU does not support ${typed}, what now?`, `请问，如果机器不支持${typed}要怎么安装呢？`]) {
      const a = ask(q);
      expect(a.kind, q).toBe('triage');
      expect(a.text, q).toContain(level);
    }
  });
});
