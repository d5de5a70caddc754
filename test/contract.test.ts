// One contract every surface's renderer keeps, checked on REAL answers (every corpus question, every
// series, every distro, every level), not hand-built fixtures: the plain text, the Slack message and
// the Discord embed all stay within their platform's limits, keep the answer's title and its first
// source, carry the compat verdict, and never ping anyone.
import { readFileSync } from 'node:fs';
import type { APIEmbed } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { EMBED_LIMITS } from '../src/adapters/discord/limits.js';
import { embedTotal, renderAnswer as renderDiscord } from '../src/adapters/discord/render.js';
import { renderAnswer as renderSlack } from '../src/adapters/slack/render.js';
import { ask, catalog } from '../src/core/index.js';
import type { Answer } from '../src/core/answer.js';
import { allText, slackMessageProblems } from './fakes/slack-blocks.js';
import { ANSWER_KINDS } from './fixtures/answer-kinds.js';

const corpus = JSON.parse(readFileSync(new URL('./corpus/questions.json', import.meta.url), 'utf8')) as Array<{ q: string; context?: object }>;
const questions = [
  ...corpus.map((e) => [e.q, e.context] as const),
  ...catalog().series.map((s) => [`/cpulevel ${s.record.series} series`, undefined] as const),
  ...catalog().distros.map((d) => [`/azlinux releases ${d.name}`, undefined] as const),
  ...catalog().distros.map((d) => [`/azlinux lineage ${d.name}`, undefined] as const),
  ...['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'].map((l) => [`/cpulevel ${l}`, undefined] as const),
  ['/azlinux about', undefined] as const,
];
const answers: Answer[] = questions.map(([q, context]) => ask(q, context));

/** A live broadcast ping on either platform (an escaped or broken-up one is fine). */
const PING = /<!(channel|here|everyone)\b|(^|[^\w\u200b\u200d])@(everyone|here|channel)\b/;

function discordProblems(embeds: APIEmbed[]): string[] {
  const p: string[] = [];
  if (embeds.length === 0 || embeds.length > EMBED_LIMITS.embedsPerMessage) p.push(`${embeds.length} embeds`);
  if (embedTotal(embeds) > EMBED_LIMITS.total) p.push(`total ${embedTotal(embeds)}`);
  for (const e of embeds) {
    if ((e.title ?? '').length > EMBED_LIMITS.title) p.push('title too long');
    if ((e.description ?? '').length > EMBED_LIMITS.description) p.push('description too long');
    if ((e.fields ?? []).length > EMBED_LIMITS.fields) p.push('too many fields');
    for (const f of e.fields ?? []) {
      if (!f.name || !f.value) p.push('empty field');
      if (f.name.length > EMBED_LIMITS.fieldName || f.value.length > EMBED_LIMITS.fieldValue) p.push(`field ${f.name} too long`);
    }
  }
  return p;
}

const discordText = (embeds: APIEmbed[]) =>
  embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);

describe('every renderer keeps the contract on real answers', () => {
  test('there is a real answer of every kind in the set', () => {
    const kinds = new Set(answers.map((a) => a.kind));
    for (const k of ANSWER_KINDS.filter((kind) => kind !== 'error')) expect(kinds, k).toContain(k);
  });

  test.each(answers.map((a, i) => [i, a.kind, a.query.slice(0, 60), a] as const))('#%i %s: %s', (_i, _k, _q, a) => {
    // plain text
    expect(a.text.length).toBeGreaterThan(0);
    expect(a.text.length).toBeLessThanOrEqual(4000);
    expect(a.text).toContain(a.title);

    // Slack
    const slack = renderSlack(a) as unknown as Record<string, unknown>;
    expect(slackMessageProblems(slack)).toEqual([]);
    const slackText = allText(slack).join('\n');

    // Discord
    const embeds = renderDiscord(a);
    expect(discordProblems(embeds)).toEqual([]);
    const discordAll = discordText(embeds).join('\n');

    for (const [surface, text] of [
      ['text', a.text],
      ['slack', slackText],
      ['discord', discordAll],
    ] as const) {
      expect(text, surface).not.toMatch(PING);
      if (a.sources.length) expect(text, `${surface} cites the first source`).toContain(a.sources[0]!.url);
      if (a.kind === 'compat') expect(text.toLowerCase(), `${surface} verdict`).toMatch(a.verdict === 'depends' ? /depends/ : new RegExp(`\\b${a.verdict}\\b`));
    }
  });
});
