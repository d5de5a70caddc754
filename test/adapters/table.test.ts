// alignedLines: the one monospace table layout Slack and Discord share.
import { describe, expect, it } from 'vitest';
import { alignedLines } from '../../src/adapters/common/table.js';

describe('alignedLines', () => {
  const head = ['size', 'verdict', 'why'];
  const body = [
    ['Standard_D2s_v3', 'depends', 'Broadwell hosts are x86-64-v3'],
    ['D2_v2', 'no', ''],
    ['Standard_D4as_v5', 'yes'],
  ];
  const lines = alignedLines(head, body);

  it('has the header, a rule and every row, in order', () => {
    expect(lines).toHaveLength(2 + body.length);
    expect(lines[0]!.split(/\s{2,}/)).toEqual(head);
    expect(lines[1]).toMatch(/^-+( {2}-+)*$/);
    body.forEach((row, i) => {
      expect(lines[i + 2]!.startsWith(row[0]!)).toBe(true);
    });
  });

  it('starts every column at the same place, two spaces after the widest cell before it', () => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + 2, 0));
    [head, ...body].forEach((row, r) => {
      const line = lines[r === 0 ? 0 : r + 1]!;
      row.forEach((cell, i) => {
        expect(line.slice(starts[i]!, starts[i]! + cell.length)).toBe(cell);
      });
    });
    expect(lines[1]!.split('  ').map((d) => d.length)).toEqual(widths);
  });

  it('leaves no trailing spaces, even for short or missing last cells', () => {
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });
});
