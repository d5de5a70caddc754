// String helpers for Discord output: visible truncation, mention neutralising, markdown escaping.
import { escapeMarkdown as djsEscapeMarkdown } from 'discord.js';
import { truncate as truncateText } from '../../core/index.js';

export const ELLIPSIS = '…';

/** Cut `text` to at most `max` UTF-16 code units, ending in "…" (the core's one truncate). */
export function truncate(text: string, max: number): string {
  return truncateText(text, max, ELLIPSIS, { trimEnd: true });
}

/**
 * Defuse every mention-like token so text can never ping, even if a message is sent without
 * `allowedMentions` by mistake: @everyone, @here, <@user>, <@!user>, <@&role>.
 * A zero-width space after the @ keeps the text readable.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<@([!&]?)(\d+)>/g, '<@\u200b$1$2>');
}

/** discord.js's escaping, with the line-start markdown it leaves alone by default turned on too. */
const ESCAPE_OPTIONS = { inlineCode: false, inlineCodeContent: false, heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

/**
 * Escape Discord markdown in plain text (the core speaks plain text, Discord renders markdown), keeping
 * the core's inline code spans (`ld.so --help`) as code. discord.js's escapeMarkdown does the work; two
 * line-start forms it has no option for are added by hand: block quotes ("> ") and subtext ("-# ").
 */
export function escapeMarkdown(text: string): string {
  if (!MARKDOWN_ACTIVE.test(text)) return text; // most text has nothing to escape: one scan, no regex passes
  return djsEscapeMarkdown(text, ESCAPE_OPTIONS).replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/**
 * Text without any of these has nothing escapeMarkdown would change: the characters of inline markdown
 * (\\ * _ ~ ` | [ ], masked links included) and the line starts of headings, quotes, lists and subtext
 * (# > - + * 1.).
 */
const MARKDOWN_ACTIVE = /[\\*_~`|[\]]|^\s*(?:[#>+-]|\d+\.)/m;

/** A markdown link whose label and URL cannot break out of the link syntax. */
export function link(label: string, url: string): string {
  const safeLabel = label.replace(/[[\]\\]/g, (c) => `\\${c}`);
  const safeUrl = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${safeLabel}](${safeUrl})`;
}
