// The answer cache (src/core/answer-cache.ts): a repeated question gets the very same answer, frozen all
// the way down, and that answer is exactly what a fresh ask would give, for every question of the
// corpus and every catalog name; thread context and long pastes bypass it; the oldest use goes first.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { AnswerCache, MAX_CACHED_QUESTION } from '../../src/core/answer-cache.js';
import { askWith } from '../../src/core/ask.js';
import { ask, catalog } from '../../src/core/index.js';

const corpus = JSON.parse(readFileSync(new URL('../corpus/questions.json', import.meta.url), 'utf8')) as { q: string; context?: object }[];

function expectDeepFrozen(value: unknown, path = 'answer'): void {
  if (value === null || typeof value !== 'object') return;
  expect(Object.isFrozen(value), path).toBe(true);
  for (const [key, inner] of Object.entries(value)) expectDeepFrozen(inner, `${path}.${key}`);
}

describe('answer cache', () => {
  test('every corpus question and every size, series and CPU name: the cached answer is the fresh one', () => {
    const questions = [
      ...corpus.filter((e) => e.context === undefined).map((e) => e.q),
      ...catalog().sizes.map((s) => `/cpulevel ${s.size.name}`),
      ...catalog().series.map((s) => `/cpulevel ${s.record.series}`),
      ...[...catalog().cpus.values()].map((c) => `what level is the ${c.model.model}`),
    ];
    expect(questions.length).toBeGreaterThan(1_800);
    for (const q of questions) {
      const first = ask(q);
      if (q.length <= MAX_CACHED_QUESTION) expect(ask(q), q).toBe(first);
      expect(first, q).toEqual(askWith(catalog(), q));
    }
  });

  test('a cached answer is frozen all the way down, so no caller can change it for the next one', () => {
    const answer = ask('/cpulevel Standard_D2s_v3');
    expect(ask('/cpulevel Standard_D2s_v3')).toBe(answer);
    expectDeepFrozen(answer);
    expect(() => {
      (answer as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => answer.facts.push({ label: 'x', value: 'y' })).toThrow(TypeError);
  });

  test('a question asked with thread context is answered afresh; an empty context is no context', () => {
    const plain = ask('and RHEL 10 on it?');
    const inThread = ask('and RHEL 10 on it?', { size: 'Standard_D2s_v3' });
    expect(inThread).not.toBe(plain);
    expect(inThread.kind).toBe('compat');
    expect(Object.isFrozen(inThread)).toBe(false);
    expect(ask('and RHEL 10 on it?', {})).toBe(plain);
  });

  test('keeps the most recently used answers, and never a long question', () => {
    const cache = new AnswerCache(2);
    const built: string[] = [];
    const get = (q: string): Answer => cache.answer(q, () => (built.push(q), askWith(catalog(), q)));
    for (const q of ['/cpulevel Standard_D2s_v3', '/cpulevel Standard_D4s_v5', '/cpulevel Standard_D2s_v3', '/cpulevel Standard_E4s_v5']) get(q);
    expect(cache.size).toBe(2);
    // D4s_v5 was the least recently used when E4s_v5 came in
    get('/cpulevel Standard_D2s_v3');
    get('/cpulevel Standard_D4s_v5');
    expect(built).toEqual(['/cpulevel Standard_D2s_v3', '/cpulevel Standard_D4s_v5', '/cpulevel Standard_E4s_v5', '/cpulevel Standard_D4s_v5']);
    const long = `flags ${'avx2 '.repeat(MAX_CACHED_QUESTION / 5)}`;
    expect(get(long)).not.toBe(get(long));
    expect(cache.size).toBe(2);
  });
});
