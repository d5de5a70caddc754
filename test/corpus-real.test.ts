// The real-question corpus (GitHub issue 10): questions people asked in public issue trackers, forums
// and Q&A sites, each with its URL and the facts its answer must carry (test/corpus/real-questions.json).
// This file checks the corpus itself, the checker (on hand-made answers), and that the share of real
// questions answered right never falls below the measured baseline. `npm run corpus:report` lists the
// failures. How to add an entry: test/corpus/README.md.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Answer } from '../src/core/answer.js';
import { ask } from '../src/core/index.js';
import { check, headlineVerdict } from './corpus/check.js';
import { CATEGORIES, isCheckable, loadRealQuestions, type RealQuestion } from './corpus/real.js';

/** Floors for the corpus's size and variety (issue 10 asks for at least 200 real questions; it holds 225). */
const MIN_REAL = 220;
const MIN_NON_ENGLISH = 10;
const MIN_PASTED = 50;
const MIN_MULTI_PART = 20;
/** Share of real questions answered right: 21.8 % when the corpus landed, 91.6 % after the question frame (issue 10),
 * 94.2 % (212/225) after the held-out misses were fixed as general rules, 97.3 % (219/225) after the third set's,
 * rounded down; raise it as answers improve (issue 10's goal is 0.9). */
const BASELINE = 0.97;
/** Answers stating a level or verdict the data contradicts: 18 when the corpus landed, 0 after the question frame. */
const MAX_CONTRADICTIONS = 0;

const corpus = loadRealQuestions();

describe('real questions: the data itself', () => {
  test(`has at least ${MIN_REAL} entries`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(MIN_REAL);
  });

  test('with the hand-written corpus, test/corpus holds at least 400 questions', () => {
    const written = JSON.parse(readFileSync(new URL('./corpus/questions.json', import.meta.url), 'utf8')) as unknown[];
    expect(written.length + corpus.length).toBeGreaterThanOrEqual(400);
  });

  test('every entry has an https URL, a question and at least one checkable expectation', () => {
    const bad = corpus.filter((e) => !isCheckable(e));
    expect(bad.map((e) => e.q.slice(0, 60))).toEqual([]);
  });

  test('no question appears twice', () => {
    const seen = new Map<string, number>();
    for (const e of corpus) {
      const key = e.q.replace(/\s+/g, ' ').trim().toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([q]) => q.slice(0, 60))).toEqual([]);
  });

  test('every category is represented, and non-English, pasted-output and multi-part questions are present', () => {
    const categories = new Set(corpus.map((e) => e.category));
    expect(CATEGORIES.filter((c) => !categories.has(c))).toEqual([]);
    expect(corpus.filter((e) => e.lang !== undefined && e.lang !== 'en').length).toBeGreaterThanOrEqual(MIN_NON_ENGLISH);
    expect(corpus.filter((e) => e.shape?.includes('pasted-output')).length).toBeGreaterThanOrEqual(MIN_PASTED);
    expect(corpus.filter((e) => e.shape?.includes('multi-part')).length).toBeGreaterThanOrEqual(MIN_MULTI_PART);
  });
});

// ---------------------------------------------------------------------------------------------
// The checker, on hand-made answers: each expectation can fail, and wrong facts count as contradictions.

function answer(fields: Partial<Answer> & { kind: Answer['kind'] } & Record<string, unknown>): Answer {
  const base = {
    query: 'q',
    title: '',
    summary: '',
    facts: [],
    sections: [],
    caveats: [],
    suggestions: [],
    sources: [],
    visibility: 'private',
    context: {},
    text: '',
  };
  const merged = { ...base, ...fields } as Record<string, unknown>;
  if (merged['text'] === '') merged['text'] = `${String(merged['title'])}\n${String(merged['summary'])}`;
  return merged as unknown as Answer;
}

function entry(expectation: RealQuestion['expect']): RealQuestion {
  return { q: 'q', url: 'https://example.org/q', site: 'example.org', category: 'cpu-level', expect: expectation, note: 'n' };
}

