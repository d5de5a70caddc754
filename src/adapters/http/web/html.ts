// HTML text and attribute escaping. Hand-written because it is five replacements; a template library
// would add a dependency for nothing the page needs.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content or a quoted attribute value. */
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}

/** An http(s) URL safe to put in href, or undefined (javascript:, data: and the like are dropped). */
export function safeHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's own link for a question: /?q=… */
export function questionHref(question: string): string {
  return `/?${new URLSearchParams({ q: question }).toString()}`;
}
