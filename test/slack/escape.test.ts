import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSlackText, mrkdwn, mrkdwnCode, mrkdwnLink, plainText, truncate } from '../../src/adapters/slack/escape.js';
import { questionText } from '../fuzz/arbitraries.js';
import { referenceFromSlackText, referenceMrkdwn, referenceMrkdwnCode, referenceMrkdwnLink, referencePlainText } from './escape-reference.js';

describe('fromSlackText: Slack wire text -> plain words', () => {
  it('drops the bot mention and keeps the question', () => {
    expect(fromSlackText('<@UBOT> what is azure linux 4 based on?', 'UBOT')).toBe('what is azure linux 4 based on?');
    expect(fromSlackText('hey <@UBOT|azlinux>, and is it in preview?', 'UBOT')).toBe('hey , and is it in preview?');
  });

  it('decodes entities and unwraps links, channels and other mentions', () => {
    expect(fromSlackText('flags &lt;avx2&gt; &amp;&amp; sse4_2')).toBe('flags <avx2> && sse4_2');
    expect(fromSlackText('see <https://example.com|the docs> and <https://x.example>')).toBe('see the docs and https://x.example');
    expect(fromSlackText('ask <@U0OTHER> in <#C0CHAN|general>', 'UBOT')).toBe('ask @U0OTHER in #general');
    expect(fromSlackText('<!here> and <!subteam^S1|@oncall>')).toBe('@here and @oncall');
  });

  it('keeps line breaks (pasted ld.so output) but collapses runs of spaces', () => {
    expect(fromSlackText('  x86-64-v3 (supported,   searched)\n  x86-64-v2  ')).toBe('x86-64-v3 (supported, searched)\n x86-64-v2');
    expect(fromSlackText('a\tb \t c\t')).toBe('a b c');
  });

  it('gives exactly what every pass run on every text gives, with or without markup, entities and blanks (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        '<@UBOT>',
        '<@U0X|name>',
        '<#C1|gen>',
        '<!here>',
        '<https://a.example|a>',
        '<mailto:x@y.z>',
        '&lt;',
        '&gt;',
        '&amp;',
        '&',
        '<',
        '>',
        ' ',
        '  ',
        '\t',
        '\n',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          questionText,
          fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        ),
        (t) => {
          expect(fromSlackText(t, 'UBOT')).toBe(referenceFromSlackText(t, 'UBOT'));
          expect(fromSlackText(t)).toBe(referenceFromSlackText(t));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('mrkdwn: plain text -> mrkdwn that shows exactly what was written', () => {
  it('escapes the three characters Slack requires', () => {
    expect(mrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('defuses broadcasts with a zero-width joiner', () => {
    expect(mrkdwn('@here @channel @EVERYONE')).toBe('@\u200Dhere @\u200Dchannel @\u200DEVERYONE');
    expect(mrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('leaves underscores inside names, swaps formatting characters at word edges', () => {
    expect(mrkdwn('Standard_D4s_v5 sse4_2')).toBe('Standard_D4s_v5 sse4_2');
    expect(mrkdwn('*bold* _it_ ~s~ a`b')).not.toMatch(/[*_~`]/);
  });

  it('keeps balanced `code` spans (the core quotes names that way), content shown literally', () => {
    expect(mrkdwn("I don't know `d9x v9`. Did you mean `Standard_D4s_v5`?")).toBe("I don't know `d9x v9`. Did you mean `Standard_D4s_v5`?");
    expect(mrkdwn('`<!here> *x*`')).toBe('`&lt;!here&gt; *x*`');
    expect(mrkdwn('`@channel`')).toBe('`@\u200Dchannel`');
    expect(mrkdwn('a ``` b ` c')).toBe('a ˋˋˋ b ˋ c');
  });

  it('leaves URLs intact so Slack still links them', () => {
    expect(mrkdwn('see https://learn.microsoft.com/a_b/_c?x=1&y=2 now')).toBe('see https://learn.microsoft.com/a_b/_c?x=1&amp;y=2 now');
  });

  it('code text cannot close its fence', () => {
    expect(mrkdwnCode('```x``` <b>')).toBe('ˋˋˋxˋˋˋ &lt;b&gt;');
  });

  it('plain_text keeps characters but not pings', () => {
    expect(plainText('A & B <!here> @here')).toBe('A & B <\u200D!here> @\u200Dhere');
  });

  it('links: http(s) only, label cannot end the link early', () => {
    expect(mrkdwnLink('https://a.example/x', 'T|i>t')).toBe('<https://a.example/x|T¦i&gt;t>');
    expect(mrkdwnLink('javascript:alert(1)', 'bad')).toBe('bad');
  });
});

describe('truncate', () => {
  it('leaves short text alone and marks what it cuts', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('x'.repeat(50), 20)).toBe(`${'x'.repeat(8)}…(truncated)`);
    expect(truncate('x'.repeat(50), 20)).toHaveLength(20);
  });

  it('never splits an entity or a surrogate pair', () => {
    expect(truncate('aaaaaa&amp;bbbbbbbbbbbbbbbbbbbb', 21)).toBe('aaaaaa…(truncated)');
    const emoji = truncate('abcdefg😀😀😀😀😀😀😀😀😀😀', 21);
    expect(emoji.endsWith('…(truncated)')).toBe(true);
    expect(/[\uD800-\uDBFF]…/.test(emoji)).toBe(false);
  });
});

describe('the fast escaping gives exactly what the character-by-character version gave', () => {
  // Text dense in what the escaping acts on: formatting characters at word edges and inside words,
  // code spans, URLs, entities, broadcasts, astral letters and lone surrogates next to an underscore.
  const piece = fc.constantFrom(
    '*',
    '_',
    '~',
    '`',
    '```',
    '&',
    '<',
    '>',
    '|',
    '@here',
    '@Channel',
    '@everyoneX',
    '<!here>',
    '<@U1>',
    '<#C1>',
    'https://a.example/x_y*z~w',
    'http://b.example/`q`',
    'Standard_D4s_v5',
    'sse4_2',
    '`code span`',
    '` x`',
    'a_',
    '_b',
    'é_é',
    'Ⅻ_1',
    '𝐀_𝐁',
    '\uD835_',
    '_\uDC00',
    '\u200d',
    ' ',
    '\n',
    '\t',
    '.',
    ',',
    '2_3',
    'x*y',
    '~s~',
  );
  const dense = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((p) => p.join(''));
  const text = fc.oneof(dense, questionText);

  it('mrkdwn, mrkdwnCode, plainText and mrkdwnLink', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(mrkdwn(t)).toBe(referenceMrkdwn(t));
        expect(mrkdwnCode(t)).toBe(referenceMrkdwnCode(t));
        expect(plainText(t)).toBe(referencePlainText(t));
        expect(mrkdwnLink('https://x.example/a_b?c=1&d=<2>|', t)).toBe(referenceMrkdwnLink('https://x.example/a_b?c=1&d=<2>|', t));
      }),
      { numRuns: 3000 },
    );
  });
});
