// The ack body's fast path (reply-bytes.ts) against the stock one, Buffer.from(JSON.stringify(reply)), over
// every row of the data: every size, series and CPU, every distribution release, every corpus question,
// rendered private, public (credited) and with a Share button; then the hand-built answers blown past
// Slack's limits and full of hostile text, and arbitrary JSON. Byte for byte, so escaping is exactly as strict.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Block, ContextBlock, SectionBlock } from '../../src/adapters/slack/blocks.js';
import { mrkdwn } from '../../src/adapters/slack/escape.js';
import { renderAnswer, type RenderOptions } from '../../src/adapters/slack/render.js';
import { replyBytes, SharedByText, shared } from '../../src/adapters/slack/reply-bytes.js';
import type { Answer } from '../../src/core/answer.js';
import { ask, catalog } from '../../src/core/index.js';
import { allFixtures, fixtures, huge } from '../fixtures/answers.js';

const stock = (reply: unknown): Buffer => Buffer.from(JSON.stringify(reply));

const OPTIONS: Array<[string, RenderOptions]> = [
  ['private', {}],
  ['public', { askedBy: 'U0ASKER' }],
  ['with a Share button', { shareValue: 'k:0f9e2c7a-1b2c-4d5e-8f90-a1b2c3d4e5f6' }],
];

/** Every way a reply to this answer goes out, as the listeners build it, compared byte for byte; the count compared. */
function expectSameBytes(answers: Answer[]): number {
  let compared = 0;
  for (const answer of answers) {
    for (const [how, options] of OPTIONS) {
      for (const responseType of ['ephemeral', 'in_channel'] as const) {
        const reply = { response_type: responseType, ...renderAnswer(answer, options) };
        const bytes = replyBytes(reply);
        if (!bytes.equals(stock(reply))) expect(bytes.toString(), `${answer.query} (${how})`).toBe(JSON.stringify(reply));
        compared += 1;
      }
    }
  }
  return compared;
}

const c = catalog();

