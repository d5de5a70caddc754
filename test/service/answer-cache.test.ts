// The answer cache (src/service/answer-cache.ts): from its second asking on, a question gets the very same
// answer, frozen all the way down, and that answer is exactly what a fresh ask would give, for every
// question of the corpus and every catalog name; a thread's context is part of the key; long pastes
// bypass it; the least recently used goes first.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Answer, ConversationContext } from '../../src/core/answer.js';
import { AnswerCache, cachedAsk, MAX_CACHED_QUESTION } from '../../src/service/answer-cache.js';
import { askWith } from '../../src/core/ask.js';
import { ask as coreAsk, catalog } from '../../src/core/index.js';

const ask = cachedAsk(coreAsk);

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
      const second = ask(q);
      expect(first, q).toEqual(askWith(catalog(), q));
      expect(second, q).toEqual(first);
      if (q.length <= MAX_CACHED_QUESTION) expect(ask(q), q).toBe(second);
    }
  });

  test('a question asked once is not kept; from its second asking it is, frozen all the way down', () => {
    const once = ask('/cpulevel Standard_D2as_v4');
    expect(Object.isFrozen(once)).toBe(false);
    const answer = ask('/cpulevel Standard_D2as_v4');
    expect(answer).not.toBe(once);
    expect(ask('/cpulevel Standard_D2as_v4')).toBe(answer);
    expectDeepFrozen(answer);
    expect(() => {
      (answer as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => answer.facts.push({ label: 'x', value: 'y' })).toThrow(TypeError);
  });

  test('a question asked in a thread is kept per context: the same context shares it, another does not', () => {
    const inD2 = { size: 'Standard_D2s_v3' };
    const inD4 = { size: 'Standard_D4s_v5' };
    for (let i = 0; i < 2; i++) ask('and RHEL 10 on it?', { ...inD2 });
    const d2 = ask('and RHEL 10 on it?', { ...inD2 });
    expect(ask('and RHEL 10 on it?', { ...inD2 })).toBe(d2);
    expect(d2).toMatchObject({ kind: 'compat', size: 'Standard_D2s_v3' });
    for (let i = 0; i < 2; i++) ask('and RHEL 10 on it?', inD4);
    const d4 = ask('and RHEL 10 on it?', inD4);
    expect(d4).not.toBe(d2);
    expect(d4).toMatchObject({ kind: 'compat', size: 'Standard_D4s_v5' });
    // nothing known is no context at all
    for (let i = 0; i < 2; i++) ask('and RHEL 10 on it?');
    const plain = ask('and RHEL 10 on it?');
    expect(plain).not.toBe(d2);
    expect(ask('and RHEL 10 on it?', {})).toBe(plain);
    expect(ask('and RHEL 10 on it?', { size: undefined })).toBe(plain);
  });

  test('every corpus question asked with context: the cached answer is the fresh one', () => {
    const withContext = corpus.filter((e) => e.context !== undefined);
    expect(withContext.length).toBeGreaterThan(10);
    for (const e of withContext) {
      const context = e.context as ConversationContext;
      const first = ask(e.q, context);
      const kept = ask(e.q, context);
      expect(kept, e.q).toEqual(askWith(catalog(), e.q, context));
      expect(first, e.q).toEqual(kept);
      if (e.q.length <= MAX_CACHED_QUESTION) expect(ask(e.q, { ...context }), e.q).toBe(kept);
    }
  });

  test('keeps the most recently used answers, and never a long question', () => {
    const cache = new AnswerCache(2);
    const built: string[] = [];
    const get = (q: string): Answer => cache.answer(q, () => (built.push(q), askWith(catalog(), q)));
    const [d2, d4, e4] = ['/cpulevel Standard_D2s_v3', '/cpulevel Standard_D4s_v5', '/cpulevel Standard_E4s_v5'];
    for (const q of [d2, d2, d4, d4, d2, e4, e4]) get(q);
    expect(cache.size).toBe(2);
    expect(built).toEqual([d2, d2, d4, d4, e4, e4]);
    // d4 was the least recently used when e4 came in: d2 and e4 are served, d4 is answered again
    built.length = 0;
    for (const q of [d2, e4, d4]) get(q);
    expect(built).toEqual([d4]);
    const long = `flags ${'avx2 '.repeat(MAX_CACHED_QUESTION / 5)}`;
    expect(get(long)).not.toBe(get(long));
    expect(cache.size).toBe(2);
  });
});
