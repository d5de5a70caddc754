// A size or series answer's series parts (its level summary, facts, processors, caveats, sources) are worked out
// once per series (issue 15): every size and every series, the remembered answer against the one worked out afresh,
// and an answer its caller changes (the planner prepends caveats, rewrites summaries) changes no later answer.
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { seriesAnswer, seriesParts, sizeAnswer } from '../../src/core/answers/vm.js';

const c = catalog();
/** The same catalog under another identity: nothing remembered for it, so every answer is worked out afresh. */
const fresh = () => Object.assign(Object.create(Object.getPrototypeOf(c) as object) as typeof c, c);

describe('series parts, worked out once', () => {
  test('every size and every series: the remembered answer is the one worked out afresh', () => {
    const problems: string[] = [];
    for (const s of c.sizes) {
      sizeAnswer(c, 'q', s);
      if (JSON.stringify(sizeAnswer(c, 'q', s)) !== JSON.stringify(sizeAnswer(fresh(), 'q', s))) problems.push(s.size.name);
    }
    for (const s of c.series) {
      seriesAnswer(c, 'q', s);
      if (JSON.stringify(seriesAnswer(c, 'q', s)) !== JSON.stringify(seriesAnswer(fresh(), 'q', s))) problems.push(s.record.series);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  test('kept once per series and catalog; another catalog gets its own', () => {
    for (const s of c.series) {
      expect(seriesParts(c, s)).toBe(seriesParts(c, s));
      const other = fresh();
      expect(seriesParts(other, s).catalog).toBe(other);
      expect(seriesParts(c, s).catalog).toBe(c);
    }
  });

  test('an answer changed by its caller changes no later answer', () => {
    for (const s of c.sizes) {
      const before = JSON.stringify(sizeAnswer(c, 'q', s));
      const a = sizeAnswer(c, 'q', s) as ReturnType<typeof sizeAnswer> & { processors: string[] };
      a.caveats.unshift('changed');
      a.sources.pop();
      for (const f of a.facts) f.value = 'changed';
      a.facts.push({ label: 'x', value: 'y' });
      for (const sec of a.sections) sec.lines?.push('changed');
      a.sections.push({ title: 'x', lines: [] });
      a.processors.push('changed');
      expect(JSON.stringify(sizeAnswer(c, 'q', s)), s.size.name).toBe(before);
    }
    for (const s of c.series) {
      const before = JSON.stringify(seriesAnswer(c, 'q', s));
      const a = seriesAnswer(c, 'q', s) as ReturnType<typeof seriesAnswer> & { processors: string[] };
      a.caveats.push('changed');
      a.sources.pop();
      for (const sec of a.sections) sec.lines?.push('changed');
      a.processors.push('changed');
      expect(JSON.stringify(seriesAnswer(c, 'q', s)), s.record.series).toBe(before);
    }
  });

  test('the summary is its subject, then what the series guarantees', () => {
    for (const s of c.sizes) {
      const summary = sizeAnswer(c, 'q', s).summary;
      expect(summary.startsWith(`${s.size.name} `)).toBe(true);
      if (s.series.record.arch === 'x64' && s.series.guaranteed) expect(summary).toContain(`guarantees ${s.series.guaranteed}`);
    }
  });
});