describe('replyBytes: the same bytes as JSON.stringify, over every row of the data', () => {
  it('every VM size', () => {
    const answers = c.sizes.map((s) => ask(`/cpulevel ${s.size.name}`));
    expect(new Set(answers.map((a) => a.kind))).toEqual(new Set(['vm-size']));
    expect(expectSameBytes(answers)).toBe(c.sizes.length * OPTIONS.length * 2);
  });

  it('every series and every CPU', () => {
    const answers = [...c.series.map((s) => ask(`/cpulevel ${s.record.series}`)), ...[...c.cpus.values()].map((cpu) => ask(`/cpulevel ${cpu.model.model}`))];
    expect(new Set(answers.map((a) => a.kind))).toEqual(new Set(['series', 'cpu']));
    expect(expectSameBytes(answers)).toBe(answers.length * OPTIONS.length * 2);
  });

  it('every distribution release: its lineage, its compatibility with a size, the releases of its distribution', () => {
    const size = c.sizes[0]!.size.name;
    const answers = c.distros.flatMap((d) => [
      ask(`/azlinux releases ${d.name}`),
      ...d.releases.flatMap((r) => [ask(`/azlinux lineage ${d.name} ${r.version}`), ask(`/azlinux compat ${size} ${d.name} ${r.version}`)]),
    ]);
    expect(answers.filter((a) => a.kind === 'compat').length).toBe(c.distros.reduce((n, d) => n + d.releases.length, 0));
    expect(expectSameBytes(answers)).toBe(answers.length * OPTIONS.length * 2);
  });

  it('every corpus question, levels and about', () => {
    const corpus = JSON.parse(readFileSync(new URL('../corpus/questions.json', import.meta.url), 'utf8')) as Array<{ q: string; context?: object }>;
    const answers = [
      ...corpus.map((e) => ask(e.q, e.context)),
      ...['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4'].map((l) => ask(`/cpulevel ${l}`)),
      ask('/azlinux about'),
      ask('/azlinux help'),
    ];
    expect(new Set(answers.map((a) => a.kind)).size).toBeGreaterThan(10);
    expect(expectSameBytes(answers)).toBe(answers.length * OPTIONS.length * 2);
  });

  it('every hand-built answer, blown up past the limits (cut, with a notice) and as it is', () => {
    const answers = allFixtures().flatMap((a) => [a, huge(a, 20)]);
    const cut = answers.map((a) => renderAnswer(a)).filter((m) => JSON.stringify(m).includes('more parts of this answer not shown here'));
    expect(cut.length).toBeGreaterThan(0);
    expect(expectSameBytes(answers)).toBe(answers.length * OPTIONS.length * 2);
  });

  it('text that must be escaped for JSON or defused for Slack, in every part of an answer (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(
        '"',
        '\\',
        '\n',
        '\t',
        '\u0000',
        '\u001f',
        '\u2028',
        '\ud800',
        '\udfff',
        '😀',
        '·',
        '…',
        '<!channel>',
        '@here',
        '`',
        '*',
        '&',
        '<',
        '>',
        '|',
      ),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 5 }), text, (title, summary, many, url) => {
        const answer: Answer = {
          ...fixtures.compat,
          title,
          summary,
          facts: many.map((m) => ({ label: m, value: summary })),
          sections: many.map((m) => ({ title: m, lines: [title], table: { columns: [m], rows: [[summary]] } })),
          caveats: many,
          suggestions: many,
          sources: many.map((m, i) => ({ title: m, url: i % 2 === 0 ? `https://example.com/${url}` : url, asOf: '2025-01-01' })),
        };
        expectSameBytes([answer]);
      }),
      { numRuns: 150 },
    );
  });

  it('any JSON, with shared parts anywhere in it (property)', () => {
    const part = fc.jsonValue().map((v) => shared({ type: 'mrkdwn', text: JSON.stringify(v) ?? '' }));
    const element = fc.oneof(part, fc.jsonValue(), fc.constant(undefined));
    const block = fc.oneof(
      part,
      fc.record({ type: fc.constant('context'), elements: fc.array(element, { maxLength: 4 }) }),
      fc.record(
        { type: fc.constant('context'), block_id: fc.string(), elements: fc.oneof(fc.array(element), fc.string()), extra: fc.jsonValue() },
        { requiredKeys: ['type'] },
      ),
      fc.record({ type: fc.constant('section'), text: part }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(undefined)), fc.array(block, { maxLength: 6 }), fc.jsonValue(), (text, blocks, other) => {
        const reply = { response_type: 'ephemeral', text, blocks, other, skipped: undefined };
        expect(replyBytes(reply).equals(stock(reply))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what JSON.stringify leaves out, writes null where it does', () => {
    const element = shared({ type: 'mrkdwn', text: 'kept' });
    const reply = {
      a: undefined,
      f: () => 1,
      s: Symbol('x'),
      blocks: [undefined, () => 1, null, { type: 'context', elements: [element, undefined, () => 1], gone: undefined }, new Date(0), [element]],
      n: Number.NaN,
      big: [1e21, -0],
      nested: { element },
    };
    expect(replyBytes(reply).toString()).toBe(JSON.stringify(reply));
    expect(replyBytes([element]).toString()).toBe(JSON.stringify([element]));
    expect(replyBytes(Object.create({ inherited: 1 }) as object).toString()).toBe('{}');
  });
});

describe('the parts replies share', () => {
  const caveatsOf = (blocks: Block[]): SectionBlock | undefined =>
    blocks.find((b): b is SectionBlock => b.type === 'section' && (b.text?.text.startsWith(':warning: *Caveats*') ?? false));
  const sourcesOf = (blocks: Block[]): ContextBlock | undefined => blocks.filter((b): b is ContextBlock => b.type === 'context').at(-1);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a source cited by many answers is one element, made once, frozen; a changed source gets its own', () => {
    const series = c.series.find((s) => c.sizes.filter((z) => z.series === s).length >= 2)!;
    const [a, b] = c.sizes.filter((z) => z.series === series);
    const first = sourcesOf(renderAnswer(ask(`/cpulevel ${a!.size.name}`)).blocks)!;
    const again = sourcesOf(renderAnswer(ask(`/cpulevel ${b!.size.name}`)).blocks)!;
    expect(first.elements.length).toBeGreaterThan(1);
    expect(again.elements.length).toBe(first.elements.length);
    for (const [i, element] of first.elements.entries()) {
      expect(again.elements[i]).toBe(element);
      expect(Object.isFrozen(element)).toBe(true);
    }

    const source = { title: 'A page', url: 'https://example.com/page', asOf: '2025-01-01' };
    const one = sourcesOf(renderAnswer({ ...fixtures.distro, sources: [source] }).blocks)!.elements[0]!;
    expect(sourcesOf(renderAnswer({ ...fixtures.distro, sources: [source] }).blocks)!.elements[0]).toBe(one);
    source.title = 'A page, renamed';
    const renamed = sourcesOf(renderAnswer({ ...fixtures.distro, sources: [source] }).blocks)!.elements[0]!;
    expect(renamed).not.toBe(one);
    expect(renamed.text).toContain('A page, renamed');
    expect(one.text).not.toContain('renamed');
  });

  it('the sizes of a series share its caveats and processors sections and the facts they have in common', () => {
    const series = c.series.find((s) => c.sizes.filter((z) => z.series === s && !z.size.constrainedFrom).length >= 2)!;
    const [a, b] = c.sizes.filter((z) => z.series === series && !z.size.constrainedFrom);
    const one = renderAnswer(ask(`/cpulevel ${a!.size.name}`)).blocks;
    const two = renderAnswer(ask(`/cpulevel ${b!.size.name}`)).blocks;
    const first = caveatsOf(one);
    expect(first).toBeDefined();
    expect(caveatsOf(two)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first!.text)).toBe(true);
    const processors = (blocks: Block[]) => blocks.find((b): b is SectionBlock => b.type === 'section' && (b.text?.text.startsWith('*May land on') ?? false));
    expect(processors(one)).toBeDefined();
    expect(processors(two)).toBe(processors(one));
    const fields = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : []));
    const architecture = fields(one).find((f) => f.text.startsWith('*Architecture*'));
    expect(architecture).toBeDefined();
    expect(fields(two)).toContain(architecture);
  });

  it('a shared part is never serialised again: a reply citing it stringifies only what is new', () => {
    const answer = ask(`/cpulevel ${c.sizes[3]!.size.name}`);
    const message = renderAnswer(answer);
    const kept = [caveatsOf(message.blocks), ...sourcesOf(message.blocks)!.elements];
    expect(kept.length).toBeGreaterThan(1);
    const stringify = vi.spyOn(JSON, 'stringify');
    const bytes = replyBytes({ response_type: 'ephemeral', ...message });
    const serialised = stringify.mock.calls.map((call) => call[0]);
    stringify.mockRestore();
    for (const part of kept) expect(serialised).not.toContain(part);
    expect(serialised).not.toContain(sourcesOf(message.blocks));
    expect(bytes.equals(stock({ response_type: 'ephemeral', ...message }))).toBe(true);
  });

  it('parts kept by their text: the same text gives the same part, made once; never more than the capacity', () => {
    let made = 0;
    const parts = new SharedByText(3, (text) => {
      made += 1;
      return { type: 'mrkdwn', text };
    });
    const a = parts.get('a');
    expect(parts.get('a')).toBe(a);
    expect(made).toBe(1);
    expect(Object.isFrozen(a)).toBe(true);
    expect(replyBytes({ blocks: [a] }).toString()).toBe('{"blocks":[{"type":"mrkdwn","text":"a"}]}');
    for (const text of ['b', 'c', 'd', 'e', 'f', 'g']) {
      parts.get(text);
      expect(parts.size).toBeLessThanOrEqual(3);
    }
    expect(made).toBe(7);
    expect(parts.get('a')).not.toBe(a); // emptied when full, made again
    expect(parts.get('a')).toEqual(a);
  });

  it('fact fields kept by label and value read exactly as made afresh, the first time, again, and after the kept ones were emptied', () => {
    // more different facts than are kept, each with something to escape or defuse
    const facts = Array.from({ length: 1_500 }, (_, i) => ({ label: `Label ${i % 7} @here`, value: ` v${i} *x* & <y> ` }));
    for (const pass of [0, 1]) {
      for (const fact of facts) {
        const fields = renderAnswer({ ...fixtures.cpu, facts: [fact] }).blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : []));
        expect(
          fields.map((f) => f.text),
          `pass ${pass}`,
        ).toEqual([`*${mrkdwn(fact.label)}*\n${mrkdwn(fact.value.trim())}`]);
        expect(Object.isFrozen(fields[0])).toBe(true);
      }
    }
  });

  it('shared parts are frozen all the way down: a caller cannot change what another reply shows', () => {
    const element = shared({ type: 'mrkdwn', text: 'x', nested: { deep: ['y'] } });
    expect(() => {
      (element as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(() => {
      element.nested.deep.push('z');
    }).toThrow(TypeError);
    expect(replyBytes({ blocks: [element] }).toString()).toBe('{"blocks":[{"type":"mrkdwn","text":"x","nested":{"deep":["y"]}}]}');
  });
});
