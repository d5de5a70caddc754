// The literal gate (src/core/question/literal-gate.ts, required-literals.ts): a question runs only the patterns whose
// required literals it holds. It must change nothing: every pattern that matches a text is let through, and the
// mention scanner and the intent reader read every text exactly as they do running every pattern.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { catalog } from '../../src/core/index.js';
import { INTENT_PATTERNS, intentGate, readIntent } from '../../src/core/intent.js';
import { intentOffset, mayNameFamilyCpu, mentionPatterns, questionGate, scanMentions } from '../../src/core/question/mentions.js';
import { identifyCpus } from '../../src/core/cpu-family.js';
import { everyPattern, LiteralGate, literalTable, mayMatch, strongest, type Candidates } from '../../src/core/question/literal-gate.js';
import { LITERAL_TABLE } from '../../src/core/question/literal-table.js';
import { requiredDigitRun, requiredLiterals } from '../../src/core/question/required-literals.js';
import { gateTexts } from './name-texts.js';

const c = catalog();
const texts = gateTexts(c);
const ASCII = /^[\x00-\x7f]*$/;

describe('requiredLiterals', () => {
  test.each([
    [/xeon/i, [['xeon']]],
    [/\bkvm(?:32|64)\b/gi, [['kvm32', 'kvm64']]],
    [/cpu does not support (x86-64-v[1-4])/gi, [['cpu'], ['does'], ['not'], ['support'], ['x86-64-v1', 'x86-64-v2', 'x86-64-v3', 'x86-64-v4']]],
    // a space is read as any character (a blanked text has spaces where it had letters)
    [/big sur/, [['big'], ['sur']]],
    // an optional part needs nothing; a repeated one what it holds once
    [/\b(?:intel\s+)?xeon\s+(?:[xlwe]\s?)?\d{4}[a-z]?\b/gi, [['xeon']]],
    [/(?:ab)+c/, [['ab'], ['c']]],
    [/x{2,3}y/, [['x'], ['y']]],
    [/ab?c/, [['ac', 'abc']]],
    [/a*b/, [['b']]],
    // an alternative that needs nothing makes the whole need nothing
    [/ab|c*/, []],
    [/^\W*(does|do|is)\b/, [['do', 'is']]],
    // upper case in the pattern, and under the i flag, is lower case in the literal
    [/\bE3[\s-]*(?<n>12\d{2}[A-Z]?)\b/g, [['e3'], ['12']]],
    // lookarounds, anchors and word boundaries match no characters; what a positive lookaround looks for is needed
    [/(?<=intel\s+)g\d{3}(?![\w-])/gi, [['intel'], ['g']]],
    [
      /^foo$|\Bbar(?=baz)/,
      [
        ['foo', 'bar'],
        ['foo', 'baz'],
      ],
    ],
    [/a(?!bc)d/, [['ad']]],
    [/a(?<!b)d/, [['ad']]],
    [/x(?=y)z/, [['x'], ['y'], ['z']]],
    // an alternation's clauses are spread over its sides
    [
      /(?:ab)+c|d+e/,
      [
        ['ab', 'd'],
        ['ab', 'e'],
        ['c', 'd'],
        ['c', 'e'],
      ],
    ],
    // a class of a few characters is its characters, a larger or negated one any character
    [/e[357]-/i, [['e3-', 'e5-', 'e7-']]],
    [/a[a-z]b/, [['a'], ['b']]],
    [/a[^x]b/, [['a'], ['b']]],
    [/a.b/s, [['a'], ['b']]],
    // escapes stand for their characters; a back-reference for anything
    [/\x41\u0042\.c/, [['ab.c']]],
    [/(ab)\1c/, [['ab'], ['c']]],
    // beyond ASCII: kept as typed, except what Unicode case folding matches to an ASCII letter
    [/(?:不支持|没有)\s*avx/iu, [['不支持', '没有'], ['avx']]],
    [/\u017ftop/iu, [['top']]],
    [/\u017ftop/i, [['\u017ftop']]],
    [/\u212aelvin/u, [['\u212aelvin']]],
    // a literal holding a shorter one of its clause is dropped
    [/\b(it|its|this)\b/, [['it', 'this']]],
    // constructs the reader does not know: nothing is known
    [/\p{L}x/u, [['x']]],
    // (an identity escape of a letter, which a regular expression literal here would not be allowed)
    // biome-ignore lint/complexity/useRegexLiterals: see above
    [new RegExp('a\\p'), []],
    // biome-ignore lint/complexity/useRegexLiterals: see above
    [new RegExp('a\\q'), []],
  ] as Array<[RegExp, string[][]]>)('%s', (re, want) => {
    const got = requiredLiterals(re);
    expect(got.map((clause) => [...clause].sort())).toEqual(want.map((clause) => [...clause].sort()));
  });

  test('a class that matches nothing makes a clause no text satisfies', () => {
    // biome-ignore lint/correctness/noEmptyCharacterClassInRegex: the point of the test
    expect(requiredLiterals(/a[]b/)).toEqual([[]]);
  });

  test('the characters beyond ASCII that case-insensitive matching matches to an ASCII character are the ones read as any', () => {
    let beyond = '';
    for (let cp = 0x80; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) beyond += String.fromCharCode(cp);
    const folds = (flags: string) => {
      const out = new Set<number>();
      for (let a = 0; a < 128; a++) {
        const re = new RegExp(`[\\x${a.toString(16).padStart(2, '0')}]`, `g${flags}`);
        for (const m of beyond.matchAll(re)) out.add(m[0].codePointAt(0)!);
      }
      return [...out].sort();
    };
    expect(folds('i')).toEqual([]);
    expect(folds('iu')).toEqual([0x17f, 0x212a]);
    for (const cp of [0x17f, 0x212a]) expect(requiredLiterals(new RegExp(`${String.fromCodePoint(cp)}x`, 'iu'))).toEqual([['x']]);
  });
});

