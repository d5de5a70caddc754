// Who sees an answer, decided once (src/core/policy.ts) for every kind: help, problems and questions
// back stay with the asker whatever was asked; any other kind is shared when the word or a platform's
// switch asks for it, and is private otherwise.
import { expect, test } from 'vitest';
import type { AnswerKind } from '../../src/core/answer.js';
import { ALWAYS_PRIVATE_KINDS, isPrivate, isShareable } from '../../src/core/index.js';
import { allFixtures } from '../fixtures/answers.js';

const privateKinds: AnswerKind[] = ['help', 'error', 'not-found', 'clarify'];

test('exactly help, error, not-found and clarify are always private', () => {
  expect([...ALWAYS_PRIVATE_KINDS].sort()).toEqual([...privateKinds].sort());
});

test.each(allFixtures().map((a) => [a.kind, a] as const))('%s: private unless shared by the word or the switch', (kind, answer) => {
  const always = privateKinds.includes(kind);
  for (const visibility of ['private', 'public'] as const) {
    const a = { ...answer, visibility };
    expect(isShareable(a)).toBe(!always);
    expect(isPrivate(a)).toBe(always || visibility === 'private');
    expect(isPrivate(a, true)).toBe(always);
  }
});
