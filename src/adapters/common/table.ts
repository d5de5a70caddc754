// A table as monospace lines, for the platforms that show tables in code blocks (Slack, Discord).

/**
 * Lines of a table whose cells are already shaped for the platform: the header, a rule of dashes under
 * each column, then the body rows; columns padded to their widest cell, two spaces apart, no trailing
 * spaces.
 */
export function alignedLines(head: string[], body: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    widths
      .map((w, i) => (r[i] ?? '').padEnd(w))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}