describe('requiredDigitRun', () => {
  test.each([
    [/\d{4}/, 4],
    [/[124]\d{3}/, 4],
    [/[0-9]{3,}/, 3],
    [/e5-?\d{4}/i, 4],
    [/\b(?:intel\s+)?xeon\s+(?:[xlwe]\s?)?\d{4}[a-z]?\b/gi, 4],
    // either side: the fewer; digits beside an optional part are not counted together
    [/1\d|2/, 1],
    [/(?:16|24)\d{2}/, 4],
    [/\d{2}x\d{2}/, 2],
    [/(?:\d{2})?\d{3}/, 3],
    [/\d*\d\d/, 2],
    [/12(?:3|45)6/, 4],
    // a lookahead's digits are in the text too
    [/\d(?=\d{3})/, 3],
    // a class with more than digits, or no digits at all
    [/[\d.]{5}/, 0],
    [/ab/, 0],
    // a construct the reader does not know: nothing is known
    // biome-ignore lint/complexity/useRegexLiterals: an identity escape of a letter
    [new RegExp('\\d{4}\\q'), 0],
  ] as Array<[RegExp, number]>)('%s', (re, want) => {
    expect(requiredDigitRun(re)).toBe(want);
  });

  test('a text without that many digits in a row runs no pattern that needs them', () => {
    const gate = new LiteralGate([/\d{4}/, /xeon \d{4}/, /xeon/]);
    const bits = (text: string) => [0, 1, 2].map((i) => (mayMatch(gate.scan(text), i) ? 1 : 0));
    expect(bits('12 345 xeon')).toEqual([0, 0, 1]);
    expect(bits('xeon 1234')).toEqual([1, 1, 1]);
    expect(bits('x12345')).toEqual([1, 0, 0]);
  });
});

describe('strongest', () => {
  test('keeps the two clauses fewest texts hold, and no clause of one-character literals beside a better one', () => {
    expect(strongest([['a'], ['xeon'], ['cpu', 'processor'], ['v2']])).toEqual([['xeon'], ['cpu', 'processor']]);
    expect(strongest([['a'], ['xeon']])).toEqual([['xeon']]);
    expect(strongest([['a', 'b']])).toEqual([['a', 'b']]);
    expect(strongest([])).toEqual([]);
  });
});

