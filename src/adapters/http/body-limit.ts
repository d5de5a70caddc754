// Request bodies are bounded: a body declared (Content-Length) over the limit is refused at the headers,
// before a byte of it is read or any signature is checked; one that turns out longer while streaming
// (chunked) is cut off at the limit. The connection is closed either way, so the rest is never read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './json.js';

/** Slack's payloads are a few KB (a slash command's text is at most 4,000 characters); 1 MiB is ample. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The declared length when it is over `limit` (or unreadable), else undefined. */
export function declaredTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): string | undefined {
  const header = req.headers['content-length'];
  if (header === undefined) return undefined;
  if (!/^\d+$/.test(header)) return header;
  return Number(header) > limit ? header : undefined;
}

export function refuseTooLarge(res: ServerResponse, limit = MAX_BODY_BYTES): void {
  sendError(res, 413, 'payload too large', `request bodies are limited to ${limit} bytes`, { connection: 'close' });
}
