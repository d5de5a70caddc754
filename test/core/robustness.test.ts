// Broken or hostile input gets a clear, bounded answer: never a throw, never a ping.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';

function sane(input: string) {
  const a = ask(input);
  expect(a.text.length).toBeGreaterThan(0);
  expect(a.text.length).toBeLessThanOrEqual(4000);
  expect(a.summary.length).toBeGreaterThan(0);
  return a;
}

describe('hostile input', () => {
  test.each([
    ['empty', ''],
    ['spaces', '    '],
    ['slash only', '/'],
    ['empty azlinux', '/azlinux'],
    ['empty cpulevel', '/cpulevel'],
    ['unknown command', '/rm -rf /'],
    ['20,000 characters', 'x'.repeat(20_000)],
    ['20,000 character size-like line', 'D4s_v5 '.repeat(3000)],
    ['control characters', '\u0000\u0001\u0007\u001b[31m/cpulevel D4s_v5\u001b[0m'],
    ['emoji', '🐧🐧🐧 🚀'],
    ['RTL and combining', '\u202eevil\u202c a\u0301\u0301\u0301'],
    ['lone surrogates', '\ud800\udc00\ud800'],
    ['mass ping', '@everyone @here <!channel> what is azure linux based on?'],
  ])('%s', (_n, input) => {
    sane(input);
  });

  test('unknown names get the three closest known ones', () => {
    const a = sane('/cpulevel Standard_D4s_v55');
    expect(a.kind).toBe('not-found');
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.suggestions).toContain('Standard_D4s_v5');
  });

  test('arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        sane(s);
        sane(`/cpulevel ${s}`);
        sane(`/azlinux compat ${s}`);
      }),
      { numRuns: 300 },
    );
  });
});
