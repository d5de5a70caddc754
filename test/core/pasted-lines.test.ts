// A pasted flags line is read whole: through markdown around its name and its flags ("**flags**: …", "`flags : …`"),
// and over the lines a chat box, a mail or a terminal wrapped it onto (pasted.ts, flagsLineOf). Every level's flags
// (x86-64-levels.json), wrapped after every word and in every markdown shape, make that level: a line read only to its
// first break once answered an x86-64-v2 machine "does not reach x86-64-v1".
import { describe, expect, test } from 'vitest';
import { ask, catalog } from '../../src/core/index.js';
import { flagsLineOf, pastedLevelAnswer } from '../../src/core/pasted.js';

const c = catalog();
const levels = c.levels.levels;
/** what a real cpuinfo line has beside the level's flags */
const OTHERS = ['vme', 'de', 'pse', 'tsc', 'msr', 'pae', 'mce', 'apic', 'sep', 'mtrr', 'constant_tsc', 'rep_good', 'nopl', 'hypervisor'];
/** each level's flags and every level's below it, among others */
const lines = levels.map((l, i) => ({
  level: l.level,
  flags: [...OTHERS.slice(0, 7), ...levels.slice(0, i + 1).flatMap((x) => x.cpuinfoFlags), ...OTHERS.slice(7)],
}));

const SHAPES: ReadonlyArray<readonly [string, (name: string, body: string) => string]> = [
  ['plain', (n, b) => `${n} : ${b}`],
  ['bold name', (n, b) => `**${n}**: ${b}`],
  ['code span', (n, b) => `\`${n} : ${b}\``],
  ['list item, code body', (n, b) => `- **${n}**: \`${b}\``],
  ['quoted', (n, b) => `> ${n}\t\t: ${b}`],
  ['code fence', (n, b) => `my cpuinfo:\n\`\`\`\n${n}\t\t: ${b}\nbugs\t\t: spectre_v1 spectre_v2\n\`\`\`\nwhat level is this?`],
];

describe('a pasted flags line', () => {
  test('makes its level in every markdown shape, wrapped after every word', () => {
    let asked = 0;
    for (const { level, flags } of lines)
      for (const [shape, make] of SHAPES)
        for (const name of ['flags', 'Flags', 'CPU flags'])
          for (let cut = 1; cut <= flags.length; cut++) {
            // cut === flags.length: one line; else two lines, wrapped after word `cut`
            const body = cut === flags.length ? flags.join(' ') : `${flags.slice(0, cut).join(' ')}\n${flags.slice(cut).join(' ')}`;
            const text = make(name, body);
            const got = pastedLevelAnswer(c, text, text);
            expect(got?.kind, `${shape}: ${text}`).toBe('flags');
            expect(got?.kind === 'flags' && got.level, `${shape}, cut after ${cut}: ${text}`).toBe(level);
            asked++;
          }
    expect(asked).toBeGreaterThan(500);
  });

  test('wrapped onto many lines, every line is read', () => {
    for (const { level, flags } of lines)
      for (const width of [1, 2, 3, 5, 8]) {
        const rows: string[] = [];
        for (let i = 0; i < flags.length; i += width) rows.push(flags.slice(i, i + width).join(' '));
        const text = `flags\t\t: ${rows.join('\n')}`;
        const got = ask(text);
        expect(got.kind === 'flags' && got.level, text).toBe(level);
      }
  });

  test('stops at the next "name :" line and at a sentence', () => {
    const text = 'flags : fpu cmov cx8\nsse sse2\nbugs : spectre_v1\nwhat level is it\nmore words';
    expect(flagsLineOf(text)?.flags.trim()).toBe('fpu cmov cx8 sse sse2');
    expect(flagsLineOf('flags: fpu sse\nwhat level is this')?.flags.trim()).toBe('fpu sse');
    expect(flagsLineOf('flags: fpu sse\n\nsse2')?.flags.trim()).toBe('fpu sse');
    expect(flagsLineOf('no flags here')).toBeNull();
  });

  test('its span covers the lines it read, so the rest of the text is read apart', () => {
    const text = 'Standard_D2s_v3\nflags : fpu cmov\ncx8 sse sse2\nbugs : none';
    const line = flagsLineOf(text)!;
    expect(text.slice(line.start, line.end)).toBe('flags : fpu cmov\ncx8 sse sse2');
  });
});
