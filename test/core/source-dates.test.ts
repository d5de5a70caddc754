// A source's date says what it is: the page's own date, when the fact was checked, or a reference cited
// without its page being re-read (the model-number lists behind the CPU family rules).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ask } from '../../src/core/index.js';
import { sourceDateLabel } from '../../src/core/render-text.js';
import type { Source } from '../../src/data/schema.js';

const families = JSON.parse(readFileSync(new URL('../../src/data/cpu-families.json', import.meta.url), 'utf8')) as {
  families: Array<{ id: string; sources: Source[] }>;
};

describe('source date labels', () => {
  test('each kind of date has its own label', () => {
    const base = { title: 't', url: 'https://example.org/', asOf: '2026-01-02' };
    expect(sourceDateLabel({ ...base, dated: 'page' })).toBe('page dated 2026-01-02');
    expect(sourceDateLabel({ ...base, dated: 'checked' })).toBe('checked 2026-01-02');
    expect(sourceDateLabel(base)).toBe('checked 2026-01-02');
    expect(sourceDateLabel({ ...base, dated: 'cited' })).toBe('cited 2026-01-02, not re-read');
  });

  test('the Wikipedia model-number lists behind the family rules are labelled cited, not checked', () => {
    const wiki = families.families.flatMap((f) => f.sources.filter((s) => s.title.startsWith('Wikipedia:')).map((s) => ({ id: f.id, s })));
    expect(wiki.length).toBeGreaterThan(50);
    for (const { id, s } of wiki) expect(s.dated, id).toBe('cited');
  });

  test('an answer from a family rule says its model list was cited, not re-read', () => {
    const a = ask('/cpulevel Xeon E5-2680 v4');
    expect(a.kind).toBe('cpu');
    expect(a.text).toMatch(/Wikipedia: [^\n]+\(cited \d{4}-\d{2}-\d{2}, not re-read\)/);
  });
});
