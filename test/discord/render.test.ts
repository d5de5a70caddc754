import { describe, expect, test } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { EMBED_LIMITS } from '../../src/adapters/discord/limits.js';
import { embedTotal, renderAnswer, renderTable } from '../../src/adapters/discord/render.js';
import { escapeMarkdown, neutraliseMentions, truncate } from '../../src/adapters/discord/text.js';
import { allFixtures, fixtures, huge } from '../fixtures/answers.js';

/** Every limit Discord enforces on a message's embeds; a violation would be an API error. */
function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
  expect(embedTotal(embeds)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  for (const e of embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect((e.description ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
    }
    // code fences always close
    expect(((e.description ?? '').match(/```/g) ?? []).length % 2).toBe(0);
  }
}

const all = (embeds: APIEmbed[]) =>
  embeds.map((e) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');

describe('renderAnswer', () => {
  test.each(allFixtures().map((a) => [a.kind, a] as const))('%s renders within limits', (_kind, answer) => {
    const embeds = renderAnswer(answer);
    expectWithinLimits(embeds);
    expect(embeds[0]!.title).toBe(answer.title);
    expect(embeds[0]!.description).toContain(answer.summary.replace(/_/g, '\\_').slice(0, 20));
  });

  test.each(allFixtures().map((a) => [a.kind, huge(a)] as const))('%s with huge inputs stays within limits, visibly shortened', (_kind, answer) => {
    const embeds = renderAnswer(answer);
    expectWithinLimits(embeds);
    const text = all(embeds);
    expect(text).toContain('…');
    expect(embeds[0]!.footer?.text).toContain('Shortened to fit Discord');
    // the parts that matter most survive: sources and caveats are still there
    expect(embeds[0]!.fields!.map((f) => f.name)).toEqual(expect.arrayContaining(['Sources', 'Caveats']));
  });

  test('facts become fields; sources are links with their as-of date; caveats and suggestions are listed', () => {
    const [embed] = renderAnswer(fixtures['vm-size']);
    expect(embed!.fields).toContainEqual({ name: 'Guaranteed level', value: 'x86-64-v4', inline: true });
    const sources = embed!.fields!.find((f) => f.name === 'Sources')!;
    expect(sources.value).toBe(
      '[Dsv5 sizes series](https://learn.microsoft.com/azure/virtual-machines/sizes/general-purpose/dsv5-series) · checked 2026-05-01',
    );
    expect(embed!.footer!.text).toBe('Data checked as of 2026-05-01');

    const [compat] = renderAnswer(fixtures.compat);
    expect(compat!.fields!.find((f) => f.name === 'Caveats')!.value).toBe('• Azure does not let you choose the processor within a series.');
    const [nf] = renderAnswer(fixtures['not-found']);
    expect(nf!.fields!.find((f) => f.name === 'Did you mean')!.value).toBe('`Standard_D2s_v5`, `Standard_D4s_v5`, `Standard_E2s_v5`');
  });

  test('colour follows the compat verdict', () => {
    const colour = (verdict: 'yes' | 'no' | 'depends') => renderAnswer({ ...fixtures.compat, verdict })[0]!.color;
    expect(new Set([colour('yes'), colour('no'), colour('depends')]).size).toBe(3);
  });

  test('tables render as closed monospace blocks', () => {
    const [embed] = renderAnswer(fixtures.series);
    expect(embed!.description).toContain('```\nSize             vCPUs\n---------------  -----\nStandard_D2s_v5  2\nStandard_D4s_v5  4\n```');
  });

  test('nothing typed can ping: @everyone, @here and raw mentions are defused everywhere', () => {
    const evil = {
      ...fixtures['not-found'],
      title: '@everyone look',
      summary: 'hey @here and <@123456789012345678> and <@&223456789012345678>',
      suggestions: ['@everyone'],
      facts: [{ label: '@here', value: '<@!123456789012345678>' }],
    };
    const text = all(renderAnswer(evil));
    expect(text).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>/);
  });

  test('user text cannot break out of markdown: escaped, and source links cannot be hijacked', () => {
    const [embed] = renderAnswer({
      ...fixtures.cpu,
      summary: 'I do not know **Xeon** [click](https://evil.example) `code`',
      sources: [{ title: 'a](https://evil.example) [b', url: 'https://ok.example/a_(b)', asOf: '2026-01-01' }],
    });
    // (discord.js's escapeMarkdown escapes the "[" that opens a masked link, which is enough to break it)
    expect(embed!.description).toBe('I do not know \\*\\*Xeon\\*\\* \\[click](https://evil.example) `code`');
    expect(embed!.fields!.find((f) => f.name === 'Sources')!.value).toBe(
      '[a\\](https://evil.example) \\[b](https://ok.example/a_%28b%29) · checked 2026-01-01',
    );
  });
});

describe('helpers', () => {
  test('escapeMarkdown: every markdown form a line of plain text could start or contain shows as written', () => {
    const cases: Array<[string, string]> = [
      ['**bold** _it_ ~~s~~ ||spoiler|| __u__', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\_\\_u\\_\\_'],
      ['> a quote', '\\> a quote'],
      ['# a heading', '\\# a heading'],
      ['-# subtext', '\\-# subtext'],
      ['- a bullet', '\\- a bullet'],
      ['1. a number', '1\\. a number'],
      ['[label](https://x.example)', '\\[label](https://x.example)'],
      ['keep `ld.so --help` and `a_b` as code', 'keep `ld.so --help` and `a_b` as code'],
      ['Standard_D4s_v5', 'Standard\\_D4s\\_v5'],
    ];
    for (const [plain, escaped] of cases) expect(escapeMarkdown(plain), plain).toBe(escaped);
  });

  test('truncate marks the cut and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    const cut = truncate('ab😀cd', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });

  test('neutraliseMentions', () => {
    expect(neutraliseMentions('@everyone @here <@1> <@!2> <@&3>')).toBe('@\u200beveryone @\u200bhere <@\u200b1> <@\u200b!2> <@\u200b&3>');
  });

  test('renderTable keeps whole rows and says how many were left out', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`row${i}`, 'x']);
    const table = renderTable(['Name', 'V'], rows, 200);
    expect(table.text.length).toBeLessThanOrEqual(200);
    expect(table.text.endsWith('\n```')).toBe(true);
    expect(table.text).toMatch(/… \d+ more rows/);
    expect(table.shortened).toBe(true);
  });
});
