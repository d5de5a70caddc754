// The one truncate (src/core/text.ts) that Slack, Discord and the core's plain text all cut with.
import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/core/text.js';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Every high surrogate followed by its low one, and every low one preceded by its high one. */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c) && !isLow(s.charCodeAt(i + 1))) return false;
    if (isLow(c) && !isHigh(s.charCodeAt(i - 1))) return false;
  }
  return true;
}

describe('truncate', () => {
  const text = 'Dv5 🚀 runs on Ice Lake &amp; Sapphire Rapids   and 😀😀 more';
  const marks = ['…', '…(truncated)', ''];

  it('returns text that fits unchanged, and otherwise at most max units ending in the mark, at every max', () => {
    for (const mark of marks) {
      for (let max = 0; max <= text.length + 2; max++) {
        const out = truncate(text, max, mark);
        if (text.length <= max) {
          expect(out).toBe(text);
          continue;
        }
        expect(out.length).toBeLessThanOrEqual(max);
        if (max > mark.length) {
          expect(out.endsWith(mark)).toBe(true);
          const kept = out.slice(0, out.length - mark.length);
          expect(text.startsWith(kept)).toBe(true);
          // as much as fits, less one unit only when a surrogate pair would be split
          expect(kept.length).toBeGreaterThanOrEqual(max - mark.length - 1);
          expect(wellFormed(kept)).toBe(true);
        } else {
          expect(out).toBe(mark.slice(0, max));
        }
      }
    }
  });

  it('never splits a surrogate pair', () => {
    const at = text.indexOf('🚀');
    expect(truncate(text, at + 1 + 1, '…')).toBe(`${text.slice(0, at)}…`);
    expect(truncate(text, at + 2 + 1, '…')).toBe(`${text.slice(0, at + 2)}…`);
  });

  it('trims the spaces before the mark only when asked', () => {
    const at = text.indexOf('   and') + 2;
    expect(truncate(text, at + 1, '…')).toBe(`${text.slice(0, at)}…`);
    expect(truncate(text, at + 1, '…', { trimEnd: true })).toBe(`${text.slice(0, at).trimEnd()}…`);
  });

  it('moves the cut to where safeCut says, never past max', () => {
    const amp = text.indexOf('&amp;');
    const seen: number[] = [];
    const out = truncate(text, amp + 3 + 1, '…', {
      safeCut: (t, cut) => {
        seen.push(cut);
        return t.lastIndexOf('&', cut) >= 0 ? t.lastIndexOf('&', cut) : cut;
      },
    });
    expect(seen).toEqual([amp + 3]);
    expect(out).toBe(`${text.slice(0, amp)}…`);
  });
});
