// The Slack message's plain `text` (what notifications show and screen readers read) is the answer's
// first sentence, on real answers: every corpus question, every size, series, CPU and distro. And the
// blocks' lists use one-byte bullets.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mrkdwn } from '../../src/adapters/slack/escape.js';
import { fallbackText, renderAnswer } from '../../src/adapters/slack/render.js';
import type { Answer } from '../../src/core/answer.js';
import { ask, catalog } from '../../src/core/index.js';
import { allText } from '../fakes/slack-blocks.js';
import { fixtures } from '../fixtures/answers.js';

const corpus = JSON.parse(readFileSync(new URL('../corpus/questions.json', import.meta.url), 'utf8')) as Array<{ q: string; context?: object }>;
const c = catalog();
const questions = [
  ...corpus.map((e) => e.q),
  ...c.sizes.map((s) => `/cpulevel ${s.size.name}`),
  ...c.series.map((s) => `/cpulevel ${s.record.series} series`),
  ...[...c.cpus.keys()].map((m) => `/cpulevel ${m}`),
  ...c.distros.flatMap((d) => [`/azlinux lineage ${d.name}`, `/azlinux compat Standard_D2s_v3 ${d.name}`]),
  '/cpulevel Standard_D4s_v55',
  '/cpulevel D2',
];

describe('the fallback text is the first sentence', () => {
  test('of hand-built answers', () => {
    expect(fallbackText({ ...fixtures['vm-size'], summary: 'Standard_D4s_v5 guarantees x86-64-v4. It may land on two processors.' })).toBe(
      'Standard_D4s_v5 guarantees x86-64-v4.',
    );
    // an answer that suggests names: up to the sentence that asks
    expect(fixtures['not-found'].suggestions.length).toBeGreaterThan(0);
    expect(fallbackText({ ...fixtures['not-found'], summary: "I don't know `sid`. Did you mean `D`, `ND`? Try a size." })).toBe(
      "I don't know `sid`. Did you mean `D`, `ND`?",
    );
    expect(fallbackText({ ...fixtures['not-found'], suggestions: [], summary: "I don't know `sid`. Try a size." })).toBe("I don't know `sid`.");
    // versions and levels do not end a sentence
    expect(fallbackText({ ...fixtures.lineage, summary: 'Azure Linux 4.0 is built from Fedora 43, needs x86-64-v2. More.' })).toBe(
      'Azure Linux 4.0 is built from Fedora 43, needs x86-64-v2.',
    );
    expect(fallbackText({ ...fixtures.help, summary: '' })).toBe(fixtures.help.title);
    expect(fallbackText({ ...fixtures.help, summary: '', title: '' })).toBe('help');
    // escaped like any mrkdwn: no ping survives
    expect(fallbackText({ ...fixtures.help, summary: 'Hi @channel and <!here>. Bye.' })).not.toMatch(/<!here>|@channel\b/);
  });

  test('of every real answer: the summary up to a sentence end, escaped, never empty', () => {
    let cut = 0;
    for (const q of questions) {
      const answer: Answer = ask(q);
      const { text } = renderAnswer(answer);
      expect(text, q).toBe(fallbackText(answer));
      const summary = answer.summary.trim();
      expect(text.length, q).toBeGreaterThan(0);
      if (summary === '') continue;
      const whole = mrkdwn(summary);
      expect(whole.startsWith(text), q).toBe(true);
      if (text !== whole) {
        cut++;
        expect(text, q).toMatch(/[.!?]$/);
        expect(whole[text.length], q).toMatch(/\s/);
        // one sentence, or for suggestions, up to the one that asks
        const asks = answer.kind === 'clarify' || answer.suggestions.length > 0;
        if (asks) expect(text, q).toMatch(/\?$/);
        else expect(text.slice(0, -1), q).not.toMatch(/[.!?]\s/);
      }
    }
    expect(cut).toBeGreaterThan(20);
  });

  test('lists in the blocks use one-byte bullets', () => {
    let lists = 0;
    for (const q of questions.slice(0, 400)) {
      const text = allText(renderAnswer(ask(q)).blocks).join('\n');
      expect(text, q).not.toContain('•');
      if (/\n- /.test(text)) lists++;
    }
    expect(lists).toBeGreaterThan(10);
  });
});

describe('sources are rendered once per record', () => {
  test('the same record renders the same; a changed field renders afresh', () => {
    const source = { title: 'Dsv5 sizes series', url: 'https://learn.microsoft.com/a', asOf: '2026-05-01' };
    const answer: Answer = { ...fixtures['vm-size'], sources: [source] };
    const context = (a: Answer) =>
      renderAnswer(a)
        .blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []))
        .join('\n');
    expect(context(answer)).toBe('<https://learn.microsoft.com/a|Dsv5 sizes series> · checked 2026-05-01');
    expect(context(answer)).toBe('<https://learn.microsoft.com/a|Dsv5 sizes series> · checked 2026-05-01');
    source.title = 'Renamed <page>';
    expect(context(answer)).toBe('<https://learn.microsoft.com/a|Renamed &lt;page&gt;> · checked 2026-05-01');
    Object.assign(source, { asOf: '2026-06-01', dated: 'page' });
    expect(context(answer)).toBe('<https://learn.microsoft.com/a|Renamed &lt;page&gt;> · page dated 2026-06-01');
    source.url = 'https://learn.microsoft.com/b';
    expect(context(answer)).toContain('<https://learn.microsoft.com/b|');
  });
});