/** A pattern's source without what fast-check cannot generate from (word boundaries, lookarounds): it generates
 * strings some of which the pattern itself matches (those are the ones checked). */
function generable(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      if (!/[bB]/.test(source[i + 1]!)) out += source.slice(i, i + 2);
      i++;
    } else if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
      // skip to the group's closing parenthesis
      let depth = 0;
      let inClass = false;
      for (; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') i++;
        else if (inClass) inClass = ch !== ']';
        else if (ch === '[') inClass = true;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
    } else out += source[i];
  }
  return out;
}

/** Every pattern of every gate, with the gate and its place in it. */
const gates = [
  { name: 'intent', gate: intentGate(), patterns: INTENT_PATTERNS },
  { name: 'question', gate: questionGate(c), patterns: [...mentionPatterns(c), ...INTENT_PATTERNS] },
];

describe('LiteralGate lets through every pattern that matches', () => {
  test.each(gates)('$name: over every text, in lower case and as typed', ({ gate, patterns }) => {
    expect(gate.size).toBe(patterns.length);
    let matched = 0;
    let skipped = 0;
    for (const typed of texts)
      for (const text of [typed, typed.toLowerCase(), typed.toUpperCase()]) {
        const lower = text.toLowerCase();
        const may = gate.scan(lower);
        patterns.forEach((re, i) => {
          re.lastIndex = 0;
          const hit = re.test(text) || ((re.lastIndex = 0), re.test(lower));
          re.lastIndex = 0;
          if (hit) {
            matched++;
            expect(mayMatch(may, i), `${re} on ${JSON.stringify(text)}`).toBe(true);
          } else if (!mayMatch(may, i)) skipped++;
        });
      }
    // the texts match patterns, and the gate skips most that do not: a gate that let all through would pass above
    expect(matched).toBeGreaterThan(texts.length / 10);
    expect(skipped / (texts.length * 3 * patterns.length)).toBeGreaterThan(0.8);
  });

  test.each(gates)('$name: over strings generated from each pattern, in sentences', ({ gate, patterns }) => {
    let tried = 0;
    let matched = 0;
    patterns.forEach((re, i) => {
      let arb: fc.Arbitrary<string>;
      try {
        arb = fc.stringMatching(new RegExp(generable(re.source), re.flags.replace(/[gyi]/g, '')));
      } catch {
        return; // a construct fast-check does not generate from: the texts above cover it
      }
      tried++;
      let hits = 0;
      fc.assert(
        fc.property(
          arb,
          fc.constantFrom('', ' ', 'my ', 'does the ', 'x', 'E5-'),
          fc.constantFrom('', ' ', ' box', '?', 'x', '-v2'),
          fc.boolean(),
          (s, before, after, upper) => {
            const typed = before + s + after;
            const text = upper ? typed.toUpperCase() : typed;
            re.lastIndex = 0;
            const hit = re.test(text);
            re.lastIndex = 0;
            if (!hit || !ASCII.test(text)) return;
            hits++;
            expect(mayMatch(gate.scan(text.toLowerCase()), i), `${re} on ${JSON.stringify(text)}`).toBe(true);
          },
        ),
        { numRuns: 100 },
      );
      if (hits > 0) matched++;
    });
    expect(tried).toBeGreaterThan(patterns.length * 0.9);
    // most patterns were matched by what was generated from them: a generator whose strings matched nothing would pass
    expect(matched).toBeGreaterThan(tried * 0.8);
  });

  test('a text beyond ASCII runs every pattern; a scan is not changed by the ones before it', () => {
    // two groups: the first two patterns, the third
    const gate = new LiteralGate([/xeon/i, /epyc/i, /a/], [0, 2]);
    const bits = (may: Candidates) => [0, 1, 2, 3, 4].map((i) => (mayMatch(may, i) ? 1 : 0));
    expect(bits(gate.scan('ｘeon 日本'))).toEqual([1, 1, 1, 1, 1]);
    const first = gate.scan('xeon e5');
    gate.scan('epyc and a');
    gate.scan('');
    expect(gate.scan('xeon e5')).toEqual(first);
    expect(bits(first)).toEqual([1, 0, 0, 1, 0]);
    expect(gate.anyIn(first, 0)).toBe(true);
    expect(gate.anyIn(first, 1)).toBe(false);
    expect(bits(gate.scan('an epyc'))).toEqual([0, 1, 1, 1, 1]);
    expect(bits(gate.scan('b'))).toEqual([0, 0, 0, 0, 0]);
    expect(bits(everyPattern(gate))).toEqual([1, 1, 1, 1, 1]);
    // a pattern that needs nothing always runs, and its group with it
    expect(bits(new LiteralGate([/xeon/, /.*/], [0, 1]).scan(''))).toEqual([0, 1, 0, 1, 0]);
    // more patterns than a word's bits
    const many = new LiteralGate(Array.from({ length: 40 }, (_, i) => new RegExp(`w${i}x`)));
    const may = many.scan('w3x w33x w39x');
    expect(Array.from({ length: 40 }, (_, i) => i).filter((i) => mayMatch(may, i))).toEqual([3, 33, 39]);
  });
});

