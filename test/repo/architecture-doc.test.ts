// docs/architecture.md names files, classes and functions as it follows a request through the layers:
// every one of them must exist, so the walk-through cannot drift from the code unnoticed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const sources = files(join(ROOT, 'src'));
const code = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
/** the doc's own example of a platform to add, and the things the steps tell you to create */
const HYPOTHETICAL = /teams|Teams/;
/** the platforms' own names for things (events, API methods), not this code's */
const PLATFORM_TERMS = new Set(['INTERACTION_CREATE']);

const quoted = [...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);

test('every src/ and test/ path it names exists', () => {
  const paths = [...new Set([...doc.matchAll(/\b((?:src|test|docs)\/[\w./-]+)/g)].map((m) => m[1]!.replace(/[.,)]+$/, '')))].filter(
    (p) => !HYPOTHETICAL.test(p),
  );
  expect(paths.length).toBeGreaterThan(20);
  for (const p of paths) expect(existsSync(join(ROOT, p)), p).toBe(true);
});

test('every file name it quotes is a file under src', () => {
  const names = new Set(sources.map((f) => basename(f)));
  const quotedFiles = quoted.filter((q) => /^[\w-]+\.ts$/.test(q) && !HYPOTHETICAL.test(q));
  expect(quotedFiles.length).toBeGreaterThan(15);
  for (const f of quotedFiles) expect(names.has(f), f).toBe(true);
});

test('every class, function and method it quotes is declared in src', () => {
  const identifiers = quoted.filter((q) => /^[A-Za-z_]\w*(\.\w+)?$/.test(q) && !HYPOTHETICAL.test(q) && !/\.ts$/.test(q) && !PLATFORM_TERMS.has(q));
  expect(identifiers.length).toBeGreaterThan(25);
  for (const id of identifiers) {
    const name = id.split('.').pop()!;
    const declared = new RegExp(
      `(?:class|interface|type|function|const|let|enum)\\s+${name}\\b|^\\s+(?:async\\s+|private\\s+|protected\\s+|override\\s+|readonly\\s+|static\\s+|get\\s+)*${name}\\b\\s*[(:?=<]|\\b${name}\\??:`,
      'm',
    );
    // or, for a platform's event or API method, where the code names it
    const used = code.includes(`'${name}'`) || code.includes(`.${name}(`);
    expect(declared.test(code) || used, id).toBe(true);
  }
});
