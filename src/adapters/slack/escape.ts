// Text crossing the Slack boundary, both ways.
//
// In: Slack escapes &, <, > and wraps mentions, channels and links in <...>; the core wants plain words.
// Out: the core speaks plain text, which may echo what a user typed. Before it goes into mrkdwn it is
// escaped (&, <, > per https://docs.slack.dev/messaging/formatting-message-text#escaping), broadcast
// words are defused with a zero-width joiner, and formatting characters that could open or close
// bold/italic/strike/code are swapped for look-alikes, so nothing a user typed can ping a channel or
// change how the answer looks.
import { TRUNCATION_MARK } from './limits.js';
import { truncate as truncateText } from '../../core/index.js';

const ZWJ = '\u200D';

// Every function here runs over every piece of text in every answer, so each one first checks, with one
// native scan, whether there is anything to do at all; most text has no &, <, >, @ or formatting
// characters, and then it costs a scan and no copy. (A per-character loop here once cost more than the
// core's whole answer.)

const ENTITY_CHARS = /[&<>]/;

/** Slack's entity escaping, in the order that keeps it reversible. */
function escapeEntities(text: string): string {
  if (!ENTITY_CHARS.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const BROADCAST = /@(channel|here|everyone)\b/gi;
const SPECIAL_MENTION = /<([!@#])/g;

/** @channel, @here, @everyone (any case) lose their power; so does a bare <!...> special mention. */
function defuseBroadcasts(text: string): string {
  let out = text;
  if (out.includes('@')) out = out.replace(BROADCAST, `@${ZWJ}$1`);
  if (out.includes('<')) out = out.replace(SPECIAL_MENTION, `<${ZWJ}$1`);
  return out;
}

const LOOKALIKE: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};
const BACKTICK_LOOKALIKE = '\u02CB';

const WORD = /[\p{L}\p{N}]/u;
const FORMATTING = /[*_~`]/;

/** Is this UTF-16 code unit a letter or a digit? (NaN, off either end of the text: no.) */
function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return !Number.isNaN(code) && WORD.test(String.fromCharCode(code));
}

/** `code` spans on one line (the one piece of markup the core's plain text uses), URLs, formatting characters. */
const MARKUP = /`([^`\s](?:[^`\n]*[^`\s])?)`|https?:\/\/[^\s<>|`]+|[*_~`]/g;
/**
 * Text this does not match is left as it is by defuseFormatting: no backtick, no URL, and every *, _
 * and ~ between two ASCII letters or digits (where it cannot take effect). One scan instead of a
 * replacement pass.
 */
const MAY_FORMAT = /`|https?:\/\/|[*_~](?![A-Za-z0-9])|(?<![A-Za-z0-9])[*_~]/;
/** A URL (as MARKUP finds them) starts here. */
const URL_START = /https?:\/\/[^\s<>|`]/y;

/**
 * One pass over plain text, left to right: balanced `code` spans and URLs are kept as they are (Slack
 * links URLs; code shows its content literally); every stray ` is swapped for a look-alike; so are *, _
 * and ~ where they could open or close formatting: next to a space, punctuation, either end of the
 * text, or the start of a URL. Inside a word (Standard_D4s_v5, sse4_1) they cannot take effect, and
 * stay as typed. (Nothing of theirs directly follows a URL, which only ends at a space, <, >, | or `.)
 */
function defuseFormatting(plain: string): string {
  if (!MAY_FORMAT.test(plain)) return plain; // the usual case: only underscores inside names (Standard_D4s_v5)
  return plain.replace(MARKUP, (match: string, _code: string | undefined, at: number) => {
    if (match.length > 1) return match;
    if (match === '`') return BACKTICK_LOOKALIKE; // a stray backtick is never left to pair up
    if (!isWordUnit(plain.charCodeAt(at - 1)) || !isWordUnit(plain.charCodeAt(at + 1))) return LOOKALIKE[match] as string;
    URL_START.lastIndex = at + 1;
    return URL_START.test(plain) ? (LOOKALIKE[match] as string) : match;
  });
}

/** Escaped for mrkdwn: entities, then broadcasts (no `<` is left to start a special mention). */
function safe(text: string): string {
  const escaped = escapeEntities(text);
  return escaped.includes('@') ? escaped.replace(BROADCAST, `@${ZWJ}$1`) : escaped;
}

/** Characters mrkdwn() may change: formatting, entities, broadcasts. Text without any is returned as is. */
const MRKDWN_ACTIVE = /[*_~`&<>@]/;

/**
 * Plain text -> mrkdwn that renders exactly as written: no pings, no accidental formatting.
 * Balanced `code` spans stay code (their content shown literally); every other formatting
 * character that could take effect is swapped for a look-alike. Escaping comes last, over the
 * whole text: code spans and URLs are escaped too, and a look-alike can end a broadcast word.
 */
export function mrkdwn(plain: string): string {
  if (!MRKDWN_ACTIVE.test(plain)) return plain; // the common case: nothing to escape, defuse or keep
  return safe(FORMATTING.test(plain) ? defuseFormatting(plain) : plain);
}

/** Plain text for inside a ``` code block: escaped, no fence can close early, no pings. */
export function mrkdwnCode(plain: string): string {
  return safe(plain.includes('`') ? plain.replace(/`/g, BACKTICK_LOOKALIKE) : plain);
}

/** Text for a plain_text object (header, button): Slack shows it literally; only pings are defused. */
export function plainText(plain: string): string {
  return defuseBroadcasts(plain);
}

/** A mrkdwn link; http(s) only, anything else is shown as its title alone. */
export function mrkdwnLink(url: string, title: string): string {
  const label = mrkdwn(title.includes('|') ? title.replace(/\|/g, '\u00A6') : title);
  if (!HTTP_URL.test(url)) return label;
  const href = LINK_UNSAFE.test(url) ? url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C') : url;
  return `<${href}|${label}>`;
}

const HTTP_URL = /^https?:\/\//i;
const LINK_UNSAFE = /[&<>|]/;

/**
 * Slack's wire text -> the plain words the core expects. Mentions of `botUserId` disappear; other
 * mentions, channels and links become their readable form; entities are decoded.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  // most commands hold no <...> and no run of blanks: then only the entities and the trim are left
  const replaced = !text.includes('<')
    ? text
    : text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
        const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
        if (target.startsWith('@')) {
          const id = target.slice(1);
          if (botUserId !== undefined && id === botUserId) return '';
          return label !== undefined ? `@${label}` : `@${id}`;
        }
        if (target.startsWith('#')) return label !== undefined ? `#${label}` : target;
        if (target.startsWith('!')) {
          const special = target.slice(1).split('^', 1)[0] ?? '';
          if (label !== undefined) return label;
          return `@${special}`;
        }
        if (label !== undefined) return label;
        return target.replace(/^mailto:/, '');
      });
  const decoded = decodeEntities(replaced);
  return (BLANKS_TO_SQUEEZE.test(decoded) ? decoded.replace(/[ \t]+/g, ' ') : decoded).trim();
}

/** What the squeeze to one space changes: a tab, or two blanks in a row. */
const BLANKS_TO_SQUEEZE = /\t| {2}/;

/** Never cut inside an &entity; (the result stays valid mrkdwn). */
function beforeEntity(text: string, cut: number): number {
  const amp = text.lastIndexOf('&', cut);
  if (amp >= 0 && cut - amp < 6) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= cut) return amp;
  }
  return cut;
}

/**
 * Cut `text` to at most `max` characters, ending with the visible truncation mark (the core's one
 * truncate). Never splits an &entity; or a surrogate pair, so the result is still valid mrkdwn.
 */
export function truncate(text: string, max: number, mark: string = TRUNCATION_MARK): string {
  return text.length <= max ? text : truncateText(text, max, mark, SAFE_CUT);
}

const SAFE_CUT = { safeCut: beforeEntity };
