// Text clean-up shared by the parser and the name index: one definition of "the same name".

/** Longest input the parser reads; longer input is cut (flags pastes fit easily). */
export const MAX_INPUT = 20_000;

/** Unicode-normalise, drop control characters (keeping newlines and tabs), cap the length. */
export function cleanInput(raw: string): string {
  return raw
    .slice(0, MAX_INPUT)
    .normalize('NFKC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ')
    .trim();
}

/** A lookup key: lower case, letters and digits only ("Standard_D4s_v5" -> "standardd4sv5"). */
export function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Key for VM sizes and series: keyOf without a leading "standard"/"basic" prefix kept apart. */
export function sizeKeyOf(name: string): string {
  return keyOf(name).replace(/^standard/, '');
}

/** Words of a sentence, case kept: split on anything that is not a letter, digit, '_', '-', '.' or '+'. */
export function splitWords(text: string): string[] {
  return (
    text
      // "D4s_v5のCPU": a Latin name glued to another script is still a word of its own
      .replace(/(?<=[A-Za-z0-9_])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[A-Za-z0-9_])/g, ' ')
      .split(/[^\p{L}\p{N}_\-.+]+/u)
      .map((w) => w.replace(/^[-.]+|[-.]+$/g, ''))
      .filter((w) => w.length > 0)
  );
}

/** Words of a sentence, lower case (aligned with splitWords). */
export function wordsOf(text: string): string[] {
  return splitWords(text).map((w) => w.toLowerCase());
}

/** How `truncate` may adjust its cut: `trimEnd` drops the spaces before the mark; `safeCut` moves the cut
 * earlier so a unit of the output syntax (Slack's `&amp;` entities, say) is never split. */
export interface TruncateOptions {
  trimEnd?: boolean;
  safeCut?: (text: string, cut: number) => number;
}

/**
 * Shorten `text` to at most `max` UTF-16 code units (the stricter way to count every platform's limits),
 * ending with `mark` when anything was dropped. Never splits a surrogate pair. The one truncate: the
 * adapters pass their mark and their syntax's safe cut.
 */
export function truncate(text: string, max: number, mark = '…', options: TruncateOptions = {}): string {
  if (text.length <= max) return text;
  if (max <= mark.length) return mark.slice(0, Math.max(0, max));
  let cut = max - mark.length;
  if (options.safeCut) cut = options.safeCut(text, cut);
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1; // a high surrogate whose pair would be cut off
  const kept = text.slice(0, cut);
  return (options.trimEnd ? kept.trimEnd() : kept) + mark;
}

/** Join with commas and a final "and": ["a","b","c"] -> "a, b and c". */
export function listOf(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** A word the user typed, safe to repeat in an answer: name characters only (so no `<!channel>`,
 * `@everyone` or formatting survives), at most 40 characters. */
export function echo(typed: string): string {
  const safe = typed
    .replace(/[^\p{L}\p{N} _.+\-/]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(safe || '(that)', 40);
}
