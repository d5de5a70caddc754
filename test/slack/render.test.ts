import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, SectionBlock } from '../../src/adapters/slack/blocks.js';
import { SLACK_LIMITS, TRUNCATION_MARK } from '../../src/adapters/slack/limits.js';
import { mrkdwn } from '../../src/adapters/slack/escape.js';
import { renderAnswer, SHARE_ACTION_ID } from '../../src/adapters/slack/render.js';
import type { Answer } from '../../src/core/answer.js';
import { allText, slackMessageProblems } from '../fakes/slack-blocks.js';
import { allFixtures, fixtures } from '../fixtures/answers.js';

const PING = /<!|@(channel|here|everyone)\b/i;

function sections(blocks: Block[]): SectionBlock[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section');
}

function textOf(blocks: Block[]): string {
  return allText(blocks).join('\n');
}

describe('renderAnswer: every kind', () => {
  for (const answer of allFixtures()) {
    it(`${answer.kind}: header, summary, fallback and sources, within Slack's limits`, () => {
      const message = renderAnswer(answer);
      expect(slackMessageProblems({ ...message })).toEqual([]);
      expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: answer.title, emoji: true } });
      expect(textOf(message.blocks)).toContain(answer.summary.slice(0, 20));
      expect(message.text.length).toBeGreaterThan(0);
      const context = message.blocks.filter((b) => b.type === 'context');
      if (answer.sources.length > 0) {
        const src = answer.sources[0]!;
        expect(textOf(context)).toContain(`<${src.url}|${src.title}> · ${src.dated === 'page' ? 'page dated' : 'checked'} ${src.asOf}`);
      } else {
        expect(context).toEqual([]);
      }
      expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    });
  }

  it('facts become section fields: bold label, value below', () => {
    const { blocks } = renderAnswer(fixtures['vm-size']);
    const fields = sections(blocks).flatMap((s) => s.fields ?? []);
    expect(fields.map((f) => f.text)).toContain('*Guaranteed level*\nx86-64-v4');
    expect(textOf(blocks)).toContain('Standard_D4s_v5'); // underscores inside a name are left alone
  });

  it('a compat verdict leads the summary with its mark', () => {
    const { blocks } = renderAnswer(fixtures.compat);
    expect(fixtures.compat.verdict).toBe('depends');
    expect(textOf(blocks)).toContain(`:warning: ${fixtures.compat.summary}`);
    const yes = renderAnswer({ ...fixtures.compat, verdict: 'yes', summary: 'Yes.' });
    expect(textOf(yes.blocks)).toContain(':white_check_mark: Yes.');
  });

  it('tables render as an aligned code block', () => {
    const { blocks } = renderAnswer(fixtures.series);
    expect(textOf(blocks)).toContain('*Sizes*\n```Size             vCPUs\n---------------  -----\nStandard_D2s_v5  2\nStandard_D4s_v5  4```');
  });

  it('"did you mean" lists every suggestion; clarify asks which one', () => {
    const code = (names: string[]) => names.map((n) => `\`${n}\``);
    const notFound = textOf(renderAnswer(fixtures['not-found']).blocks);
    expect(fixtures['not-found'].suggestions.length).toBeGreaterThan(1);
    expect(notFound).toContain(`*Did you mean:* ${code(fixtures['not-found'].suggestions).join(', ')}?`);
    const clarify = textOf(renderAnswer(fixtures.clarify).blocks);
    expect(fixtures.clarify.choices.length).toBeGreaterThan(1);
    expect(clarify).toContain(
      `*Which one did you mean?*\n${code(fixtures.clarify.choices)
        .map((c) => `- ${c}`)
        .join('\n')}`,
    );
  });

  it('does not repeat suggestions the summary already names', () => {
    const named = fixtures['not-found'].suggestions.map((n) => `\`${n}\``).join(', ');
    const answer: Answer = { ...fixtures['not-found'], summary: `I don't know \`Standard_Q9\`. Did you mean ${named}?` };
    const text = textOf(renderAnswer(answer).blocks);
    expect(text).toContain(`Did you mean ${named}?`);
    expect(text).not.toContain('*Did you mean:*');
  });

  it('caveats are listed', () => {
    const [caveat] = fixtures.compat.caveats;
    expect(caveat).toBeDefined();
    expect(textOf(renderAnswer(fixtures.compat).blocks)).toContain(`:warning: *Caveats*\n- ${caveat}`);
  });

  it('adds a Share button only when asked, carrying the value', () => {
    const { blocks } = renderAnswer(fixtures['vm-size'], { shareValue: 'q:/cpulevel Standard_D4s_v5' });
    const actions = blocks.at(-1);
    expect(actions).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', action_id: SHARE_ACTION_ID, value: 'q:/cpulevel Standard_D4s_v5', text: { text: 'Share in channel' } }],
    });
  });

  it('credits the asker on a shared answer, with the question as code; ignores a malformed id', () => {
    const { blocks } = renderAnswer(fixtures['vm-size'], { askedBy: 'U0ASKER' });
    expect(blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U0ASKER> asked: `/cpulevel Standard_D4s_v5`' }] });
    const forged = renderAnswer(fixtures['vm-size'], { askedBy: '!channel' });
    expect(textOf(forged.blocks)).not.toContain('asked');
  });

  it('more than ten sources: nine links and a count', () => {
    const sources = Array.from({ length: 14 }, (_, i) => ({ title: `Source ${i}`, url: `https://example.com/${i}`, asOf: '2025-01-01' }));
    const { blocks } = renderAnswer({ ...fixtures.distro, sources });
    const context = blocks.filter((b) => b.type === 'context').at(-1)!;
    expect(context.type === 'context' && context.elements.length).toBe(10);
    expect(textOf([context])).toContain('…and 5 more sources');
  });
});