describe('the stored table of literals', () => {
  test('is what the analyzer gives for every pattern the gates read, and holds no other (npm run literals writes it)', () => {
    const patterns = [...INTENT_PATTERNS, ...mentionPatterns(c)];
    expect(LITERAL_TABLE).toEqual(literalTable(patterns));
    expect(Object.keys(LITERAL_TABLE).length).toBeGreaterThan(200);
  });

  test('a pattern it does not hold has its literals worked out when its gate is built', () => {
    const gate = new LiteralGate([/zzqq(?:a|b)/]);
    expect(mayMatch(gate.scan('a zzqqa'), 0)).toBe(true);
    expect(mayMatch(gate.scan('a zzq qa'), 0)).toBe(false);
  });
});

describe('the gated readers read what the ungated ones read', () => {
  test(`scanMentions, over ${texts.length} texts`, () => {
    const all = everyPattern(questionGate(c));
    const show = (r: ReturnType<typeof scanMentions>) => JSON.stringify(r, (k, v) => (k === 'family' ? v.rule.model : v));
    let found = 0;
    for (const text of texts) {
      const gated = scanMentions(c, text);
      expect(show(gated), text).toBe(show(scanMentions(c, text, all)));
      if (gated.rest !== text) found++;
    }
    expect(found).toBeGreaterThan(300);
  });

  test(`identifyCpus finds a model number only where the question gate lets a family rule through (mayNameFamilyCpu), over ${texts.length} texts`, () => {
    let named = 0;
    let skipped = 0;
    for (const text of texts) {
      const may = mayNameFamilyCpu(c, questionGate(c).scan(text.toLowerCase()));
      if (identifyCpus(c, text).length) {
        named++;
        expect(may, text).toBe(true);
      } else if (!may) skipped++;
    }
    expect(named).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(texts.length / 2);
  });

  test(`readIntent, over ${texts.length} texts`, () => {
    const all = everyPattern(intentGate());
    let asked = 0;
    for (const text of texts) {
      const lower = text.toLowerCase();
      const gated = readIntent(lower);
      const ungated = readIntent(lower, all);
      expect(gated, text).toEqual(ungated);
      // read by the question gate's scan of the text, before words were cut out of it (as frameOf does)
      const question = questionGate(c).scan(lower);
      expect(readIntent(lower, question, intentOffset(c)), text).toEqual(ungated);
      const cut = lower.replace(/\b(?:common base linux mariner|container host|base|host|based)\b/g, ' ');
      expect(readIntent(cut, question, intentOffset(c)), text).toEqual(readIntent(cut, all));
      if (gated.asks.size) asked++;
    }
    expect(asked).toBeGreaterThan(texts.length / 4);
  });
});