describe('real questions: the checker', () => {
  const e5v4 = entry({ level: 'x86-64-v3', contains: [['Broadwell', 'broadwell']] });

  test('passes a right level', () => {
    const a = answer({
      kind: 'cpu',
      processor: 'Intel Xeon E5-2680 v4',
      arch: 'x64',
      level: 'x86-64-v3',
      summary: 'Intel Xeon E5-2680 v4 (Broadwell) is x86-64-v3.',
    });
    expect(check(e5v4, a)).toEqual({ pass: true, problems: [], contradictions: [] });
  });

  test('fails a wrong level and counts it as a contradiction', () => {
    const a = answer({ kind: 'level', level: 'x86-64-v4', series: ['Dv5'], summary: '93 series guarantee x86-64-v4 (Broadwell hosts excluded).' });
    const v = check(e5v4, a);
    expect(v.pass).toBe(false);
    expect(v.contradictions).toEqual(['states x86-64-v4 (field), the data says x86-64-v3', 'headline names x86-64-v4, the data says x86-64-v3']);
    expect(v.problems).toContain('does not state x86-64-v3');
  });

  test('a headline naming only another level is a contradiction even without a level field', () => {
    const a = answer({ kind: 'not-found', summary: 'That is x86-64-v4 hardware.', text: 'That is x86-64-v4 hardware; x86-64-v3 below.' });
    expect(check(entry({ level: 'x86-64-v3' }), a).contradictions).toEqual(['headline names x86-64-v4, the data says x86-64-v3']);
  });

  test('a level only stated deep in the text passes without a contradiction', () => {
    const a = answer({ kind: 'help', summary: 'Here is how to check.', text: 'Here is how to check.\nHaswell is x86-64-v3.' });
    expect(check(entry({ level: 'x86-64-v3' }), a)).toEqual({ pass: true, problems: [], contradictions: [] });
  });

  test('verdicts: the structured field or the opening word must match; a different one is a contradiction', () => {
    const no = entry({ verdict: 'no' });
    expect(check(no, answer({ kind: 'compat', verdict: 'no', summary: 'No: ...' })).pass).toBe(true);
    expect(check(no, answer({ kind: 'distro', summary: 'No — RHEL 10 needs x86-64-v3.' })).pass).toBe(true);
    expect(check(no, answer({ kind: 'compat', verdict: 'depends', summary: 'It depends: ...' })).contradictions).toEqual([
      'verdict "depends", the data says "no"',
    ]);
    expect(check(no, answer({ kind: 'distro', summary: 'Yes, it runs.' })).contradictions).toEqual(['opens with "yes", the data says "no"']);
    const silent = check(no, answer({ kind: 'distro', summary: 'RHEL 10 needs x86-64-v3.' }));
    expect(silent).toEqual({ pass: false, problems: ['gives no verdict (expected "no")'], contradictions: [] });
  });

  test('headlineVerdict reads the opening word only', () => {
    expect(headlineVerdict('Yes — it runs')).toBe('yes');
    expect(headlineVerdict('It depends: the D series may land on ...')).toBe('depends');
    expect(headlineVerdict('No.')).toBe('no');
    expect(headlineVerdict('Nothing runs')).toBeUndefined();
    expect(headlineVerdict('Standard_D2s_v3 guarantees x86-64-v3')).toBeUndefined();
  });

  test('contains takes any one spelling; notContains fails on any hit; both are case-insensitive', () => {
    const e = entry({ contains: [['Fedora 43', 'Fedora Linux 43'], 'dnf5'], notContains: ['Photon'] });
    expect(check(e, answer({ kind: 'lineage', summary: 'Built from FEDORA LINUX 43 with DNF5.' })).pass).toBe(true);
    expect(check(e, answer({ kind: 'lineage', summary: 'Built from Fedora 42 with dnf5.' })).problems).toEqual([
      'does not contain "Fedora 43" or "Fedora Linux 43"',
    ]);
    expect(check(e, answer({ kind: 'lineage', summary: 'Fedora 43, dnf5, and photon.' })).problems).toEqual(['contains forbidden "Photon"']);
  });

  test('the echoed question never satisfies contains', () => {
    const e = entry({ contains: ['Haswell'] });
    const a = answer({ kind: 'not-found', query: 'is Haswell v3?', summary: 'Not found.' });
    expect(check(e, a).pass).toBe(false);
  });

  test('notKind: an answer of a listed kind fails', () => {
    const e = entry({ notKind: ['level'] });
    expect(check(e, answer({ kind: 'level', summary: 's' })).problems).toEqual(['kind is "level", which does not answer this question']);
    expect(check(e, answer({ kind: 'flags', summary: 's' })).pass).toBe(true);
  });

  test('kind: one or a list', () => {
    expect(check(entry({ kind: 'cpu' }), answer({ kind: 'cpu', summary: 's' })).pass).toBe(true);
    expect(check(entry({ kind: ['lineage', 'distro'] }), answer({ kind: 'distro', summary: 's' })).pass).toBe(true);
    expect(check(entry({ kind: 'cpu' }), answer({ kind: 'level', summary: 's' })).problems).toEqual(['kind is "level", expected cpu']);
  });

  test('out of scope: a decline whose headline names what the bot covers passes; facts, suggestions or silence fail', () => {
    const e = entry({ outOfScope: true });
    expect(check(e, answer({ kind: 'not-found', summary: 'I answer about Azure VM sizes and Linux distros, not AWS.' })).pass).toBe(true);
    expect(check(e, answer({ kind: 'level', summary: 'Azure series that guarantee x86-64-v4: ...' })).problems).toEqual([
      'answers as "level" instead of declining',
    ]);
    expect(check(e, answer({ kind: 'distro', summary: 'Azure Linux 3.0: generally available.' })).problems).toEqual([
      'answers as "distro" instead of declining',
    ]);
    expect(check(e, answer({ kind: 'not-found', summary: "I don't know `capability`.", suggestions: ['Azure Linux', 'Linux Mint'] })).problems).toEqual([
      'the headline does not say what the bot covers (no mention of Azure)',
      'offers far-fetched suggestions (Azure Linux, Linux Mint)',
    ]);
  });

  test('contract: empty text and broadcast pings fail', () => {
    expect(check(entry({ kind: 'help' }), answer({ kind: 'help', text: ' ' })).problems).toContain('text is empty');
    expect(check(entry({ kind: 'help' }), answer({ kind: 'help', text: 'hi @here' })).problems).toContain('text contains a broadcast ping');
  });
});

// ---------------------------------------------------------------------------------------------

describe('real questions: answers', () => {
  const results = corpus.map((e) => check(e, ask(e.q)));
  const rate = results.filter((r) => r.pass).length / results.length;
  const contradictions = results.filter((r) => r.contradictions.length > 0).length;

  test(`answered right at least ${BASELINE * 100} % of the time (now ${(rate * 100).toFixed(1)} %; npm run corpus:report)`, () => {
    expect(rate).toBeGreaterThanOrEqual(BASELINE);
  });

  test(`no more than ${MAX_CONTRADICTIONS} answers contradict the data (now ${contradictions})`, () => {
    expect(contradictions).toBeLessThanOrEqual(MAX_CONTRADICTIONS);
  });
});
