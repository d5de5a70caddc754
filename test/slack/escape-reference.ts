// The escaping as it was first written (one character at a time), kept only as the oracle for
// escape.test.ts: the fast version in src/adapters/slack/escape.ts must give exactly the same text.
const ZWJ = '\u200D';

/** Slack's entity escaping, in the order that keeps it reversible. */
function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** @channel, @here, @everyone (any case) lose their power; so does a bare <!...> special mention. */
function defuseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${ZWJ}$1`).replace(/<([!@#])/g, `<${ZWJ}$1`);
}

const LOOKALIKE: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

const WORD = /[\p{L}\p{N}]/u;

/**
 * Replace *, _ and ~ where they could open or close formatting (next to a space, punctuation or
 * either end), and every stray `. Inside a word (Standard_D4s_v5, sse4_1) *, _ and ~ cannot take
 * effect, and they stay as typed.
 */
function defuseFormatting(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const swap = LOOKALIKE[ch];
    if (swap === undefined) {
      out += ch;
      continue;
    }
    const before = i > 0 ? (text[i - 1] as string) : '';
    const after = i + 1 < text.length ? (text[i + 1] as string) : '';
    const inWord = WORD.test(before) && WORD.test(after);
    out += inWord && ch !== '`' ? ch : swap; // a stray backtick is never left to pair up
  }
  return out;
}

const URL_RE = /https?:\/\/[^\s<>|`]+/g;

/** Prose: URLs keep their characters (Slack links them); everything around them is defused. */
function prose(plain: string): string {
  let out = '';
  let last = 0;
  for (const m of plain.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    out += defuseFormatting(plain.slice(last, at));
    out += m[0];
    last = at + m[0].length;
  }
  return out + defuseFormatting(plain.slice(last));
}

/** `code` spans on one line: the one piece of markup the core's plain text uses. */
const CODE_SPAN = /`([^`\s](?:[^`\n]*[^`\s])?)`/g;

/**
 * Plain text -> mrkdwn that renders exactly as written: no pings, no accidental formatting.
 * Balanced `code` spans stay code (their content shown literally); every other formatting
 * character that could take effect is swapped for a look-alike.
 */
export function referenceMrkdwn(plain: string): string {
  const safe = (text: string): string => defuseBroadcasts(escapeEntities(text));
  let out = '';
  let last = 0;
  for (const m of plain.matchAll(CODE_SPAN)) {
    const at = m.index ?? 0;
    out += safe(prose(plain.slice(last, at)));
    out += `\`${safe(m[1] ?? '')}\``;
    last = at + m[0].length;
  }
  return out + safe(prose(plain.slice(last)));
}

/** Plain text for inside a ``` code block: escaped, no fence can close early, no pings. */
export function referenceMrkdwnCode(plain: string): string {
  return defuseBroadcasts(escapeEntities(plain.replace(/`/g, LOOKALIKE['`'] as string)));
}

/** Text for a plain_text object (header, button): Slack shows it literally; only pings are defused. */
export function referencePlainText(plain: string): string {
  return defuseBroadcasts(plain);
}

/** A mrkdwn link; http(s) only, anything else is shown as its title alone. */
export function referenceMrkdwnLink(url: string, title: string): string {
  const label = referenceMrkdwn(title.replace(/\|/g, '\u00A6'));
  if (!/^https?:\/\//i.test(url)) return label;
  const href = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${href}|${label}>`;
}

/** Slack's wire text -> plain words, as first written (every pass run on every text). */
export function referenceFromSlackText(text: string, botUserId?: string): string {
  const replaced = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
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
  const decoded = replaced.includes('&') ? replaced.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : replaced;
  return decoded.replace(/[ \t]+/g, ' ').trim();
}