describe('renderAnswer: huge answers stay within limits and say so', () => {
  const huge: Answer = {
    ...fixtures['vm-size'],
    title: 'T'.repeat(1000),
    summary: 'S'.repeat(20_000),
    facts: Array.from({ length: 200 }, (_, i) => ({ label: `Fact ${i} ${'l'.repeat(300)}`, value: `v${i} ${'x'.repeat(3000)}` })),
    sections: Array.from({ length: 80 }, (_, i) => ({
      title: `Section ${i}`,
      lines: Array.from({ length: 50 }, (_, j) => `line ${j} ${'y'.repeat(100)}`),
      table: { columns: ['A', 'B', 'C'], rows: Array.from({ length: 500 }, (_, r) => [`a${r}`, 'b'.repeat(60), `c${r}`]) },
    })),
    caveats: Array.from({ length: 60 }, (_, i) => `caveat ${i} ${'c'.repeat(500)}`),
    suggestions: Array.from({ length: 40 }, (_, i) => `Standard_X${i}`),
    sources: Array.from({ length: 40 }, (_, i) => ({ title: `Source ${i} ${'t'.repeat(400)}`, url: `https://example.com/${i}`, asOf: '2025-01-01' })),
    text: 'fallback '.repeat(400),
  };

  it('fits: ≤ 50 blocks, every text within its limit, total under msg_blocks_too_long', () => {
    const message = renderAnswer(huge, { shareValue: 'q:x'.padEnd(2000, 'x'), askedBy: 'U0ASKER' });
    expect(slackMessageProblems({ ...message })).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  });

  it('cuts visibly: title and summary end with the mark, a notice counts what was left out', () => {
    const { blocks } = renderAnswer(huge);
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBe(SLACK_LIMITS.headerText);
    expect(header?.type === 'header' && header.text.text.endsWith(TRUNCATION_MARK)).toBe(true);
    const summary = sections(blocks)[0]!;
    expect(summary.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(summary.text?.text.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(textOf(blocks)).toMatch(/…\(truncated\) \d+ more parts of this answer not shown here\./);
  });

  it('keeps what matters when cutting: suggestions, caveats and sources survive', () => {
    const { blocks } = renderAnswer(huge, { shareValue: 'q:/cpulevel x' });
    const text = textOf(blocks);
    expect(text).toContain('*Did you mean:*');
    expect(text).toContain('*Caveats*');
    expect(text).toContain('<https://example.com/0|');
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('a table too long for a section is cut at a line, fence closed', () => {
    const answer: Answer = { ...fixtures.series, sections: [huge.sections[0]!] };
    const section = sections(renderAnswer(answer).blocks).find((s) => s.text?.text.startsWith('*Section 0*'));
    expect(section?.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect((section?.text?.text.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('a long fact value is cut within the 2,000-character field limit', () => {
    const answer: Answer = { ...fixtures.cpu, facts: [{ label: 'Flags', value: 'f '.repeat(5000) }] };
    const field = sections(renderAnswer(answer).blocks).flatMap((s) => s.fields ?? [])[0]!;
    expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    expect(field.text.endsWith(TRUNCATION_MARK)).toBe(true);
  });
});

describe('renderAnswer: user text can neither ping nor format', () => {
  const hostile =
    '<!channel> <!here> <!everyone> <!subteam^S0TEAM|@oncall> @here @channel @Everyone *bold* _it_ ~s~ `code` ```fence``` & <https://evil.example|click> <@U0OTHER>';
  const answer: Answer = {
    ...fixtures['not-found'],
    query: hostile,
    title: hostile,
    summary: `No size called "${hostile}" is known.`,
    facts: [{ label: hostile, value: hostile }],
    sections: [{ title: hostile, lines: [hostile], table: { columns: [hostile], rows: [[hostile]] } }],
    caveats: [hostile],
    suggestions: [hostile],
    sources: [{ title: hostile, url: 'https://example.com/a|b>c&d', asOf: '2025-01-01' }],
    text: hostile,
  };

  it('no special mention, broadcast word, raw link or user mention survives anywhere', () => {
    const message = renderAnswer(answer, { askedBy: 'U0ASKER', shareValue: 'q:x' });
    expect(slackMessageProblems({ ...message })).toEqual([]);
    for (const text of allText(message)) {
      expect(text).not.toMatch(PING);
      expect(text).not.toContain('<https://evil.example');
      expect(text).not.toContain('<@U0OTHER>');
    }
  });

  it('escapes &, < and > and defuses formatting characters at word edges', () => {
    const { blocks } = renderAnswer(answer);
    const summary = sections(blocks)[0]!.text!.text;
    expect(summary).toContain('&lt;!channel&gt;');
    expect(summary).toContain('@\u200Dhere');
    expect(summary).toContain('&amp;');
    expect(summary).not.toMatch(/[*_~]/);
    expect((summary.match(/`/g) ?? []).length % 2).toBe(0);
  });

  it('links to sources are well formed even when the URL holds |, > and &', () => {
    const { blocks } = renderAnswer(answer);
    expect(textOf(blocks)).toContain('<https://example.com/a%7Cb%3Ec&amp;d|');
  });

  it('holds for arbitrary input (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '<!channel>',
        '<!here>',
        '<!everyone>',
        '<!subteam^S1|@team>',
        '@here',
        '@channel',
        '@everyone',
        '`',
        '```',
        '*',
        '_',
        '~',
        '&',
        '<',
        '>',
        '|',
        '\n',
        ' ',
        '😀',
        'https://x.example/a_b',
      ),
    );
    const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, text, fc.array(text, { maxLength: 30 }), (title, summary, value, many) => {
        const a: Answer = {
          ...fixtures.compat,
          title,
          summary,
          facts: many.map((m) => ({ label: m, value })),
          sections: many.map((m) => ({ title: m, lines: [value, summary], table: { columns: [m, value], rows: [[title, m]] } })),
          caveats: many,
          suggestions: many,
          text: summary,
        };
        const message = renderAnswer(a, { shareValue: `q:${value}` });
        expect(slackMessageProblems({ ...message })).toEqual([]);
        for (const t of allText(message.blocks)) {
          if (t.startsWith('q:')) continue; // the button value is data, never shown
          expect(t).not.toMatch(PING);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('renderAnswer: caveats kept between answers', () => {
  it('renders each caveat exactly as mrkdwn does, the first time, again, and after the kept ones were emptied', () => {
    const caveatSection = (answer: Answer): string | undefined =>
      sections(renderAnswer(answer).blocks).find((s) => s.text?.text.includes('*Caveats*'))?.text?.text;
    // more different caveats than are kept, each with something to escape, defuse or keep as code
    const caveats = Array.from({ length: 1_200 }, (_, i) => `Caveat ${i}: run \`ld.so --help\`; *not* @channel <${i}> _x_ & ~y~`);
    for (const pass of [0, 1]) {
      for (const caveat of caveats) {
        const answer: Answer = { ...fixtures['vm-size'], caveats: [caveat] };
        expect(caveatSection(answer), `pass ${pass}`).toBe(`:warning: *Caveats*\n- ${mrkdwn(caveat)}`);
      }
    }
    expect(mrkdwn(caveats[0]!)).not.toContain('@channel');
  });
});
