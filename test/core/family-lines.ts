// Reading the lists answers group by VM family ("General purpose (41): Dsv5, Dasv5, … and 29 more"),
// and the grouping they must show, computed from the raw series table in its order.
import type { RawSeries } from './independent-rules.js';

/** Chat shows at most this many names a family. */
export const PER_FAMILY = 12;

export interface FamilyLine {
  family: string;
  count: number;
  shown: string[];
  /** how many more the line says there are; null when it says nothing more */
  more: number | null;
}

/** One line of a list grouped by family: "Family (n): a, b, … and k more". */
export function parseFamilyLine(line: string): FamilyLine {
  const m = /^(.+?) \((\d+)\): (.*?)(?:\s+\W\s+and (\d+) more)?$/.exec(line);
  if (!m) throw new Error(`not a family line: ${line}`);
  return { family: m[1]!, count: Number(m[2]), shown: m[3]!.split(', '), more: m[4] === undefined ? null : Number(m[4]) };
}

/** The lines a list of series must show, each series written by `name`. */
export function expectedFamilyLines(list: RawSeries[], name: (s: RawSeries) => string = (s) => s.series): FamilyLine[] {
  const groups = new Map<string, RawSeries[]>();
  for (const s of list) groups.set(s.family, [...(groups.get(s.family) ?? []), s]);
  return [...groups].map(([family, ss]) => ({
    family,
    count: ss.length,
    shown: ss.slice(0, PER_FAMILY).map(name),
    more: ss.length > PER_FAMILY ? ss.length - PER_FAMILY : null,
  }));
}

/** The lines of a list by family; an empty list is one line naming no family (nor any count). */
export function readFamilyLines(lines: string[]): FamilyLine[] {
  if (lines.length === 1 && !/\(\d+\):/.test(lines[0]!)) return [];
  return lines.map(parseFamilyLine);
}
