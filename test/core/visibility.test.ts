// Answers are private by default; a trailing `public` shares a lookup; help, errors, not-found and
// clarifying questions always stay private. "public preview" inside a sentence is not the word.
import { expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';

test.each([
  ['/cpulevel Standard_D4s_v5', 'vm-size', 'private'],
  ['/cpulevel Standard_D4s_v5 public', 'vm-size', 'public'],
  ['can I run rhel 10 on a D2s v3? public', 'compat', 'public'],
  ['/cpulevel help public', 'help', 'private'],
  ['/cpulevel Standard_D4s_v99 public', 'not-found', 'private'],
  ['/cpulevel D2 public', 'clarify', 'private'],
  ['is azure linux 4 in public preview?', 'distro', 'private'],
])('%s -> %s, %s', (q, kind, visibility) => {
  const a = ask(q);
  expect(a.kind).toBe(kind);
  expect(a.visibility).toBe(visibility);
  expect(a.text).not.toMatch(/\bpublic$/);
});
